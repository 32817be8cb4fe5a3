from django.urls import path

from smexchange.reports.views import annual, archive, event_report

app_name = "reports"
urlpatterns = [
    path("events/<slug:slug>/organize/report/", event_report.event_report, name="event_report"),
    path("events/<slug:slug>/organize/report/runs/", event_report.request_run, name="event_report_run"),
    path(
        "events/<slug:slug>/organize/report/runs/<int:pk>/download/",
        event_report.download,
        name="event_report_download",
    ),
    path(
        "events/<slug:slug>/organize/report/runs/<int:pk>/retry/",
        event_report.retry,
        name="event_report_retry",
    ),
    path("reports/", annual.reports_home, name="home"),
    path("reports/annual/<int:year>/", annual.annual_report, name="annual_report"),
    path("reports/annual/<int:year>/runs/", annual.request_run, name="annual_report_run"),
    path("reports/runs/<int:pk>/download/", annual.download, name="annual_report_download"),
    path("reports/runs/<int:pk>/retry/", annual.retry, name="annual_report_retry"),
    path("archive/", archive.archive_index, name="archive"),
    path("archive/<slug:slug>/", archive.archive_event, name="archive_event"),
    path("archive/<slug:slug>/edit/", archive.edit_summary, name="edit_summary"),
]
