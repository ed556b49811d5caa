"""The chat widget in a real headless Chromium (Debian's `chromium`, driven by Playwright)
against the real servers: interview by buttons and free text, advice with a clickable
organisation link, summary download, reload, keyboard-only use, HTML shown as text, an
unreachable server, and screenshots (desktop and 360 px) into artifacts/screenshots/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.server, pytest.mark.browser]

SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
WAIT_MS = 30_000


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def chat_url(assistant) -> str:
    return f"{assistant.url}/webhooks/chat/"


def bot_messages(page):
    return page.locator("#werkbaar-log .wb-msg.wb-bot")


def wait_for_bot_text(page, pattern: str) -> None:
    page.locator("#werkbaar-log .wb-msg.wb-bot", has_text=re.compile(pattern)).last.wait_for(
        timeout=WAIT_MS)


def send(page, text: str) -> None:
    count = bot_messages(page).count()
    page.fill("#werkbaar-input", text)
    page.press("#werkbaar-input", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#werkbaar-log .wb-msg.wb-bot').length > n",
        arg=count, timeout=WAIT_MS)
    page.locator(".wb-typing").wait_for(state="hidden", timeout=WAIT_MS)


def click_reply(page, title: str) -> None:
    count = bot_messages(page).count()
    page.locator(".wb-buttons button", has_text=title).last.click()
    page.wait_for_function(
        "n => document.querySelectorAll('#werkbaar-log .wb-msg.wb-bot').length > n",
        arg=count, timeout=WAIT_MS)
    page.locator(".wb-typing").wait_for(state="hidden", timeout=WAIT_MS)


def shoot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5_000
    return path


def test_interview_in_the_browser_with_link_download_and_reload(assistant, page, tmp_path):
    page.goto(chat_url(assistant))
    wait_for_bot_text(page, "Wie ben jij")
    click_reply(page, "Ik werk")
    wait_for_bot_text(page, "5 korte vragen")
    click_reply(page, "Ja, stel je vragen")
    progress = page.locator(".wb-progress")
    assert "Vraag 1 van 5" in progress.inner_text()
    for answer in ("reuma", "ik ben vaak erg moe na het werk", "veel tillen en lange diensten",
                   "mijn leidinggevende snapt het niet"):
        send(page, answer)
    assert "Vraag 5 van 5" in progress.inner_text()
    send(page, "geen zorgen")
    wait_for_bot_text(page, "Jouw samenvatting")
    link = page.locator("#werkbaar-log .wb-msg.wb-bot a[href^='http']").first
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    shoot(page, "chat-desktop-advice")

    # The summary: print (tests/widget/test_summary_print.py drives it), a printable web
    # page to download, and the Markdown as plain text.
    assert page.locator("button.wb-print").last.is_visible()
    with page.expect_download() as info:
        page.locator("a.wb-download").last.click()
    download = info.value
    assert download.suggested_filename.endswith(".html")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = saved.read_text(encoding="utf-8")
    assert "<h2>Mijn antwoorden</h2>" in document and "reuma" in document.lower()
    with page.expect_download() as info:
        page.locator("a.wb-download-text").last.click()
    assert info.value.suggested_filename.endswith(".md")
    info.value.save_as(tmp_path / "summary.md")
    assert "## Mijn antwoorden" in (tmp_path / "summary.md").read_text(encoding="utf-8")

    shown = page.locator("#werkbaar-log .wb-msg").count()
    page.reload()
    page.locator("#werkbaar-log .wb-msg").nth(shown - 1).wait_for(timeout=WAIT_MS)
    assert page.locator("#werkbaar-log .wb-msg").count() == shown
    assert page.locator("a.wb-download").count() >= 1

    page.click("#werkbaar-new")
    wait_for_bot_text(page, "Wie ben jij")
    assert page.locator("#werkbaar-log .wb-msg.wb-user").count() == 0


def test_keyboard_only_and_html_is_shown_as_text(assistant, page):
    page.goto(chat_url(assistant))
    wait_for_bot_text(page, "Wie ben jij")
    for _ in range(20):  # Tab to the message box (bounded)
        if page.evaluate("document.activeElement && document.activeElement.id") == "werkbaar-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "werkbaar-input"
    count = bot_messages(page).count()
    page.keyboard.type("hoe vertel ik mijn baas over mijn ziekte?")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#werkbaar-log .wb-msg.wb-bot').length > n",
        arg=count, timeout=WAIT_MS)
    wait_for_bot_text(page, "Bron:")

    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>vet</b>'
    send(page, evil)
    user = page.locator("#werkbaar-log .wb-msg.wb-user").last
    assert user.inner_text().strip() == evil
    assert page.locator("#werkbaar-log img, #werkbaar-log script, #werkbaar-log b").count() == 0
    assert page.dialogs == []


def test_launcher_on_a_host_page_and_mobile_width(assistant, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{assistant.url}/webhooks/chat/demo")
        launcher = page.locator("#werkbaar-launcher")
        launcher.wait_for(timeout=WAIT_MS)
        assert launcher.get_attribute("aria-expanded") == "false"
        # An inline SVG bubble (an emoji shows as an empty box without an emoji font).
        assert launcher.locator("svg").count() == 1 and launcher.inner_text().strip() == ""
        assert launcher.get_attribute("aria-label") == "Open de chat met Werkbaar"
        launcher.click()
        assert launcher.get_attribute("aria-expanded") == "true"
        wait_for_bot_text(page, "Wie ben jij")
        assert page.evaluate("document.activeElement.id") == "werkbaar-input"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"horizontal scroll at 360 px: {width}"
        shoot(page, "widget-mobile-360")
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"horizontal scroll at 320 px: {width}"
        page.keyboard.press("Escape")
        assert launcher.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.id") == "werkbaar-launcher"
        page.set_viewport_size({"width": 1280, "height": 800})
        launcher.click()
        shoot(page, "widget-desktop")
    finally:
        context.close()


def test_unreachable_server_gives_a_dutch_message_and_retry(assistant, page):
    page.goto(chat_url(assistant))
    wait_for_bot_text(page, "Wie ben jij")
    page.route("**/webhooks/chat/webhook", lambda route: route.abort())
    page.fill("#werkbaar-input", "altijd moe, tips?")
    page.press("#werkbaar-input", "Enter")
    error = page.locator(".wb-msg.wb-error")
    error.wait_for(timeout=WAIT_MS)
    assert "niet bereiken" in error.inner_text()
    page.unroute("**/webhooks/chat/webhook")
    count = bot_messages(page).count()
    error.locator("button").click()
    page.wait_for_function(
        "n => document.querySelectorAll('#werkbaar-log .wb-msg.wb-bot').length > n",
        arg=count, timeout=WAIT_MS)
    wait_for_bot_text(page, "Bron:")
    assert page.locator(".wb-msg.wb-error").count() == 0


def test_a_refused_message_shows_the_servers_dutch_reason(assistant, page):
    """A 4xx from the real channel (here: a message over its 2000-character limit, typed past
    the box's maxlength by a script) shows the server's Dutch reason, not 'unreachable'."""
    page.goto(chat_url(assistant))
    wait_for_bot_text(page, "Wie ben jij")
    page.evaluate("document.getElementById('werkbaar-input').value = 'moe '.repeat(700)")
    page.press("#werkbaar-input", "Enter")
    error = page.locator(".wb-msg.wb-error")
    error.wait_for(timeout=WAIT_MS)
    assert "te lang" in error.inner_text() and "niet bereiken" not in error.inner_text()
    assert error.locator("button").count() == 0  # sending it again would not help
    send(page, "altijd moe, tips?")  # the chat goes on
    wait_for_bot_text(page, "Bron:")


def test_widget_files_and_webhook_reject_bad_input(assistant):
    import requests

    script = requests.get(f"{assistant.url}/webhooks/chat/widget.js", timeout=10)
    assert script.status_code == 200 and "javascript" in script.headers["Content-Type"]
    page = requests.get(chat_url(assistant), timeout=10)
    assert "Content-Security-Policy" in page.headers and 'lang="nl"' in page.text
    hook = f"{assistant.url}/webhooks/chat/webhook"
    assert requests.post(hook, data="{not json", timeout=10,
                         headers={"Content-Type": "application/json"}).status_code == 400
    assert requests.post(hook, json={"message": "hoi"}, timeout=10).status_code == 400
    assert requests.post(hook, json={"sender": "x", "message": "a" * 5000},
                         timeout=10).status_code == 413
    # The HTTP API stays closed without the token.
    assert requests.get(f"{assistant.url}/conversations/x/tracker", timeout=10).status_code in (
        401, 403)
