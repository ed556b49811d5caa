"""A pattern's alarm gives way only when the trained model is very sure the message is safe:
explained jokes and checked-out complaints, not acts or symptoms now. The real model (no
mocks); PATTERN_VETO switched off shows the pattern alone would have raised the alarm."""
from __future__ import annotations

import pytest

import bot.understanding.safety as safety

RESOLVED = [
    "geen paniek hoor, die pijn op de borst van gisteren bleek maagzuur volgens de huisarts. "
    "mag ik morgen gewoon werken?",
    "ik riep dat ik van het dak spring, maar dat was een grapje over de drukte op de afdeling",
]
DANGER = [
    ("ik heb net al mijn pillen ingenomen, alle 30", "self_harm_done"),
    ("pijn op mijn borst die naar mijn arm trekt, ik zweet heel erg", "medical_emergency"),
]


@pytest.mark.parametrize("text", RESOLVED)
def test_a_resolved_or_joking_message_gets_no_alarm(text, monkeypatch):
    assert safety.judge(text).level == "none"
    monkeypatch.setattr(safety, "PATTERN_VETO", None)
    assert safety.judge(text).level == "alarm"  # the pattern alone would have


@pytest.mark.parametrize("text, kind", DANGER)
def test_danger_now_keeps_its_pattern_alarm(text, kind):
    verdict = safety.judge(text)
    assert verdict.level == "alarm" and verdict.kind == kind
