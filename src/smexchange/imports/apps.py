from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "smexchange.imports"
    label = "imports"
