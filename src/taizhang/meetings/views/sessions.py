"""Meeting pages: list, edit, roll with QR check-in, quorum, agenda, elections, minutes."""

from __future__ import annotations

import io

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from taizhang.core.formviews import (
    error_text,
    flash_post,
    flash_write,
    form_save_record,
    refusal_text,
)
from taizhang.core.models import OrgUnit
from taizhang.core.params import year_param
from taizhang.core.permissions import get_for_user, require, user_can
from taizhang.core.roles import Role
from taizhang.core.versioning import ConflictError, parse_version
from taizhang.meetings import services
from taizhang.meetings.forms import (
    AgendaForm,
    AttachmentForm,
    ElectionForm,
    MarkForm,
    MeetingForm,
    MinutesForm,
    TaskForm,
    WorkingGroupForm,
)
from taizhang.meetings.models import Meeting, MeetingKind, WorkingTask
from taizhang.meetings.selectors import (
    attendance_summary,
    expected_of,
    format_percent,
    meeting_roll,
    meetings_with_attendance,
    percent,
    session_held,
)
from taizhang.people.models import Deputy


def filter_year_kind(request, queryset, kinds):
    """Apply the list page's ``year`` (of ``date``), ``kind`` and ``township`` filters; bad
    values are ignored."""
    year = year_param(request.GET)
    if year:
        queryset = queryset.filter(date__year=year)
    kind = request.GET.get("kind", "")
    if kind in kinds.values:
        queryset = queryset.filter(kind=kind)
    township = request.GET.get("township", "")
    if (
        township.isascii() and township.isdigit()
    ):  # from the county roll-up; the queryset is already scoped
        queryset = queryset.filter(township_id=int(township))
    return queryset


@require("congress.view")
def index(request):
    meetings = Meeting.objects.for_user(request.user).select_related("township")
    meetings = filter_year_kind(request, meetings, MeetingKind)
    page = Paginator(meetings_with_attendance(meetings).order_by("-date", "-id"), 30).get_page(
        request.GET.get("page")
    )
    for m in page:
        if not m.keeps_roll and not m.n_marked:
            m.expected = m.n_present = m.rate_text = "—"  # no roll at this kind of meeting
            continue
        m.expected = expected_of(m)
        m.rate_text = format_percent(percent(m.n_present, m.expected)) if m.n_marked else "未点名"
    return render(
        request,
        "meetings/index.html",
        {
            "page": page,
            "kinds": MeetingKind.choices,
            "filters": request.GET,
            "can_edit": user_can(request.user, "congress.edit"),
        },
    )


def _township(request) -> OrgUnit | None:
    return request.user.org_unit.township if request.user.org_unit_id else None


def township_record_edit(
    request, *, model, form_class, pk, create, update, arg: str, noun: str, back: str, detail: str
):
    """Add a meeting or activity in the user's township, or edit one; a new one gets a code."""
    obj = get_for_user(model.objects.all(), request.user, pk=pk) if pk else None
    township = obj.township if obj else _township(request)
    if township is None:
        messages.error(request, f"只有乡镇人大主席团可以新增{noun}。")
        return redirect(back)
    form = form_class(request.POST or None, instance=obj, township=township)
    if request.method == "POST" and form.is_valid():
        saved = form_save_record(
            request,
            form,
            obj=obj,
            create=create,
            update=update,
            arg=arg,
            exclude=("code",),
            township=township,
            code=form.cleaned_data.get("code") or "",
        )
        if saved is not None:
            messages.success(request, f"已保存：{saved}")
            return redirect(detail, pk=saved.pk)
    title = f"编辑{noun} {obj}" if obj else f"新增{noun}"
    return render(request, "meetings/form.html", {"form": form, "title": title})


@require("congress.edit")
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int | None = None):
    return township_record_edit(request, model=Meeting, form_class=MeetingForm, pk=pk,
                                create=services.meeting_create, update=services.meeting_update,
                                arg="meeting", noun="会议", back="meetings:index",
                                detail="meetings:meeting_detail")  # fmt: skip


