"""Roster pages: persons, deputies, cadre posts."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from taizhang.core.formviews import form_save_record
from taizhang.core.models import DeputyGroup, District, OrgUnit
from taizhang.core.orgnames import LABEL_RELATED, picker_rows, sees_many_townships, unit_options
from taizhang.core.permissions import get_for_user, require, user_can
from taizhang.people import services
from taizhang.people.forms import DeputyForm, PersonForm, PostForm
from taizhang.people.models import CadrePost, Deputy, DeputyLevel, Person
from taizhang.people.names import county_grams, name_q

PAGE_SIZE = 30


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _county_one_character(request, q: str, unit_ids) -> bool:
    """Whether the roster search is a county user's one character, with no other filter
    and no unit named by it (then people/names.py county_grams serves it)."""
    user = request.user
    if user.role != "county" or not user.county_id or len("".join(q.split())) != 1:
        return False
    return not unit_ids and not any(request.GET.get(k) for k in ("unit", "gender", "party"))


@require("people.view")
@require_safe
def person_list(request):
    people = Person.objects.for_user(request.user).select_related(f"unit__{LABEL_RELATED}")
    q = request.GET.get("q", "").strip()
    if q:
        # Match unit names on the small unit table first: a join inside the OR would make
        # every search scan the whole roster of the scope twice (count and page).
        unit_ids = list(
            OrgUnit.objects.for_user(request.user)
            .filter(name__icontains=q)
            .values_list("pk", flat=True)[:500]
        )
        # Names through the name index (one or two characters included); a unit match
        # joins with OR only when some unit's name holds the term.
        by_name = name_q(q)
        people = people.filter(by_name | Q(unit_id__in=unit_ids) if unit_ids else by_name)
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        people = people.filter(Q(unit_id=unit) | Q(village_id=unit) | Q(township_id=unit))
    for key in ("gender", "party"):
        if request.GET.get(key):
            people = people.filter(**{key: request.GET[key]})
    # Built in Python from tuples: a county has hundreds of villages here.
    units = unit_options(
        picker_rows(
            OrgUnit.objects.for_user(request.user)
            .filter(kind__in=["township", "village"])
            .order_by("township__name", "kind", "name")
        ),
        with_township=sees_many_townships(request.user),
        selected=unit,
    )
    if _county_one_character(request, q, unit_ids if q else None):
        # A county's one-character search: the page and the count from the name index.
        page = _page(
            request, county_grams(request.user.county_id, q).values_list("person_id", flat=True)
        )
        found = people.in_bulk(list(page.object_list))
        page.object_list = [found[pk] for pk in page.object_list if pk in found]
    else:
        page = _page(request, people)
    return render(
        request,
        "people/person_list.html",
        {
            "page": page,
            "q": q,
            "units": units,
            "filters": request.GET,
            "total": page.paginator.count,  # the paginator's count, not a second COUNT(*)
            "can_edit": user_can(request.user, "people.edit"),
        },
    )


@require("people.view")
@require_safe
def person_detail(request, pk: int):
    person = get_for_user(Person.objects.select_related("unit"), request.user, pk=pk)
    mandates = person.mandates.select_related("township", "district", "group")
    posts = person.posts.select_related(f"unit__{LABEL_RELATED}")
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "mandates": mandates,
            "posts": posts,
            "can_reveal": user_can(request.user, "people.reveal"),
            "can_edit": user_can(request.user, "people.edit"),
            "can_edit_mandates": user_can(request.user, "congress.edit"),
        },
    )


@never_cache
@require("people.reveal")
@require_POST
def person_reveal(request, pk: int):
    person = get_for_user(Person.objects.all(), request.user, pk=pk)
    services.person_reveal(person=person, actor=request.user)
    return render(request, "people/_personal_data.html", {"person": person, "revealed": True})


@never_cache
@require("people.edit")
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int | None = None):
    person = get_for_user(Person.objects.all(), request.user, pk=pk) if pk else None
    if person is not None and request.method == "GET":
        # The edit form carries the unmasked values, so opening it is a logged reveal.
        services.person_reveal(person=person, actor=request.user)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_save_record(
            request,
            form,
            obj=person,
            create=services.person_create,
            update=services.person_update,
            arg="person",
        )
        if saved is not None:
            messages.success(request, f"已保存：{saved.name}")
            return redirect("people:person_detail", pk=saved.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": f"编辑人员 {person.name}" if person else "新增人员",
        },
    )


@require("people.view")
@require_safe
def deputy_list(request):
    deputies = Deputy.objects.for_user(request.user).select_related(
        "person", "township", "district", "group"
    )
    q = request.GET.get("q", "").strip()
    if q:
        deputies = deputies.filter(person__name__icontains=q)
    for key in ("level", "term", "district", "group"):
        if request.GET.get(key):
            deputies = deputies.filter(**{key: request.GET[key]})
    if request.GET.get("current") == "1":  # in office: the dashboard's 在任代表 tile
        deputies = deputies.filter(end__isnull=True)
    if request.GET.get("info_officer") == "1":
        deputies = deputies.filter(is_info_officer=True)
    townships = OrgUnit.objects.for_user(request.user).filter(kind="township")
    page = _page(request, deputies)
    return render(
        request,
        "people/deputy_list.html",
        {
            "page": page,
            "q": q,
            "filters": request.GET,
            "levels": DeputyLevel.choices,
            "total": page.paginator.count,
            "districts": District.objects.filter(township__in=townships),
            "groups": DeputyGroup.objects.filter(township__in=townships),
        },
    )


def _person_record_edit(
    request, *, model, form_class, pk, person_pk, create, update, arg: str, done: str, title: str
):
    """Edit one of a person's records (or add one to ``person_pk``), then go back to the person."""
    obj = get_for_user(model.objects.select_related("person"), request.user, pk=pk) if pk else None
    person = obj.person if obj else get_for_user(Person.objects.all(), request.user, pk=person_pk)
    form = form_class(request.POST or None, instance=obj, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_save_record(
            request, form, obj=obj, create=create, update=update, arg=arg, person=person
        )
        if saved is not None:
            messages.success(request, done)
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/form.html", {"form": form, "title": f"{person.name}：{title}"})


# Deputy mandates are congress registers: the presidium keeps them, not village cadres.
@require("congress.edit")
@require_http_methods(["GET", "POST"])
def deputy_edit(request, person_pk: int | None = None, pk: int | None = None):
    return _person_record_edit(request, model=Deputy, form_class=DeputyForm, pk=pk,
                               person_pk=person_pk, create=services.deputy_create,
                               update=services.deputy_update, arg="deputy",
                               done="代表信息已保存。", title="代表信息")  # fmt: skip


@require("people.view")
@require_safe
def post_list(request):
    posts = CadrePost.objects.for_user(request.user).select_related(
        "person", f"unit__{LABEL_RELATED}"
    )
    q = request.GET.get("q", "").strip()
    if q:
        posts = posts.filter(Q(person__name__icontains=q) | Q(title__icontains=q))
    if request.GET.get("current") == "1":
        posts = posts.filter(end__isnull=True)
    page = _page(request, posts)
    return render(
        request,
        "people/post_list.html",
        {
            "page": page,
            "q": q,
            "filters": request.GET,
            "total": page.paginator.count,
        },
    )


@require("people.edit")
@require_http_methods(["GET", "POST"])
def post_edit(request, person_pk: int | None = None, pk: int | None = None):
    return _person_record_edit(request, model=CadrePost, form_class=PostForm, pk=pk,
                               person_pk=person_pk, create=services.post_create,
                               update=services.post_update, arg="post",
                               done="职务已保存。", title="职务")  # fmt: skip
