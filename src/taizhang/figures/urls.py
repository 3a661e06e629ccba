"""Figures routes."""

from __future__ import annotations

from django.urls import path

from taizhang.figures import views

app_name = "figures"
urlpatterns = [path("", views.index, name="index")]
