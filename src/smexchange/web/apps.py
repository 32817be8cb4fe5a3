from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "smexchange.web"
    label = "web"
