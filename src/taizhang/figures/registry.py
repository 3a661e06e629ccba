"""The figures registry: every figure the project computes, one selector each.

A provider is a function ``(township, year) -> list[Fact]``; apps register theirs with
``@register("area")`` in their own ``figures.py`` module, which is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from django.apps import apps

from taizhang.writer.facts import Fact

Provider = Callable[..., list[Fact]]
_PROVIDERS: dict[str, Provider] = {}
_loaded = False


def register(area: str) -> Callable[[Provider], Provider]:
    def decorator(func: Provider) -> Provider:
        _PROVIDERS[area] = func
        return func

    return decorator


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for config in apps.get_app_configs():
        if config.name.startswith("taizhang."):
            try:
                importlib.import_module(f"{config.name}.figures")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.figures":
                    raise
    _loaded = True


def figures_for(township, year: int, *, only: Iterable[str] | None = None) -> list[Fact]:
    """Compute every registered figure for one township and year."""
    _load()
    result: list[Fact] = []
    for area, provider in _PROVIDERS.items():
        if only is None or area in only:
            result.extend(provider(township, year))
    return result


def fact(
    key: str,
    label: str,
    ids: Iterable,
    unit: str = "",
    *,
    model: str,
    value=None,
    keywords: tuple[str, ...] = (),
) -> Fact:
    """Build a Fact counting ``ids`` (or carrying ``value``) with ``model:id`` sources.

    Without ``value`` the fact counts its records, except a rate (unit ``%``): a rate
    over nothing has no value (shown as 暂无), never 0 %.
    """
    ids = sorted(ids)
    if value is None and unit != "%":
        value = len(ids)
    return Fact(
        key=key,
        label=label,
        value=value,
        unit=unit,
        sources=tuple(f"{model}:{pk}" for pk in ids),
        keywords=keywords,
    )
