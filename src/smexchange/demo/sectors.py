"""The industries of the demo's SMEs: ISIC divisions, words for company names, and their products."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    en: str
    zh: str


@dataclass(frozen=True)
class Industry:
    """One ISIC division as the demo uses it: the word in a company name, per language, and products."""

    code: str
    en: str
    zh: str
    ja: str
    ko: str
    ru: str
    ar: str
    products: tuple[Product, ...]

    def word(self, country: str) -> str:
        return {"CN": self.zh, "JP": self.ja, "KR": self.ko, "RU": self.ru, "SA": self.ar}.get(
            country, self.en
        )


def _products(*pairs: tuple[str, str]) -> tuple[Product, ...]:
    return tuple(Product(en, zh) for en, zh in pairs)


INDUSTRIES: tuple[Industry, ...] = (
    Industry(
        "C10", "Foods", "食品", "食品", "식품", "Продукты", "للأغذية",
        _products(("frozen dumplings", "速冻水饺"), ("tea and tea extracts", "茶叶及茶提取物"),
                  ("organic snacks", "有机休闲食品"), ("canned vegetables", "蔬菜罐头")),
    ),
    Industry(
        "C13", "Textiles", "纺织", "繊維", "섬유", "Текстиль", "للنسيج",
        _products(("home textiles", "家用纺织品"), ("technical fabrics", "产业用纺织面料"),
                  ("silk fabrics", "真丝面料")),
    ),
    Industry(
        "C14", "Apparel", "服饰", "アパレル", "어패럴", "Одежда", "للملابس",
        _products(("women's fashion", "女装"), ("workwear and uniforms", "职业工作服"), ("knitwear", "针织服装")),
    ),
    Industry(
        "C15", "Footwear", "鞋业", "製靴", "제화", "Обувь", "للأحذية",
        _products(("leather shoes", "皮鞋"), ("handbags and luggage", "箱包"), ("safety footwear", "劳保鞋")),
    ),
    Industry(
        "C16", "Woodcraft", "木雕工艺", "木工", "목공예", "Деревообработка", "للأخشاب",
        _products(("carved wooden panels", "木雕饰板"), ("wooden crafts and gifts", "木制工艺礼品"),
                  ("engineered wood flooring", "实木复合地板")),
    ),
    Industry(
        "C20", "Chemicals", "化工", "化学", "화학", "Химия", "للكيماويات",
        _products(("water-based coatings", "水性涂料"), ("industrial adhesives", "工业胶粘剂"),
                  ("textile dyes", "纺织染料")),
    ),
    Industry(
        "C22", "Plastics", "塑料制品", "樹脂", "플라스틱", "Пластик", "للبلاستيك",
        _products(("injection-moulded parts", "注塑件"), ("plastic packaging", "塑料包装"),
                  ("PVC pipes and fittings", "PVC管材管件")),
    ),
    Industry(
        "C25", "Metal Products", "五金", "金属", "금속", "Металл", "للمعادن",
        _products(("precision stamped parts", "精密冲压件"), ("fasteners", "紧固件"), ("hand tools", "手动工具")),
    ),
    Industry(
        "C26", "Electronics", "电子", "電子", "전자", "Электроника", "للإلكترونيات",
        _products(("LED lighting modules", "LED照明模组"), ("printed circuit boards", "印刷电路板"),
                  ("security cameras", "安防摄像机")),
    ),
    Industry(
        "C27", "Electric", "电气", "電機", "전기", "Электро", "للكهرباء",
        _products(("small electric motors", "微型电机"), ("solar inverters", "光伏逆变器"),
                  ("low-voltage switchgear", "低压开关设备")),
    ),
    Industry(
        "C28", "Machinery", "机械", "機械", "기계", "Машиностроение", "للآلات",
        _products(("packaging machinery", "包装机械"), ("CNC machine tools", "数控机床"),
                  ("pumps and valves", "泵阀")),
    ),
    Industry(
        "C29", "Auto Parts", "汽车零部件", "自動車部品", "자동차부품", "Автокомпоненты", "لقطع غيار السيارات",
        _products(("brake components", "制动系统部件"), ("automotive wiring harnesses", "汽车线束")),
    ),
    Industry(
        "C31", "Furniture", "家具", "家具", "가구", "Мебель", "للأثاث",
        _products(("office furniture", "办公家具"), ("solid wood furniture", "实木家具")),
    ),
    Industry(
        "C32", "Stationery", "文具", "文具", "문구", "Канцтовары", "للقرطاسية",
        _products(("stationery", "文具"), ("writing instruments", "书写工具"), ("educational toys", "益智玩具")),
    ),
    Industry(
        "G46", "Trading", "贸易", "商事", "무역", "Торговля", "للتجارة",
        _products(("consumer goods sourcing", "日用消费品采购"), ("industrial supplies", "工业用品")),
    ),
    Industry(
        "H52", "Logistics", "物流", "物流", "물류", "Логистика", "للخدمات اللوجستية",
        _products(("freight forwarding", "国际货运代理"), ("bonded warehousing", "保税仓储")),
    ),
    Industry(
        "J62", "Software", "软件", "ソフトウェア", "소프트웨어", "Софт", "للبرمجيات",
        _products(("ERP software", "企业管理软件"), ("e-commerce platforms", "电子商务平台"),
                  ("mobile applications", "移动应用")),
    ),
    Industry(
        "M71", "Engineering", "工程设计", "エンジニアリング", "엔지니어링", "Инжиниринг", "للهندسة",
        _products(("industrial plant design", "工业厂房设计"), ("testing and certification", "检测认证服务")),
    ),
    Industry(
        "A01", "Agriculture", "农业", "農産", "농산", "Агро", "للزراعة",
        _products(("fresh fruit", "新鲜水果"), ("vegetable seeds", "蔬菜种子"), ("ginseng", "人参")),
    ),
    Industry(
        "M70", "Consulting", "咨询", "コンサルティング", "컨설팅", "Консалтинг", "للاستشارات",
        _products(("market entry consulting", "市场准入咨询"), ("management consulting", "管理咨询")),
    ),
)  # fmt: skip

INDUSTRY_BY_CODE: dict[str, Industry] = {industry.code: industry for industry in INDUSTRIES}

# Sectors for bodies that are not SMEs: what their sector field says about them.
SERVICE_SECTORS: dict[str, tuple[str, ...]] = {
    "association": ("S94",),
    "government": ("O84",),
    "consulate": ("U99",),
    "financial": ("K64", "K66"),
    "media": ("J58", "J60"),
    "research": ("M72",),
}
