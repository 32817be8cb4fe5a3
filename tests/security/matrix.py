"""The permission matrix: every named URL pattern, and what each role gets from it.

One line per route: ``Route(name, "public participant other_participant organizer other_organizer staff",
...)`` with one outcome per role, in the order of ``world.ROLES``:

- ``200`` (or any other status code, e.g. ``403``, ``404``, ``405``, ``401`` for the API);
- ``L``: a redirect to a log-in page (the site's or the admin's);
- ``R``: a redirect elsewhere (a form that was handled and sends you back).

``kwargs`` and ``data`` take the world (tests/security/world.py) and return the URL arguments
and the POST body. Objects belong to event A and to the participant. A route may have several
lines (e.g. one per format). ``test_every_route_is_in_the_matrix`` fails for a named URL pattern
without a line; ``EXEMPT`` lists the only patterns left out, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.security.world import ROLES, World

Kwargs = Callable[[World], dict[str, Any]]


def _none(world: World) -> dict[str, Any]:
    return {}


def event(world: World) -> dict[str, Any]:
    return {"slug": world.event.slug}


def event_and(name: str, **extra: Any) -> Kwargs:
    """The event A slug plus the pk of the seeded object `name` (and fixed extra arguments)."""
    return lambda world: {"slug": world.event.slug, "pk": world[name].pk, **extra}


def obj(name: str, attribute: str = "pk", key: str = "pk") -> Kwargs:
    return lambda world: {key: getattr(world[name], attribute)}


def award(nomination: str = "", **extra: Any) -> Kwargs:
    """The event A slug, the seeded award's slug, and the pk of a seeded object when named."""

    def kwargs(world: World) -> dict[str, Any]:
        values = {"slug": world.event.slug, "award_slug": world["award"].slug, **extra}
        return {**values, "pk": world[nomination].pk} if nomination else values

    return kwargs


@dataclass(frozen=True)
class Route:
    name: str
    outcomes: str
    kwargs: Kwargs = _none
    method: str = "GET"
    data: Kwargs = _none
    expect: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        tokens = self.outcomes.split()
        if len(tokens) != len(ROLES):
            raise ValueError(f"{self.name}: {len(ROLES)} outcomes expected, got {self.outcomes!r}")
        object.__setattr__(self, "expect", dict(zip(ROLES, tokens, strict=True)))

    @property
    def id(self) -> str:
        return f"{self.method} {self.name}"


# Patterns not in the table, and why.
EXEMPT_PREFIXES = {
    # Django's admin: tried for every role by test_admin_is_staff_only (index and every model's pages).
    "admin:": "covered by test_admin_is_staff_only",
}

