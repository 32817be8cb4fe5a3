from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "smexchange.directory"
    label = "directory"
