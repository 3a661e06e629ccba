"""Figures routes."""

from __future__ import annotations

from django.urls import path

from taizhang.figures import views, views_county

app_name = "figures"
urlpatterns = [
    path("", views.index, name="index"),
    path("county/", views_county.county, name="county"),
]