#                                                    public part. other orgnz other staff
ROUTES: list[Route] = [
    # --- public pages
    Route("web:home", "                                 200  200  200  200  200  200"),
    Route("web:event_list", "                           200  200  200  200  200  200"),
    Route("web:event_detail", "                         200  200  200  200  200  200", event),
    Route("web:organization_list", "                    200  200  200  200  200  200"),
    Route("web:organization_detail", "                  200  200  200  200  200  200", obj("organization", "slug", "slug")),
    Route("web:opportunity_list", "                     200  200  200  200  200  200"),
    Route("set_language", "                             R    R    R    R    R    R", method="POST", data=lambda w: {"language": "zh-hans"}),
    # --- accounts (allauth)
    Route("account_login", "                            200  R    R    R    R    R"),
    Route("account_logout", "                           R    200  200  200  200  200"),
    Route("account_signup", "                           200  R    R    R    R    R"),
    Route("account_inactive", "                         200  200  200  200  200  200"),
    Route("account_reauthenticate", "                   L    200  200  200  200  200"),
    Route("account_request_reauthentication_code", "    L    200  200  200  200  200"),
    Route("account_confirm_reauthentication_code", "    L    R    R    R    R    R"),
    Route("account_email", "                            L    200  200  200  200  200"),
    Route("account_email_verification_sent", "          200  200  200  200  200  200"),
    Route("account_change_password", "                  L    200  200  200  200  200"),
    Route("account_set_password", "                     L    R    R    R    R    R"),
    Route("account_reset_password", "                   200  200  200  200  200  200"),
    Route("account_reset_password_done", "              200  200  200  200  200  200"),
    Route("account_confirm_login_code", "               L    R    R    R    R    R"),
    Route("account_confirm_email", "                    200  200  200  200  200  200", lambda w: {"key": "no-such-key"}),
    Route("account_reset_password_from_key", "          200  200  200  200  200  200", lambda w: {"uidb36": "zz", "key": "no-such-key"}),
    Route("account_reset_password_from_key_done", "     200  200  200  200  200  200"),
    # --- a delegate's own directory pages
    Route("web:recommended", "                          L    200  200  404  404  404"),
    Route("web:profile_list", "                         L    200  200  404  404  404"),
    Route("web:profile_create", "                       L    200  200  404  404  404"),
    Route("web:profile_edit", "                         L    200  404  404  404  404", obj("profile")),
    Route("web:profile_withdraw", "                     L    R    404  404  404  404", obj("profile"), method="POST"),
    # --- a participant's matchmaking
    Route("matchmaking:participant", "                  L    200  200  404  404  404", event),
    Route("matchmaking:send_request", "                 L    R    R    404  404  404", event, method="POST", data=lambda w: {"recipient": w.other_participant.pk, "message": "Hello"}),
    Route("matchmaking:answer_request", "               L    R    404  404  404  404", event_and("pending_request", action="decline"), method="POST"),
    Route("matchmaking:availability", "                 L    R    R    404  404  404", event, method="POST", data=lambda w: {"available": [s.pk for s in w["slots"]]}),
    Route("matchmaking:preference", "                   L    R    R    404  404  404", lambda w: {"slug": w.event.slug, "pk": w.partner.pk}, method="POST", data=lambda w: {"kind": "must_meet"}),
    Route("matchmaking:agenda_ics", "                   L    200  200  404  404  404", event),
    Route("matchmaking:agenda_pdf", "                   L    200  200  404  404  404", event),
    Route("matchmaking:confirm", "                      L    R    404  404  404  404", event_and("meeting"), method="POST"),
    # --- the organizer's pages and actions
    Route("matchmaking:organizer", "                    L    403  403  200  404  200", event),
    Route("matchmaking:request_graph", "                L    403  403  200  404  200", event),
    Route("matchmaking:check_in", "                     L    403  403  200  404  200", event),
    Route("matchmaking:check_in", "                     L    403  403  R    404  R", event, method="POST", data=lambda w: {"token": "forged"}),
    Route("matchmaking:badges_pdf", "                   L    403  403  200  404  200", event),
    Route("matchmaking:table_plan_pdf", "               L    403  403  200  404  200", event),
    Route("matchmaking:schedule_export", "              L    403  403  200  404  200", lambda w: {"slug": w.event.slug, "fmt": "csv"}),
    Route("matchmaking:schedule_export", "              L    403  403  200  404  200", lambda w: {"slug": w.event.slug, "fmt": "xlsx"}),
    Route("matchmaking:run_progress", "                 L    403  403  200  404  200", event_and("run")),
    Route("matchmaking:start_run", "                    L    403  403  R    404  R", event, method="POST", data=lambda w: {"time_limit": 5, "seed": 0}),
    Route("matchmaking:retry_run", "                    L    403  403  R    404  R", event_and("run"), method="POST"),
    Route("matchmaking:propose_meetings", "             L    403  403  R    404  R", event, method="POST"),
    Route("matchmaking:setup", "                        L    403  403  R    404  R", event, method="POST", data=lambda w: {"tables": 3}),
    Route("matchmaking:create_group", "                 L    403  403  R    404  R", event, method="POST", data=lambda w: {"name": "Investors"}),
    Route("matchmaking:delete_group", "                 L    403  403  R    404  R", event_and("group"), method="POST"),
    Route("matchmaking:assign_members", "               L    403  403  R    404  R", event, method="POST", data=lambda w: {"group": w["group"].pk, "registrations": [w.participant.pk]}),
    Route("matchmaking:allow_pair", "                   L    403  403  R    404  R", event, method="POST", data=lambda w: {"group_a": w["group"].pk, "group_b": w["group"].pk}),
    Route("matchmaking:remove_rule", "                  L    403  403  R    404  R", event_and("rule"), method="POST"),
    Route("matchmaking:move", "                         L    403  403  R    404  R", event_and("draft"), method="POST", data=lambda w: {"meeting": w["draft_meeting"].pk, "slot": w["slots"][2].pk, "table": w["tables"][0].pk}),
    Route("matchmaking:publish", "                      L    403  403  R    404  R", event_and("draft"), method="POST"),
    # The draft holds the request already: the organizer's booking is a clean conflict.
    Route("matchmaking:book", "                         L    403  403  409  404  409", event_and("draft"), method="POST", data=lambda w: {"request": w["request"].pk, "slot": w["slots"][2].pk, "table": w["tables"][0].pk}),
    Route("matchmaking:no_show", "                      L    403  403  R    404  R", event_and("meeting", side="a"), method="POST"),
    # --- outcomes: follow-ups and deals
    Route("outcomes:follow_up", "                       L    200  404  404  404  404", event_and("meeting")),
    Route("outcomes:follow_up", "                       L    R    404  404  404  404", event_and("meeting"), method="POST", data=lambda w: {"result": "no_interest"}),
    Route("outcomes:open_deal", "                       L    R    404  404  404  404", event_and("meeting"), method="POST"),
    Route("outcomes:organizer", "                       L    403  403  200  404  200", event),
    Route("outcomes:record_on_behalf", "                L    403  403  200  404  200", event_and("meeting")),
    Route("outcomes:record_on_behalf", "                L    403  403  R    404  R", event_and("meeting"), method="POST", data=lambda w: {"organization": w.participant.organization_id, "result": "no_interest"}),
    Route("outcomes:deal_list", "                       L    200  200  200  200  200"),
    Route("outcomes:deal_detail", "                     L    200  404  200  404  200", obj("deal")),
    Route("outcomes:advance", "                         L    R    404  R    404  R", obj("deal"), method="POST", data=lambda w: {"to_stage": "negotiating"}),
    Route("outcomes:document", "                        L    200  404  200  404  200", obj("deal")),
    Route("outcomes:upload_document", "                 L    R    404  R    404  R", obj("deal"), method="POST"),
    Route("outcomes:link_ceremony", "                   L    R    404  R    404  R", obj("deal"), method="POST"),
    # --- awards
    Route("awards:list", "                              200  200  200  200  200  200", event),
    Route("awards:laureates", "                         404  404  404  404  404  404", award()),
    Route("awards:jury", "                              L    200  404  404  404  404", award()),
    Route("awards:score", "                             L    R    404  404  404  404", award("nomination"), method="POST"),
    Route("awards:conflict", "                          L    R    404  404  404  404", award("nomination"), method="POST", data=lambda w: {"reason": "Related"}),
    Route("awards:organizer", "                         L    403  403  200  404  200", event),
    Route("awards:manage", "                            L    403  403  200  404  200", award()),
    Route("awards:add_criterion", "                     L    403  403  R    404  R", award(), method="POST", data=lambda w: {"name": "Growth", "weight": 1}),
    Route("awards:nominate", "                          L    403  403  R    404  R", award(), method="POST", data=lambda w: {"citation": "Erasers.", "organization": w.participant.organization_id}),
    Route("awards:add_juror", "                         L    403  403  R    404  R", award(), method="POST", data=lambda w: {"email": "organizer@matrix.example.org"}),
    Route("awards:change_status", "                     L    403  403  R    404  R", award(action="open-scoring"), method="POST"),
    # --- imports
    Route("imports:home", "                             L    403  403  200  404  200", event),
    Route("imports:detail", "                           L    403  403  200  404  200", event_and("import_run")),
    Route("imports:apply", "                            L    403  403  R    404  R", event_and("import_run"), method="POST"),
    # --- reports: the event report (organizers), annual reports and archive summaries (staff), the archive
    Route("reports:event_report", "                     L    403  403  200  404  200", event),
    Route("reports:event_report_run", "                 L    403  403  R    404  R", event, method="POST", data=lambda w: {"format": "pdf", "language": "en"}),
    Route("reports:event_report_download", "            L    403  403  200  404  200", event_and("report_run")),
    Route("reports:event_report_retry", "               L    403  403  R    404  R", event_and("failed_report_run"), method="POST"),
    Route("reports:home", "                             L    403  403  403  403  200"),
    Route("reports:annual_report", "                    L    403  403  403  403  200", lambda w: {"year": 2009}),
    Route("reports:annual_report_run", "                L    403  403  403  403  R", lambda w: {"year": 2009}, method="POST", data=lambda w: {"format": "pdf", "language": "en"}),
    Route("reports:annual_report_download", "           L    403  403  403  403  200", obj("annual_run")),
    Route("reports:annual_report_retry", "              L    403  403  403  403  R", obj("failed_annual_run"), method="POST"),
    Route("reports:archive", "                          200  200  200  200  200  200"),
    Route("reports:archive_event", "                    200  200  200  200  200  200", event),
    Route("reports:edit_summary", "                     L    403  403  403  403  200", event),
    Route("reports:edit_summary", "                     L    403  403  403  403  R", event, method="POST", data=lambda w: {"action": "unpublish"}),
    # --- accounts: personal data, invitations, audit log
    Route("accounts:my_data", "                         L    200  200  200  200  200"),
    Route("accounts:export_data", "                     L    200  200  200  200  200", method="POST"),
    Route("accounts:delete_account", "                  L    200  200  200  200  200"),
    Route("accounts:delete_account", "                  L    400  400  400  400  400", method="POST", data=lambda w: {"password": "wrong"}),
    Route("accounts:invitation", "                      200  200  200  200  200  200", lambda w: {"token": w["invitation_token"]}),
    Route("accounts:invitation", "                      L    400  400  R    R    R", lambda w: {"token": w["invitation_token"]}, method="POST", data=lambda w: {"given_name": "New", "family_name": "Delegate"}),
    Route("accounts:invitation", "                      404  404  404  404  404  404", lambda w: {"token": "guessed-token"}),
    Route("accounts:invitations", "                     L    403  403  200  404  200", event),
    Route("accounts:invitations", "                     L    403  403  R    404  R", event, method="POST", data=lambda w: {"organization": w.partner.organization_id, "email": "another@matrix.example.org", "role": "entrepreneur"}),
    Route("accounts:audit_log", "                       L    403  403  403  403  200"),
    # --- the REST API (session-authenticated here; tokens: tests/api). Logged out: 401, never a redirect.
    Route("api:schema", "                               200  200  200  200  200  200"),
    Route("api:docs", "                                 200  200  200  200  200  200"),
    Route("api:not_found", "                            404  404  404  404  404  404"),
    Route("api:event-list", "                           200  200  200  200  200  200"),
    Route("api:event-detail", "                         200  200  200  200  200  200", event),
    Route("api:programme-item-list", "                  200  200  200  200  200  200"),
    Route("api:programme-item-detail", "                200  200  200  200  200  200", obj("programme_item")),
    Route("api:organization-list", "                    200  200  200  200  200  200"),
    Route("api:organization-detail", "                  200  200  200  200  200  200", obj("organization", "slug", "slug")),
    Route("api:profile-list", "                         200  200  200  200  200  200"),
    Route("api:profile-detail", "                       200  200  200  200  200  200", obj("profile")),
    Route("api:registration-list", "                    401  200  200  200  200  200"),
    # The event's group rules put the other participant in no group, so they may not meet (nor list) the participant.
    Route("api:registration-detail", "                  401  200  404  200  404  200", lambda w: {"pk": w.participant.pk}),
    Route("api:meeting-request-list", "                 401  200  200  200  200  200"),
    # Everyone is refused by a rule (409: no group may meet) or is not registered for the event (400).
    Route("api:meeting-request-list", "                 401  409  409  400  400  400", method="POST", data=lambda w: {"event": w.event.slug, "recipient": w.other_participant.pk}),
    Route("api:meeting-request-detail", "               401  200  404  200  404  200", obj("request")),
    # Organizers see a request but are not one of its sides: 403. Accepting is refused by the group rules.
    Route("api:meeting-request-accept", "               401  409  404  403  404  403", obj("pending_request"), method="POST"),
    Route("api:meeting-request-decline", "              401  200  404  403  404  403", obj("pending_request"), method="POST"),
    Route("api:meeting-request-withdraw", "             401  200  404  403  404  403", obj("request"), method="POST"),
    Route("api:meeting-list", "                         401  200  200  200  200  200"),
    Route("api:meeting-detail", "                       401  200  404  200  404  200", obj("meeting")),
    Route("api:deal-list", "                            401  200  200  200  200  200"),
    Route("api:deal-detail", "                          401  200  404  200  404  200", obj("deal")),
    Route("api-tokens:list", "                          L    200  200  200  200  200"),
    Route("api-tokens:list", "                          L    200  200  200  200  200", method="POST", data=lambda w: {"name": "CRM"}),
    Route("api-tokens:revoke", "                        L    R    404  404  404  404", obj("api_token"), method="POST"),
]  # fmt: skip
