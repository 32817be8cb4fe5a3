from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUpResult(models.TextChoices):
    NO_INTEREST = "no_interest", _("No interest")
    FURTHER_TALKS = "further_talks", _("Further talks")
    PROSPECTIVE = "prospective", _("Prospective transaction")
    NO_SHOW = "no_show", _("No-show")


# Results that may carry a cooperation type and an estimated value.
RESULTS_WITH_VALUE = (FollowUpResult.FURTHER_TALKS, FollowUpResult.PROSPECTIVE)


class DealStage(models.TextChoices):
    PROSPECTIVE = "prospective", _("Prospective")
    NEGOTIATION = "negotiation", _("Negotiation")
    SIGNED = "signed", _("Signed agreement")
    DROPPED = "dropped", _("Dropped")


# Where a deal may go from each stage: forward only; signed and dropped are final.
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    DealStage.PROSPECTIVE: (DealStage.NEGOTIATION, DealStage.SIGNED, DealStage.DROPPED),
    DealStage.NEGOTIATION: (DealStage.SIGNED, DealStage.DROPPED),
    DealStage.SIGNED: (),
    DealStage.DROPPED: (),
}
OPEN_STAGES = (DealStage.PROSPECTIVE, DealStage.NEGOTIATION)


class PartnershipKind(models.TextChoices):
    PARTNER_CITIES = "partner_cities", _("Partnership cities")
    CLUSTER_BASE = "cluster_base", _("Industry cluster cooperation base")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")
