"""The guidance station in Chromium: on the seekers' page at 360 px, 上传简历 fills the form as editable tags
with the line each value came from, then 下一步学什么 shows under the results (Chinese first, English
switch); on the organisers' dashboard, what trainings should cover."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from tests.browser.conftest import ORGANISER_TOKEN
from tests.browser.test_seeker_page import api, open_page, wait_settled
from tests.resume_builders import PERSONAL, docx_resume, scanned_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def tags(page: Page) -> list[str]:
    return page.locator("#skill-tags .tag-text").all_inner_texts()


def pick(page: Page, name: str, mime: str, data: bytes) -> None:
    page.set_input_files("#resume-file", files=[{"name": name, "mimeType": mime, "buffer": data}])


def test_a_resume_fills_the_form_then_guidance_shows_under_the_results(page: Page, server):
    open_page(page, server)
    expect(page.locator(".resume-pick")).to_have_text("上传简历")
    pick(page, "简历.docx", DOCX, docx_resume())
    expect(page.locator("#resume-status")).to_contain_text("已从简历读出")
    for skill in ("Excel", "金蝶", "C1驾驶证", "初级会计职称"):
        assert skill in tags(page)
    expect(page.locator("#titles")).to_have_value("会计、出纳")
    expect(page.locator("#education")).to_have_value("bachelor")
    expect(page.locator("#salary")).to_have_value("5000")
    expect(page.locator("#major")).to_have_value("会计学")
    expect(page.locator("#resume-read")).to_contain_text("来自：持有C1驾照")
    content = page.content()
    for value in PERSONAL:
        assert value not in content

    # edit the tags: remove one, add one
    page.locator("#skill-tags .tag", has_text="初级会计职称").locator(".tag-remove").click()
    page.fill("#skill-input", "用友")
    page.press("#skill-input", "Enter")
    assert "初级会计职称" not in tags(page) and "用友" in tags(page)

    with page.expect_request("**/api/v1/guidance") as asked:
        page.click("#submit")
    wait_settled(page)
    guidance = page.locator("#guidance")
    expect(guidance).to_be_visible()
    expected = api(server, "/api/v1/guidance", asked.value.post_data_json)
    first = expected["suggestions"][0]
    expect(guidance.locator(".learn-text").first).to_have_text(first["explanation"])
    # 会计、出纳 are the wishes: the advice counts those jobs' positions, and says so
    assert expected["scope"] == "titles"
    n, m = f"{expected['qualified']:,}", f"{expected['considered']:,}"
    intro = guidance.locator(".guidance-intro")
    expect(intro).to_have_text(f"你想做的工作在这场招聘会有 {m} 个岗位，其中 {n} 个的技能要求你都满足。")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # 加入我的技能: the skill joins the tags and the match runs again
    guidance.locator(".learn-add").first.click()
    wait_settled(page)
    assert first["skill"] in tags(page)

    page.click("#lang")
    expect(page.locator("#guidance-title")).to_have_text("What to learn next")
    expect(page.locator(".resume-pick")).to_have_text("Upload a résumé")
    expect(guidance.locator(".learn-text").first).to_contain_text("Learn ")
    expect(intro).to_contain_text("positions of the jobs you want")
    expect(page.locator("#resume-read")).to_contain_text("From: 持有C1驾照")


def test_without_a_wish_the_advice_counts_the_positions_using_the_seekers_skills(page: Page, server):
    open_page(page, server)
    page.fill("#skill-input", "Python")
    page.press("#skill-input", "Enter")
    with page.expect_request("**/api/v1/guidance") as asked:
        page.click("#submit")
    wait_settled(page)
    expected = api(server, "/api/v1/guidance", asked.value.post_data_json)
    assert expected["scope"] == "skills" and expected["suggestions"]
    assert not any("驾" in s["skill"] for s in expected["suggestions"])  # not the drivers' posts
    n, m = f"{expected['qualified']:,}", f"{expected['considered']:,}"
    intro = page.locator("#guidance .guidance-intro")
    expect(intro).to_have_text(f"这场招聘会有 {m} 个岗位用得上你的技能，其中 {n} 个的技能要求你都满足。")
    texts = page.locator("#guidance .learn-text")
    expect(texts.first).to_have_text(expected["suggestions"][0]["explanation"])
    page.click("#lang")
    expect(intro).to_have_text(
        f"{m} positions of this fair use your skills; you meet every skill requirement of {n} of them."
    )
    expect(texts.first).to_have_text(expected["suggestions"][0]["explanation_en"])


def test_a_scanned_pdf_is_explained(page: Page, server):
    open_page(page, server)
    pick(page, "scan.pdf", "application/pdf", scanned_pdf())
    expect(page.locator("#resume-status")).to_contain_text("没有文字层")
    expect(page.locator("#resume-status")).to_have_class("resume-status bad")


def test_the_organisers_dashboard_shows_what_trainings_should_cover(fresh_server, desktop_page: Page):
    from tests.browser.test_organizer_page import sign_in

    server = fresh_server()
    for skills in (["Excel"], ["Excel"], ["C1驾照"]):
        api(server, "/api/v1/matches", {"skills": skills})
    sign_in(desktop_page, server, "就业指导站")
    figure = desktop_page.locator("#chart-training")
    expect(figure.locator("figcaption")).to_contain_text("培训讲座该讲什么")
    request = urllib.request.Request(
        server.url + "/api/v1/stats/training?limit=10", headers={"Authorization": f"Bearer {ORGANISER_TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        topics = json.loads(response.read())["topics"]
    assert topics and "Excel" in topics[0]["asked_with"] + topics[1]["asked_with"]
    expect(figure.locator(".training-notes li").first).to_contain_text(topics[0]["skill"])
    expect(figure.locator(".training-notes li")).to_have_count(len(topics))
