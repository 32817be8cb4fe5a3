import pytest
from django.core.management import call_command

from smexchange.events.models import Event

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

QUICK = ["--no-serve", "--organizations", "40", "--events", "1"]


def test_demo_no_serve_builds_world_and_prints_expo_url(capsys):
    call_command("demo", *QUICK)

    output = capsys.readouterr().out
    assert "Building the demo world from seed 2009" in output
    assert "http://127.0.0.1:8000/events/global-sme-expo-2009/" in output
    assert list(Event.objects.order_by("starts_on").values_list("slug", flat=True)) == [
        "global-sme-expo-2009",
        "us-china-sme-partnership-week-2009",
    ]


def test_demo_second_run_reuses_world(capsys):
    call_command("demo", *QUICK)
    events_before = Event.objects.count()
    capsys.readouterr()

    call_command("demo", *QUICK, "--port", "8123")

    output = capsys.readouterr().out
    assert "Reusing the demo world" in output
    assert "Building" not in output
    assert "http://127.0.0.1:8123/events/global-sme-expo-2009/" in output
    assert Event.objects.count() == events_before
