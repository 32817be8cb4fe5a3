"""Shared vocabularies of the platform, without Django.

Countries (ISO 3166-1), languages (ISO 639-1), ISIC Rev. 4 sectors, the
cooperation types of CONTRACTS.md, organization kinds and sizes. Every label
comes in English and Simplified Chinese, so the engines, the web site and the
reports name things the same way.
"""

from smexchange.vocab.labels import Label

__all__ = ["Label"]
