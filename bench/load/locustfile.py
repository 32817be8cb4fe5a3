"""Locust users of the load benchmark: delegates of the load expo, each signed in as its own participant.

Run by `smex bench load` as a child process (never imported by the project: locust patches the
standard library with gevent). Settings come from the environment: LOAD_EVENT, LOAD_PARTICIPANTS,
LOAD_SESSIONS (signed-in session keys), LOAD_TERMS (comma-separated search words).
"""

from __future__ import annotations

import itertools
import os
import random

from locust import HttpUser, between, task

EVENT = os.environ.get("LOAD_EVENT", "load-expo")
PARTICIPANTS = int(os.environ.get("LOAD_PARTICIPANTS", "5000"))
TERMS = os.environ.get("LOAD_TERMS", "Textile,Tool,Solar,Shanghai").split(",")
SESSIONS = os.environ.get("LOAD_SESSIONS", "").split(",")
_next_user = itertools.count()


class Delegate(HttpUser):
    """Reads the event, searches the directory, checks its agenda and recommendations, sends requests."""

    wait_time = between(1, 2)  # a person reading a page before the next click

    def on_start(self) -> None:
        index = next(_next_user) % len(SESSIONS)
        self.client.cookies.set("sessionid", SESSIONS[index])
        self.client.get(f"/events/{EVENT}/matchmaking/", name="first page")  # sets the CSRF cookie
        self.csrf = self.client.cookies.get("csrftoken", "")

    @task(3)
    def event_page(self) -> None:
        self.client.get(f"/events/{EVENT}/", name="event page")

    @task(3)
    def directory_search(self) -> None:
        self.client.get("/directory/", params={"q": random.choice(TERMS)}, name="directory search")

    @task(2)
    def agenda(self) -> None:
        self.client.get(f"/events/{EVENT}/matchmaking/", name="participant agenda")

    @task(2)
    def recommendations(self) -> None:
        self.client.get("/directory/recommended/", name="recommendations")

    @task(1)
    def send_request(self) -> None:
        # Registration ids of the seeded participants are consecutive from LOAD_FIRST_REGISTRATION.
        first = int(os.environ.get("LOAD_FIRST_REGISTRATION", "1"))
        recipient = first + random.randrange(PARTICIPANTS)
        with self.client.post(
            f"/events/{EVENT}/matchmaking/requests/",
            {
                "recipient": recipient,
                "message": "Shall we meet at the expo?",
                "csrfmiddlewaretoken": self.csrf,
            },
            headers={"Referer": f"{self.host}/events/{EVENT}/matchmaking/"},
            name="send a request",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # The form answers with a redirect to the participant page (a refusal, e.g. a
            # request to oneself, is a message there); anything else is an error.
            if response.status_code == 302:
                response.success()
            else:
                response.failure(f"status {response.status_code}")
