"""The printable summary in a real headless Chromium (Debian's `chromium`, via Playwright),
without the Rasa servers: the page itself on screen, as print and as PDF; and the widget's
print button, downloads and SVG launcher, served under the chat page's own
Content-Security-Policy with a stubbed webhook. Screenshots go to artifacts/screenshots/."""
from __future__ import annotations

import json
import time
from datetime import date

import pytest

from actions.summary import DOWNLOAD_NAME, markdown_summary
from actions.summary_html import HTML_DOWNLOAD_NAME, html_summary
from bot.paths import PROJECT_ROOT
from tests.support.summary import HEADINGS, STORY

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
ORIGIN = "http://werkbaar.test"  # never resolved: every request is answered by page.route
WAIT_MS = 15_000
# Counts print() calls on the widget's print frame instead of opening a print dialog.
COUNT_PRINTS = """
  window.__printed = 0;
  const frames = HTMLIFrameElement.prototype;
  const frameWindow = Object.getOwnPropertyDescriptor(frames, 'contentWindow').get;
  Object.defineProperty(frames, 'contentWindow', { get() {
    const w = frameWindow.call(this);
    if (w && this.classList.contains('wb-print-frame')) w.print = () => { window.__printed++; };
    return w;
  }});
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from knowledge.advice_plan import make_plan
    from knowledge.base import KnowledgeBase
    from knowledge.config import CONTENT_DIR
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('kb-print') / 'real.db'}"
    build_store(url, CONTENT_DIR)
    return make_plan(KnowledgeBase.open(url), STORY)


@pytest.fixture
def context(browser):
    # About an A4 page wide at 96 dpi.
    context = browser.new_context(viewport={"width": 800, "height": 1000}, accept_downloads=True)
    yield context
    context.close()


def test_the_summary_page_on_screen_and_in_print(context, plan):
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(html_summary(plan, today=date(2026, 3, 5)))
    assert page.title().startswith("Werkbaar")
    assert page.locator("h1").inner_text() == "Mijn situatie en werk: samenvatting"
    for heading in HEADINGS:
        assert page.get_by_role("heading", level=2, name=heading).is_visible(), heading
    assert page.locator("h3").count() == len(plan.topics)
    answers = page.locator(".answers").inner_text()
    assert "<script>alert('x')</script>" in answers  # shown as text, never run
    assert page.locator("script").count() == 0 and dialogs == []

    screen_size = page.evaluate("getComputedStyle(document.body).fontSize")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).fontSize") != screen_size
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    for heading in HEADINGS:
        assert page.get_by_role("heading", level=2, name=heading).is_visible(), heading
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 800, f"horizontal scroll in print: {width}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "summary-print.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000


def test_the_summary_page_as_pdf(context, plan, tmp_path):
    page = context.new_page()
    page.set_content(html_summary(plan))
    page.emulate_media(media="print")
    try:
        pdf = page.pdf(format="A4", print_background=True)
    except playwright_api.Error as error:  # a Chromium build without PDF printing
        pytest.skip(f"this Chromium cannot make a PDF: {error}")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (tmp_path / "summary.pdf").write_bytes(pdf)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2  # several A4 pages


def serve_widget(page, plan, download=None) -> None:
    """The widget files as the chat channel serves them (same CSP); a stubbed webhook whose
    every reply is the end of an interview: the chat summary and the summary download."""
    from bot.channels.chat import FILES, PAGE_POLICY, STATIC

    download = download or {"type": "download", "title": "Download je samenvatting",
                            "filename": HTML_DOWNLOAD_NAME, "mime_type": "text/html",
                            "content": html_summary(plan), "markdown_filename": DOWNLOAD_NAME,
                            "markdown": markdown_summary(plan)}
    replies = [{"recipient_id": "x", "text": "Jouw samenvatting:\n- Aandoening: reuma"},
               {"recipient_id": "x", "custom": download}]

    def handle(route):
        path = route.request.url[len(ORIGIN + "/webhooks/chat"):].split("?")[0]
        if path == "/webhook":
            return route.fulfill(status=200, content_type="application/json",
                                 body=json.dumps(replies))
        if path not in FILES:
            return route.fulfill(status=404, body="")
        filename, content_type = FILES[path]
        headers = ({"Content-Security-Policy": PAGE_POLICY}
                   if content_type.startswith("text/html") else {})
        return route.fulfill(status=200, content_type=content_type, headers=headers,
                             body=(STATIC / filename).read_bytes())

    page.route(ORIGIN + "/**", handle)


def printed(page, times: int) -> None:
    """Wait until print() was called `times` times (polled: the page's CSP forbids the eval
    behind wait_for_function)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while page.evaluate("window.__printed") < times and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert page.evaluate("window.__printed") == times


