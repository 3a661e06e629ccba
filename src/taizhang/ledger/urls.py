"""Ledger routes."""

from __future__ import annotations

from django.urls import path

from taizhang.ledger import views

app_name = "ledger"
urlpatterns = [
    path("", views.index, name="index"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_edit, name="project_create"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/new/", views.indicator_edit, name="indicator_create"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("entries/", views.entry_list, name="entry_list"),
    path("entries/new/", views.entry_edit, name="entry_create"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("people/<int:pk>/<int:year>/", views.person_year, name="person_year"),
]
