from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "smexchange.accounts"
    label = "accounts"
