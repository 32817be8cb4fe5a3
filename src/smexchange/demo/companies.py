"""Names of synthetic organizations, in the local script with a Latin transcription where needed."""

from __future__ import annotations

import random

from smexchange.demo.names import NameMaker
from smexchange.demo.places import LOCAL_SCRIPT, City
from smexchange.demo.sectors import Industry

# (local, Latin) brand words: generic auspicious or geographic words, as SMEs choose them.
_BRANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "CN": (
        ("华信", "Huaxin"), ("恒通", "Hengtong"), ("金达", "Jinda"), ("宏远", "Hongyuan"), ("鑫源", "Xinyuan"),
        ("永兴", "Yongxing"), ("天成", "Tiancheng"), ("博瑞", "Borui"), ("嘉禾", "Jiahe"), ("瑞丰", "Ruifeng"),
        ("海纳", "Haina"), ("华美", "Huamei"), ("新宇", "Xinyu"), ("中恒", "Zhongheng"), ("汇丰源", "Huifengyuan"),
        ("明辉", "Minghui"), ("佳和", "Jiahe"), ("立信", "Lixin"), ("盛达", "Shengda"), ("远航", "Yuanhang"),
        ("东升", "Dongsheng"), ("百川", "Baichuan"), ("德润", "Derun"), ("锦程", "Jincheng"), ("富润", "Furun"),
    ),
    "JP": (
        ("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("山本", "Yamamoto"),
        ("中村", "Nakamura"), ("大和", "Yamato"), ("富士", "Fuji"), ("朝日", "Asahi"), ("北斗", "Hokuto"),
    ),
    "KR": (
        ("한빛", "Hanbit"), ("대성", "Daesung"), ("세원", "Sewon"), ("태광", "Taekwang"), ("미래", "Mirae"),
        ("신화", "Shinhwa"), ("성진", "Sungjin"), ("동방", "Dongbang"), ("우리", "Woori"), ("한솔", "Hansol"),
    ),
    "RU": (
        ("Волга", "Volga"), ("Север", "Sever"), ("Восток", "Vostok"), ("Альфа", "Alfa"), ("Техно", "Tekhno"),
        ("Урал", "Ural"), ("Нева", "Neva"), ("Вектор", "Vektor"), ("Спектр", "Spektr"), ("Орион", "Orion"),
    ),
    "SA": (
        ("الرواد", "Al-Rowad"), ("النخبة", "Al-Nukhba"), ("الأفق", "Al-Ofoq"), ("الصفوة", "Al-Safwa"),
        ("البيان", "Al-Bayan"), ("الواحة", "Al-Waha"), ("المستقبل", "Al-Mustaqbal"), ("الجزيرة", "Al-Jazeera"),
    ),
}  # fmt: skip

_SUFFIXES: dict[str, tuple[str, ...]] = {
    "US": ("Inc.", "LLC", "Corp."),
    "GB": ("Ltd", "Ltd"),
    "CA": ("Inc.", "Ltd."),
    "AU": ("Pty Ltd",),
    "ZA": ("(Pty) Ltd",),
    "DE": ("GmbH", "GmbH & Co. KG"),
    "FR": ("SARL", "SAS"),
    "IT": ("S.r.l.", "S.p.A."),
    "BR": ("Ltda.",),
    "MX": ("S.A. de C.V.",),
    "AR": ("S.R.L.", "S.A."),
    "IN": ("Pvt. Ltd.",),
    "ID": ("Indonesia", "Nusantara"),
    "TR": ("A.Ş.", "Ltd. Şti."),
}

