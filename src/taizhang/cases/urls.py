"""URL routes of the cases app."""

from __future__ import annotations

from django.urls import path

from taizhang.cases import views, views_extra, views_holidays, views_notify

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="index"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_read, name="inbox_read"),
    path("similar/", views.similar, name="similar"),
    path("new/<str:kind>/", views.case_register, name="register"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/act/<str:action>/", views.case_act, name="act"),
    path("<int:pk>/remind/", views_extra.remind, name="remind"),
    path("<int:pk>/supervise/", views_extra.supervise, name="supervise"),
    path("<int:pk>/attach/", views_extra.attach, name="attach"),
    path("<int:pk>/files/<int:attachment_id>/", views_extra.attachment, name="attachment"),
    path("<int:pk>/reveal/", views_extra.reveal, name="reveal"),
    path("<int:pk>/link/", views_extra.link, name="link"),
    path("holidays/", views_holidays.holidays, name="holidays"),
    path("deliveries/", views_notify.deliveries, name="deliveries"),
    path("figures/", views_extra.figures_page, name="figures"),
]