def test_the_widget_prints_and_offers_both_downloads(context, plan, tmp_path):
    page = context.new_page()
    page.add_init_script(COUNT_PRINTS)
    serve_widget(page, plan)
    page.goto(f"{ORIGIN}/webhooks/chat/")
    button = page.get_by_role("button", name="Print / bewaar als PDF")
    button.wait_for(timeout=WAIT_MS)
    button.focus()
    page.keyboard.press("Enter")  # keyboard only
    printed(page, 1)
    frame = page.frame_locator("iframe.wb-print-frame")
    assert frame.locator("h1").inner_text() == "Mijn situatie en werk: samenvatting"
    box = page.locator("iframe.wb-print-frame").bounding_box()
    assert box is None or box["width"] * box["height"] == 0, box  # out of sight
    assert page.locator("iframe.wb-print-frame").get_attribute("sandbox") == \
        "allow-same-origin allow-modals"
    # The page's CSP blocks the inline <style> in the frame; the widget applies it anyway.
    inner = next(f for f in page.frames if f.url == "about:srcdoc")
    assert inner.evaluate("document.styleSheets.length + document.adoptedStyleSheets.length") == 1
    assert inner.evaluate(
        "getComputedStyle(document.querySelector('h2')).borderBottomStyle") == "solid"
    assert page.evaluate("document.activeElement.className") == "wb-print"
    page.keyboard.press("Enter")  # a second print replaces the frame
    printed(page, 2)
    assert page.locator("iframe.wb-print-frame").count() == 1

    with page.expect_download() as info:
        page.locator("a.wb-download").click()
    assert info.value.suggested_filename == HTML_DOWNLOAD_NAME
    saved = tmp_path / HTML_DOWNLOAD_NAME
    info.value.save_as(saved)
    assert "<h2>Mijn antwoorden</h2>" in saved.read_text(encoding="utf-8")
    text_link = page.get_by_role("link", name="Of download als tekstbestand (.md)")
    with page.expect_download() as info:
        text_link.click()
    assert info.value.suggested_filename == DOWNLOAD_NAME
    info.value.save_as(tmp_path / DOWNLOAD_NAME)
    assert "## Mijn antwoorden" in (tmp_path / DOWNLOAD_NAME).read_text(encoding="utf-8")
    page.locator(".wb-file").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "widget-summary-buttons.png"))


def test_an_older_markdown_only_download_still_works(context, plan):
    page = context.new_page()
    serve_widget(page, plan, {"type": "download", "title": "Download je samenvatting",
                              "filename": DOWNLOAD_NAME, "mime_type": "text/markdown",
                              "content": markdown_summary(plan)})
    page.goto(f"{ORIGIN}/webhooks/chat/")
    page.locator("a.wb-download").wait_for(timeout=WAIT_MS)
    assert page.locator(".wb-print, .wb-download-text").count() == 0
    with page.expect_download() as info:
        page.locator("a.wb-download").click()
    assert info.value.suggested_filename == DOWNLOAD_NAME


def test_the_launcher_is_a_labelled_svg_bubble_that_works_by_keyboard(context, plan):
    page = context.new_page()
    serve_widget(page, plan)
    page.goto(f"{ORIGIN}/webhooks/chat/demo")
    launcher = page.get_by_role("button", name="Open de chat met Werkbaar")
    launcher.wait_for(timeout=WAIT_MS)
    assert launcher.inner_text().strip() == ""  # no emoji that may show as an empty box
    icon = launcher.locator("svg")
    assert icon.get_attribute("aria-hidden") == "true"
    box = icon.bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24
    for _ in range(10):  # Tab to the launcher (bounded)
        if page.evaluate("document.activeElement && document.activeElement.id") == \
                "werkbaar-launcher":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "werkbaar-launcher"
    page.keyboard.press("Enter")
    assert launcher.get_attribute("aria-expanded") == "true"
    page.locator(".wb-print").wait_for(timeout=WAIT_MS)
    page.keyboard.press("Escape")
    assert launcher.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "werkbaar-launcher"
    page.locator("#werkbaar-launcher").screenshot(path=str(SCREENSHOTS / "widget-launcher.png"))
