"""Coverage of the REAL content against the guideline text (seed 000).

(a) every top-level recommendation bullet of sections 1.2, 2.2, 3.2 and 4.2 has an item
    whose source.anchor is a case/whitespace-insensitive prefix of the bullet text;
(b) every URL in the guideline is among the resources' URLs.
The guideline is read from WERKBAAR_SEEDS_DIR (default ../shared/seeds) through
tests/support/seeds.py: without it these tests are skipped with one line saying what to put
where; under CI=true they fail with that line instead.
"""
from __future__ import annotations

import pytest

from knowledge.config import CONTENT_DIR
from knowledge.errors import ContentError
from knowledge.validation import load_content

from kb_guideline import (compact, guideline_path, guideline_urls, loose_url, normalise_url,
                          recommendation_bullets)


@pytest.fixture(scope="module")
def guideline_text():
    return guideline_path().read_text(encoding="utf-8")


def real_content():
    try:
        return load_content(CONTENT_DIR)
    except ContentError as error:
        pytest.fail(f"The real content does not validate:\n{error}", pytrace=False)


def test_extraction_sanity(guideline_text):
    bullets = recommendation_bullets(guideline_text)
    assert set(bullets) == {"1.2", "2.2", "3.2", "4.2"}
    assert {s: len(b) for s, b in bullets.items()} == {"1.2": 8, "2.2": 13, "3.2": 8,
                                                       "4.2": 15}
    assert bullets["2.2"][10].startswith("In het geval van werk(zoek)enden met een "
                                         "psychiatrische aandoening 'supported employment'")
    urls = {normalise_url(u) for u in guideline_urls(guideline_text)}
    assert "werkscan.onderzoek.nl" in urls
    assert "patientenfeder-atie.nl/themas/chronisch-ziek-en-werk" in urls
    assert "ao-metalektro.nl/werkgeverstool" in urls
    assert "fesinfo.nl/?pid=main&id=21" in urls
    assert len(urls) == 24


def test_every_recommendation_bullet_has_an_item(guideline_text):
    content = real_content()
    anchors = [(item.id, compact(item.source.anchor))
               for item in content.items.values()
               if item.source.document == "richtlijn" and item.source.anchor]
    missing = []
    for section, bullets in recommendation_bullets(guideline_text).items():
        for bullet in bullets:
            target = compact(bullet)
            if not any(anchor and target.startswith(anchor) for _, anchor in anchors):
                missing.append(f"{section}: {bullet[:90]}")
    assert not missing, ("Recommendation bullets without an item whose source.anchor is a "
                         "prefix of the bullet:\n" + "\n".join(missing))


def test_every_guideline_url_is_a_resource(guideline_text):
    content = real_content()
    strict = {normalise_url(r.url) for r in content.resources.values() if r.url}
    loose = {loose_url(r.url) for r in content.resources.values() if r.url}
    missing = sorted({normalise_url(url) for url in guideline_urls(guideline_text)
                      if normalise_url(url) not in strict and loose_url(url) not in loose})
    assert not missing, "Guideline URLs missing from resources:\n" + "\n".join(missing)
