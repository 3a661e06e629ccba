"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "taizhang.people"
    label = "people"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from taizhang.people.models import Person
        from taizhang.people.names import on_person_save

        post_save.connect(on_person_save, sender=Person, dispatch_uid="people-name-grams")
