"""Roster routes."""

from __future__ import annotations

from django.urls import path

from taizhang.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("new/", views.person_edit, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("<int:pk>/reveal/", views.person_reveal, name="person_reveal"),
    path("<int:person_pk>/deputy/new/", views.deputy_edit, name="deputy_create"),
    path("<int:person_pk>/post/new/", views.post_edit, name="post_create"),
    path("deputies/", views.deputy_list, name="deputy_list"),
    path("deputies/<int:pk>/edit/", views.deputy_edit, name="deputy_edit"),
    path("posts/", views.post_list, name="post_list"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
]
