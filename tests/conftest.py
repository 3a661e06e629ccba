"""Shared personas: a small county built through services.

County 测试县 with 甲乡 (villages 一村, 二村; station 卫生院) and 乙镇 (village 三村).
Who may see what:
- alice  人大主席团 of 甲乡: every congress register and person of 甲乡.
- bob    乡镇干部 of 甲乡: reads 甲乡's roster; own ledgers; cases assigned to his unit.
- carol  村干部 of 一村: only 一村's persons and petitions.
- dave   人大代表 of 甲乡: only his own record.
- erin   县级领导: reads everything in 测试县, edits nothing.
- frank  系统管理员: users and settings; no business edits.
- grace  审计员: the audit trail only.
- heidi  人大主席团 of 乙镇: nothing of 甲乡.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# browser tests from that thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "Test@Pass2025"


@pytest.fixture(autouse=True)
def _environment_restored(monkeypatch):
    """Give TAIZHANG_ENV back after each test: `taizhang check-deploy` run in-process sets
    it to production, which would leak into servers later tests start."""
    monkeypatch.setenv("TAIZHANG_ENV", os.environ.get("TAIZHANG_ENV", "test"))


@dataclass
class World:
    county: object
    jia: object
    yi: object
    village1: object
    village2: object
    village3: object
    station: object
    users: dict
    people: dict
    deputies: list


def _valid_id(serial: int, birth: str = "19800101") -> str:
    from taizhang.people.validators import id_check_char

    first17 = f"990101{birth}{serial:03d}"
    return first17 + id_check_char(first17)


@pytest.fixture
def world(db) -> World:
    from taizhang.accounts.services import user_create
    from taizhang.core.services import district_get_or_create, org_unit_create
    from taizhang.people import services as people

    county = org_unit_create(name="测试县", kind="county")
    jia = org_unit_create(name="甲乡", kind="township", parent=county)
    yi = org_unit_create(name="乙镇", kind="township", parent=county)
    v1 = org_unit_create(name="一村", kind="village", parent=jia)
    v2 = org_unit_create(name="二村", kind="village", parent=jia)
    v3 = org_unit_create(name="三村", kind="village", parent=yi)
    station = org_unit_create(name="卫生院", kind="station", parent=jia)
    district = district_get_or_create(township=jia, name="第1选区", number=1)

    def person(name, unit, serial):
        return people.person_create(
            name=name,
            gender="男",
            unit=unit,
            phone=f"1380000{serial:04d}",
            id_number=_valid_id(serial),
            address=f"测试县{unit.full_name}{serial}号",
        )

    folks = {
        "p1": person("赵一", v1, 1),
        "p2": person("钱二", v2, 2),
        "p3": person("孙三", v3, 3),
        "p4": person("李四", station, 4),
        "dave": person("周大", v1, 5),
    }
    deputies = [
        people.deputy_create(
            person=p,
            level="乡镇",
            term="第十四届",
            township=jia,
            district=district,
            start=date(2021, 10, 1),
        )
        for p in (folks["p1"], folks["p2"], folks["dave"])
    ]
    specs = {
        "alice": ("presidium", jia, None),
        "bob": ("cadre", jia, folks["p4"]),
        "carol": ("village", v1, None),
        "dave": ("deputy", jia, folks["dave"]),
        "erin": ("county", county, None),
        "frank": ("admin", county, None),
        "grace": ("auditor", county, None),
        "heidi": ("presidium", yi, None),
    }
    users = {
        name: user_create(
            username=name,
            password=PASSWORD,
            role=role,
            org_unit=unit,
            person=p,
            must_change_password=False,
            validate=False,
        )
        for name, (role, unit, p) in specs.items()
    }
    return World(county, jia, yi, v1, v2, v3, station, users, folks, deputies)


@pytest.fixture
def login(client, world):
    """Return a function that logs the test client in as a persona."""

    def as_user(name: str):
        client.force_login(world.users[name])
        return client

    return as_user


@pytest.fixture
def demo(db):
    from taizhang.demo.loader import load_demo

    return load_demo()


def totp_code(device) -> str:
    """A code the device accepts now: the current step's, or the next one's when the
    current step was already used (django-otp refuses a code twice)."""
    import time

    from django_otp.oath import TOTP

    device.refresh_from_db()
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if device.last_t >= clock.t():
        clock.time = time.time() + device.step * (device.last_t - clock.t() + 1)
    return f"{clock.token():0{device.digits}d}"


def pass_second_factor(page, username: str) -> None:
    """Complete the code step (enrolling first when asked) for admin, auditor and county."""
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from taizhang.accounts.models import User
    from taizhang.accounts.otp import confirmed_device

    if "/accounts/login/authenticator/" in page.url:
        secret = page.inner_text("#otp-secret").replace(" ", "")
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        device = TOTPDevice(key=key.hex())
        page.fill("input[name=code]", totp_code_for_key(device))
        page.click("button[type=submit]")
        page.wait_for_load_state()
        page.click("text=我已保存，继续")
        page.wait_for_load_state()
    elif "/accounts/login/code/" in page.url:
        device = confirmed_device(User.objects.get(username=username))
        page.fill("input[name=code]", totp_code(device))
        page.click("button[type=submit]")
        page.wait_for_load_state()


def client_second_factor(client, response, username: str):
    """Finish a test client's login after the password step: enrol or enter the code."""
    import re

    from taizhang.accounts.models import User
    from taizhang.accounts.otp import confirmed_device

    target = response.get("Location", "") if response.status_code == 302 else ""
    if target == "/accounts/login/authenticator/":
        page = client.get(target).content.decode()
        secret = re.search(r'id="otp-secret"[^>]*>([A-Z2-7 ]+)<', page).group(1)
        return client.post(target, {"code": code_for_secret(secret)})
    if target == "/accounts/login/code/":
        device = confirmed_device(User.objects.get(username=username))
        return client.post(target, {"code": totp_code(device)})
    return response


def code_for_secret(secret: str) -> str:
    """The current code of an authenticator holding ``secret`` (base32, spaces allowed)."""
    import base64

    from django_otp.oath import totp

    raw = secret.replace(" ", "")
    return f"{totp(base64.b32decode(raw + '=' * (-len(raw) % 8))):06d}"


def totp_code_for_key(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key):06d}"


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright for Python (installed by `make test`)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_login(browser, live_server):
    """Open a fresh browser context, log in through the real form, return the page."""
    pages = []

    def as_user(username: str, password: str = PASSWORD, *, viewport=None):
        context = browser.new_context(
            viewport=viewport or {"width": 1280, "height": 900}, locale="zh-CN"
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        pass_second_factor(page, username)
        pages.append(context)
        return page

    yield as_user
    for context in pages:
        context.close()
