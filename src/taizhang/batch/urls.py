"""Batch routes."""

from __future__ import annotations

from django.urls import path

from taizhang.batch import views

app_name = "batch"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/resume/", views.resume, name="resume"),
    path("<int:pk>/download/", views.download, name="download"),
]
