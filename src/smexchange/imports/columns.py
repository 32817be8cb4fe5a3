"""The columns of each kind of import, with the header names registration systems use for them.

A header matches a column by its name or an alias, ignoring case, spaces, punctuation and a
trailing remark in brackets (“Country (ISO code)”, “国家（代码）”).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from smexchange.imports.files import Problem, RawTable


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


ORGANIZATION_COLUMNS = (
    Column(
        "name",
        required=True,
        aliases=(
            "organization",
            "organisation",
            "company",
            "company name",
            "organization name",
            "单位名称",
            "公司名称",
            "企业名称",
            "机构名称",
            "名称",
            "单位",
            "公司",
        ),
    ),
    Column("name_latin", aliases=("english name", "name en", "name english", "英文名称", "英文名")),
    Column("kind", aliases=("type", "organization type", "organisation type", "类型", "机构类型")),
    Column("country", required=True, aliases=("country code", "nation", "国家", "国家/地区", "国别")),
    Column("city", aliases=("town", "城市")),
    Column("size", aliases=("company size", "规模", "企业规模")),
    Column("sectors", aliases=("sector", "isic", "industry", "industries", "行业", "所属行业")),
    Column("languages", aliases=("language", "语言")),
    Column("website", aliases=("web", "url", "homepage", "网站", "网址")),
    Column("description", aliases=("about", "profile", "简介", "描述", "企业简介")),
    Column("alliance_member_since", aliases=("member since", "入会日期", "入会时间")),
)

_ORGANIZATION_REF = (
    Column(
        "organization",
        required=True,
        aliases=(
            "organisation",
            "company",
            "company name",
            "organization name",
            "单位名称",
            "公司名称",
            "企业名称",
            "机构名称",
            "单位",
            "公司",
        ),
    ),
    Column("organization_country", aliases=("country", "country code", "国家", "国家/地区", "国别")),
)

_PERSON_COLUMNS = (
    Column("given_name", required=True, aliases=("first name", "forename", "given", "名")),
    Column("family_name", required=True, aliases=("last name", "surname", "family", "姓")),
    Column("name_local", aliases=("local name", "native name", "中文姓名", "姓名")),
    Column("title", aliases=("job title", "position", "职务", "职位", "头衔")),
    Column(
        "email", aliases=("e mail", "email address", "e mail address", "mail", "邮箱", "电子邮箱", "电子邮件")
    ),
    Column("phone", aliases=("telephone", "mobile", "tel", "phone number", "电话", "手机", "联系电话")),
    Column("languages", aliases=("language", "语言")),
)

PEOPLE_COLUMNS = (
    *_ORGANIZATION_REF,
    *_PERSON_COLUMNS,
    Column("role", aliases=("person role", "角色")),
    Column("bio", aliases=("biography", "简历", "个人简介")),
)

PROFILE_COLUMNS = (
    *_ORGANIZATION_REF,
    Column("title", required=True, aliases=("profile title", "标题")),
    Column("description", aliases=("描述", "说明")),
    Column("language", aliases=("text language", "文字语言")),
    Column("sectors", aliases=("sector", "isic", "industry", "行业")),
    Column("target_countries", aliases=("target markets", "targets", "目标国家", "目标市场")),
    Column("offers", aliases=("offer", "we offer", "提供")),
    Column("offer_text", aliases=("offer details", "提供说明")),
    Column("seeks", aliases=("seek", "we seek", "looking for", "寻求")),
    Column("seek_text", aliases=("seek details", "寻求说明")),
    Column("expires_on", aliases=("expires", "expiry date", "valid until", "有效期至", "截止日期")),
    Column("publish", aliases=("published", "发布")),
)

REGISTRATION_COLUMNS = (
    *_ORGANIZATION_REF,
    Column("organization_kind", aliases=("organization type", "organisation type", "机构类型")),
    *_PERSON_COLUMNS,
    Column(
        "role", required=True, aliases=("participant role", "participant type", "参会身份", "身份", "角色")
    ),
    Column("status", aliases=("registration status", "状态", "报名状态")),
)


def header_key(header: str) -> str:
    value = unicodedata.normalize("NFKC", header).replace("\ufeff", "").casefold()
    return re.sub(r"[\W_]+", " ", value).strip()


@dataclass(frozen=True)
class ColumnMap:
    """Where each known column sits in the file, and the headers it did not know."""

    positions: dict[str, int]
    headers: dict[str, str]  # column name -> header as written in the file
    ignored: tuple[str, ...]


def map_columns(table: RawTable, columns: tuple[Column, ...]) -> tuple[ColumnMap, list[Problem]]:
    """Match the file's header to `columns`; problems for missing and doubled columns."""
    lookup: dict[str, str] = {}
    for column in columns:
        for name in (column.name, *column.aliases):
            lookup.setdefault(header_key(name), column.name)
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for position, header in enumerate(table.header):
        key = header_key(header)
        name = lookup.get(key) or lookup.get(header_key(re.split(r"[(（\[]", header, maxsplit=1)[0]))
        if name is None:
            if header:
                ignored.append(header)
            continue
        if name in positions:
            problems.append(
                Problem(
                    _("Columns “%(first)s” and “%(second)s” both give %(name)s.")
                    % {"first": headers[name], "second": header, "name": name},
                    line=table.header_line,
                    column=header,
                )
            )
            continue
        positions[name], headers[name] = position, header
    for column in columns:
        if column.required and column.name not in positions:
            problems.append(
                Problem(
                    _("The required column “%(name)s” is missing (the header has: %(header)s).")
                    % {"name": column.name, "header": ", ".join(h for h in table.header if h) or "-"},
                    line=table.header_line,
                    column=column.name,
                )
            )
    return ColumnMap(positions, headers, tuple(ignored)), problems
