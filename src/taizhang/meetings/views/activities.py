"""Activity pages: list, edit with participants, ratings, opinions, photos."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.core.formviews import flash_post
from taizhang.core.permissions import get_for_user, require, user_can
from taizhang.core.uploads import extension, serve_file
from taizhang.meetings import services
from taizhang.meetings.forms import ActivityForm, OpinionForm, PhotoForm, RatingForm
from taizhang.meetings.models import OPINION_KIND, Activity, ActivityKind, ActivityPhoto
from taizhang.meetings.selectors import (
    activity_opinions,
    activity_participants,
    rating_totals,
    ratings_of,
)
from taizhang.meetings.views.sessions import filter_year_kind, township_record_edit


@require("congress.view")
def activity_list(request):
    activities = (
        Activity.objects.for_user(request.user)
        .select_related("township", "unit__parent__parent", "district")
        .annotate(n_participants=Count("participations", distinct=True))
    )
    activities = filter_year_kind(request, activities, ActivityKind)
    page = Paginator(activities.order_by("-date", "-id"), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/activity_list.html",
        {
            "page": page,
            "kinds": ActivityKind.choices,
            "filters": request.GET,
            "can_edit": user_can(request.user, "congress.edit"),
        },
    )


@require("congress.edit")
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int | None = None):
    return township_record_edit(request, model=Activity, form_class=ActivityForm, pk=pk,
                                create=services.activity_create, update=services.activity_update,
                                arg="activity", noun="活动", back="meetings:activity_list",
                                detail="meetings:activity_detail")  # fmt: skip


@require("congress.view")
def activity_detail(request, pk: int):
    activity = get_for_user(
        Activity.objects.select_related("township", "unit", "district"), request.user, pk=pk
    )
    ratings = ratings_of(activity)
    return render(
        request,
        "meetings/activity_detail.html",
        {
            "activity": activity,
            "participants": activity_participants(activity),
            "ratings": ratings,
            "totals": rating_totals(ratings),
            "opinions": activity_opinions(activity),
            "takes_opinions": activity.kind in OPINION_KIND,
            "photos": activity.photos.all(),
            "rating_form": RatingForm(activity=activity),
            "opinion_form": OpinionForm(activity=activity),
            "photo_form": PhotoForm(),
            "can_edit": user_can(request.user, "congress.edit"),
        },
    )


def _activity_post(request, pk, form_class, write):
    """Validate a small form posted from the activity page and, if valid, save it.

    ``write`` is called as ``write(activity=, actor=, request=, **cleaned_data)``.
    """
    activity = get_for_user(Activity.objects.all(), request.user, pk=pk)
    if form_class is PhotoForm:
        form = form_class(request.POST, request.FILES)
    else:
        form = form_class(request.POST, activity=activity)
    flash_post(
        request,
        form,
        lambda data: write(activity=activity, actor=request.user, **data),
    )
    return redirect("meetings:activity_detail", pk=pk)


@require("congress.edit")
@require_POST
def rating_add(request, pk: int):
    return _activity_post(request, pk, RatingForm, services.rating_save)


@require("congress.edit")
@require_POST
def opinion_add(request, pk: int):
    return _activity_post(request, pk, OpinionForm, services.opinion_record)


@require("congress.edit")
@require_POST
def photo_add(request, pk: int):
    def write(*, file, **values):
        return services.photo_add(upload=file, **values)

    return _activity_post(request, pk, PhotoForm, write)


@require("congress.view")
def photo(request, pk: int, photo_pk: int):
    activity = get_for_user(Activity.objects.all(), request.user, pk=pk)
    item = ActivityPhoto.objects.filter(pk=photo_pk, activity=activity).first()
    if item is None or not item.file:
        raise Http404("未找到该照片。")
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404("未找到该照片。") from exc
    summary = f"{activity.code} 查看活动照片 {item.pk}"
    name = f"活动照片{item.pk}{extension(item.file.name)}"
    return serve_file(request, handle, filename=name, inline=True, obj=item, summary=summary)
