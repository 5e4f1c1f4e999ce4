"""Browser tests: the real service under gunicorn on a free port, driven by Playwright in Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
ORGANISER_TOKEN = "browser-organiser-token"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A gunicorn process serving the app on its own SQLite database."""

    def __init__(self, workdir: Path, *, workers: int = 1, threads: int = 4, **env: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environ = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{workdir / 'fair.db'}",
            "FAIR_ADMIN_TOKEN": ORGANISER_TOKEN,
            "FAIR_LOAD_DEFAULT": "1",
            **env,
        }
        environ.pop("TEST_DATABASE_URL", None)
        self.log = (workdir / "server.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads), "--bind",
             f"127.0.0.1:{self.port}", "service:create_app()"],
            cwd=ROOT, env=environ, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the service did not start; see {workdir / 'server.log'}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server with the default fair, for tests that only read."""
    srv = Server(tmp_path_factory.mktemp("server"))
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """A server of the test's own, for tests that change data; keyword arguments become its environment."""
    started: list[Server] = []

    def _start(**env: str) -> Server:
        srv = Server(tmp_path, **env)
        started.append(srv)
        return srv

    yield _start
    for srv in started:
        srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}; `.ci/run` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _pages(browser, request: pytest.FixtureRequest, **context_args) -> Iterator:
    """A page in a context of its own, for a fixture to yield; a failing test leaves its screenshot in
    test-artifacts/."""
    context = browser.new_context(locale="zh-CN", **context_args)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    _screenshot_on_failure(page, request)
    context.close()


PHONE = {"device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator:
    """A phone-sized page (360 × 740)."""
    yield from _pages(browser, request, viewport={"width": 360, "height": 740}, **PHONE)


@pytest.fixture
def phone(browser, request: pytest.FixtureRequest) -> Iterator:
    """A larger phone (390 × 844), as most seekers at the venue hold."""
    yield from _pages(browser, request, viewport={"width": 390, "height": 844}, **PHONE)


@pytest.fixture
def desktop_page(browser, request: pytest.FixtureRequest) -> Iterator:
    yield from _pages(browser, request, viewport={"width": 1280, "height": 900})


def _screenshot_on_failure(pg, request: pytest.FixtureRequest) -> None:
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
