"""上传简历 on the seekers' page, as a phone on the fair's Wi-Fi uses it: a file over the limit is refused in
the reader's language without being sent, and what the status line says follows the language switch.
Chromium at 360 px against the real service with the default fair."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_seeker_page import open_page
from tests.resume_builders import pdf_inflating

LIMIT = 2 * 1024 * 1024  # what POST /profiles/read takes
TOO_BIG = "这个文件超过 2 MB，读不了。请换一个小一些的文件，例如另存为 PDF 或文本。"
TOO_BIG_EN = (
    "This file is over 2 MB, too large to read. Choose a smaller one, for example saved as PDF or text."
)


def pick(page: Page, name: str, mime: str, data: bytes) -> None:
    page.set_input_files("#resume-file", files=[{"name": name, "mimeType": mime, "buffer": data}])


def test_a_file_over_2_mb_is_refused_in_the_readers_language_without_sending_it(page: Page, server) -> None:
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/profiles/read" in request.url else None)
    open_page(page, server)
    status = page.locator("#resume-status")
    for size in (LIMIT + 1, 3_000_000):  # just over, and well over the service's body limit too
        pick(page, "简历.pdf", "application/pdf", b"%PDF-1.4\n" + b"0" * (size - 9))
        expect(status).to_have_text(TOO_BIG)
        expect(status).to_have_class("resume-status bad")
    assert sent == []
    page.click("#lang")
    expect(status).to_have_text(TOO_BIG_EN)


def test_what_reading_said_follows_the_language_switch(page: Page, server) -> None:
    open_page(page, server)
    status = page.locator("#resume-status")
    pick(page, "cv.txt", "text/plain", "求职意向：会计\n技能：Excel、用友\n".encode())
    expect(status).to_contain_text("已从简历读出")
    page.click("#lang")
    expect(status).to_contain_text("read from the résumé")
    pick(page, "cv.pdf", "application/pdf", b"%PDF-1.4 nothing")
    expect(status).to_have_class("resume-status bad")
    english = status.text_content()
    assert english.startswith("Could not read it: ") and not any("\u4e00" <= c <= "\u9fff" for c in english)
    page.click("#lang")
    expect(status).to_contain_text("读取失败：")
    assert status.text_content() != english


def test_the_pay_read_from_a_resume_reads_as_pay_elsewhere_on_the_page(page: Page, server) -> None:
    open_page(page, server)
    read = page.locator("#resume-read")
    pick(page, "cv.txt", "text/plain", "求职意向：会计\n期望薪资：5000-7000元\n".encode())
    expect(read).to_contain_text("期望月薪：5,000–7,000 元/月")
    page.click("#lang")
    expect(read).to_contain_text("Expected pay: 5,000–7,000 CNY/month")
    pick(page, "cv.txt", "text/plain", "求职意向：会计\n期望薪资：6000元\n".encode())
    expect(read).to_contain_text("Expected pay: 6,000 CNY/month")  # one figure, not 6000–6000


def test_a_small_file_refused_for_what_it_unpacks_to_is_not_called_over_2_mb(page: Page, server) -> None:
    # A 200 KB PDF whose page inflates to 150 MB is a 413 too, but "over 2 MB" would send the seeker off to
    # shrink a file that is small: the service's own reason is shown.
    open_page(page, server)
    status = page.locator("#resume-status")
    pick(page, "简历.pdf", "application/pdf", pdf_inflating(150))
    expect(status).to_have_class("resume-status bad")
    expect(status).to_contain_text("解压后过大")
    assert "2 MB" not in status.text_content()
