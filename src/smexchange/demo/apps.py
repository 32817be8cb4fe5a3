from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "smexchange.demo"
    label = "demo"
