from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardStatus(models.TextChoices):
    """The life of an award, in this order: nothing goes back."""

    NOMINATING = "nominating", _("Open for nominations")
    SCORING = "scoring", _("Jury scoring")
    CLOSED = "closed", _("Jury closed")
    PUBLISHED = "published", _("Published")


# While the jury is still at work: jurors may be added and conflicts declared.
JURY_OPEN_STATUSES = (AwardStatus.NOMINATING, AwardStatus.SCORING)
# Once the jury has closed, its ranking may be shown to the jurors.
JURY_DONE_STATUSES = (AwardStatus.CLOSED, AwardStatus.PUBLISHED)
