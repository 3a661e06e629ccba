"""Root URL configuration."""

from __future__ import annotations

from django.urls import include, path

from taizhang.api.main import urlpatterns as api_urlpatterns

urlpatterns = [
    path("accounts/", include("taizhang.accounts.urls")),
    path("people/", include("taizhang.people.urls")),
    path("", include("taizhang.core.urls")),
    path("figures/", include("taizhang.figures.urls")),
    path("cases/", include("taizhang.cases.urls")),
    path("meetings/", include("taizhang.meetings.urls")),
    path("duty/", include("taizhang.duty.urls")),
    path("ledger/", include("taizhang.ledger.urls")),
    path("exchange/", include("taizhang.exchange.urls")),
    path("documents/", include("taizhang.documents.urls")),
    path("api/v1/", api_urlpatterns()),
    path("batch/", include("taizhang.batch.urls")),
    path("", include("taizhang.web.urls")),
]

handler403 = "taizhang.web.views.forbidden"
handler404 = "taizhang.web.views.not_found"
handler500 = "taizhang.web.views.server_error"
