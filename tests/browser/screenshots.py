"""Screenshots of the seekers' page for the docs: `python -m tests.browser.screenshots [OUT_DIR]`.

Starts the service the way the browser tests do (gunicorn, its own SQLite database, the default fair), fills
the example profile and saves `results-phone.png` (360 px wide, the whole page) and `results-desktop.png`
(1280 px wide) into `docs/screenshots/` or OUT_DIR.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, ROOT, Server

SHOTS = {
    "results-phone.png": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "results-desktop.png": {"viewport": {"width": 1280, "height": 900}},
}


def shoot(base_url: str, out: Path) -> list[Path]:
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        for name, options in SHOTS.items():
            context = browser.new_context(locale="zh-CN", device_scale_factor=1, **options)
            page = context.new_page()
            page.goto(f"{base_url}/")
            expect(page.locator("#stat-positions")).not_to_have_text("…")
            page.get_by_role("button", name="用示例试一试").click()
            expect(page.locator("#results")).to_have_attribute("aria-busy", "false", timeout=30_000)
            page.locator("#cards > li.card button.save").first.click()
            page.evaluate("window.scrollTo(0, 0)")
            page.locator("#submit").blur()
            path = out / name
            page.screenshot(path=str(path), full_page=name.endswith("phone.png"), animations="disabled")
            saved.append(path)
            context.close()
        browser.close()
    return saved


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fairmatch-shots-") as workdir:
        server = Server(Path(workdir))
        try:
            for path in shoot(server.url, out):
                print(path)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
