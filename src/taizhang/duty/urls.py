"""URL routes for duty records, quotas, liaison, publicity and spending."""

from __future__ import annotations

from django.urls import path

from taizhang.duty import views

app_name = "duty"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.card, name="card"),
    path("entries/new/", views.entry_add, name="entry_add"),
    path("quotas/", views.quotas, name="quotas"),
    path("quotas/save/", views.quota_save, name="quota_save"),
    path("quotas/12345/", views.quota_scheme, name="quota_scheme"),
    path("liaison/", views.liaison, name="liaison"),
    path("publicity/", views.publicity, name="publicity"),
    path("expenses/", views.expenses, name="expenses"),
]
