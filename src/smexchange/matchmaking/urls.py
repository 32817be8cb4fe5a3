from django.urls import path

from smexchange.matchmaking.views import documents, onsite, organizer, participant

app_name = "matchmaking"
urlpatterns = [
    path("matchmaking/", participant.participant_home, name="participant"),
    path("matchmaking/requests/", participant.send_request, name="send_request"),
    path(
        "matchmaking/requests/<int:pk>/<slug:action>/",
        participant.answer_request,
        name="answer_request",
    ),
    path("matchmaking/availability/", participant.update_availability, name="availability"),
    path("matchmaking/participants/<int:pk>/preference/", participant.mark_preference, name="preference"),
    path("matchmaking/agenda.ics", participant.agenda_ics, name="agenda_ics"),
    path("matchmaking/agenda.pdf", documents.participant_agenda_pdf, name="agenda_pdf"),
    path("matchmaking/meetings/<int:pk>/confirm/", participant.confirm, name="confirm"),
    path("organize/badges.pdf", documents.event_badges_pdf, name="badges_pdf"),
    path("organize/check-in/", onsite.check_in, name="check_in"),
    path("organize/matchmaking/table-plan.pdf", documents.schedule_table_plan_pdf, name="table_plan_pdf"),
    path("organize/matchmaking/schedule.<slug:fmt>", documents.schedule_export, name="schedule_export"),
    path("organize/matchmaking/meetings/<int:pk>/no-show/<slug:side>/", onsite.no_show, name="no_show"),
    path("organize/matchmaking/", organizer.organizer_home, name="organizer"),
    path("organize/matchmaking/runs/", organizer.start_run, name="start_run"),
    path("organize/matchmaking/requests/", organizer.request_graph, name="request_graph"),
    path("organize/matchmaking/requests/propose/", organizer.propose_meetings, name="propose_meetings"),
    path("organize/matchmaking/setup/", organizer.setup, name="setup"),
    path("organize/matchmaking/groups/", organizer.create_group, name="create_group"),
    path("organize/matchmaking/groups/<int:pk>/delete/", organizer.delete_group, name="delete_group"),
    path("organize/matchmaking/groups/members/", organizer.assign_members, name="assign_members"),
    path("organize/matchmaking/rules/", organizer.allow_pair, name="allow_pair"),
    path("organize/matchmaking/rules/<int:pk>/delete/", organizer.remove_rule, name="remove_rule"),
    path("organize/matchmaking/runs/<int:pk>/retry/", organizer.retry_run, name="retry_run"),
    path("organize/matchmaking/runs/<int:pk>/progress/", organizer.run_progress, name="run_progress"),
    path("organize/matchmaking/schedules/<int:pk>/move/", organizer.move, name="move"),
    path("organize/matchmaking/schedules/<int:pk>/publish/", organizer.publish, name="publish"),
    path("organize/matchmaking/schedules/<int:pk>/book/", organizer.book, name="book"),
]
