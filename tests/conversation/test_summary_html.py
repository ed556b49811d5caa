"""The printable summary (actions/summary_html.py) on the real knowledge base: a complete,
self-contained Dutch HTML page with the same content as the Markdown, every text escaped; and
the advice action sends it as the download with the Markdown alongside (no servers)."""
from __future__ import annotations

import dataclasses
import importlib
import sys
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from actions.summary import DOWNLOAD_NAME, markdown_summary, source_note
from actions.summary_html import ALL_FINE, HTML_DOWNLOAD_NAME, html_summary
from knowledge import vocabulary as voc
from knowledge.advice_plan import make_plan
from knowledge.situation import SKIPPED, TOPIC_LABELS
from tests.support.summary import EVIL, HEADINGS, STORY

VOID = {"meta", "br", "link", "img", "hr", "input"}


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory) -> str:
    from knowledge.config import CONTENT_DIR
    from knowledge.store import build_store

    url = f"sqlite:///{tmp_path_factory.mktemp('kb-summary') / 'real.db'}"
    build_store(url, CONTENT_DIR)
    return url


@pytest.fixture(scope="module")
def kb(kb_url):
    from knowledge.base import KnowledgeBase

    return KnowledgeBase.open(kb_url)


@pytest.fixture(scope="module")
def plan(kb):
    return make_plan(kb, STORY)


class Page(HTMLParser):
    """Headings, link targets, tags and unbalanced tags of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tags, self.hrefs = [], [], [], []
        self.headings, self._heading = [], None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = [tag, ""]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.problems.append(tag)
        if self._heading and tag == self._heading[0]:
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data


def test_a_complete_self_contained_dutch_page(plan):
    page_text = html_summary(plan, today=date(2026, 3, 5))
    assert page_text.startswith("<!doctype html>") and '<html lang="nl">' in page_text
    assert '<meta charset="utf-8">' in page_text and "@media print" in page_text
    page = Page(page_text)
    assert not page.problems and not page.stack, (page.problems, page.stack)
    # No script, no external style sheets, images or frames: it opens and prints offline.
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert "src=" not in page_text and "@import" not in page_text and "url(" not in page_text
    assert [h for tag, h in page.headings if tag == "h1"] == [
        "Mijn situatie en werk: samenvatting"]
    assert [h for tag, h in page.headings if tag == "h2"] == HEADINGS
    assert "5 maart 2026" in page_text and "geen medisch advies" in page_text


def test_the_users_own_words_are_escaped(plan):
    page_text = html_summary(plan)
    assert "<script" not in page_text.lower()
    assert escape(EVIL) in page_text  # in the answers and in the question for the doctor
    assert page_text.count(escape(EVIL)) >= 2
    assert "alert(&#x27;x&#x27;)" in page_text and "&amp; &quot;op&quot;" in page_text


def test_advice_sources_organisations_and_questions_are_all_there(plan):
    page_text = html_summary(plan)
    hrefs = Page(page_text).hrefs
    assert plan.topics and plan.resources and plan.doctor_questions
    for block in plan.topics:
        assert f"<h3>{escape(TOPIC_LABELS[block.topic])}</h3>" in page_text
        for item in block.items:
            assert escape(item.title) in page_text and escape(item.text) in page_text
            assert f"Bron: {escape(item.source.label)}" in page_text
            if item.evidence_label:
                assert f"Bewijs: {escape(item.evidence_label)}" in page_text
    assert any(i.evidence_label for b in plan.topics for i in b.items)
    for resource in plan.resources:
        assert escape(resource.name) in page_text and escape(resource.offers) in page_text
        if resource.url:
            assert escape(resource.url) in page_text
            assert any(h.rstrip("/").endswith(resource.url.split("//")[-1].rstrip("/"))
                       for h in hrefs), resource.url
    assert all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    for question in plan.doctor_questions:
        assert escape(question) in page_text
    for extra in (plan.doctor_questions_item, plan.prepare_item):
        assert extra is not None and escape(extra.text) in page_text
    for person in plan.discuss_with:
        assert escape(voc.DISCUSS_WITH.get(person, person)) in page_text


def test_only_web_addresses_become_links(plan):
    bad = dataclasses.replace(plan.resources[0], name='Kwaad "<b>naam</b>"',
                              url="javascript:alert(1)")
    www = dataclasses.replace(plan.resources[0], name="Zonder schema", url="www.example.nl")
    page_text = html_summary(dataclasses.replace(plan, resources=[bad, www]))
    assert 'href="https://www.example.nl"' in page_text
    assert "<b>naam" not in page_text and "&lt;b&gt;naam" in page_text
    assert 'href="javascript' not in page_text and "javascript:alert(1)" in page_text


def test_all_fine_and_nothing_known(kb):
    plan = make_plan(kb, {"aandoening": SKIPPED, "energie": "gaat goed",
                          "werkbelasting": SKIPPED, "steun": "goede steun", "financien": "nee"})
    page_text = html_summary(plan)
    assert plan.topics == [] and escape(ALL_FINE) in page_text
    assert "overgeslagen" in page_text and "<h3>" not in page_text
    assert not Page(page_text).problems


def test_the_markdown_stays_and_names_sources_and_evidence(plan):
    text = markdown_summary(plan)
    assert "## Mijn antwoorden" in text and EVIL in text and "(None)" not in text
    item = plan.topics[0].items[0]
    assert f"**{item.title}**" in text and source_note(item) in text


def test_the_advice_action_sends_the_page_with_the_markdown_alongside(kb_url, monkeypatch):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    # actions.knowledge_access opens the store at import: point it at this test's store.
    monkeypatch.setenv("WERKBAAR_KNOWLEDGE_URL", kb_url)
    advice = sys.modules.get("actions.advice") or importlib.import_module("actions.advice")
    from knowledge.base import KnowledgeBase

    # The plan is built by actions.replies.current_plan, from that module's store.
    replies = sys.modules["actions.replies"]
    monkeypatch.setattr(replies, "KB", KnowledgeBase.open(kb_url))
    tracker = Tracker.from_dict({"sender_id": "summary-test",
                                 "slots": {**STORY, "role": "werkende"}, "latest_message": {},
                                 "events": [], "paused": False, "active_loop": {},
                                 "latest_action_name": None})
    dispatcher = CollectingDispatcher()
    advice.ActionGiveAdvice().run(dispatcher, tracker, {})
    downloads = [m["custom"] for m in dispatcher.messages
                 if (m.get("custom") or {}).get("type") == "download"]
    assert len(downloads) == 1
    download = downloads[0]
    assert download["filename"] == HTML_DOWNLOAD_NAME and download["mime_type"] == "text/html"
    assert download["content"].startswith("<!doctype html>") and download["title"]
    assert download["markdown_filename"] == DOWNLOAD_NAME == "werkbaar-samenvatting.md"
    assert download["markdown"].startswith("# Mijn situatie en werk: samenvatting")
    assert escape(EVIL) in download["content"] and EVIL in download["markdown"]
