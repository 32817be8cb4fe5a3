"""A seeded generator of profile worlds with planted complementary pairs, paraphrased across languages.

Each planted pair is one business story (a maker and a buyer, a licensor and
a licensee, two joint-venture seekers, an investor and an investee, a
franchisor and a franchisee) told by two organizations, often in two
different languages and always in different words. For some pairs a "twin"
of the seeker is planted too: same product, same language, same country,
seeking the same thing, so it looks like the seeker but answers nothing; a
text-similarity method falls for it. The rest of the world is noise.

The product words are written here, independently of the engine's term
lists, in the way companies write them; some of them the engine does not know.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

# product: (division, buyer division, {language: [names]})
PRODUCTS: dict[str, tuple[str, str, dict[str, list[str]]]] = {
    "notebooks": (
        "C32",
        "G46",
        {
            "en": ["notebooks", "exercise books", "stationery"],
            "zh": ["笔记本", "文具", "练习本"],
            "es": ["cuadernos", "papelería"],
            "pt": ["cadernos", "papelaria"],
            "de": ["Notizbücher", "Schreibwaren"],
            "fr": ["cahiers", "papeterie"],
        },
    ),
    "toys": (
        "C32",
        "G47",
        {
            "en": ["toys", "plush toys", "educational toys"],
            "zh": ["玩具", "毛绒玩具", "益智玩具"],
            "es": ["juguetes"],
            "pt": ["brinquedos"],
            "de": ["Spielwaren", "Spielzeug"],
            "fr": ["jouets"],
        },
    ),
    "furniture": (
        "C31",
        "G47",
        {
            "en": ["furniture", "office furniture", "sofas and chairs"],
            "zh": ["家具", "办公家具", "实木家具"],
            "es": ["muebles", "muebles de oficina"],
            "pt": ["móveis", "móveis de escritório"],
            "de": ["Möbel", "Büromöbel"],
            "fr": ["meubles", "mobilier de bureau"],
        },
    ),
    "timber": (
        "C16",
        "C31",
        {
            "en": ["timber", "sawn oak", "hardwood lumber"],
            "zh": ["木材", "橡木", "硬木板材"],
            "es": ["madera", "madera de roble"],
            "pt": ["madeira", "madeira serrada"],
            "de": ["Holz", "Schnittholz"],
            "fr": ["bois", "bois de chêne"],
        },
    ),
    "olive_oil": (
        "C10",
        "G46",
        {
            "en": ["olive oil", "extra virgin olive oil"],
            "zh": ["橄榄油", "特级初榨橄榄油"],
            "es": ["aceite de oliva", "aceite de oliva virgen extra"],
            "pt": ["azeite", "azeite extra virgem"],
            "de": ["Olivenöl"],
            "fr": ["huile d'olive"],
        },
    ),
    "tea": (
        "C10",
        "G46",
        {
            "en": ["tea", "green tea", "oolong tea"],
            "zh": ["茶叶", "绿茶", "乌龙茶"],
            "es": ["té", "té verde"],
            "pt": ["chá", "chá verde"],
            "de": ["Tee", "grüner Tee"],
            "fr": ["thé", "thé vert"],
        },
    ),
    "coffee": (
        "A01",
        "G46",
        {
            "en": ["coffee beans", "green coffee"],
            "zh": ["咖啡豆", "咖啡"],
            "es": ["café", "granos de café"],
            "pt": ["café", "grãos de café"],
            "de": ["Kaffee", "Rohkaffee"],
            "fr": ["café", "café vert"],
        },
    ),
    "wine": (
        "C11",
        "G46",
        {
            "en": ["wine", "red wine"],
            "zh": ["葡萄酒", "红酒"],
            "es": ["vino", "vino tinto"],
            "pt": ["vinho", "vinho tinto"],
            "de": ["Wein", "Rotwein"],
            "fr": ["vin", "vin rouge"],
        },
    ),
    "seafood": (
        "A03",
        "G46",
        {
            "en": ["frozen shrimp", "seafood", "salmon"],
            "zh": ["冷冻虾", "海产品", "三文鱼"],
            "es": ["camarón congelado", "mariscos"],
            "pt": ["camarão congelado", "frutos do mar"],
            "de": ["Meeresfrüchte", "Lachs"],
            "fr": ["crevettes surgelées", "fruits de mer"],
        },
    ),
    "garments": (
        "C14",
        "G47",
        {
            "en": ["garments", "apparel", "sportswear"],
            "zh": ["服装", "成衣", "运动服"],
            "es": ["ropa", "prendas de vestir"],
            "pt": ["roupas", "vestuário"],
            "de": ["Bekleidung", "Sportbekleidung"],
            "fr": ["vêtements", "prêt-à-porter"],
        },
    ),
    "fabric": (
        "C13",
        "C14",
        {
            "en": ["cotton fabric", "textiles", "denim"],
            "zh": ["棉布", "纺织面料", "牛仔布"],
            "es": ["tejidos de algodón", "textiles"],
            "pt": ["tecidos de algodão", "têxteis"],
            "de": ["Baumwollstoffe", "Textilien"],
            "fr": ["tissus de coton", "textiles"],
        },
    ),
    "shoes": (
        "C15",
        "G47",
        {
            "en": ["shoes", "leather shoes", "sneakers"],
            "zh": ["鞋", "皮鞋", "运动鞋"],
            "es": ["zapatos", "calzado de cuero"],
            "pt": ["calçados", "sapatos de couro"],
            "de": ["Schuhe", "Lederschuhe"],
            "fr": ["chaussures", "chaussures en cuir"],
        },
    ),
    "fasteners": (
        "C25",
        "C29",
        {
            "en": ["fasteners", "bolts and screws", "precision machined parts"],
            "zh": ["紧固件", "螺栓螺丝", "精密机加工件"],
            "es": ["tornillos", "piezas mecanizadas"],
            "pt": ["parafusos", "peças usinadas"],
            "de": ["Schrauben", "Zerspanungsteile"],
            "fr": ["visserie", "pièces usinées"],
        },
    ),
    "auto_parts": (
        "C29",
        "G45",
        {
            "en": ["auto parts", "brake pads", "automotive components"],
            "zh": ["汽车零部件", "刹车片", "汽配"],
            "es": ["autopartes", "pastillas de freno"],
            "pt": ["autopeças", "pastilhas de freio"],
            "de": ["Autoteile", "Bremsbeläge"],
            "fr": ["pièces automobiles", "plaquettes de frein"],
        },
    ),
    "machine_tools": (
        "C28",
        "C25",
        {
            "en": ["CNC machine tools", "lathes", "milling machines"],
            "zh": ["数控机床", "车床", "铣床"],
            "es": ["máquinas herramienta", "tornos CNC"],
            "pt": ["máquinas-ferramenta", "tornos CNC"],
            "de": ["Werkzeugmaschinen", "Drehmaschinen"],
            "fr": ["machines-outils", "fraiseuses"],
        },
    ),
    "packaging_machines": (
        "C28",
        "C10",
        {
            "en": ["packaging machines", "filling machines"],
            "zh": ["包装机", "灌装机"],
            "es": ["máquinas de envasado"],
            "pt": ["máquinas de embalagem"],
            "de": ["Verpackungsmaschinen", "Abfüllanlagen"],
            "fr": ["machines d'emballage"],
        },
    ),
    "pcb": (
        "C26",
        "C27",
        {
            "en": ["printed circuit boards", "PCB assembly", "electronic components"],
            "zh": ["线路板", "电路板", "电子元器件"],
            "es": ["placas de circuito", "componentes electrónicos"],
            "pt": ["placas de circuito", "componentes eletrônicos"],
            "de": ["Leiterplatten", "Elektronikbauteile"],
            "fr": ["circuits imprimés", "composants électroniques"],
        },
    ),
    "led": (
        "C27",
        "G46",
        {
            "en": ["LED lighting", "LED lamps"],
            "zh": ["LED照明", "灯具"],
            "es": ["iluminación LED"],
            "pt": ["iluminação LED"],
            "de": ["LED-Beleuchtung", "Leuchten"],
            "fr": ["éclairage LED", "luminaires"],
        },
    ),
    "solar": (
        "C27",
        "D35",
        {
            "en": ["solar panels", "photovoltaic modules", "inverters"],
            "zh": ["太阳能电池板", "光伏组件", "逆变器"],
            "es": ["paneles solares", "módulos fotovoltaicos"],
            "pt": ["painéis solares", "módulos fotovoltaicos"],
            "de": ["Solarmodule", "Wechselrichter"],
            "fr": ["panneaux solaires", "modules photovoltaïques"],
        },
    ),
    "batteries": (
        "C27",
        "C29",
        {
            "en": ["lithium batteries", "battery packs"],
            "zh": ["锂电池", "电池组"],
            "es": ["baterías de litio"],
            "pt": ["baterias de lítio"],
            "de": ["Lithiumbatterien", "Akkus"],
            "fr": ["batteries lithium"],
        },
    ),
    "plastics": (
        "C22",
        "C29",
        {
            "en": ["injection moulded parts", "plastic components"],
            "zh": ["注塑件", "塑料零件"],
            "es": ["piezas de plástico inyectado"],
            "pt": ["peças plásticas injetadas"],
            "de": ["Kunststoffspritzgussteile"],
            "fr": ["pièces plastiques injectées"],
        },
    ),
    "chemicals": (
        "C20",
        "C13",
        {
            "en": ["textile dyes", "industrial coatings"],
            "zh": ["纺织染料", "工业涂料"],
            "es": ["colorantes textiles", "recubrimientos"],
            "pt": ["corantes têxteis", "tintas industriais"],
            "de": ["Textilfarbstoffe", "Industrielacke"],
            "fr": ["colorants textiles", "revêtements industriels"],
        },
    ),
    "pharma": (
        "C21",
        "G46",
        {
            "en": ["generic medicines", "active pharmaceutical ingredients"],
            "zh": ["仿制药", "原料药"],
            "es": ["medicamentos genéricos"],
            "pt": ["medicamentos genéricos"],
            "de": ["Generika", "Arzneimittel"],
            "fr": ["médicaments génériques"],
        },
    ),
    "medical": (
        "C26",
        "Q86",
        {
            "en": ["medical devices", "ultrasound scanners"],
            "zh": ["医疗器械", "超声设备"],
            "es": ["dispositivos médicos", "equipos de ultrasonido"],
            "pt": ["equipamentos médicos"],
            "de": ["Medizintechnik", "Ultraschallgeräte"],
            "fr": ["dispositifs médicaux"],
        },
    ),
    "software": (
        "J62",
        "G47",
        {
            "en": ["ERP software", "mobile apps", "e-commerce platform"],
            "zh": ["ERP软件", "手机应用开发", "电商平台"],
            "es": ["software ERP", "aplicaciones móviles"],
            "pt": ["software ERP", "aplicativos"],
            "de": ["ERP-Software", "App-Entwicklung"],
            "fr": ["logiciel ERP", "applications mobiles"],
        },
    ),
    "logistics": (
        "H52",
        "G46",
        {
            "en": ["cold chain logistics", "freight forwarding"],
            "zh": ["冷链物流", "国际货代"],
            "es": ["logística de frío", "transporte internacional"],
            "pt": ["logística refrigerada", "frete internacional"],
            "de": ["Kühllogistik", "Spedition"],
            "fr": ["logistique du froid", "transport international"],
        },
    ),
    "recycling": (
        "E38",
        "C24",
        {
            "en": ["scrap metal recycling", "plastic recycling"],
            "zh": ["废金属回收", "塑料回收"],
            "es": ["reciclaje de chatarra"],
            "pt": ["reciclagem de sucata"],
            "de": ["Schrottrecycling"],
            "fr": ["recyclage de ferraille"],
        },
    ),
    "restaurant": (
        "I56",
        "I56",
        {
            "en": ["hot pot restaurants", "fast food restaurant chain"],
            "zh": ["火锅餐厅", "连锁快餐"],
            "es": ["restaurantes de comida rápida"],
            "pt": ["restaurantes fast food"],
            "de": ["Schnellrestaurants"],
            "fr": ["restaurants rapides"],
        },
    ),
    "tourism": (
        "N79",
        "I55",
        {
            "en": ["inbound tours", "travel agency services"],
            "zh": ["入境游", "旅行社服务"],
            "es": ["turismo receptivo", "agencia de viajes"],
            "pt": ["turismo receptivo", "agência de viagens"],
            "de": ["Reiseveranstalter", "Incoming-Reisen"],
            "fr": ["tourisme réceptif", "agence de voyages"],
        },
    ),
    "training": (
        "P85",
        "P85",
        {
            "en": ["vocational training", "language courses"],
            "zh": ["职业培训", "语言课程"],
            "es": ["formación profesional", "cursos de idiomas"],
            "pt": ["formação profissional", "cursos de idiomas"],
            "de": ["Berufsausbildung", "Sprachkurse"],
            "fr": ["formation professionnelle", "cours de langues"],
        },
    ),
}

COUNTRIES_BY_LANGUAGE = {
    "en": ["US", "GB", "AU", "CA", "IN", "ZA", "NG", "SG"],
    "zh": ["CN", "CN", "CN", "SG"],
    "es": ["ES", "MX", "AR", "CL", "CO"],
    "pt": ["BR", "BR", "PT"],
    "de": ["DE", "AT", "CH"],
    "fr": ["FR", "BE", "MA"],
}
LANGUAGE_WEIGHTS = {"en": 0.35, "zh": 0.33, "es": 0.08, "pt": 0.08, "de": 0.08, "fr": 0.08}

# role: {language: [templates]}; {p} is a product name in that language.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "offer_supply": {
        "en": [
            "We manufacture {p} and take OEM orders.",
            "Factory producing {p}; private label welcome.",
            "Export-grade {p} made in our own plant.",
        ],
        "zh": ["我们生产{p}，接受OEM代工订单。", "专业{p}生产厂家，可贴牌生产。", "工厂直供{p}，品质稳定。"],
        "es": ["Fabricamos {p} y aceptamos pedidos OEM.", "Fábrica de {p} con marca blanca."],
        "pt": ["Fabricamos {p} e aceitamos pedidos OEM.", "Fábrica de {p}, marca própria do cliente."],
        "de": ["Wir fertigen {p} und übernehmen Lohnfertigung.", "Hersteller von {p}, auch Eigenmarken."],
        "fr": ["Nous fabriquons des {p} en sous-traitance.", "Usine de {p}, marque blanche possible."],
    },
    "seek_supply": {
        "en": [
            "Looking for a reliable manufacturer of {p}.",
            "We source {p} and need a new factory.",
            "Need an OEM maker for our {p} line.",
        ],
        "zh": ["寻找{p}的可靠生产商。", "需要{p}代工厂。", "采购{p}，寻求长期供应商。"],
        "es": ["Buscamos un fabricante de {p}.", "Necesitamos proveedor de {p}."],
        "pt": ["Procuramos um fabricante de {p}.", "Precisamos de fornecedor de {p}."],
        "de": ["Wir suchen einen Hersteller für {p}.", "Suchen Lieferanten für {p}."],
        "fr": ["Nous cherchons un fabricant de {p}.", "Recherchons un fournisseur de {p}."],
    },
    "offer_distribution": {
        "en": ["We import and distribute {p} to retail chains.", "Nationwide sales network for {p}."],
        "zh": ["我们进口并分销{p}，覆盖连锁零售。", "拥有全国{p}销售渠道。"],
        "es": ["Importamos y distribuimos {p} en todo el país.", "Red de distribución de {p}."],
        "pt": ["Importamos e distribuímos {p} no varejo.", "Rede de distribuição de {p}."],
        "de": ["Wir importieren und vertreiben {p} im Handel.", "Vertriebsnetz für {p}."],
        "fr": ["Nous importons et distribuons des {p}.", "Réseau de distribution de {p}."],
    },
    "seek_distribution": {
        "en": ["Seeking distributors for our {p}.", "Looking for importers of {p}."],
        "zh": ["寻求{p}海外经销商。", "招募{p}代理商。"],
        "es": ["Buscamos distribuidores para nuestros {p}.", "Buscamos importadores de {p}."],
        "pt": ["Buscamos distribuidores para nossos {p}.", "Procuramos importadores de {p}."],
        "de": ["Suchen Vertriebspartner für unsere {p}.", "Importeure für {p} gesucht."],
        "fr": ["Nous cherchons des distributeurs pour nos {p}.", "Recherchons importateurs de {p}."],
    },
    "offer_licensing": {
        "en": ["We license our patented process for {p}.", "Technology licence for {p} production."],
        "zh": ["我们提供{p}生产专利技术许可。", "{p}技术授权。"],
        "es": ["Licenciamos nuestra tecnología de {p}."],
        "pt": ["Licenciamos nossa tecnologia de {p}."],
        "de": ["Wir vergeben Lizenzen für unsere {p}-Technologie."],
        "fr": ["Nous accordons des licences pour la production de {p}."],
    },
    "seek_licensing": {
        "en": ["We want to license proven technology for {p}.", "Seeking a licence to produce {p} locally."],
        "zh": ["希望引进{p}生产技术许可。", "寻求{p}技术授权。"],
        "es": ["Buscamos licencia de tecnología para {p}."],
        "pt": ["Buscamos licença de tecnologia para {p}."],
        "de": ["Suchen Lizenz für die Herstellung von {p}."],
        "fr": ["Cherchons une licence pour produire des {p}."],
    },
    "seek_jv": {
        "en": ["Joint venture partner wanted to produce {p}.", "Open to a joint venture in {p}."],
        "zh": ["寻求合资伙伴共同生产{p}。", "{p}项目寻求合资合作。"],
        "es": ["Buscamos socio para empresa conjunta de {p}."],
        "pt": ["Procuramos parceiro para joint venture de {p}."],
        "de": ["Partner für ein Gemeinschaftsunternehmen für {p} gesucht."],
        "fr": ["Cherchons partenaire pour une coentreprise de {p}."],
    },
    "offer_investment": {
        "en": ["Growth capital for SMEs making {p}.", "We invest equity in {p} businesses."],
        "zh": ["为{p}企业提供成长资本。", "股权投资{p}行业中小企业。"],
        "es": ["Invertimos capital en empresas de {p}."],
        "pt": ["Investimos em empresas de {p}."],
        "de": ["Wir investieren in Unternehmen für {p}."],
        "fr": ["Nous investissons dans les entreprises de {p}."],
    },
    "seek_investment": {
        "en": ["Seeking investors to expand our {p} production.", "Raising growth capital for {p}."],
        "zh": ["寻求投资扩大{p}产能。", "{p}项目融资，寻找投资者。"],
        "es": ["Buscamos inversores para ampliar la producción de {p}."],
        "pt": ["Buscamos investidores para ampliar a produção de {p}."],
        "de": ["Suchen Investoren für den Ausbau unserer {p}-Produktion."],
        "fr": ["Cherchons des investisseurs pour développer nos {p}."],
    },
    "offer_franchise": {
        "en": ["Franchise our {p} concept in your country.", "Master franchise available for {p}."],
        "zh": ["{p}品牌招商加盟。", "提供{p}特许经营。"],
        "es": ["Ofrecemos franquicia de {p}."],
        "pt": ["Oferecemos franquia de {p}."],
        "de": ["Franchise für {p} zu vergeben."],
        "fr": ["Franchise de {p} disponible."],
    },
    "seek_franchise": {
        "en": ["Looking for a {p} franchise to open locally.", "Want to become a franchisee in {p}."],
        "zh": ["希望加盟{p}品牌。", "寻求{p}特许经营权。"],
        "es": ["Buscamos una franquicia de {p}."],
        "pt": ["Procuramos uma franquia de {p}."],
        "de": ["Suchen ein Franchise für {p}."],
        "fr": ["Cherchons une franchise de {p}."],
    },
}

# scenario: (offerer roles as (type, role), seeker roles, offerer kind)
Role = tuple[str, str, str]  # (offer or seek, cooperation type, template role)
SCENARIOS: dict[str, tuple[list[Role], list[Role], str]] = {
    "supply": ([("offer", "supplier", "offer_supply"), ("seek", "distribution", "seek_distribution")], [("seek", "supplier", "seek_supply"), ("offer", "distribution", "offer_distribution")], "sme"),
    "oem": ([("offer", "subcontracting", "offer_supply")], [("seek", "subcontracting", "seek_supply")], "sme"),
    "outsourcing": ([("offer", "subcontracting", "offer_supply")], [("seek", "outsourcing", "seek_supply")], "sme"),
    "licensing": ([("offer", "licensing", "offer_licensing")], [("seek", "licensing", "seek_licensing")], "sme"),
    "joint_venture": ([("seek", "joint_venture", "seek_jv")], [("seek", "joint_venture", "seek_jv")], "sme"),
    "investment": ([("offer", "investment", "offer_investment")], [("seek", "investment", "seek_investment")], "financial"),
    "franchise": ([("offer", "franchise", "offer_franchise")], [("seek", "franchise", "seek_franchise")], "sme"),
}  # fmt: skip
SCENARIO_WEIGHTS = {
    "supply": 0.35,
    "oem": 0.15,
    "outsourcing": 0.1,
    "licensing": 0.1,
    "joint_venture": 0.1,
    "investment": 0.1,
    "franchise": 0.1,
}
FRANCHISE_PRODUCTS = ("restaurant", "tourism", "training", "garments", "coffee", "tea")
SERVICE_PRODUCTS = frozenset({"software", "logistics", "tourism", "training", "restaurant", "recycling"})


def _products_for(scenario: str) -> list[str]:
    """Products that make sense in a scenario: nobody manufactures language courses under OEM."""
    if scenario == "franchise":
        return list(FRANCHISE_PRODUCTS)
    if scenario in {"supply", "oem", "outsourcing"}:
        return sorted(set(PRODUCTS) - SERVICE_PRODUCTS)
    return sorted(set(PRODUCTS) - {"restaurant"})


@dataclass(frozen=True)
class World:
    """Profiles (contract dicts), planted pairs (seeker id, offerer id) and seeker twins (seeker id, twin id)."""

    profiles: list[dict[str, Any]]
    pairs: list[tuple[str, str]]
    twins: list[tuple[str, str]]


DESCRIPTIONS = {
    "en": "Family-owned company in {p} since {year}.",
    "zh": "{year}年成立，专注{p}。",
    "es": "Empresa familiar de {p} desde {year}.",
    "pt": "Empresa familiar de {p} desde {year}.",
    "de": "Familienunternehmen für {p} seit {year}.",
    "fr": "Entreprise familiale de {p} depuis {year}.",
}
SIZES = ("micro", "small", "small", "medium", "medium", "large")


def _language(rng: random.Random) -> str:
    return rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]


def _name(rng: random.Random, product: str, language: str) -> str:
    return rng.choice(PRODUCTS[product][2].get(language) or PRODUCTS[product][2]["en"])


def _text(rng: random.Random, role: str, product: str, language: str) -> str:
    return rng.choice(TEMPLATES[role][language]).format(p=_name(rng, product, language))


def _profile(
    rng: random.Random,
    identifier: str,
    *,
    kind: str,
    sector: str,
    language: str,
    country: str,
    roles: list[Role],
    product: str,
    targets: list[str],
) -> dict[str, Any]:
    items: dict[str, list[dict[str, str]]] = {"offer": [], "seek": []}
    for side, kind_of_item, role in roles:
        items[side].append({"type": kind_of_item, "text": _text(rng, role, product, language)})
    languages = [language] + (["en"] if language != "en" and rng.random() < 0.5 else [])
    return {
        "id": identifier,
        "name": f"{product.replace('_', ' ').title()} {identifier}",
        "kind": kind,
        "country": country,
        "city": "",
        "size": rng.choice(SIZES),
        "languages": languages,
        "sectors": [sector],
        "description": DESCRIPTIONS[language].format(
            p=_name(rng, product, language), year=rng.randint(1985, 2020)
        ),
        "offers": items["offer"],
        "seeks": items["seek"],
        "target_countries": sorted(set(targets)),
    }


def _plant(rng: random.Random, world: World, next_id: Any, twin_share: float, cross_share: float) -> None:
    scenario = rng.choices(list(SCENARIO_WEIGHTS), weights=list(SCENARIO_WEIGHTS.values()))[0]
    offerer_roles, seeker_roles, offerer_kind = SCENARIOS[scenario]
    product = rng.choice(_products_for(scenario))
    division, buyer_division, _ = PRODUCTS[product]
    offer_language = _language(rng)
    seek_language = _language(rng) if rng.random() < cross_share else offer_language
    while rng.random() < cross_share and seek_language == offer_language:
        seek_language = _language(rng)
    offer_country = rng.choice(COUNTRIES_BY_LANGUAGE[offer_language])
    seek_country = rng.choice(COUNTRIES_BY_LANGUAGE[seek_language])
    seeker_sector = buyer_division if scenario == "supply" else division
    offerer_sector = "K64" if offerer_kind == "financial" else division
    offerer_id, seeker_id = next_id(), next_id()
    world.profiles.append(
        _profile(rng, offerer_id, kind=offerer_kind, sector=offerer_sector, language=offer_language, country=offer_country,
                 roles=offerer_roles, product=product, targets=[seek_country] if rng.random() < 0.5 else [])
    )  # fmt: skip
    seeker_args: dict[str, Any] = {"kind": "sme", "sector": seeker_sector, "language": seek_language, "country": seek_country,
                                   "roles": seeker_roles, "product": product}  # fmt: skip
    world.profiles.append(
        _profile(rng, seeker_id, targets=[offer_country] if rng.random() < 0.8 else [], **seeker_args)
    )
    world.pairs.append((seeker_id, offerer_id))
    if rng.random() < twin_share:
        twin_id = next_id()
        world.profiles.append(_profile(rng, twin_id, targets=[offer_country], **seeker_args))
        world.twins.append((seeker_id, twin_id))


def _noise(rng: random.Random, identifier: str) -> dict[str, Any]:
    scenario = rng.choice(sorted(SCENARIOS))
    offerer_roles, seeker_roles, kind = SCENARIOS[scenario]
    offering = rng.random() < 0.5
    product = rng.choice(_products_for(scenario))
    language = _language(rng)
    division = PRODUCTS[product][0]
    return _profile(rng, identifier, kind=kind if offering else "sme", sector="K64" if offering and kind == "financial" else division,
                    language=language, country=rng.choice(COUNTRIES_BY_LANGUAGE[language]),
                    roles=offerer_roles if offering else seeker_roles, product=product,
                    targets=rng.sample(sorted({c for cs in COUNTRIES_BY_LANGUAGE.values() for c in cs}), rng.randint(0, 3)))  # fmt: skip


def generate(
    n: int, *, seed: int = 2009, pair_share: float = 0.3, twin_share: float = 0.4, cross_share: float = 0.6
) -> World:
    """A world of `n` profiles: about `pair_share` of them in planted pairs, the rest noise."""
    rng = random.Random(seed)
    world = World([], [], [])
    counter = iter(range(10**9))

    def next_id() -> str:
        return f"s{next(counter):06d}"

    while len(world.profiles) + 3 <= n * pair_share:
        _plant(rng, world, next_id, twin_share, cross_share)
    while len(world.profiles) < n:
        world.profiles.append(_noise(rng, next_id()))
    return world
