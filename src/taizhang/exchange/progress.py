"""Import progress per sheet (rows read, checked, written), handed to a sink at most twice a second."""

from __future__ import annotations

import time
from collections.abc import Callable

PHASES = {"read": "正在读取工作簿", "check": "正在校验", "write": "正在写入", "done": "已完成"}


class Progress:
    """Counts per sheet; ``sink`` receives a JSON-ready dict (e.g. to write the job file)."""

    def __init__(self, sink: Callable[[dict], None] | None = None, *, every: float = 0.5):
        self.sink = sink
        self.every = every
        self.phase = "read"
        self.current = ""
        self.sheets: dict[str, dict] = {}
        self._last = 0.0

    def begin(self, sheets: list[tuple[str, int]]) -> None:
        self.sheets = {
            name: {"name": name, "rows": rows, "checked": 0, "written": 0} for name, rows in sheets
        }
        self.flush(force=True)

    def step(self, phase: str, sheet: str, *, checked: int | None = None,
             written: int | None = None) -> None:  # fmt: skip
        self.phase, self.current = phase, sheet
        entry = self.sheets.get(sheet)
        if entry is not None:
            if checked is not None:
                entry["checked"] = checked
            if written is not None:
                entry["written"] = written
        self.flush()

    def snapshot(self) -> dict:
        total = sum(s["rows"] for s in self.sheets.values()) or 1
        # Checking is the longer half of the work; writing the shorter one.
        done = sum(s["checked"] * 0.6 + s["written"] * 0.4 for s in self.sheets.values())
        return {
            "phase": self.phase,
            "phase_text": PHASES.get(self.phase, self.phase),
            "current": self.current,
            "sheets": [dict(s) for s in self.sheets.values()],
            "percent": min(100, round(done * 100 / total)) if self.phase != "done" else 100,
        }

    def flush(self, *, force: bool = False) -> None:
        if self.sink is None:
            return
        now = time.monotonic()
        if force or now - self._last >= self.every:
            self._last = now
            self.sink(self.snapshot())
