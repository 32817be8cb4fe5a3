from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "smexchange.reports"
    label = "reports"
