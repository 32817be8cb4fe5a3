from django.urls import path

from smexchange.outcomes.views import deals, organizer, participant

app_name = "outcomes"
urlpatterns = [
    path(
        "events/<slug:slug>/matchmaking/meetings/<int:pk>/follow-up/", participant.follow_up, name="follow_up"
    ),
    path(
        "events/<slug:slug>/matchmaking/meetings/<int:pk>/follow-up/deal/",
        participant.open_deal,
        name="open_deal",
    ),
    path("events/<slug:slug>/organize/outcomes/", organizer.overview, name="organizer"),
    path(
        "events/<slug:slug>/organize/outcomes/meetings/<int:pk>/follow-up/",
        organizer.record_on_behalf,
        name="record_on_behalf",
    ),
    path("deals/", deals.deal_list, name="deal_list"),
    path("deals/<int:pk>/", deals.deal_detail, name="deal_detail"),
    path("deals/<int:pk>/stage/", deals.advance, name="advance"),
    path("deals/<int:pk>/document/", deals.download_document, name="document"),
    path("deals/<int:pk>/document/upload/", deals.upload_document, name="upload_document"),
    path("deals/<int:pk>/ceremony/", deals.link_ceremony, name="link_ceremony"),
]
