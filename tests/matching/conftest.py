"""Tiny hand-built profiles for the matching engine's tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smexchange.matching.types import CooperationItem, Profile


def item(kind: str, text: str = "") -> CooperationItem:
    return CooperationItem(type=kind, text=text)


@pytest.fixture
def stationery_maker() -> Profile:
    """A Chinese maker who writes in Chinese: offers OEM notebooks, seeks US distributors."""
    return Profile(
        id="cn-stationery",
        name="宁海文具有限公司",
        country="CN",
        size="small",
        languages=("zh",),
        sectors=("C32",),
        description="宁海文具制造商，生产笔记本和圆珠笔。",
        offers=(item("subcontracting", "提供笔记本和圆珠笔的OEM代工"),),
        seeks=(item("distribution", "寻求美国的文具经销商"),),
        target_countries=("US",),
    )


@pytest.fixture
def stationery_importer() -> Profile:
    """A US importer who writes in English: distributes stationery, seeks an OEM maker of notebooks."""
    return Profile(
        id="us-importer",
        name="Lakeside Office Supply",
        country="US",
        size="medium",
        languages=("en",),
        sectors=("G46",),
        description="Importer and wholesaler of office supplies for US retail chains.",
        offers=(item("distribution", "nationwide distribution of stationery to 900 stores"),),
        seeks=(item("subcontracting", "OEM manufacturer for private-label notebooks and ballpoint pens"),),
        target_countries=("CN",),
    )


@pytest.fixture
def stationery_lookalike() -> Profile:
    """Another Chinese stationery maker: the same offer and the same request as the first one."""
    return Profile(
        id="cn-lookalike",
        name="义乌文具厂",
        country="CN",
        size="small",
        languages=("zh",),
        sectors=("C32",),
        description="文具生产企业，主要生产笔记本和圆珠笔。",
        offers=(item("subcontracting", "笔记本OEM代工"),),
        seeks=(item("distribution", "寻找美国文具经销商"),),
        target_countries=("US",),
    )


@pytest.fixture
def furniture_maker() -> Profile:
    """A German furniture maker who seeks oak timber, written in German."""
    return Profile(
        id="de-furniture",
        name="Schreinerei Vogt GmbH",
        country="DE",
        size="small",
        languages=("de", "en"),
        sectors=("C31",),
        description="Wir fertigen Möbel aus Massivholz.",
        offers=(item("supplier", "Esstische und Stühle aus Eiche"),),
        seeks=(item("supplier", "Lieferant für Eichenholz und Schnittholz"),),
        target_countries=("BR",),
    )


@pytest.fixture
def timber_exporter() -> Profile:
    """A Brazilian sawmill that offers oak and pine timber, written in Portuguese."""
    return Profile(
        id="br-timber",
        name="Serraria Paraná",
        country="BR",
        size="medium",
        languages=("pt", "en"),
        sectors=("C16",),
        description="Serraria exportadora de madeira serrada.",
        offers=(item("supplier", "madeira de carvalho e pinho para fabricantes de móveis"),),
        seeks=(item("distribution", "distribuidores de madeira na Europa"),),
        target_countries=("DE",),
    )


@pytest.fixture
def empty_profile() -> Profile:
    """Nothing to offer or seek, no texts: valid, and gets no partners."""
    return Profile(id="empty", country="FR")


@pytest.fixture
def world(
    stationery_maker: Profile,
    stationery_importer: Profile,
    stationery_lookalike: Profile,
    furniture_maker: Profile,
    timber_exporter: Profile,
    empty_profile: Profile,
) -> list[Profile]:
    return [
        stationery_maker,
        stationery_importer,
        stationery_lookalike,
        furniture_maker,
        timber_exporter,
        empty_profile,
    ]


@pytest.fixture
def write_lines(tmp_path: Path):
    """Write JSONL lines (dicts or raw strings) to a file and return its path."""

    def write(lines: list[object], name: str = "profiles.jsonl") -> Path:
        path = tmp_path / name
        text = "".join(
            (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines
        )
        path.write_text(text, encoding="utf-8")
        return path

    return write
