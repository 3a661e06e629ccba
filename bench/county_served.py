"""Time every county page as a user gets it: over HTTP from a served worker.

Starts ``taizhang serve`` (gunicorn, one worker, wsgi.py freezes the collector's view of
what the worker loaded) on a free loopback port against the database
TAIZHANG_DATABASE_URL names: the county that bench/county_pages.py built there (run that
first; this script never builds). The county user of that bench gets a fresh password
and a recovery code, then logs in over HTTP like a person (password, then the second
factor). Each page of county_pages.py is read once (printed as "first read"), then
``--runs`` times one after another with urllib; printed per page: client-side p50/p95/max
(connect, server, transfer) and the server's own p50/p95 from its access log (gunicorn's
request time, %(D)s), the CPU the request cost the worker and the database's backends
(/proc/<pid>/schedstat; PostgreSQL's parallel workers are not counted), the response size
of the first read, and /proc/loadavg before and after. On a shared machine the CPU column
is the steady one: the wall times add the wait for a core.
Usage: TAIZHANG_DATABASE_URL=postgres://postgres@127.0.0.1:5432/tz_county \\
       PYTHONPATH=src nice -n 5 python bench/county_served.py [--runs 20] [--only LABEL]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent
if not os.environ.get("TAIZHANG_DATABASE_URL"):
    sys.exit("TAIZHANG_DATABASE_URL must name the database bench/county_pages.py built")
# The server's environment, taken before the bench modules set their in-process defaults.
SERVER_ENV = dict(os.environ)
sys.path.insert(0, str(BENCH))

import county_pages  # noqa: E402  (sets up Django on the same database)
from cases_scale import existing  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from taizhang.accounts import otp  # noqa: E402
from taizhang.accounts.models import User  # noqa: E402
from taizhang.accounts.services import user_set_password  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The format the server is started with: status, microseconds, then the request line.
LOG_LINE = re.compile(r"^(\d{3}) (\d+) (\S+) (\S+)")


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Hand a redirect back to the caller: the login steps check where it points."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One user's cookies; every request is timed and remembered for the access log."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), KeepRedirects()
        )
        self.sent: list[str] = []  # the path of every request, in order
        self.took: list[float] = []  # and its time at the client, ms
        self.meter: CpuMeter | None = None
        self.cpu: list[tuple[float, float]] = []  # (worker, database) CPU ms; 0 unmetered

    def request(self, path: str, form: dict | None = None) -> tuple[int, bytes, str, float]:
        quoted = urllib.parse.quote(path, safe="/?=&")
        body = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(
            self.base + quoted, data=body, headers={"Referer": self.base + quoted}
        )
        self.sent.append(urllib.parse.urlsplit(path).path)
        cpu = self.meter.now() if self.meter else (0, 0)
        began = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, text, where = response.status, response.read(), ""
        except urllib.error.HTTPError as exc:
            status, text, where = exc.code, exc.read(), exc.headers.get("Location", "")
        self.took.append((time.perf_counter() - began) * 1000)
        ran = self.meter.now() if self.meter else (0, 0)
        self.cpu.append(((ran[0] - cpu[0]) / 1e6, (ran[1] - cpu[1]) / 1e6))
        return status, text, where, self.took[-1]

    def login(self, username: str, password: str, code: str) -> None:
        steps = (
            ("/accounts/login/", {"username": username, "password": password}),
            ("/accounts/login/code/", {"code": code}),
        )
        for path, fields in steps:
            status, page, _, _ = self.request(path)
            match = TOKEN.search(page.decode())
            if status != 200 or match is None:
                raise RuntimeError(f"登录页面异常：{path} {status}")
            status, _, where, _ = self.request(
                path, {"csrfmiddlewaretoken": match.group(1), **fields}
            )
            if status != 302:
                raise RuntimeError(f"登录未通过：{path} {status}")
        if "/accounts/" in where:
            raise RuntimeError(f"登录后被带到 {where}")


def bench_login(county) -> tuple[str, str, str]:
    """The county user of county_pages.py, with a new password and a recovery code."""
    user, _ = User.objects.get_or_create(
        username=f"bench-county-{county.pk}", defaults={"role": "county", "org_unit": county}
    )
    password = secrets.token_urlsafe(12) + "aA1"
    user_set_password(user=user, password=password, must_change=False)
    otp.enrol_confirmed(user=user)
    return user.username, password, otp.recovery_codes_renew(user=user)[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log: Path) -> tuple[subprocess.Popen, str]:
    env = {
        **SERVER_ENV,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), SERVER_ENV.get("PYTHONPATH", "")]),
        "TAIZHANG_PORT": str(port),
        "TAIZHANG_HOST": "127.0.0.1",
        "TAIZHANG_WORKERS": "1",
        "TAIZHANG_VAR_DIR": str(log.parent),
        "DJANGO_SETTINGS_MODULE": "taizhang.settings",
    }
    command = [str(BIN / "taizhang"), "serve", "--access-logformat", "%(s)s %(D)s %(r)s"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError(f"服务未能启动：\n{log.read_text(errors='replace')}")
        try:
            urllib.request.urlopen(base + "/accounts/login/", timeout=2)  # noqa: S310
            return server, base
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("服务启动超时")


def server_times(log: Path, sent: list[str]) -> list[float]:
    """The server's time (ms) of each request in ``sent``, matched in order to the log."""
    lines = [m for m in map(LOG_LINE.match, log.read_text(errors="replace").splitlines()) if m]
    lines = lines[-len(sent) :]  # the readiness probes come first
    if len(lines) != len(sent):
        return []
    for match, path in zip(lines, sent, strict=True):
        if match.group(4).split("?")[0] != path:
            return []  # out of step: better no server figures than wrong ones
    return [int(m.group(2)) / 1000 for m in lines]


