"""Workbook routes."""

from __future__ import annotations

from django.urls import path

from taizhang.exchange import views

app_name = "exchange"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("jobs/<str:token>/", views.job, name="job"),
    path("errors/<str:token>/", views.error_download, name="errors"),
    path("template/", views.template, name="template"),
    path("export/", views.export, name="export"),
]
