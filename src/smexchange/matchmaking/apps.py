from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "smexchange.matchmaking"
    label = "matchmaking"
