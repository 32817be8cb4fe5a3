"""Cities, time zones, languages and name locales of the G20 countries the demo world draws from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    en: str
    local: str
    zh: str
    time_zone: str


def _cities(time_zone: str, *rows: tuple[str, str, str]) -> tuple[City, ...]:
    return tuple(City(en, local, zh, time_zone) for en, local, zh in rows)


# Tuples, not sets: the generators draw from them with a seeded Random, so their order must be stable.
CITIES: dict[str, tuple[City, ...]] = {
    "CN": _cities(
        "Asia/Shanghai",
        ("Shanghai", "上海", "上海"),
        ("Beijing", "北京", "北京"),
        ("Hangzhou", "杭州", "杭州"),
        ("Ningbo", "宁波", "宁波"),
        ("Shenzhen", "深圳", "深圳"),
        ("Guangzhou", "广州", "广州"),
        ("Suzhou", "苏州", "苏州"),
        ("Wenzhou", "温州", "温州"),
        ("Yiwu", "义乌", "义乌"),
        ("Jiaxing", "嘉兴", "嘉兴"),
        ("Ninghai", "宁海", "宁海"),
        ("Dongyang", "东阳", "东阳"),
        ("Qingdao", "青岛", "青岛"),
        ("Tianjin", "天津", "天津"),
        ("Chengdu", "成都", "成都"),
        ("Wuhan", "武汉", "武汉"),
        ("Xiamen", "厦门", "厦门"),
        ("Dongguan", "东莞", "东莞"),
    ),
    "US": _cities(
        "America/New_York",
        ("New York", "New York", "纽约"),
        ("Columbia", "Columbia", "哥伦比亚"),
        ("Boston", "Boston", "波士顿"),
        ("Atlanta", "Atlanta", "亚特兰大"),
        ("Washington", "Washington", "华盛顿"),
    )
    + _cities(
        "America/Chicago",
        ("Chicago", "Chicago", "芝加哥"),
        ("Houston", "Houston", "休斯敦"),
    )
    + _cities(
        "America/Los_Angeles",
        ("Los Angeles", "Los Angeles", "洛杉矶"),
        ("San Francisco", "San Francisco", "旧金山"),
        ("Mountain View", "Mountain View", "山景城"),
        ("Seattle", "Seattle", "西雅图"),
    ),
    "GB": _cities(
        "Europe/London",
        ("London", "London", "伦敦"),
        ("Manchester", "Manchester", "曼彻斯特"),
        ("Birmingham", "Birmingham", "伯明翰"),
        ("Edinburgh", "Edinburgh", "爱丁堡"),
        ("Leeds", "Leeds", "利兹"),
        ("Bristol", "Bristol", "布里斯托尔"),
    ),
    "CA": _cities(
        "America/Toronto",
        ("Toronto", "Toronto", "多伦多"),
        ("Montreal", "Montréal", "蒙特利尔"),
        ("Ottawa", "Ottawa", "渥太华"),
    )
    + _cities("America/Vancouver", ("Vancouver", "Vancouver", "温哥华"))
    + _cities("America/Edmonton", ("Calgary", "Calgary", "卡尔加里")),
    "AU": _cities(
        "Australia/Sydney",
        ("Sydney", "Sydney", "悉尼"),
        ("Melbourne", "Melbourne", "墨尔本"),
    )
    + _cities("Australia/Brisbane", ("Brisbane", "Brisbane", "布里斯班"))
    + _cities("Australia/Perth", ("Perth", "Perth", "珀斯"))
    + _cities("Australia/Adelaide", ("Adelaide", "Adelaide", "阿德莱德")),
    "DE": _cities(
        "Europe/Berlin",
        ("Frankfurt", "Frankfurt am Main", "法兰克福"),
        ("Munich", "München", "慕尼黑"),
        ("Hamburg", "Hamburg", "汉堡"),
        ("Stuttgart", "Stuttgart", "斯图加特"),
        ("Düsseldorf", "Düsseldorf", "杜塞尔多夫"),
    ),
    "FR": _cities(
        "Europe/Paris",
        ("Paris", "Paris", "巴黎"),
        ("Lyon", "Lyon", "里昂"),
        ("Marseille", "Marseille", "马赛"),
        ("Toulouse", "Toulouse", "图卢兹"),
    ),
    "IT": _cities(
        "Europe/Rome",
        ("Milan", "Milano", "米兰"),
        ("Rome", "Roma", "罗马"),
        ("Turin", "Torino", "都灵"),
        ("Bologna", "Bologna", "博洛尼亚"),
    ),
    "JP": _cities(
        "Asia/Tokyo",
        ("Tokyo", "東京", "东京"),
        ("Osaka", "大阪", "大阪"),
        ("Nagoya", "名古屋", "名古屋"),
        ("Yokohama", "横浜", "横滨"),
    ),
    "KR": _cities(
        "Asia/Seoul",
        ("Seoul", "서울", "首尔"),
        ("Busan", "부산", "釜山"),
        ("Incheon", "인천", "仁川"),
        ("Daegu", "대구", "大邱"),
    ),
    "RU": _cities(
        "Europe/Moscow",
        ("Moscow", "Москва", "莫斯科"),
        ("Saint Petersburg", "Санкт-Петербург", "圣彼得堡"),
        ("Kazan", "Казань", "喀山"),
    )
    + _cities("Asia/Vladivostok", ("Vladivostok", "Владивосток", "符拉迪沃斯托克")),
    "SA": _cities(
        "Asia/Riyadh",
        ("Riyadh", "الرياض", "利雅得"),
        ("Jeddah", "جدة", "吉达"),
        ("Dammam", "الدمام", "达曼"),
    ),
    "BR": _cities(
        "America/Sao_Paulo",
        ("São Paulo", "São Paulo", "圣保罗"),
        ("Rio de Janeiro", "Rio de Janeiro", "里约热内卢"),
        ("Curitiba", "Curitiba", "库里蒂巴"),
        ("Porto Alegre", "Porto Alegre", "阿雷格里港"),
        ("Belo Horizonte", "Belo Horizonte", "贝洛奥里藏特"),
    ),
    "MX": _cities(
        "America/Mexico_City",
        ("Mexico City", "Ciudad de México", "墨西哥城"),
        ("Guadalajara", "Guadalajara", "瓜达拉哈拉"),
        ("Monterrey", "Monterrey", "蒙特雷"),
    ),
    "AR": _cities(
        "America/Argentina/Buenos_Aires",
        ("Buenos Aires", "Buenos Aires", "布宜诺斯艾利斯"),
        ("Córdoba", "Córdoba", "科尔多瓦"),
        ("Rosario", "Rosario", "罗萨里奥"),
    ),
    "IN": _cities(
        "Asia/Kolkata",
        ("Mumbai", "Mumbai", "孟买"),
        ("New Delhi", "New Delhi", "新德里"),
        ("Bengaluru", "Bengaluru", "班加罗尔"),
        ("Chennai", "Chennai", "金奈"),
    ),
    "ID": _cities(
        "Asia/Jakarta",
        ("Jakarta", "Jakarta", "雅加达"),
        ("Surabaya", "Surabaya", "泗水"),
        ("Bandung", "Bandung", "万隆"),
    ),
    "TR": _cities(
        "Europe/Istanbul",
        ("Istanbul", "İstanbul", "伊斯坦布尔"),
        ("Ankara", "Ankara", "安卡拉"),
        ("Izmir", "İzmir", "伊兹密尔"),
    ),
    "ZA": _cities(
        "Africa/Johannesburg",
        ("Johannesburg", "Johannesburg", "约翰内斯堡"),
        ("Cape Town", "Cape Town", "开普敦"),
        ("Durban", "Durban", "德班"),
    ),
}

COUNTRY_CODES: tuple[str, ...] = tuple(CITIES)

# Roughly a third of the organizations are Chinese: the alliance's platform grew out of Shanghai.
COUNTRY_WEIGHTS: dict[str, int] = dict.fromkeys(COUNTRY_CODES, 3) | {
    "CN": 36,
    "US": 7,
    "GB": 5,
    "DE": 5,
    "JP": 4,
    "KR": 4,
    "CA": 4,
    "AU": 4,
    "BR": 4,
    "FR": 4,
    "IT": 4,
}

LANGUAGES: dict[str, tuple[str, ...]] = {
    "CN": ("zh",),
    "US": ("en",),
    "GB": ("en",),
    "AU": ("en",),
    "ZA": ("en",),
    "CA": ("en", "fr"),
    "DE": ("de",),
    "FR": ("fr",),
    "IT": ("it",),
    "JP": ("ja",),
    "KR": ("ko",),
    "RU": ("ru",),
    "SA": ("ar",),
    "BR": ("pt",),
    "MX": ("es",),
    "AR": ("es",),
    "IN": ("en", "hi"),
    "ID": ("id",),
    "TR": ("tr",),
}

# Countries whose names the generator writes in their own script, with a Latin transcription.
LOCAL_SCRIPT = frozenset({"CN", "JP", "KR", "RU", "SA"})

# Faker locales for the Latin-script countries; the others use the hand-made tables of `names`.
FAKER_LOCALES: dict[str, str] = {
    "US": "en_US",
    "GB": "en_GB",
    "CA": "en_CA",
    "AU": "en_AU",
    "ZA": "zu_ZA",
    "DE": "de_DE",
    "FR": "fr_FR",
    "IT": "it_IT",
    "BR": "pt_BR",
    "MX": "es_MX",
    "AR": "es_AR",
    "IN": "en_IN",
    "ID": "id_ID",
    "TR": "tr_TR",
}


def city_named(country: str, english: str) -> City:
    """The city of `country` called `english`; raises KeyError if the tables do not have it."""
    for city in CITIES[country]:
        if city.en == english:
            return city
    raise KeyError(f"{country}/{english}")