# kind -> (local pattern, Latin pattern) per script; "*" is every Latin-script country.
# Fields: {city}/{City} local/English city, {brand}/{Brand}, {ind}/{Ind} industry word, {suffix}.
_PATTERNS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "sme": {
        "CN": (("{city}{brand}{ind}有限公司", "{City} {Brand} {Ind} Co., Ltd."),),
        "JP": (("{brand}{ind}株式会社", "{Brand} {Ind} Co., Ltd."),),
        "KR": (("{brand}{ind} 주식회사", "{Brand} {Ind} Co., Ltd."),),
        "RU": (("ООО «{brand}-{ind}»", "{Brand}-{Ind} LLC"),),
        "SA": (("شركة {brand} {ind}", "{Brand} {Ind} Co."),),
        "*": (("{Brand} {Ind} {suffix}", ""), ("{city} {Ind} {suffix}", "")),
    },
    "association": {
        "CN": (("{city}{ind}行业协会", "{City} {Ind} Industry Association"), ("{city}中小企业协会", "{City} SME Association")),
        "JP": (("{city}{ind}協会", "{City} {Ind} Association"), ("{city}中小企業団体中央会", "{City} Federation of SME Associations")),
        "KR": (("{city} {ind}협회", "{City} {Ind} Association"), ("{city}중소기업협회", "{City} SME Association")),
        "RU": (("Ассоциация малого и среднего бизнеса ({city})", "{City} Association of Small and Medium Business"),),
        "SA": (("جمعية المنشآت الصغيرة والمتوسطة في {city}", "{City} Small and Medium Enterprises Association"),),
        "*": (("{city} {Ind} Industry Association", ""), ("{city} Small Business Association", ""),
              ("{city} Chamber of Small and Medium Enterprises", "")),
    },
    "government": {
        "CN": (("{city}市中小企业局", "{City} Municipal SME Bureau"), ("{city}市商务局", "{City} Municipal Commerce Bureau")),
        "JP": (("{city}市経済局", "{City} City Economic Bureau"),),
        "KR": (("{city} 경제진흥원", "{City} Economic Promotion Agency"),),
        "RU": (("Департамент предпринимательства ({city})", "{City} Department of Entrepreneurship"),),
        "SA": (("هيئة تنمية المنشآت في {city}", "{City} SME Development Authority"),),
        "*": (("{city} Economic Development Office", ""), ("{city} Office of Trade and Investment", "")),
    },
    "financial": {
        "CN": (("{city}{brand}创业投资有限公司", "{City} {Brand} Venture Capital Co., Ltd."),
               ("{city}{brand}融资担保有限公司", "{City} {Brand} Financing Guarantee Co., Ltd.")),
        "JP": (("{brand}キャピタル株式会社", "{Brand} Capital Co., Ltd."),),
        "KR": (("{brand}인베스트먼트", "{Brand} Investment"),),
        "RU": (("Инвестиционная компания «{brand}»", "{Brand} Investment Company"),),
        "SA": (("{brand} كابيتال", "{Brand} Capital"),),
        "*": (("{Brand} Capital Partners", ""), ("{Brand} Trade Finance {suffix}", "")),
    },
    "media": {
        "CN": (("{city}商报", "{City} Business News"), ("{city}中小企业导报", "{City} SME Herald")),
        "JP": (("{city}経済新聞", "{City} Economic News"),),
        "KR": (("{city}경제신문", "{City} Economic Daily"),),
        "RU": (("Деловые новости ({city})", "{City} Business News"),),
        "SA": (("أخبار الأعمال ({city})", "{City} Business News"),),
        "*": (("{city} Business Journal", ""), ("{city} Trade Review", "")),
    },
    "research": {
        "CN": (("{city}中小企业发展研究院", "{City} Institute for SME Development"),),
        "JP": (("{city}中小企業研究所", "{City} Institute for SME Research"),),
        "KR": (("{city} 중소기업연구원", "{City} SME Research Institute"),),
        "RU": (("Институт развития МСП ({city})", "{City} Institute for SME Development"),),
        "SA": (("معهد أبحاث المنشآت الصغيرة ({city})", "{City} Institute for Small Business Research"),),
        "*": (("{city} Institute for Small Business Research", ""), ("{city} Centre for Enterprise Studies", "")),
    },
}  # fmt: skip


def organization_name(
    rng: random.Random, names: NameMaker, *, kind: str, country: str, city: City, industry: Industry
) -> tuple[str, str]:
    """(name in the local script, Latin name or "" when the name is already in Latin script)."""
    patterns = _PATTERNS[kind]
    local_pattern, latin_pattern = rng.choice(patterns.get(country, patterns["*"]))
    if country in LOCAL_SCRIPT:
        brand, brand_latin = rng.choice(_BRANDS[country])
    else:
        brand = brand_latin = names.brand(country)
    values = {
        "city": city.local,
        "City": city.en,
        "brand": brand,
        "Brand": brand_latin,
        "ind": industry.word(country),
        "Ind": industry.en,
        "suffix": rng.choice(_SUFFIXES.get(country, ("Ltd.",))),
    }
    name = local_pattern.format(**values)
    latin = latin_pattern.format(**values) if country in LOCAL_SCRIPT else ""
    return name, latin
