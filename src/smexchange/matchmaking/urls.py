from django.urls import path

from smexchange.matchmaking.views import organizer, participant

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
    path("matchmaking/agenda.ics", participant.agenda_ics, name="agenda_ics"),
    path("organize/matchmaking/", organizer.organizer_home, name="organizer"),
    path("organize/matchmaking/runs/", organizer.start_run, name="start_run"),
    path("organize/matchmaking/runs/<int:pk>/retry/", organizer.retry_run, name="retry_run"),
    path("organize/matchmaking/schedules/<int:pk>/move/", organizer.move, name="move"),
    path("organize/matchmaking/schedules/<int:pk>/publish/", organizer.publish, name="publish"),
]
