"""Kinds and sizes of organizations, as CONTRACTS.md names them."""

from __future__ import annotations

from smexchange.vocab.labels import Label

ORGANIZATION_KINDS: dict[str, Label] = {
    label.code: label
    for label in (
        Label("sme", "SME", "中小企业"),
        Label("association", "Trade association", "行业协会"),
        Label("government", "Government body", "政府机构"),
        Label("consulate", "Consulate", "领事馆"),
        Label("financial", "Financial firm", "金融机构"),
        Label("media", "Media", "媒体"),
        Label("research", "Research institute", "研究机构"),
        Label("other", "Other", "其他"),
    )
}

# Staff head-count limits, CONTRACTS.md section 3.
ORGANIZATION_SIZES: dict[str, Label] = {
    label.code: label
    for label in (
        Label("micro", "Micro (under 10 staff)", "微型（10人以下）"),
        Label("small", "Small (under 50 staff)", "小型（50人以下）"),
        Label("medium", "Medium (under 250 staff)", "中型（250人以下）"),
        Label("large", "Large (250 staff or more)", "大型（250人及以上）"),
    )
}
