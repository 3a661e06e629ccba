"""Bench: simulated users against `taizhang serve` on loopback; reads and real form writes.

Each user logs in (its own session) and for the given time opens lists and details and
registers suggestions through the real form (CSRF token, lead deputy picked from the
form). At the end every acknowledged registration (a redirect to its case) is looked up
in the database: it must be stored exactly once.

Usage:
  nice -n 15 .venv/bin/python bench/load.py --db sqlite --seconds 30
  nice -n 15 .venv/bin/python bench/load.py --db pg --seconds 30 \\
      --pg-url postgres://postgres@127.0.0.1:5432/tz_load      # the database is recreated
Defaults: 50 users for 120 seconds, 2 server workers x 4 threads (TAIZHANG_WORKERS).
Goal: 0 failures on both databases, p95 <= 1 s.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USER, PASSWORD = "demo-renda", "Demo@2025"  # the demo county's presidium of 烽火乡
READS = ["/", "/cases/", "/people/", "/meetings/", "/cases/?kind=建议", "/people/deputies/"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LEAD = re.compile(r'<select name="lead"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="(\d+)"')
CASE = re.compile(r"/cases/(\d+)/$")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base: str, stats: Stats):
        self.base, self.stats = base, stats
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None, *, ok=(200,), login=False):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        path = urllib.parse.quote(path, safe="/?=&")
        headers = {"Referer": self.base + path}
        start = time.perf_counter()
        try:
            with self.opener.open(
                urllib.request.Request(self.base + path, data=body, headers=headers), timeout=60
            ) as response:
                status, text, where = response.status, response.read().decode(), ""
        except urllib.error.HTTPError as exc:
            status, text, where = (
                exc.code,
                exc.read().decode(errors="replace"),
                exc.headers.get("Location", ""),
            )
        except OSError as exc:
            status, text, where = 0, str(exc), ""
        seconds = time.perf_counter() - start
        self.stats.add(seconds, status in ok, f"{status} {urllib.parse.unquote(path)}", login)
        return status, text, where

    def login(self) -> None:
        _, page, _ = self.request("/accounts/login/", login=True)
        token = TOKEN.search(page).group(1)
        status, _, _ = self.request("/accounts/login/", {"csrfmiddlewaretoken": token,
                                    "username": USER, "password": PASSWORD}, ok=(302,),
                                    login=True)  # fmt: skip
        if status != 302:
            raise RuntimeError("登录失败")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.logins: list[float] = []  # reported apart: password hashing at the start
        self.failures: dict[str, int] = {}
        self.acknowledged: list[str] = []

    def add(self, seconds: float, ok: bool, what: str, login: bool = False) -> None:
        with self.lock:
            (self.logins if login else self.times).append(seconds)
            if not ok:
                self.failures[what] = self.failures.get(what, 0) + 1


def user(number: int, base: str, stats: Stats, until: float, run: str) -> None:
    try:
        _user(number, base, stats, until, run)
    except Exception as exc:  # a crashed simulated user is a failure, not a silent stop
        stats.add(0.0, False, f"用户{number}中断：{type(exc).__name__}")


def _user(number: int, base: str, stats: Stats, until: float, run: str) -> None:
    client, rng, n = Client(base, stats), random.Random(number), 0
    client.login()
    while time.time() < until:
        if rng.random() < 0.2:
            n += 1
            _, page, _ = client.request("/cases/new/建议/")
            leads = OPTION.findall((LEAD.search(page) or [None, ""])[1] if "lead" in page else "")
            title = f"{run}-{number}-{n} 关于改善村道照明的建议"
            today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
            status, _, where = client.request(
                "/cases/new/建议/",
                {"csrfmiddlewaretoken": TOKEN.search(page).group(1), "title": title,
                 "content": "群众反映夜间出行不便。", "registered": today,
                 "lead": leads[number % len(leads)] if leads else ""},
                ok=(302,),
            )  # fmt: skip
            if status == 302 and CASE.search(where):
                with stats.lock:
                    stats.acknowledged.append(title)
        else:
            client.request(rng.choice(READS))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(args, env: dict) -> None:
    if args.db == "pg":
        import psycopg

        parts = urllib.parse.urlsplit(args.pg_url)
        name = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{name}"')
    t = time.perf_counter()
    subprocess.run([str(BIN / "taizhang"), "demo"], env=env, check=True, capture_output=True)
    print(f"演示数据已载入（{time.perf_counter() - t:.0f} 秒）", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="台账网站负载测试")
    parser.add_argument("--db", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/tz_load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tz-load-"))
    url = args.pg_url if args.db == "pg" else f"sqlite:///{work / 'load.sqlite3'}"
    port = free_port()
    env = {**os.environ, "TAIZHANG_DATABASE_URL": url, "TAIZHANG_VAR_DIR": str(work),
           "TAIZHANG_PORT": str(port), "DJANGO_SETTINGS_MODULE": "taizhang.settings"}  # fmt: skip
    prepare(args, env)
    server = subprocess.Popen([str(BIN / "taizhang"), "serve"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        stats, run = Stats(), "负载" + secrets.token_hex(3)
        until = time.time() + args.seconds
        threads = [threading.Thread(target=user, args=(i, base, stats, until, run))
                   for i in range(args.users)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return report(args, env, stats, run)


def report(args, env, stats: Stats, run: str) -> int:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.db.models import Count

    from taizhang.cases.models import Case

    stored = dict(
        Case.objects.filter(title__startswith=run)
        .values("title")
        .annotate(n=Count("id"))
        .values_list("title", "n")
    )
    missing = [t for t in stats.acknowledged if t not in stored]
    doubled = [t for t, n in stored.items() if n > 1]
    times = sorted(stats.times)
    p50 = statistics.median(times) if times else 0
    p95 = times[int(len(times) * 0.95) - 1] if times else 0
    failures = sum(stats.failures.values())
    slowest = max(stats.logins, default=0)
    print(f"数据库：{args.db}；{args.users} 个用户，{args.seconds} 秒")
    print(f"请求 {len(times)} 次，失败 {failures} 次；p50 {p50 * 1000:.0f} ms，"
          f"p95 {p95 * 1000:.0f} ms；{len(times) / args.seconds:.1f} 次/秒"
          f"（另有登录请求 {len(stats.logins)} 次，最慢 {slowest * 1000:.0f} ms）")  # fmt: skip
    print(f"已确认的登记 {len(stats.acknowledged)} 条：库中缺少 {len(missing)} 条，"
          f"重复 {len(doubled)} 条")  # fmt: skip
    for what, n in sorted(stats.failures.items(), key=lambda p: -p[1])[:10]:
        print(f"  失败 {n} 次：{what}")
    return 1 if failures or missing or doubled else 0


if __name__ == "__main__":
    sys.exit(main())
