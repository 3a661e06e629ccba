"""URL routes for meetings and activities."""

from __future__ import annotations

from django.urls import path

from taizhang.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.meeting_edit, name="meeting_new"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/roll/", views.roll, name="roll"),
    path("<int:pk>/roll/mark/", views.mark, name="mark_form"),
    path("<int:pk>/roll/<int:deputy_pk>/", views.mark, name="mark"),
    path("<int:pk>/qr.svg", views.qr, name="qr"),
    path("<int:pk>/checkin/<str:token>/", views.checkin, name="checkin"),
    path("<int:pk>/open/", views.open_session, name="open"),
    path("<int:pk>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/elections/", views.election_add, name="election_add"),
    path("<int:pk>/groups/", views.group_add, name="group_add"),
    path("<int:pk>/tasks/", views.task_add, name="task_add"),
    path("<int:pk>/tasks/<int:task_pk>/toggle/", views.task_toggle, name="task_toggle"),
    path("<int:pk>/minutes/", views.minutes_save, name="minutes_save"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/new/", views.activity_edit, name="activity_new"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/ratings/", views.rating_add, name="rating_add"),
    path("activities/<int:pk>/opinions/", views.opinion_add, name="opinion_add"),
    path("activities/<int:pk>/photos/", views.photo_add, name="photo_add"),
    path("activities/<int:pk>/photos/<int:photo_pk>/", views.photo, name="photo"),
]