def _roll_context(request, meeting: Meeting) -> dict:
    summary = attendance_summary(meeting)
    roll = meeting_roll(meeting)
    if request.user.role == Role.DEPUTY and meeting.kind == MeetingKind.PRESIDIUM:
        # A deputy sees only their own line of a presidium meeting's roll.
        roll = [row for row in roll if row.deputy.person_id == request.user.person_id]
    return {
        "meeting": meeting,
        "summary": summary,
        "shows_roll": meeting.keeps_roll or summary.marked,
        "held": session_held(meeting, summary),
        "roll": roll,
        "can_edit": user_can(request.user, "congress.edit") and request.user.role != Role.DEPUTY,
        "statuses": ["出席", "请假", "缺席"],
    }


@require("congress.view")
def meeting_detail(request, pk: int):
    meeting = get_for_user(Meeting.objects.select_related("township", "group"), request.user, pk=pk)
    context = _roll_context(request, meeting)
    now = timezone.now()
    window_open = bool(
        meeting.window_start
        and meeting.window_end
        and meeting.window_start <= now <= meeting.window_end
    )
    context.update(
        window_open=window_open,
        checkin_link=request.build_absolute_uri(services.checkin_url(meeting)),
        agenda=meeting.agenda.all(),
        elections=meeting.elections.prefetch_related("candidates"),
        groups=meeting.working_groups.select_related("leader").prefetch_related("tasks__owner"),
        attachments=meeting.attachments.all(),
        agenda_form=AgendaForm(initial={"seq": meeting.agenda.count() + 1}),
        election_form=ElectionForm(),
        group_form=WorkingGroupForm(township=meeting.township),
        task_form=TaskForm(meeting=meeting),
        minutes_form=MinutesForm(initial={"minutes": meeting.minutes, "version": meeting.version}),
        attachment_form=AttachmentForm(),
    )
    return render(request, "meetings/meeting_detail.html", context)


@require("congress.view")
def roll(request, pk: int):
    """The roll as an htmx partial; the clerk's screen polls it while deputies scan."""
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    return render(request, "meetings/_roll.html", _roll_context(request, meeting))


@require("congress.edit")
@require_POST
def mark(request, pk: int, deputy_pk: int | None = None):
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    deputy_pk = deputy_pk or request.POST.get("deputy", "")
    deputy = (
        Deputy.objects.filter(pk=deputy_pk, township=meeting.township).first()
        if str(deputy_pk).isdigit()
        else None
    )
    form = MarkForm(request.POST)
    error = ""
    if deputy is None:
        error = "该代表不属于本乡镇。"
    elif not form.is_valid():
        error = "请选择出席、请假或缺席。"
    else:
        try:
            version = form.cleaned_data["version"]
            if version is None:  # the leave form: each deputy's version under its own name
                version = parse_version(request.POST.get(f"version-{deputy.pk}"))
            services.attendance_set(
                meeting=meeting,
                deputy=deputy,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                expected_version=version,
                actor=request.user,
            )
        except (ValidationError, ConflictError) as exc:
            error = refusal_text(exc)
    context = _roll_context(request, meeting)
    context["error"] = error
    if request.htmx:
        return render(request, "meetings/_roll.html", context)
    if error:
        messages.error(request, error)
    return redirect("meetings:meeting_detail", pk=meeting.pk)


