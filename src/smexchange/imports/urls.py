from django.urls import path

from smexchange.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.imports_home, name="home"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/apply/", views.apply_import, name="apply"),
]
