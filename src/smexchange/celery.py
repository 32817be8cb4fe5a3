"""The Celery application, for deployments with CELERY_BROKER_URL set: `celery -A smexchange worker`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smexchange.settings")
app = Celery("smexchange")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
