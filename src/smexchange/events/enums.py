from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    EXPO = "expo", _("Expo")
    PARTNERSHIP_WEEK = "partnership_week", _("Partnership week")
    MATCHMAKING_CONFERENCE = "matchmaking_conference", _("Business matchmaking conference")
    FORUM = "forum", _("Forum")
    SUMMIT = "summit", _("Summit")
    ROUNDTABLE = "roundtable", _("Roundtable")


class PartnerRole(models.TextChoices):
    ORGANIZER = "organizer", _("Organizer")
    CO_ORGANIZER = "co_organizer", _("Co-organizer")
    STRATEGIC_MEDIA_PARTNER = "strategic_media_partner", _("Strategic media partner")
    SPONSOR = "sponsor", _("Sponsor")
    SUPPORTING_GOVERNMENT = "supporting_government", _("Supporting government")
    SUPPORTING_ORGANIZATION = "supporting_organization", _("Supporting organization")


class ProgrammeKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    SPEECH = "speech", _("Speech")
    PANEL = "panel", _("Panel")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    AWARD_PRESENTATION = "award_presentation", _("Award presentation")
    ROUNDTABLE = "roundtable", _("Roundtable")
    MATCHMAKING_SESSION = "matchmaking_session", _("Matchmaking session")
    EXHIBITION = "exhibition", _("Exhibition")
    RECEPTION = "reception", _("Reception")
    BREAK = "break", _("Break")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELIST = "panelist", _("Panelist")
    SIGNATORY = "signatory", _("Signatory")
    PRESENTER = "presenter", _("Presenter")
    HOST = "host", _("Host")


class ParticipantRole(models.TextChoices):
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    ASSOCIATION_PRINCIPAL = "association_principal", _("Association principal")
    GOVERNMENT_OFFICIAL = "government_official", _("Government official")
    CONSULAR_OFFICER = "consular_officer", _("Consular officer")
    FINANCIAL_FIRM = "financial_firm", _("Financial firm")
    MEDIA = "media", _("Media")


OFFICIAL_ROLES = (ParticipantRole.GOVERNMENT_OFFICIAL, ParticipantRole.CONSULAR_OFFICER)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")
    CHECKED_IN = "checked_in", _("Checked in")


# Who counts as taking part, for headline figures and lists.
ATTENDING_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.CHECKED_IN)
