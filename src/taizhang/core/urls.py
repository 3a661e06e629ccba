"""Audit and settings routes."""

from __future__ import annotations

from django.urls import path

from taizhang.core import views

app_name = "core"
urlpatterns = [
    path("audit/", views.audit_list, name="audit_list"),
    path("settings/", views.settings_page, name="settings"),
]
