"""Document routes."""

from __future__ import annotations

from django.urls import path

from taizhang.documents import views, views_check, views_polish

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("generate/", views.generate, name="generate"),
    path("check/", views_check.check_page, name="check"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/section/<str:key>/", views.edit_section, name="edit_section"),
    path("<int:pk>/section/<str:key>/regenerate/", views.regenerate_section, name="regenerate"),
    path("<int:pk>/polish/", views_polish.polish, name="polish_all"),
    path("<int:pk>/polish/accept/", views_polish.accept_polish, name="polish_accept"),
    path("<int:pk>/section/<str:key>/polish/", views_polish.polish, name="polish"),
    path("<int:pk>/status/", views.set_status, name="status"),
    path("<int:pk>/date/", views.set_date, name="date"),
    path("<int:pk>/finding/", views.finding_action, name="finding"),
    path("<int:pk>/export/<str:fmt>/", views.export, name="export"),
    path("print.css", views.print_css, name="print_css"),
]
