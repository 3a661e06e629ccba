"""Persons, deputies and cadre posts."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from taizhang.core.models import DeputyGroup, District, OrgUnit, VersionedModel
from taizhang.core.scope import ScopedQuerySet
from taizhang.people.validators import (
    mask_address,
    mask_id,
    mask_phone,
    validate_id_number,
    validate_phone,
)


class Gender(models.TextChoices):
    MALE = "男", "男"
    FEMALE = "女", "女"


class DeputyLevel(models.TextChoices):
    TOWNSHIP = "乡镇", "乡镇"
    COUNTY = "县", "县"
    CITY = "市", "市"
    PROVINCE = "省", "省"
    NATIONAL = "全国", "全国"


class PersonQuerySet(ScopedQuerySet):
    scope_paths = {"township": "township", "village": "village", "county": "county", "person": "pk"}


class Person(VersionedModel):
    """人员: anyone the registers name — deputies, cadres, villagers."""

    name = models.CharField("姓名", max_length=50, db_index=True)
    gender = models.CharField("性别", max_length=2, choices=Gender.choices, blank=True)
    birth_month = models.DateField("出生年月", null=True, blank=True)
    ethnicity = models.CharField("民族", max_length=20, blank=True)
    party = models.CharField("政治面貌", max_length=20, blank=True)
    education = models.CharField("文化程度", max_length=20, blank=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name="所在单位", on_delete=models.PROTECT, related_name="people"
    )
    phone = models.CharField("手机号", max_length=11, blank=True, validators=[validate_phone])
    id_number = models.CharField(
        "身份证号", max_length=18, blank=True, validators=[validate_id_number]
    )
    address = models.CharField("住址", max_length=200, blank=True)
    county = models.ForeignKey(
        OrgUnit, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    township = models.ForeignKey(
        OrgUnit, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    village = models.ForeignKey(
        OrgUnit, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    history = HistoricalRecords(excluded_fields=["phone", "id_number", "address"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["id_number"],
                condition=~models.Q(id_number=""),
                name="person_unique_id_number",
            ),
        ]
        indexes = [
            models.Index(fields=["township", "name"]),
            models.Index(fields=["village", "name"]),
            models.Index(fields=["county", "name"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def masked_id_number(self) -> str:
        return mask_id(self.id_number)

    @property
    def masked_address(self) -> str:
        return mask_address(self.address)


class DeputyQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "township",
        "village": "person__village",
        "county": "township__county",
        "person": "person",
    }

    def in_office_on(self, day) -> DeputyQuerySet:
        return self.filter(
            models.Q(start__isnull=True) | models.Q(start__lte=day),
            models.Q(end__isnull=True) | models.Q(end__gte=day),
        )

    def township_level(self) -> DeputyQuerySet:
        return self.filter(level=DeputyLevel.TOWNSHIP)


class Deputy(VersionedModel):
    """人大代表: a person's mandate at one level and term."""

    person = models.ForeignKey(
        Person, verbose_name="人员", on_delete=models.PROTECT, related_name="mandates"
    )
    level = models.CharField("层级", max_length=4, choices=DeputyLevel.choices)
    term = models.CharField("届次", max_length=20, help_text="如：第十四届")
    township = models.ForeignKey(
        OrgUnit, verbose_name="乡镇", on_delete=models.PROTECT, related_name="deputies"
    )
    district = models.ForeignKey(
        District, verbose_name="选区", null=True, blank=True, on_delete=models.PROTECT
    )
    group = models.ForeignKey(
        DeputyGroup, verbose_name="代表小组", null=True, blank=True, on_delete=models.PROTECT
    )
    start = models.DateField("任职起", null=True, blank=True)
    end = models.DateField("任职止", null=True, blank=True)
    is_info_officer = models.BooleanField("信访信息员", default=False)
    is_group_leader = models.BooleanField("小组长", default=False)
    history = HistoricalRecords()

    objects = DeputyQuerySet.as_manager()

    class Meta:
        verbose_name = "人大代表"
        verbose_name_plural = "人大代表"
        ordering = ["township", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "level", "term"], name="deputy_unique_mandate"
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="deputy_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["township", "level", "term"])]

    def __str__(self) -> str:
        return f"{self.person.name}（{self.level}{self.term}）"

    def in_office(self, day) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


class CadrePostQuerySet(ScopedQuerySet):
    scope_paths = {
        "township": "unit__township",
        "village": "unit__village",
        "county": "unit__county",
        "person": "person",
    }


class CadrePost(VersionedModel):
    """职务: a person's post in a unit, with the portfolios (分管工作) it carries."""

    person = models.ForeignKey(
        Person, verbose_name="人员", on_delete=models.PROTECT, related_name="posts"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="posts"
    )
    title = models.CharField("职务", max_length=50)
    portfolios = models.JSONField("分管工作", default=list, blank=True)
    start = models.DateField("任职起")
    end = models.DateField("任职止", null=True, blank=True)
    history = HistoricalRecords()

    objects = CadrePostQuerySet.as_manager()

    class Meta:
        verbose_name = "职务"
        verbose_name_plural = "职务"
        ordering = ["unit", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "unit", "title", "start"], name="cadrepost_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.unit.name}{self.title}"

    @property
    def portfolio_text(self) -> str:
        return "、".join(self.portfolios)


class PersonNameGram(models.Model):
    """姓名索引: two adjacent characters of a person's name (people/names.py)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    gram = models.CharField("字", max_length=2)
    # The person's name and county, copied so that a county's one-character search pages
    # and counts from this index alone (people/names.py county_grams).
    name = models.CharField("姓名", max_length=50, default="")
    county = models.ForeignKey(
        OrgUnit, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = "姓名索引"
        verbose_name_plural = verbose_name
        indexes = [
            models.Index(fields=["gram", "person"], name="people_name_gram"),
            models.Index(
                fields=["gram", "county", "name", "person"], name="people_name_gram_county"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["person", "gram"], name="people_name_gram_once")
        ]

    def __str__(self) -> str:
        return self.gram
