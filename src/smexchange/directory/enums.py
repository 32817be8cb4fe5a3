from django.db import models
from django.utils.translation import gettext_lazy as _

from smexchange.common.labels import label_choices
from smexchange.vocab.cooperation import COOPERATION_TYPES
from smexchange.vocab.organizations import ORGANIZATION_KINDS, ORGANIZATION_SIZES

ORGANIZATION_KIND_CHOICES = label_choices(ORGANIZATION_KINDS)
ORGANIZATION_SIZE_CHOICES = label_choices(ORGANIZATION_SIZES)
COOPERATION_TYPE_CHOICES = label_choices(COOPERATION_TYPES)


class PersonRole(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman")
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice president")
    SECRETARY_GENERAL = "secretary_general", _("Secretary general")
    DIRECTOR = "director", _("Director")
    CHIEF_EXECUTIVE = "chief_executive", _("Chief executive")
    FOUNDER = "founder", _("Founder")
    MANAGER = "manager", _("Manager")
    CONSUL_GENERAL = "consul_general", _("Consul general")
    VICE_CONSUL_GENERAL = "vice_consul_general", _("Vice consul general")
    CONSUL = "consul", _("Consul")
    AMBASSADOR = "ambassador", _("Ambassador")
    MINISTER = "minister", _("Minister")
    MAYOR = "mayor", _("Mayor")
    VICE_MAYOR = "vice_mayor", _("Vice mayor")
    OFFICIAL = "official", _("Government official")
    BANKER = "banker", _("Banker")
    JOURNALIST = "journalist", _("Journalist")
    RESEARCHER = "researcher", _("Researcher")
    OTHER = "other", _("Other")


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")


class ProfileVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    REGISTERED = "registered", _("Registered users")
    PARTICIPANTS = "participants", _("Participants of our events")


class Direction(models.TextChoices):
    OFFER = "offer", _("Offers")
    SEEK = "seek", _("Seeks")
