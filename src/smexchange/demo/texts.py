"""Offer and request texts in English and Chinese, composed from templates per cooperation type.

Placeholders: {product}/{product_zh}, {markets}/{markets_zh}, {city}/{city_zh}, {years}, {moq},
{cert}, {share}, {amount}.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from smexchange.demo.places import City
from smexchange.demo.sectors import Product
from smexchange.vocab.countries import country_label


@dataclass(frozen=True)
class Template:
    title_en: str
    title_zh: str
    text_en: str
    text_zh: str


# (cooperation type, direction) -> template. Directions follow directory.enums.Direction.
TEMPLATES: dict[tuple[str, str], Template] = {
    ("supplier", "offer"): Template(
        "{Product} manufacturer offers OEM and private-label supply",
        "{product_zh}生产企业提供OEM及贴牌供货",
        "We have made {product} in {city} for {years} years and export to {markets}. We accept OEM and private-label orders from {moq} units, hold {cert} certification and ship within 30 days of a confirmed order.",
        "本公司在{city_zh}专业生产{product_zh}已有{years}年，产品出口{markets_zh}。可承接OEM及贴牌订单，起订量{moq}件，已通过{cert}认证，确认订单后30天内交货。",
    ),
    ("supplier", "seek"): Template(
        "Looking for reliable suppliers of {product}",
        "寻求{product_zh}的稳定供应商",
        "We are looking for suppliers of {product} who can deliver {moq} units a month to our warehouse in {city}, with {cert} certification and samples before the first order.",
        "我公司寻求{product_zh}供应商，要求每月可向{city_zh}仓库供货{moq}件，具备{cert}认证，首单前可提供样品。",
    ),
    ("distribution", "offer"): Template(
        "Established distributor for {product} in {markets}",
        "{markets_zh}{product_zh}成熟分销渠道",
        "Our sales network covers wholesalers and retail chains in {markets}. We would take on one more line of {product} as exclusive importer and distributor.",
        "我们的销售网络覆盖{markets_zh}的批发商和零售连锁，愿意作为独家进口商和经销商代理一条新的{product_zh}产品线。",
    ),
    ("distribution", "seek"): Template(
        "Seeking distributors for {product} in {markets}",
        "诚招{markets_zh}{product_zh}经销商",
        "We make {product} in {city} and are looking for importers and distributors in {markets}. We offer exclusive territories, marketing support and payment terms for partners who order {moq} units or more a year.",
        "本公司在{city_zh}生产{product_zh}，现诚招{markets_zh}进口商及经销商。年订货{moq}件以上的合作伙伴可享有区域独家代理、市场推广支持和优惠账期。",
    ),
    ("subcontracting", "offer"): Template(
        "Subcontract manufacturing of {product}",
        "承接{product_zh}加工业务",
        "Our plant in {city} has spare capacity and takes on subcontract work for {product}, from single operations to finished goods, to our customers' drawings and quality plans ({cert}).",
        "我厂位于{city_zh}，现有富余产能，可按客户图纸和质量计划承接{product_zh}来料加工、来图加工及成品代工（{cert}认证）。",
    ),
    ("outsourcing", "seek"): Template(
        "Outsourcing production of {product}",
        "寻求{product_zh}外包生产合作",
        "We design {product} for customers in {markets} and want to outsource part of our production to a qualified manufacturer, starting with {moq} units a quarter.",
        "我公司为{markets_zh}客户设计{product_zh}，拟将部分生产外包给合格的制造商，首期每季度{moq}件。",
    ),
    ("outsourcing", "offer"): Template(
        "Outsourced services for companies making {product}",
        "为{product_zh}企业提供外包服务",
        "We take over design, quality inspection and after-sales service for makers of {product} selling in {markets}, so that they can concentrate on production.",
        "我们为在{markets_zh}销售{product_zh}的企业提供设计、质检和售后外包服务，让企业专注于生产。",
    ),
    ("joint_venture", "seek"): Template(
        "Joint venture partner wanted for {product}",
        "寻求{product_zh}合资合作伙伴",
        "We are looking for a partner in {markets} to set up a joint venture for {product}: we bring the plant in {city} and {years} years of know-how, the partner brings the market. Equity share open to discussion ({share}%).",
        "我公司寻求{markets_zh}合作伙伴共同成立{product_zh}合资企业：我方提供{city_zh}的工厂和{years}年的技术积累，合作方提供市场渠道，股比可协商（约{share}%）。",
    ),
    ("joint_venture", "offer"): Template(
        "Open to joint ventures in {product}",
        "欢迎{product_zh}领域的合资合作",
        "We would contribute our brand and distribution in {markets} to a joint venture with a manufacturer of {product}.",
        "我公司愿以自有品牌和{markets_zh}分销渠道出资，与{product_zh}生产企业合资合作。",
    ),
    ("franchise", "offer"): Template(
        "Franchise opportunities: {product}",
        "{product_zh}特许经营加盟",
        "Our {product} concept runs in {years} locations. We offer franchises in {markets} with training, supply of goods and a protected territory.",
        "我们的{product_zh}品牌已开设{years}家门店，现面向{markets_zh}招募加盟商，提供培训、统一供货和区域保护。",
    ),
    ("franchise", "seek"): Template(
        "Looking for a franchise to bring to {markets}",
        "寻求可引入{markets_zh}的特许经营品牌",
        "We run retail space in {city} and want to take on a franchise for {product} with a proven concept.",
        "我公司在{city_zh}拥有商业铺面，希望引进成熟的{product_zh}特许经营品牌。",
    ),
    ("licensing", "offer"): Template(
        "Technology licence for {product}",
        "{product_zh}技术许可转让",
        "We hold patents on a process for {product} that cuts material use by about {share}%. We license it to manufacturers in {markets}, with training for their engineers.",
        "我公司拥有{product_zh}生产工艺专利，可降低材料消耗约{share}%，现向{markets_zh}制造商许可使用，并提供工程师培训。",
    ),
    ("licensing", "seek"): Template(
        "Seeking licensed technology for {product}",
        "寻求{product_zh}技术许可",
        "We want to license a proven technology to upgrade our production of {product}, for use in our plant in {city}.",
        "我公司拟引进成熟技术许可，用于升级{city_zh}工厂的{product_zh}生产线。",
    ),
    ("technical_cooperation", "offer"): Template(
        "Technical cooperation in {product}",
        "{product_zh}技术合作",
        "Our engineers have {years} years of experience with {product}. We offer joint development, process audits and training to partners in {markets}.",
        "我公司工程师在{product_zh}领域拥有{years}年经验，可为{markets_zh}合作伙伴提供联合开发、工艺诊断和技术培训。",
    ),
    ("technical_cooperation", "seek"): Template(
        "Partner wanted to develop the next generation of {product}",
        "寻求合作伙伴共同研发新一代{product_zh}",
        "We are looking for a research partner or manufacturer in {markets} to develop energy-saving {product} together and share the results.",
        "我公司寻求{markets_zh}的科研机构或企业，共同研发节能型{product_zh}，成果共享。",
    ),
    ("investment", "seek"): Template(
        "Seeking investment to expand {product} production",
        "寻求投资扩大{product_zh}产能",
        "We are raising USD {amount} million to add a production line for {product} in {city}. Sales grew every year for the last {years} years; investors from {markets} welcome.",
        "我公司拟融资{amount}百万美元，在{city_zh}新增{product_zh}生产线。近{years}年销售额逐年增长，欢迎{markets_zh}投资者洽谈。",
    ),
    ("investment", "offer"): Template(
        "Growth capital for SMEs in {product}",
        "为{product_zh}中小企业提供成长资本",
        "We invest USD 1 to {amount} million in SMEs making {product} that want to grow in {markets}.",
        "我们向有意拓展{markets_zh}市场的{product_zh}中小企业提供100万至{amount}百万美元的投资。",
    ),
    ("acquisition", "seek"): Template(
        "Acquisition of a {product} business",
        "拟收购{product_zh}企业",
        "We want to acquire a profitable maker of {product} in {markets} with its own brand and customers, to serve that market directly.",
        "我公司拟收购{markets_zh}一家盈利的{product_zh}企业（需有自有品牌和客户），以直接服务当地市场。",
    ),
    ("consulting", "offer"): Template(
        "Consulting for exporters of {product}",
        "为{product_zh}出口企业提供咨询",
        "We advise makers of {product} on certification ({cert}), pricing and customs for {markets}.",
        "我们为{product_zh}企业提供{markets_zh}市场的{cert}认证、定价和通关咨询服务。",
    ),
    ("consulting", "seek"): Template(
        "Seeking advice on entering {markets}",
        "寻求进入{markets_zh}市场的咨询服务",
        "We need a consultant who knows the {product} market in {markets}: regulations, {cert} certification and sales channels.",
        "我公司需要熟悉{markets_zh}{product_zh}市场的咨询机构，提供法规、{cert}认证和销售渠道方面的服务。",
    ),
    ("human_resources", "seek"): Template(
        "Engineers and sales staff for {product}",
        "招聘{product_zh}工程师和销售人员",
        "We are looking for a partner to recruit and train engineers and export sales staff for our {product} business in {city}.",
        "我公司寻求合作伙伴，为{city_zh}的{product_zh}业务招聘和培训工程师及外贸销售人员。",
    ),
    ("market_entry", "seek"): Template(
        "Help wanted to enter {markets} with {product}",
        "寻求{product_zh}进入{markets_zh}市场的合作",
        "We have sold {product} at home for {years} years and now want to enter {markets}. We seek partners for market research, trade fairs and a first local office.",
        "本公司在国内销售{product_zh}已有{years}年，现计划进入{markets_zh}市场，寻求市场调研、展会推广和设立当地办事处方面的合作伙伴。",
    ),
    ("market_entry", "offer"): Template(
        "Market entry services for {product} in {markets}",
        "{markets_zh}市场准入服务（{product_zh}）",
        "We help makers of {product} enter {markets}: partner search, registration, {cert} certification and a shared office.",
        "我们帮助{product_zh}企业进入{markets_zh}市场：寻找合作伙伴、注册、{cert}认证及共享办公。",
    ),
}

# What SMEs typically offer and seek, weighted by how often each appears in the alliance's requests.
OFFER_TYPES = ("supplier",) * 4 + ("subcontracting",) * 2 + ("technical_cooperation", "licensing",
    "distribution", "joint_venture", "franchise", "consulting", "outsourcing", "market_entry")  # fmt: skip
SEEK_TYPES = ("distribution",) * 4 + ("joint_venture",) * 2 + ("investment",) * 2 + ("outsourcing",
    "technical_cooperation", "market_entry", "supplier", "licensing", "acquisition", "human_resources",
    "consulting", "franchise")  # fmt: skip

_CERTIFICATES = ("ISO 9001", "CE", "UL", "ISO 14001", "RoHS", "CCC")


@dataclass(frozen=True)
class Composed:
    title_en: str
    title_zh: str
    text_en: str
    text_zh: str


def _markets(codes: list[str]) -> tuple[str, str]:
    labels = [country_label(code) for code in codes]
    english = ", ".join(label.en for label in labels[:-1])
    english = f"{english} and {labels[-1].en}" if english else labels[-1].en
    return english, "、".join(label.zh for label in labels)


def compose(
    rng: random.Random,
    *,
    cooperation_type: str,
    direction: str,
    product: Product,
    city: City,
    markets: list[str],
) -> Composed:
    """The title and text of one offer or request, in both languages, with figures drawn from `rng`."""
    template = TEMPLATES[(cooperation_type, direction)]
    markets_en, markets_zh = _markets(markets)
    values = {
        "product": product.en,
        "Product": product.en[:1].upper() + product.en[1:],
        "product_zh": product.zh,
        "markets": markets_en,
        "markets_zh": markets_zh,
        "city": city.en,
        "city_zh": city.zh,
        "years": rng.randrange(5, 31),
        "moq": rng.choice((500, 1000, 2000, 5000, 10000)),
        "cert": rng.choice(_CERTIFICATES),
        "share": rng.choice((15, 20, 25, 30, 40, 49)),
        "amount": rng.choice((2, 3, 5, 8, 10, 15)),
    }
    return Composed(
        template.title_en.format(**values),
        template.title_zh.format(**values),
        template.text_en.format(**values),
        template.text_zh.format(**values),
    )