class CpuMeter:
    """CPU time (ns, /proc/<pid>/schedstat) of the served worker's threads and of the
    database's backends: what a request costs, apart from the wait a loaded machine adds."""

    def __init__(self, master: int, database: str):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        self.worker, self.database = int(children[0]), database.encode()

    @staticmethod
    def _ran(task_dir: Path) -> int:
        try:
            return int((task_dir / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            return 0  # a thread or backend that just ended

    def backends(self) -> list[Path]:
        found = []
        for proc in Path("/proc").iterdir():
            if proc.name.isdigit():
                try:
                    title = (proc / "cmdline").read_bytes()
                except OSError:
                    continue
                if title.startswith(b"postgres:") and b" " + self.database + b" " in title:
                    found.append(proc)
        return found

    def now(self) -> tuple[int, int]:
        """(worker, database) CPU nanoseconds so far."""
        tasks = Path(f"/proc/{self.worker}/task")
        worker = sum(self._ran(t) for t in tasks.iterdir())
        return worker, sum(self._ran(b) for b in self.backends())


def percentile95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(len(ordered) * 0.95)) - 1)]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(browser: Browser, pages, runs: int) -> dict[str, list[int]]:
    """Read each page once, then ``runs`` times; return each page's request positions."""
    positions: dict[str, list[int]] = {}
    for label, url in pages:
        status, body, _, ms = browser.request(url)
        if status != 200:
            raise RuntimeError(f"{label}: {url} 返回 {status}")
        print(f"first read: {label:<38} {ms:8.1f} ms  {len(body) / 1024:7.1f} KiB", flush=True)
    for label, url in pages:
        for _ in range(runs):
            positions.setdefault(label, []).append(len(browser.sent))
            status, _, _, _ = browser.request(url)
            if status != 200:
                raise RuntimeError(f"{label}: {url} 返回 {status}")
    return positions


def report(browser: Browser, positions: dict[str, list[int]], served: list[float]) -> None:
    print(
        f"{'page (ms)':<38} {'client p50':>10} {'p95':>6} {'max':>6} | {'server p50':>10} "
        f"{'p95':>6} | {'cpu p50':>7} {'p95':>6} {'of it db p50':>12}"
    )

    def figures(values: list[float]) -> tuple[float, float]:
        return statistics.median(values), percentile95(values)

    for label, where in positions.items():
        times = [browser.took[i] for i in where]
        line = f"{label:<38} {statistics.median(times):10.1f} {percentile95(times):6.1f} "
        line += f"{max(times):6.1f} | "
        line += (
            "{:10.1f} {:6.1f} | ".format(*figures([served[i] for i in where]))
            if served
            else f"{'-':>10} {'-':>6} | "
        )
        if browser.meter:
            cpu = [browser.cpu[i] for i in where]
            line += "{:7.1f} {:6.1f} ".format(*figures([w + d for w, d in cpu]))
            line += f"{statistics.median(d for _, d in cpu):12.1f}"
        print(line, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", action="append", default=[], help="time only these labels")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    found = existing()
    if found is None:
        sys.exit("no generated county here: run bench/county_pages.py on this database first")
    county, townships, _units = found
    pages = county_pages.county_urls(townships[0])
    if args.only:
        pages = [(label, url) for label, url in pages if any(w in label for w in args.only)]
    username, password, code = bench_login(county)
    log = Path(tempfile.mkdtemp(prefix="tz-served-")) / "server.log"
    server, base = start_server(free_port(), log)
    try:
        browser = Browser(base)
        browser.login(username, password, code)
        connections.close_all()  # the database's backends are now the worker's alone
        browser.meter = CpuMeter(server.pid, connection.settings_dict["NAME"])
        before = load()
        print(f"served: 1 worker; load before {before}", flush=True)
        positions = measure(browser, pages, args.runs)
        after = load()
    finally:
        server.terminate()
        server.wait(timeout=60)
    report(browser, positions, server_times(log, browser.sent))
    shutil.rmtree(log.parent, ignore_errors=True)  # the log and the server's secret key
    print(f"load (1, 5, 15 min) before {before}, after {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
