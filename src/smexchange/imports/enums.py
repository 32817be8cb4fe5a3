from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    ORGANIZATIONS = "organizations", _("Organizations")
    PEOPLE = "people", _("People")
    PROFILES = "profiles", _("Cooperation profiles")
    REGISTRATIONS = "registrations", _("Registrations")


class ImportStatus(models.TextChoices):
    CHECKED = "checked", _("Checked, ready to import")
    REJECTED = "rejected", _("Rejected: the file has errors")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Failed: nothing was imported")


class ImportSource(models.TextChoices):
    WEB = "web", _("Upload")
    COMMAND = "command", _("Command line")
