"""Helpers for the admin page tests of each app: every registered model's pages answer."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.test import Client
from django.urls import reverse


def registered_models(app_label: str) -> list[type[Model]]:
    """The models of `app_label` that have an admin, in a stable order (for parametrize ids)."""
    models = [model for model in admin.site._registry if model._meta.app_label == app_label]
    return sorted(models, key=lambda model: model._meta.model_name)


def changelist_url(model: type[Model]) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def add_url(model: type[Model]) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def change_url(obj: Model) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def filter_query_strings(client: Client, model: type[Model]) -> list[str]:
    """For each list filter of the changelist, the query string of its last choice (a value, not 'All')."""
    response = client.get(changelist_url(model))
    changelist = response.context["cl"]
    queries = []
    for spec in changelist.filter_specs:
        choices = [choice for choice in spec.choices(changelist) if not choice["selected"]]
        if choices:
            queries.append(choices[-1]["query_string"])
    return queries
