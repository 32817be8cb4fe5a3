from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smexchange.vocab.labels import Label


class Sector(models.Model):
    """An ISIC Rev. 4 section (`C`) or division (`C32`); rows come from `vocab.isic` by migration."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    section = models.CharField(_("section"), max_length=1, db_index=True)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return Label(self.code, self.name_en, self.name_zh).in_language(get_language())

    @property
    def is_division(self) -> bool:
        return len(self.code) == 3
