"""Shell routes."""

from __future__ import annotations

from django.urls import path

from taizhang.web import views

app_name = "web"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("org/", views.org_tree, name="org_tree"),
]
