from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "smexchange.common"
    label = "common"
