"""The cooperation types of CONTRACTS.md, and which of them complete each other."""

from __future__ import annotations

from smexchange.vocab.labels import Label

COOPERATION_TYPES: dict[str, Label] = {
    label.code: label
    for label in (
        Label("joint_venture", "Joint venture", "合资合作"),
        Label("subcontracting", "Subcontracting", "分包"),
        Label("franchise", "Franchise", "特许经营"),
        Label("outsourcing", "Outsourcing", "外包"),
        Label("distribution", "Distribution", "分销代理"),
        Label("licensing", "Licensing", "许可授权"),
        Label("technical_cooperation", "Technical cooperation", "技术合作"),
        Label("investment", "Investment", "投资"),
        Label("acquisition", "Acquisition", "并购"),
        Label("supplier", "Supplier", "供应商"),
        Label("consulting", "Consulting", "咨询服务"),
        Label("human_resources", "Human resources", "人力资源"),
        Label("market_entry", "Market entry", "市场准入"),
    )
}

# Pairs of (offered type, sought type) that complete each other beyond the same type
# on both sides: a subcontractor's offer answers an outsourcer's request, and so on.
RELATED_TYPES: frozenset[tuple[str, str]] = frozenset(
    {
        ("subcontracting", "outsourcing"),
        ("outsourcing", "subcontracting"),
        ("supplier", "distribution"),
        ("distribution", "supplier"),
        ("licensing", "technical_cooperation"),
        ("technical_cooperation", "licensing"),
        ("investment", "acquisition"),
        ("acquisition", "investment"),
        ("investment", "joint_venture"),
        ("consulting", "market_entry"),
        ("distribution", "market_entry"),
    }
)


def is_cooperation_type(code: str) -> bool:
    return code in COOPERATION_TYPES


def complements(offered: str, sought: str) -> bool:
    """True when an offer of `offered` answers a request for `sought`."""
    return offered == sought or (offered, sought) in RELATED_TYPES
