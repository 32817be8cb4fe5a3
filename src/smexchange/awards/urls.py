from django.urls import path

from smexchange.awards.views import jury, organizer, public

app_name = "awards"
urlpatterns = [
    path("awards/", public.award_list, name="list"),
    path("awards/<slug:award_slug>/", public.laureates, name="laureates"),
    path("awards/<slug:award_slug>/jury/", jury.jury_home, name="jury"),
    path("awards/<slug:award_slug>/jury/nominations/<int:pk>/score/", jury.score, name="score"),
    path("awards/<slug:award_slug>/jury/nominations/<int:pk>/conflict/", jury.conflict, name="conflict"),
    path("organize/awards/", organizer.award_list, name="organizer"),
    path("organize/awards/<slug:award_slug>/", organizer.manage, name="manage"),
    path("organize/awards/<slug:award_slug>/criteria/", organizer.add_criterion_view, name="add_criterion"),
    path("organize/awards/<slug:award_slug>/nominations/", organizer.nominate_view, name="nominate"),
    path("organize/awards/<slug:award_slug>/jurors/", organizer.add_juror_view, name="add_juror"),
    path("organize/awards/<slug:award_slug>/<slug:action>/", organizer.change_status, name="change_status"),
]
