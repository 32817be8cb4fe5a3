"""The alliance's event series after the expo, 2009-2015: where and when each edition ran."""

from __future__ import annotations

from dataclasses import dataclass

from smexchange.events.enums import EventKind as K


@dataclass(frozen=True)
class Series:
    name: str  # with {year}
    name_zh: str
    kind: str
    month: int
    days: int
    # (year, host country, city in places.CITIES)
    editions: tuple[tuple[int, str, str], ...]


def _editions(country: str, *pairs: tuple[int, str]) -> tuple[tuple[int, str, str], ...]:
    return tuple((year, country, city) for year, city in pairs)


SERIES: tuple[Series, ...] = (
    Series("US-China SME Partnership Week {year}", "{year}中美中小企业合作周", K.PARTNERSHIP_WEEK, 10, 4,
           _editions("US", (2009, "Columbia"), (2010, "Chicago"), (2011, "Los Angeles"), (2012, "Houston"),
                     (2013, "New York"), (2014, "Seattle"), (2015, "Atlanta"))),
    Series("Europe-China SME Partnership Week {year}", "{year}中欧中小企业合作周", K.PARTNERSHIP_WEEK, 5, 4,
           ((2010, "GB", "London"), (2011, "DE", "Frankfurt"), (2012, "FR", "Paris"), (2013, "IT", "Milan"),
            (2014, "DE", "Munich"), (2015, "FR", "Lyon"))),
    Series("UK-China Business Matchmaking Conference {year}", "{year}中英商务配对洽谈会", K.MATCHMAKING_CONFERENCE, 3, 2,
           _editions("GB", (2010, "London"), (2011, "Manchester"), (2012, "Birmingham"), (2013, "Edinburgh"),
                     (2014, "Leeds"), (2015, "Bristol"))),
    Series("Canada-China Business Matchmaking Conference {year}", "{year}中加商务配对洽谈会", K.MATCHMAKING_CONFERENCE, 6, 2,
           _editions("CA", (2011, "Toronto"), (2012, "Vancouver"), (2013, "Montreal"), (2014, "Calgary"), (2015, "Ottawa"))),
    Series("Australia-China Business Matchmaking Conference {year}", "{year}中澳商务配对洽谈会", K.MATCHMAKING_CONFERENCE, 8, 2,
           _editions("AU", (2011, "Sydney"), (2012, "Melbourne"), (2013, "Brisbane"), (2014, "Perth"), (2015, "Adelaide"))),
    Series("Brazil-China Business Matchmaking Conference {year}", "{year}中巴商务配对洽谈会", K.MATCHMAKING_CONFERENCE, 9, 2,
           _editions("BR", (2011, "São Paulo"), (2012, "Rio de Janeiro"), (2013, "Curitiba"), (2014, "Porto Alegre"),
                     (2015, "Belo Horizonte"))),
    Series("US-China Entrepreneurs Summit {year}", "{year}中美企业家峰会", K.SUMMIT, 4, 2,
           _editions("US", (2011, "San Francisco"), (2012, "Boston"), (2013, "Washington"), (2014, "New York"),
                     (2015, "Mountain View"))),
    Series("China SME International Development Forum {year}", "{year}中国中小企业国际发展论坛", K.FORUM, 11, 2,
           _editions("CN", (2009, "Beijing"), (2010, "Shanghai"), (2011, "Hangzhou"), (2012, "Shenzhen"),
                     (2013, "Guangzhou"), (2014, "Ningbo"), (2015, "Suzhou"))),
    Series("Global Trade Association Executive Roundtable {year}", "{year}全球行业协会高管圆桌会议", K.ROUNDTABLE, 12, 1,
           ((2010, "GB", "London"), (2011, "JP", "Tokyo"), (2012, "BR", "São Paulo"), (2013, "TR", "Istanbul"),
            (2014, "ZA", "Johannesburg"))),
    Series("Korea-China SME Cooperation Forum {year}", "{year}中韩中小企业合作论坛", K.FORUM, 6, 2,
           _editions("KR", (2012, "Seoul"), (2013, "Busan"), (2014, "Incheon"))),
    Series("Japan-China SME Business Matchmaking Conference {year}", "{year}中日中小企业商务配对洽谈会",
           K.MATCHMAKING_CONFERENCE, 10, 2, _editions("JP", (2012, "Tokyo"), (2014, "Osaka"))),
    Series("Russia-China SME Partnership Forum {year}", "{year}中俄中小企业合作论坛", K.FORUM, 7, 2,
           _editions("RU", (2013, "Moscow"), (2015, "Saint Petersburg"))),
    Series("Mexico-China Business Matchmaking Conference {year}", "{year}中墨商务配对洽谈会", K.MATCHMAKING_CONFERENCE, 2, 2,
           _editions("MX", (2013, "Mexico City"), (2015, "Guadalajara"))),
    Series("India-China SME Summit {year}", "{year}中印中小企业峰会", K.SUMMIT, 1, 2,
           _editions("IN", (2012, "New Delhi"), (2014, "Mumbai"))),
)  # fmt: skip

# Speech titles for later events: {country}/{country_zh} is the host country, {city} its city.
SPEECH_TITLES: tuple[tuple[str, str], ...] = (
    (
        "SME Cooperation Between {country} and China: The Next Five Years",
        "{country_zh}与中国中小企业合作：未来五年",
    ),
    ("Finding the Right Partner in China", "如何在中国找到合适的合作伙伴"),
    ("Doing Business in {country}: A Guide for Chinese SMEs", "在{country_zh}经商：中国中小企业指南"),
    ("Financing Cross-Border Growth for Small Firms", "小企业跨境发展融资"),
    ("From Trade Fair to Joint Venture: Case Studies", "从展会到合资：案例分享"),
    ("Protecting Intellectual Property in Cross-Border Deals", "跨境合作中的知识产权保护"),
    ("Industry Clusters and International Cooperation", "产业集群与国际合作"),
    ("E-commerce Opens New Markets for SMEs", "电子商务为中小企业开拓新市场"),
    ("What {city} Offers Chinese Investors", "{city}为中国投资者带来的机遇"),
    ("The Role of Trade Associations in SME Internationalisation", "行业协会在中小企业国际化中的作用"),
)
PANEL_TITLES: tuple[tuple[str, str], ...] = (
    (
        "Panel: Lessons from Successful {country}-China Partnerships",
        "专题讨论：{country_zh}与中国合作成功经验",
    ),
    ("Panel: Access to Finance for Exporting SMEs", "专题讨论：出口型中小企业融资"),
    ("Panel: Supply Chains After the Crisis", "专题讨论：危机后的供应链"),
)