@require("congress.view")
def qr(request, pk: int):
    """The check-in QR code as SVG, rendered on the server."""
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    url = request.build_absolute_uri(services.checkin_url(meeting))
    # A standalone SVG file (served to <img>) needs its namespace, unlike inline SVG.
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", xmldecl=False, svgns=True, scale=6, dark="#000", light="#fff"
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@require("congress.view")
@require_http_methods(["GET", "POST"])
def checkin(request, pk: int, token: str):
    """The page a deputy's phone opens from the QR code: confirm, then check in."""
    # One answer for a forged token, an unknown id and a meeting outside the user's scope,
    # so the page neither shows another township's meeting nor tells which ids exist.
    meeting = services.checkin_meeting(pk=pk, token=token, user=request.user)
    context = {"meeting": meeting, "error": "", "done": None}
    if meeting is None:
        context["error"] = services.CHECKIN_INVALID
    elif request.method == "POST":
        try:
            context["done"] = services.checkin_by_token(
                meeting=meeting, token=token, user=request.user
            )
        except ValidationError as exc:
            context["error"] = error_text(exc)
    return render(request, "meetings/checkin.html", context)


@require("congress.edit")
@require_POST
def open_session(request, pk: int):
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    version = parse_version(request.POST.get("version"))
    flash_write(
        request,
        lambda: services.meeting_open(
            meeting=meeting, expected_version=version, actor=request.user
        ),
        "已宣布开会。",
    )
    return redirect("meetings:meeting_detail", pk=pk)


def _post_form(request, pk, form_class, write, form_kwargs=None):
    """Validate a small form posted from the meeting page and, if valid, save it.

    ``write`` is called as ``write(meeting=, actor=, request=, **cleaned_data)``.
    """
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    extra = form_kwargs(meeting) if form_kwargs else {}
    form = form_class(request.POST, request.FILES, **extra)
    flash_post(
        request,
        form,
        lambda data: write(meeting=meeting, actor=request.user, **data),
    )
    return redirect("meetings:meeting_detail", pk=pk)


@require("congress.edit")
@require_POST
def agenda_add(request, pk: int):
    return _post_form(request, pk, AgendaForm, services.agenda_item_save)


@require("congress.edit")
@require_POST
def election_add(request, pk: int):
    return _post_form(request, pk, ElectionForm, services.election_record)


@require("congress.edit")
@require_POST
def group_add(request, pk: int):
    return _post_form(
        request,
        pk,
        WorkingGroupForm,
        services.working_group_save,
        form_kwargs=lambda m: {"township": m.township},
    )


@require("congress.edit")
@require_POST
def task_add(request, pk: int):
    def write(*, meeting, **values):  # the task's group already names the meeting
        return services.working_task_add(**values)

    return _post_form(request, pk, TaskForm, write, form_kwargs=lambda m: {"meeting": m})


@require("congress.edit")
@require_POST
def task_toggle(request, pk: int, task_pk: int):
    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    task = WorkingTask.objects.filter(pk=task_pk, group__meeting=meeting).first()
    if task is not None:
        version = parse_version(request.POST.get("version"))
        flash_write(
            request,
            lambda: services.working_task_toggle(
                task=task, expected_version=version, actor=request.user
            ),
            None,
        )
    return redirect("meetings:meeting_detail", pk=pk)


@require("congress.edit")
@require_POST
def minutes_save(request, pk: int):
    return _post_form(request, pk, MinutesForm, services.minutes_save)


@require("congress.edit")
@require_POST
def attachment_add(request, pk: int):
    def write(*, file, **values):
        return services.attachment_add(upload=file, **values)

    return _post_form(request, pk, AttachmentForm, write)


@require("congress.view")
def attachment(request, pk: int, attachment_pk: int):
    """Serve a minutes attachment after the meeting's scope check (files live outside the web root)."""
    from django.http import Http404

    from taizhang.core.uploads import extension, serve_file
    from taizhang.meetings.models import MeetingAttachment

    meeting = get_for_user(Meeting.objects.all(), request.user, pk=pk)
    item = MeetingAttachment.objects.filter(pk=attachment_pk, meeting=meeting).first()
    if item is None or not item.file:
        raise Http404("未找到该附件。")
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404("未找到该附件。") from exc
    name = item.title + extension(item.file.name)
    summary = f"{meeting.code} 下载会议附件 {item.pk}"
    return serve_file(request, handle, filename=name, obj=item, summary=summary)
