"""Cases (事项): motions, suggestions, petitions, opinions, assistance; events and files.

Contract for other apps (meetings, duty, exchange):

- ``Case`` is one handled matter of a township. ``kind`` is one of ``CaseKind`` (values
  议案/建议/信访/评议意见/视察意见/述职意见/救助); ``state`` only changes in
  ``taizhang.cases.services``. ``source_type``/``source_id`` name the record a case came
  from (e.g. ``"meetings.Activity"``, 12) without a foreign key into that app.
- ``CaseSponsor`` links a case to the people who submitted it (议案/建议 proposers);
  ``is_lead`` marks the lead deputy who rates the answer.
- ``Case.objects.for_user(user)``: presidium → its township; cadre → cases whose handling
  unit is the user's org unit or their person's unit, plus the ones they registered;
  village cadre → petitions and assistance of their village and any case assigned to
  their village; deputy → cases they
  sponsor; county → the county.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The choices live in their own module; imported here, where the rest of the project reads them.
from taizhang.cases.choices import (  # noqa: F401
    CLOSED_STATES,
    OPINION_KINDS,
    CaseAction,
    CaseKind,
    CaseState,
    Channel,
    Satisfaction,
    Tier,
)

# Models kept in their own modules (holiday calendar, case numbers, reminders and notices),
# imported here so Django registers them with the cases app.
from taizhang.cases.holidays import HolidayOverride  # noqa: F401
from taizhang.cases.numbering import CaseNumber  # noqa: F401
from taizhang.cases.reminders import (  # noqa: F401
    CaseReminder,
    CaseReminderRead,
    NoticeDelivery,
    NoticeKind,
    NoticeSetting,
)
from taizhang.core.models import OrgUnit, VersionedModel
from taizhang.core.roles import Role
from taizhang.core.scope import NOTHING, ScopedQuerySet
from taizhang.people.validators import mask_address, mask_id, mask_phone


class CaseQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "township",
        "village": "village",
        "county": "county",
        "person": "sponsors__person",
    }

    def scope_filter(self, user) -> Q:
        """The township scope, narrowed for cadres (their units' cases and those they
        registered) and villages (petitions, assistance and what their village handles)."""
        role = getattr(user, "role", None)
        if role == Role.CADRE and user.is_authenticated and user.is_active:
            units = {u for u in (user.org_unit_id, getattr(user.person, "unit_id", None)) if u}
            if not units or user.township_id is None:
                return NOTHING
            q = Q(handling_unit_id__in=units)
            # The OR defeats the unit index, so add it only for cadres who registered cases.
            if Case.objects.filter(registered_by_id=user.pk).exists():
                q |= Q(township_id=user.township_id, registered_by_id=user.pk)
            return q
        q = super().scope_filter(user)
        if role == Role.VILLAGE:
            q &= Q(kind__in=[CaseKind.PETITION, CaseKind.ASSISTANCE])
            # Any case assigned to their village (a suggestion, an opinion) is theirs to handle.
            units = {u for u in (user.org_unit_id, getattr(user.person, "unit_id", None)) if u}
            if units and user.is_active:
                q |= Q(handling_unit_id__in=units)
        return q

    def open(self) -> CaseQuerySet:
        return self.exclude(state__in=CLOSED_STATES)

    def closed(self) -> CaseQuerySet:
        return self.filter(state__in=CLOSED_STATES)


class Case(VersionedModel):
    """事项: one motion, suggestion, petition, opinion or assistance case of a township."""

    county = models.ForeignKey(
        OrgUnit, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=8, choices=CaseKind.choices)
    code = models.CharField("编号", max_length=32)
    title = models.CharField("标题", max_length=200)
    content = models.TextField("内容", blank=True)
    state = models.CharField("状态", max_length=8, choices=CaseState.choices)
    channel = models.CharField("来源渠道", max_length=4, choices=Channel.choices, blank=True)
    tier = models.CharField("层级", max_length=4, choices=Tier.choices, blank=True)
    handling_unit = models.ForeignKey(
        OrgUnit,
        verbose_name="承办单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_cases",
    )
    village = models.ForeignKey(
        OrgUnit,
        verbose_name="所在村",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered = models.DateField("登记日期")
    accepted = models.DateField("受理日期", null=True, blank=True)
    assigned = models.DateField("交办日期", null=True, blank=True)
    signed = models.DateField("签收日期", null=True, blank=True)
    answered = models.DateField("答复日期", null=True, blank=True)
    closed = models.DateField("办结日期", null=True, blank=True)
    due = models.DateField("办理期限", null=True, blank=True)
    extension_due = models.DateField("申请延期至", null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField("延期次数", default=0)
    answer_text = models.TextField("答复内容", blank=True)
    answer_signer = models.CharField("答复签发人", max_length=50, blank=True)
    answer_method = models.CharField("办理方式", max_length=8, blank=True)
    satisfaction = models.CharField(
        "满意度", max_length=8, choices=Satisfaction.choices, blank=True
    )
    redo_count = models.PositiveSmallIntegerField("重办次数", default=0)
    is_complex = models.BooleanField("复杂事项", default=False)
    converted_from_motion = models.BooleanField("由议案转为建议", default=False)
    source_type = models.CharField("来源类型", max_length=40, blank=True)
    source_id = models.PositiveIntegerField("来源编号", null=True, blank=True)
    amount = models.DecimalField(
        "金额（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    petitioner_name = models.CharField("信访人姓名", max_length=50, blank=True)
    petitioner_phone = models.CharField("信访人电话", max_length=11, blank=True)
    petitioner_id_number = models.CharField("信访人身份证号", max_length=18, blank=True)
    petitioner_address = models.CharField("信访人住址", max_length=200, blank=True)
    petitioner = models.ForeignKey(
        "people.Person",
        verbose_name="申请人/信访人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    related = models.ManyToManyField("self", verbose_name="关联事项", blank=True, symmetrical=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "事项"
        verbose_name_plural = "事项"
        ordering = ["-registered", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["township", "code"], name="case_unique_code"),
            models.CheckConstraint(
                condition=Q(closed__isnull=True) | Q(closed__gte=models.F("registered")),
                name="case_closed_after_registered",
            ),
        ]
        indexes = [
            # Lists: scope order; title and code ride along so a text search (and its
            # capped count) reads the index only, not the table.
            models.Index(
                fields=["township", "-registered", "-id", "title", "code"],
                name="case_township_list",
            ),
            models.Index(
                fields=["county", "-registered", "-id", "title", "code"], name="case_county_list"
            ),
            # Dashboard counts (kind, open, overdue, closed this year) read indexes only.
            models.Index(
                fields=["county", "kind", "state", "due", "closed"], name="case_county_state"
            ),
            models.Index(fields=["handling_unit", "-registered"], name="case_unit_reg"),
            models.Index(fields=["village", "-registered"], name="case_village_reg"),
            models.Index(fields=["township", "kind", "registered"], name="case_township_kind"),
            models.Index(fields=["source_type", "source_id"], name="case_source"),
            models.Index(fields=["state", "due"], name="case_state_due"),
            # Due colours, the overdue figure and dashboard counts per township, with or
            # without a kind; the id makes it covering on PostgreSQL too (SQLite indexes
            # carry the rowid).
            models.Index(
                fields=["township", "kind", "state", "due", "closed", "id"],
                name="case_township_state",
            ),
            # A deputy's motions and suggestions of a year (cases_submitted_by, the duty
            # family's refresh after every write): the join with the sponsorships reads the
            # year's range of this index alone instead of scanning the cases table.
            models.Index(
                fields=["registered", "id", "kind", "converted_from_motion"],
                name="case_year_sponsored",
            ),
            # A county roll-up cell's case list (a township's cases of a year in some kinds
            # and states): its count reads this index alone; the county and the id (the
            # user's scope, the counted column) make it covering on PostgreSQL.
            models.Index(
                fields=["township", "kind", "state", "registered", "county", "id"],
                name="case_township_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def masked_petitioner_name(self) -> str:
        name = self.petitioner_name
        return name[:1] + "*" * (len(name) - 1) if name else ""

    @property
    def masked_petitioner_phone(self) -> str:
        return mask_phone(self.petitioner_phone)

    @property
    def masked_petitioner_id_number(self) -> str:
        return mask_id(self.petitioner_id_number)

    @property
    def masked_petitioner_address(self) -> str:
        return mask_address(self.petitioner_address)

    @property
    def lead_sponsor(self):
        for sponsor in self.sponsors.all():
            if sponsor.is_lead:
                return sponsor.person
        return None


class CaseSponsor(models.Model):
    """领衔/联名代表: a person who submitted the case; one lead per case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sponsors")
    person = models.ForeignKey(
        "people.Person",
        verbose_name="代表",
        on_delete=models.PROTECT,
        related_name="case_sponsorships",
    )
    is_lead = models.BooleanField("领衔", default=False)

    class Meta:
        verbose_name = "提出人"
        verbose_name_plural = "提出人"
        ordering = ["-is_lead", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="casesponsor_unique"),
        ]
        indexes = [models.Index(fields=["person", "case"], name="casesponsor_person")]

    def __str__(self) -> str:
        return f"{self.person}{'（领衔）' if self.is_lead else ''}"


class CaseEvent(models.Model):
    """办理记录: one per registration and per transition (the case's timeline)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=16)
    from_state = models.CharField("原状态", max_length=8, blank=True)
    to_state = models.CharField("新状态", max_length=8)
    on = models.DateField("办理日期")
    at = models.DateTimeField("记录时间", default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField("操作人", max_length=150, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.on} {self.action}"


class CaseAttachment(models.Model):
    """附件: a file kept under MEDIA_ROOT and served only through a permission check."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        CaseEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField("文件", upload_to="cases/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小")
    content_type = models.CharField("类型", max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class SupervisionMethod(models.TextChoices):
    HEARING = "听取汇报", "听取汇报"
    ON_SITE = "实地检查", "实地检查"


class CaseSupervision(models.Model):
    """督办: a supervision record — report hearing or on-site check, findings, follow-up."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="supervisions")
    method = models.CharField("督办方式", max_length=8, choices=SupervisionMethod.choices)
    on = models.DateField("督办日期")
    findings = models.TextField("督办情况")
    follow_up = models.TextField("后续要求", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "督办"
        verbose_name_plural = "督办"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"督办 {self.on}"
