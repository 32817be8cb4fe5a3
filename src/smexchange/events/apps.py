from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "smexchange.events"
    label = "events"
