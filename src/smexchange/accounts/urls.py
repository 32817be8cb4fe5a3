from django.urls import path

from smexchange.accounts.views import audit, invitations, personal

app_name = "accounts"
urlpatterns = [
    path("me/data/", personal.my_data, name="my_data"),
    path("me/data/export/", personal.export_data, name="export_data"),
    path("me/delete/", personal.delete_account_view, name="delete_account"),
    path("invitations/<str:token>/", invitations.accept, name="invitation"),
    path("events/<slug:slug>/organize/invitations/", invitations.organizer_invitations, name="invitations"),
    path("staff/audit/", audit.audit_log, name="audit_log"),
]
