"""The de-identified texts are remembered by a digest of the original only: the same text is
de-identified the same way the second time, the memory holds no words of the original, and it
stays bounded."""
from __future__ import annotations

from bot import tracker_store
from bot.deidentify import NOTHING_KEPT

TEXT = "Ik ben Jan de Vries, bel me op 06-12345678 of mail jan.devries@example.nl"


def test_the_second_time_gives_the_same_redacted_text():
    first = tracker_store._scrub(TEXT, NOTHING_KEPT)
    second = tracker_store._scrub(TEXT, NOTHING_KEPT)
    assert first == second
    assert "06-12345678" not in second and "example.nl" not in second


def test_the_memory_keeps_digests_not_words():
    tracker_store._scrub(TEXT, NOTHING_KEPT)
    memory = tracker_store._SCRUBBED[NOTHING_KEPT]
    assert all(isinstance(key, bytes) and len(key) == 16 for key in memory)
    assert not any("06-12345678" in value for value in memory.values())


def test_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(tracker_store, "SCRUBBED_MAX", 5)
    for i in range(20):
        tracker_store._scrub(f"bericht nummer {i}", NOTHING_KEPT)
    assert len(tracker_store._SCRUBBED[NOTHING_KEPT]) <= 5


def test_each_keep_has_its_own_memory():
    """A store that leaves an organisation's address in must not get the text another store
    (that keeps nothing) de-identified: one memory per Keep, never shared by identity number."""
    from bot.deidentify import Keep
    text = "kijk op www.voorbeeldorganisatie.nl voor hulp"
    keep = Keep(hosts=["voorbeeldorganisatie.nl"])
    assert "voorbeeldorganisatie.nl" not in tracker_store._scrub(text, NOTHING_KEPT)
    assert "voorbeeldorganisatie.nl" in tracker_store._scrub(text, keep)
