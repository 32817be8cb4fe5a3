"""The public bodies of the alliance's history: its secretariat, consulates, governments, media partner.

Their office-holders are recorded as offices ("Consul General", "of the United States"), never as
the real people who held them, and carry no contact details.
"""

from __future__ import annotations

from dataclasses import dataclass

from smexchange.demo.roster import Roster
from smexchange.directory import services as directory
from smexchange.directory.enums import PersonRole
from smexchange.vocab.countries import country_label


@dataclass(frozen=True)
class Office:
    key: str
    given: str
    family: str
    local: str
    title: str
    role: str


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    name_latin: str
    kind: str
    country: str
    city: str
    sectors: tuple[str, ...]
    languages: tuple[str, ...]
    offices: tuple[Office, ...]
    description: str = ""


ALLIANCE = Body(
    "alliance",
    "全球中小企业联盟",
    "Global Alliance of SMEs",
    "association",
    "CN",
    "Shanghai",
    ("S94",),
    ("zh", "en"),
    (
        Office("chairman", "Chairman", "of the Alliance", "联盟主席", "Chairman, Global Alliance of SMEs", PersonRole.CHAIRMAN),
        Office("secretary_general", "Secretary General", "of the Alliance", "联盟秘书长", "Secretary General, Global Alliance of SMEs", PersonRole.SECRETARY_GENERAL),
        Office("vice_chairman", "Vice Chairman", "of the Alliance", "联盟副主席", "Vice Chairman, Global Alliance of SMEs", PersonRole.VICE_PRESIDENT),
    ),
    "The alliance of SME trade associations from the G20 countries; its secretariat in Shanghai organizes "
    "the Global SME Expo, partnership weeks and business matchmaking conferences.",
)  # fmt: skip

MEDIA_PARTNER = Body(
    "media_partner",
    "中小企业世界传媒集团",
    "SME World Media Group",
    "media",
    "CN",
    "Shanghai",
    ("J58", "J60"),
    ("zh", "en"),
    (
        Office(
            "editor", "Editor-in-Chief", "of SME World", "总编辑", "Editor-in-Chief", PersonRole.JOURNALIST
        ),
    ),
    "Print, television and online media for small and medium enterprises.",
)

GOVERNMENTS = (
    Body(
        "gov:ninghai", "宁海县人民政府", "Ninghai County People's Government", "government", "CN", "Ninghai",
        ("O84",), ("zh",),
        (Office("head", "County Magistrate", "of Ninghai", "宁海县县长", "County Magistrate, Ninghai County", PersonRole.MAYOR),
         Office("deputy", "Deputy County Magistrate", "of Ninghai", "宁海县副县长", "Deputy County Magistrate, Ninghai County", PersonRole.VICE_MAYOR)),
    ),
    Body(
        "gov:dongyang", "东阳市人民政府", "Dongyang Municipal People's Government", "government", "CN", "Dongyang",
        ("O84",), ("zh",),
        (Office("head", "Mayor", "of Dongyang", "东阳市市长", "Mayor of Dongyang", PersonRole.MAYOR),
         Office("deputy", "Vice Mayor", "of Dongyang", "东阳市副市长", "Vice Mayor of Dongyang", PersonRole.VICE_MAYOR)),
    ),
    Body(
        "gov:xiuzhou", "嘉兴市秀洲区人民政府", "People's Government of Xiuzhou District, Jiaxing", "government", "CN",
        "Jiaxing", ("O84",), ("zh",),
        (Office("head", "District Head", "of Xiuzhou", "秀洲区区长", "District Head, Xiuzhou District of Jiaxing", PersonRole.MAYOR),
         Office("deputy", "Deputy District Head", "of Xiuzhou", "秀洲区副区长", "Deputy District Head, Xiuzhou District", PersonRole.VICE_MAYOR)),
    ),
    Body(
        "gov:mountain_view", "City of Mountain View", "", "government", "US", "Mountain View", ("O84",), ("en",),
        (Office("head", "Mayor", "of Mountain View", "", "Mayor of Mountain View", PersonRole.MAYOR),
         Office("deputy", "Council Member", "of Mountain View", "", "Council Member, City of Mountain View", PersonRole.OFFICIAL)),
    ),
    Body(
        "gov:shanghai", "上海市经济和信息化委员会", "Shanghai Municipal Commission of Economy and Informatization",
        "government", "CN", "Shanghai", ("O84",), ("zh",),
        (Office("head", "Director", "of the Shanghai Commission", "上海市经信委主任", "Director, Shanghai Municipal Commission of Economy and Informatization", PersonRole.DIRECTOR),
         Office("deputy", "Deputy Director", "of the Shanghai Commission", "上海市经信委副主任", "Deputy Director, Shanghai Municipal Commission of Economy and Informatization", PersonRole.OFFICIAL)),
    ),
)  # fmt: skip

