from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


class RequestOrigin(models.TextChoices):
    PARTICIPANT = "participant", _("Asked by the participant")
    ORGANIZER = "organizer", _("Proposed by the organizers")


class ScheduleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")
    DISCARDED = "discarded", _("Discarded")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


class PreferenceKind(models.TextChoices):
    MUST_MEET = "must_meet", _("Must meet")
    NO_THANKS = "no_thanks", _("No thanks")


# Weights of CONTRACTS.md section 2: a request both sides made, a request the other side accepted.
MUTUAL_REQUEST_WEIGHT = 3
ACCEPTED_REQUEST_WEIGHT = 2
# An accepted meeting the organizers proposed from the recommendations: after what people asked for.
RECOMMENDED_REQUEST_WEIGHT = 1
