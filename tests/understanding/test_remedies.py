"""'hoe ...?' about a barrier: the finding that names it, then what the sources say helps
against it (the item's `helped_by`), never the finding alone. Runs the action code directly
over a knowledge store built from the real content; the messages are written for this test."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.support.action_harness import actions, slots, texts, tracker  # noqa: F401

HOW_ABOUT_A_BARRIER = [
    "amai, ik kan mij precies nergens meer op concentreren op't werk. hoe doe ik dat?",
    "mijn baas en collegas snappen niks van mijn fibromyalgie, hoe krijg ik meer begrip",
    "ik word gepest op het werk omdat ik vaak ziek ben, wat kan ik daaraan doen",
    "sjouwen met kratten is echt te zwaar geworden door mijn hartziekte, hoe moet ik verder",
    "we hebben veel overwerk en ik trek het niet met mijn copd, wat kan ik doen",
    "mijn energie is elke dag anders, hoe kan ik mijn werk dan plannen?",
]


def _answer(actions, text, **slot_values):
    dispatcher = CollectingDispatcher()
    events = actions["replies"].answer_question(dispatcher, tracker(text, **slot_values), text)
    return texts(dispatcher), slots(events), dispatcher


def _item_titled(actions, bubble, audience=None):
    title = bubble.split(":\n", 1)[0]
    kb = actions["replies"].KB
    return next(item for item in kb.content.items.values() if item.title_for(audience) == title)


@pytest.mark.parametrize("text", HOW_ABOUT_A_BARRIER)
def test_a_how_question_about_a_barrier_gets_what_helps(actions, text):
    reply, set_slots, _ = _answer(actions, text)
    finding = _item_titled(actions, reply[0])
    assert finding.helped_by, f"the best match is not a barrier finding: {reply[0][:80]}"
    helps = [bubble for bubble in reply if bubble.startswith(actions["messages"].WHAT_HELPS)]
    assert len(helps) == 1
    remedy = _item_titled(actions, helps[0].split("\n", 1)[1])
    assert remedy.id in finding.helped_by and remedy.actionable
    assert remedy.id in set_slots["given_item_ids"]


def test_the_remedy_is_not_offered_again_as_related(actions):
    reply, set_slots, dispatcher = _answer(actions, HOW_ABOUT_A_BARRIER[1])
    helps = next(b for b in reply if b.startswith(actions["messages"].WHAT_HELPS))
    title = helps.split("\n")[1].rstrip(":")
    offered = [button["title"] for m in dispatcher.messages for button in m.get("buttons") or []]
    assert title not in offered
    remedy = _item_titled(actions, helps.split("\n", 1)[1])
    assert remedy.id not in (set_slots.get("more_item_ids") or [])


def test_a_remedy_given_before_is_not_given_again(actions):
    """The same question later in the conversation: the next remedy, or none."""
    text = HOW_ABOUT_A_BARRIER[1]
    first, set_slots, _ = _answer(actions, text)
    remedy = _item_titled(actions, next(b for b in first if b.startswith(
        actions["messages"].WHAT_HELPS)).split("\n", 1)[1])
    again, _, _ = _answer(actions, text + " nog een keer",
                          given_item_ids=[remedy.id])
    assert not any(remedy.title in bubble for bubble in again)


def test_a_professional_asking_about_factors_gets_the_conclusion_alone(actions):
    text = "welke rol speelt werkstress bij werkbehoud volgens de richtlijn?"
    reply, _, _ = _answer(actions, text, role="professional")
    assert _item_titled(actions, reply[0], "professional").helped_by
    assert not any(b.startswith(actions["messages"].WHAT_HELPS) for b in reply)
