"""The programme of the Global SME Expo 2009: speeches, the manifesto, the signings, the award, the roundtable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from smexchange.demo.helpers import at
from smexchange.directory.models import Person
from smexchange.events import services as events
from smexchange.events.enums import ProgrammeKind as K
from smexchange.events.enums import SpeakerRole as S
from smexchange.events.models import Event, ProgrammeItem

EXPO_DAY = dt.date(2009, 7, 13)
KEYNOTE_TITLE = "The Long March to Facilitating International Cooperation"
MAIN_HALL = "Main Hall"


@dataclass(frozen=True)
class Speech:
    start: str
    end: str
    speaker: str  # a key of ExpoCast.speakers
    title: str
    title_zh: str


# Speaker keys name offices of the history ("alliance:chairman") or roles the cast fills with
# synthetic people ("cn_principal").
SPEECHES: tuple[Speech, ...] = (
    Speech("09:20", "09:45", "alliance:chairman", KEYNOTE_TITLE, "促进国际合作的长征"),
    Speech("09:45", "10:00", "gov:shanghai:head", "Shanghai: A Home for the World's SMEs", "上海：全球中小企业的家园"),
    Speech("10:00", "10:15", "consulate:US:consul_general", "SME Trade Between the United States and China in the Downturn", "经济低迷中的中美中小企业贸易"),
    Speech("10:15", "10:30", "foreign_principal", "Trade Associations as Bridges Between Markets", "行业协会：连接市场的桥梁"),
    Speech("10:30", "10:45", "consulate:DE:consul_general", "What Germany's Mittelstand Has Learned in China", "德国中小企业在中国的经验"),
    Speech("13:30", "13:45", "consulate:JP:consul_general", "Japanese SMEs and the Chinese Market", "日本中小企业与中国市场"),
    Speech("13:45", "14:00", "consulate:GB:consul_general", "UK-China: Opening Doors for Small Firms", "英中合作：为小企业打开大门"),
    Speech("14:00", "14:15", "consulate:BR:consul_general", "Brazil and China: Partners of the South", "巴西与中国：南南合作伙伴"),
    Speech("14:15", "14:30", "gov:mountain_view:head", "Silicon Valley Meets the Yangtze River Delta", "硅谷牵手长三角"),
    Speech("14:30", "14:45", "cn_principal", "Financing Chinese SMEs Through the Crisis", "应对危机：中国中小企业融资之道"),
    Speech("14:45", "15:00", "banker", "Trade Finance for Small Exporters", "小型出口企业的贸易融资"),
    Speech("15:00", "15:15", "alliance:vice_chairman", "SMEs in the G20: The Alliance's Annual Development Report", "G20中小企业年度发展报告"),
)  # fmt: skip


@dataclass
class ExpoCast:
    """Who takes part in the programme: offices and synthetic people by key, and the groups."""

    speakers: dict[str, Person]
    signatories: list[Person]
    panelists: list[Person]
    laureates: list[Person]


def _item(
    event: Event,
    start: str,
    end: str,
    *,
    kind: str,
    title: str,
    title_zh: str,
    location: str = "",
    description: str = "",
    speakers: Sequence[tuple[Person, str]] = (),
) -> ProgrammeItem:
    return events.add_programme_item(
        event,
        kind=kind,
        title=title,
        title_zh=title_zh,
        starts_at=at(event, EXPO_DAY, start),
        ends_at=at(event, EXPO_DAY, end),
        location=location,
        description=description,
        speakers=speakers,
    )


def _laureates_text(laureates: list[Person]) -> str:
    lines = [f"{person.display_name}, {person.organization.display_name}" for person in laureates]
    return "Laureates:\n" + "\n".join(lines)


def add_morning(event: Event, cast: ExpoCast) -> None:
    chairman = cast.speakers["alliance:chairman"]
    _item(
        event,
        "09:00",
        "09:20",
        kind=K.OPENING,
        title="Opening Ceremony",
        title_zh="开幕式",
        location=MAIN_HALL,
        speakers=[
            (cast.speakers["alliance:secretary_general"], S.HOST),
            (cast.speakers["gov:shanghai:head"], S.SPEAKER),
        ],
    )
    _item(
        event,
        "09:00",
        "17:30",
        kind=K.EXHIBITION,
        title="Tabletop Exhibition",
        title_zh="桌面展",
        location="Exhibition Hall",
        description="Tabletop booths of SMEs from the G20 countries.",
    )
    _item(
        event,
        "10:45",
        "11:15",
        kind=K.SIGNING_CEREMONY,
        title="Signing of the Shanghai Manifesto on Global SME Cooperation",
        title_zh="《全球中小企业合作上海宣言》签字仪式",
        location=MAIN_HALL,
        description="The principals of the participating trade associations sign the manifesto.",
        speakers=[(chairman, S.HOST)] + [(person, S.SIGNATORY) for person in cast.signatories],
    )
    _item(
        event,
        "11:15",
        "11:30",
        kind=K.SIGNING_CEREMONY,
        title="Signing Ceremony of the Global Stationery Industry Cooperation Base (Ninghai County)",
        title_zh="全球文具产业合作基地（宁海县）签约仪式",
        location=MAIN_HALL,
        speakers=[(chairman, S.SIGNATORY), (cast.speakers["gov:ninghai:head"], S.SIGNATORY)],
    )
    _item(
        event,
        "11:30",
        "11:45",
        kind=K.SIGNING_CEREMONY,
        title="Signing Ceremony of the Global Woodcarving Industry Cooperation Base (Dongyang)",
        title_zh="全球木雕产业合作基地（东阳）签约仪式",
        location=MAIN_HALL,
        speakers=[(chairman, S.SIGNATORY), (cast.speakers["gov:dongyang:head"], S.SIGNATORY)],
    )
    _item(
        event,
        "11:45",
        "12:00",
        kind=K.SIGNING_CEREMONY,
        title="Partnership City Signing: Xiuzhou District of Jiaxing and Mountain View",
        title_zh="嘉兴市秀洲区与美国山景城友好合作城市签约仪式",
        location=MAIN_HALL,
        speakers=[
            (cast.speakers["gov:xiuzhou:head"], S.SIGNATORY),
            (cast.speakers["gov:mountain_view:head"], S.SIGNATORY),
        ],
    )
    _item(event, "12:00", "13:30", kind=K.BREAK, title="Lunch", title_zh="午餐")  # fmt: skip


def add_afternoon(event: Event, cast: ExpoCast) -> ProgrammeItem:
    """The afternoon items; returns the matchmaking item for the session to hang on."""
    _item(
        event,
        "13:30",
        "15:30",
        kind=K.ROUNDTABLE,
        title="Global Trade Association Executive Roundtable",
        title_zh="全球行业协会高管圆桌会议",
        location="Hall B",
        speakers=[(cast.speakers["alliance:secretary_general"], S.MODERATOR)]
        + [(person, S.PANELIST) for person in cast.panelists],
    )
    matchmaking = _item(
        event,
        "14:00",
        "17:30",
        kind=K.MATCHMAKING_SESSION,
        title="One-on-One Business Matchmaking",
        title_zh="一对一商务配对洽谈",
        location="Matchmaking Area",
        description="Pre-scheduled 20-minute meetings between SMEs, with a coffee break at 15:30.",
    )
    _item(
        event,
        "15:20",
        "16:00",
        kind=K.AWARD_PRESENTATION,
        title="2009 Top Ten Chinese SME Entrepreneurs Award",
        title_zh="2009中国中小企业十大杰出企业家颁奖典礼",
        location=MAIN_HALL,
        description=_laureates_text(cast.laureates),
        speakers=[
            (cast.speakers["alliance:chairman"], S.PRESENTER),
            (cast.speakers["alliance:vice_chairman"], S.PRESENTER),
        ],
    )
    _item(
        event,
        "18:00",
        "20:00",
        kind=K.RECEPTION,
        title="Welcome Reception",
        title_zh="欢迎酒会",
        location="Riverside Terrace",
    )
    return matchmaking  # fmt: skip


def add_speeches(event: Event, cast: ExpoCast) -> None:
    for speech in SPEECHES:
        _item(event, speech.start, speech.end, kind=K.SPEECH, title=speech.title, title_zh=speech.title_zh,
              location=MAIN_HALL, speakers=[(cast.speakers[speech.speaker], S.SPEAKER)])  # fmt: skip