# G20 countries with a consulate general in Shanghai, and the name in their own script where not Latin.
_SHANGHAI_CONSULATES: dict[str, str] = {
    "US": "", "GB": "", "CA": "", "AU": "", "DE": "", "FR": "", "IT": "",
    "JP": "在上海日本国総領事館", "KR": "주상하이 대한민국 총영사관", "RU": "Генеральное консульство России в Шанхае",
    "BR": "", "MX": "", "AR": "", "IN": "", "ID": "", "TR": "", "ZA": "",
}  # fmt: skip
_NAMES_WITH_ARTICLE = frozenset({"US", "GB"})
_CONSULAR_OFFICES = (
    ("consul_general", "Consul General", PersonRole.CONSUL_GENERAL),
    ("vice_consul_general", "Vice Consul General", PersonRole.VICE_CONSUL_GENERAL),
    ("consul", "Consul (Commercial)", PersonRole.CONSUL),
)
# China's consulates general in the cities of the later events: the hosts' partners on the ground.
CHINESE_CONSULATES: dict[str, tuple[str, str]] = {
    "US": ("New York", "纽约"), "GB": ("Manchester", "曼彻斯特"), "CA": ("Toronto", "多伦多"),
    "AU": ("Sydney", "悉尼"), "BR": ("São Paulo", "圣保罗"), "DE": ("Frankfurt", "法兰克福"),
    "JP": ("Osaka", "大阪"), "KR": ("Busan", "釜山"), "RU": ("Saint Petersburg", "圣彼得堡"),
    "IN": ("Mumbai", "孟买"), "FR": ("Lyon", "里昂"), "IT": ("Milan", "米兰"),
}  # fmt: skip


def _country_name(country: str) -> str:
    """The country's name as it follows "of": "of the United States", "of Japan"."""
    name = country_label(country).en
    return f"the {name}" if country in _NAMES_WITH_ARTICLE else name


def _consulate_in_shanghai(country: str, local_name: str) -> Body:
    english = f"Consulate General of {_country_name(country)} in Shanghai"
    offices = tuple(
        Office(key, office, f"of {_country_name(country)}", "", f"{office}, {english}", role)
        for key, office, role in _CONSULAR_OFFICES
    )
    name, latin = (local_name, english) if local_name else (english, "")
    return Body(
        f"consulate:{country}", name, latin, "consulate", country, "Shanghai", ("U99",), ("en",), offices
    )


def _chinese_consulate(host: str, city: str, city_zh: str) -> Body:
    english = f"Consulate General of the People's Republic of China in {city}"
    offices = (
        Office("consul_general", "Consul General", f"of China in {city}", f"驻{city_zh}总领事", f"Consul General of China in {city}", PersonRole.CONSUL_GENERAL),
        Office("consul", "Consul (Economic and Commercial)", f"of China in {city}", f"驻{city_zh}经商领事", f"Economic and Commercial Consul of China in {city}", PersonRole.CONSUL),
    )  # fmt: skip
    return Body(
        f"cn_consulate:{host}", f"中华人民共和国驻{city_zh}总领事馆", english, "consulate", "CN", city, ("U99",), ("zh", "en"), offices
    )  # fmt: skip


def all_bodies() -> list[Body]:
    consulates = [_consulate_in_shanghai(code, local) for code, local in _SHANGHAI_CONSULATES.items()]
    chinese = [_chinese_consulate(host, city, zh) for host, (city, zh) in CHINESE_CONSULATES.items()]
    return [ALLIANCE, MEDIA_PARTNER, *GOVERNMENTS, *consulates, *chinese]


def create_bodies(roster: Roster) -> None:
    """Write the public bodies and their offices through the directory services."""
    for body in all_bodies():
        organization = directory.create_organization(
            name=body.name,
            name_latin=body.name_latin,
            kind=body.kind,
            country=body.country,
            city=body.city,
            sectors=body.sectors,
            languages=body.languages,
            description=body.description,
        )
        roster.add_organization(organization)
        roster.bodies[body.key] = organization
        for office in body.offices:
            person = directory.add_person(
                organization,
                given_name=office.given,
                family_name=office.family,
                name_local=office.local,
                title=office.title,
                role=office.role,
                languages=body.languages,
            )
            roster.add_person(person)
            roster.officers[f"{body.key}:{office.key}"] = person
