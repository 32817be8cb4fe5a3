"""ISIC Rev. 4 sections and divisions, named in English and Chinese.

Sector codes join the section letter and the two-digit division, as
CONTRACTS.md writes them: `C32` is division 32 (other manufacturing) of
section C (manufacturing). A bare section letter (`C`) names the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smexchange.vocab.labels import Label

SECTIONS: dict[str, Label] = {
    label.code: label
    for label in (
        Label("A", "Agriculture, forestry and fishing", "农业、林业和渔业"),
        Label("B", "Mining and quarrying", "采矿和采石"),
        Label("C", "Manufacturing", "制造业"),
        Label("D", "Electricity, gas, steam and air conditioning supply", "电、煤气、蒸汽和空调供应"),
        Label("E", "Water supply, sewerage and waste management", "供水、污水处理和废物管理"),
        Label("F", "Construction", "建筑业"),
        Label("G", "Wholesale and retail trade; repair of motor vehicles", "批发和零售业；汽车修理"),
        Label("H", "Transportation and storage", "运输和仓储"),
        Label("I", "Accommodation and food service", "住宿和餐饮服务"),
        Label("J", "Information and communication", "信息和通信"),
        Label("K", "Financial and insurance activities", "金融和保险"),
        Label("L", "Real estate activities", "房地产"),
        Label("M", "Professional, scientific and technical activities", "专业、科学和技术活动"),
        Label("N", "Administrative and support services", "行政和支助服务"),
        Label("O", "Public administration and defence", "公共管理和国防"),
        Label("P", "Education", "教育"),
        Label("Q", "Human health and social work", "卫生和社会工作"),
        Label("R", "Arts, entertainment and recreation", "艺术、娱乐和文娱"),
        Label("S", "Other service activities", "其他服务活动"),
        Label("T", "Households as employers and producers for own use", "家庭雇主及自用生产活动"),
        Label("U", "Extraterritorial organizations and bodies", "境外组织和机构"),
    )
}

# (section, division, English, Chinese)
_DIVISIONS: tuple[tuple[str, str, str, str], ...] = (
    ("A", "01", "Crop and animal production, hunting", "种植、畜牧和狩猎"),
    ("A", "02", "Forestry and logging", "林业和伐木"),
    ("A", "03", "Fishing and aquaculture", "渔业和水产养殖"),
    ("B", "05", "Mining of coal and lignite", "煤炭和褐煤开采"),
    ("B", "06", "Extraction of crude petroleum and natural gas", "石油和天然气开采"),
    ("B", "07", "Mining of metal ores", "金属矿开采"),
    ("B", "08", "Other mining and quarrying", "其他采矿和采石"),
    ("B", "09", "Mining support services", "采矿辅助服务"),
    ("C", "10", "Food products", "食品制造"),
    ("C", "11", "Beverages", "饮料制造"),
    ("C", "12", "Tobacco products", "烟草制品"),
    ("C", "13", "Textiles", "纺织业"),
    ("C", "14", "Wearing apparel", "服装制造"),
    ("C", "15", "Leather and footwear", "皮革和鞋类"),
    ("C", "16", "Wood and wood products, except furniture", "木材及木制品（家具除外）"),
    ("C", "17", "Paper and paper products", "造纸和纸制品"),
    ("C", "18", "Printing and reproduction of recorded media", "印刷和记录媒介复制"),
    ("C", "19", "Coke and refined petroleum products", "焦炭和精炼石油产品"),
    ("C", "20", "Chemicals and chemical products", "化学品和化学制品"),
    ("C", "21", "Pharmaceuticals", "医药制造"),
    ("C", "22", "Rubber and plastics products", "橡胶和塑料制品"),
    ("C", "23", "Other non-metallic mineral products", "其他非金属矿物制品"),
    ("C", "24", "Basic metals", "基本金属制造"),
    ("C", "25", "Fabricated metal products", "金属制品"),
    ("C", "26", "Computer, electronic and optical products", "计算机、电子和光学产品"),
    ("C", "27", "Electrical equipment", "电气设备"),
    ("C", "28", "Machinery and equipment", "机械和设备"),
    ("C", "29", "Motor vehicles and trailers", "汽车和挂车"),
    ("C", "30", "Other transport equipment", "其他运输设备"),
    ("C", "31", "Furniture", "家具制造"),
    (
        "C",
        "32",
        "Other manufacturing (stationery, toys, jewellery, crafts)",
        "其他制造业（文具、玩具、首饰、工艺品）",
    ),
    ("C", "33", "Repair and installation of machinery", "机械设备修理和安装"),
    ("D", "35", "Electricity, gas, steam and air conditioning supply", "电力、燃气、蒸汽和空调供应"),
    ("E", "36", "Water collection, treatment and supply", "水的收集、处理和供应"),
    ("E", "37", "Sewerage", "污水处理"),
    ("E", "38", "Waste collection, treatment and recycling", "废物收集、处理和回收"),
    ("E", "39", "Remediation and other waste management", "环境修复和其他废物管理"),
    ("F", "41", "Construction of buildings", "房屋建筑"),
    ("F", "42", "Civil engineering", "土木工程"),
    ("F", "43", "Specialized construction", "专业建筑施工"),
    ("G", "45", "Trade and repair of motor vehicles", "汽车贸易和修理"),
    ("G", "46", "Wholesale trade", "批发贸易"),
    ("G", "47", "Retail trade", "零售贸易"),
    ("H", "49", "Land transport and pipelines", "陆路运输和管道运输"),
    ("H", "50", "Water transport", "水上运输"),
    ("H", "51", "Air transport", "航空运输"),
    ("H", "52", "Warehousing and transport support", "仓储和运输辅助"),
    ("H", "53", "Postal and courier services", "邮政和快递"),
    ("I", "55", "Accommodation", "住宿"),
    ("I", "56", "Food and beverage service", "餐饮服务"),
    ("J", "58", "Publishing", "出版"),
    ("J", "59", "Film, video, television and music production", "电影、视频、电视和音乐制作"),
    ("J", "60", "Broadcasting", "广播电视"),
    ("J", "61", "Telecommunications", "电信"),
    ("J", "62", "Computer programming and consultancy", "计算机编程和咨询"),
    ("J", "63", "Information services", "信息服务"),
    ("K", "64", "Financial services", "金融服务"),
    ("K", "65", "Insurance and pension funding", "保险和养老金"),
    ("K", "66", "Auxiliary financial services", "金融辅助服务"),
    ("L", "68", "Real estate activities", "房地产活动"),
    ("M", "69", "Legal and accounting", "法律和会计"),
    ("M", "70", "Head offices and management consultancy", "总部管理和管理咨询"),
    ("M", "71", "Architecture, engineering and technical testing", "建筑、工程和技术检测"),
    ("M", "72", "Scientific research and development", "科学研究和开发"),
    ("M", "73", "Advertising and market research", "广告和市场调研"),
    ("M", "74", "Design, photography and other professional services", "设计、摄影和其他专业服务"),
    ("M", "75", "Veterinary activities", "兽医服务"),
    ("N", "77", "Rental and leasing", "租赁"),
    ("N", "78", "Employment services", "就业服务"),
    ("N", "79", "Travel agencies and tour operators", "旅行社和旅游经营"),
    ("N", "80", "Security and investigation", "安保和调查"),
    ("N", "81", "Building services and landscaping", "楼宇服务和园林绿化"),
    ("N", "82", "Office support and business services", "办公辅助和商务服务"),
    ("O", "84", "Public administration and defence", "公共管理和国防"),
    ("P", "85", "Education", "教育"),
    ("Q", "86", "Human health", "医疗卫生"),
    ("Q", "87", "Residential care", "护理和养老机构"),
    ("Q", "88", "Social work without accommodation", "社会工作（不含住宿）"),
    ("R", "90", "Creative arts and entertainment", "创意艺术和娱乐"),
    ("R", "91", "Libraries, archives, museums", "图书馆、档案馆和博物馆"),
    ("R", "92", "Gambling and betting", "博彩"),
    ("R", "93", "Sports, amusement and recreation", "体育、游乐和休闲"),
    ("S", "94", "Membership organizations", "会员组织"),
    ("S", "95", "Repair of computers and household goods", "计算机和家用物品修理"),
    ("S", "96", "Other personal services", "其他个人服务"),
    ("T", "97", "Households as employers of domestic staff", "家庭雇佣家政人员"),
    ("T", "98", "Households producing for own use", "家庭自用生产"),
    ("U", "99", "Extraterritorial organizations and bodies", "境外组织和机构"),
)


@dataclass(frozen=True)
class Division:
    code: str  # "C32"
    section: str  # "C"
    number: str  # "32"
    label: Label


DIVISIONS: dict[str, Division] = {
    f"{section}{number}": Division(f"{section}{number}", section, number, Label(f"{section}{number}", en, zh))
    for section, number, en, zh in _DIVISIONS
}

_SECTOR_CODE = re.compile(r"^[A-U](\d\d)?$")


def is_sector(code: str) -> bool:
    """True for a section letter (`C`) or a section+division code (`C32`) of ISIC Rev. 4."""
    return bool(_SECTOR_CODE.match(code)) and (code in SECTIONS or code in DIVISIONS)


def normalize_sector(code: str) -> str:
    """Accept `C32`, `c32` or a bare division number `32`; return `C32`. Raises KeyError if unknown."""
    cleaned = code.strip().upper()
    if cleaned.isdigit() and len(cleaned) == 2:
        for division in DIVISIONS.values():
            if division.number == cleaned:
                return division.code
    if is_sector(cleaned):
        return cleaned
    raise KeyError(code)


def section_of(code: str) -> str:
    """The section letter of a sector code."""
    return code[0]


def sector_label(code: str) -> Label:
    """The label of a section or division; raises KeyError for an unknown code."""
    if code in DIVISIONS:
        return DIVISIONS[code].label
    return SECTIONS[code]
