"""QuestionGuard: a story that asks something is a question.

`share_situation` is a user telling their situation; `ask_question` asks for information.
Long messages often do both ('ik werk halve dagen en ben op, hoe leg ik dat uit?'); the
classifier then leans on the story. A message with a question mark or that opens with a
question word wants an answer now, so this component turns `share_situation` into
`ask_question` for it (the answer then offers the interview). The same for a question that
names the asker's role ('hoe onderbouw ik als verzekeringsarts ...?'): answered, and the role
slot is not overwritten by a role word inside the question ('werknemer'). A short follow-up with a
question mark ('en bij NAH?') is a question too. So is a full question the classifier took for
'more' ('wat als werken ... geen reële optie meer is?': 'more' is short) or for starting the
interview without naming it ('in welke situaties overleg ik met de behandelend arts?').
Runs before the fallback.
"""
from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intent_override import RuleIntentComponent, override_intent
from knowledge.situation import asks_something, is_follow_up

STORY, QUESTION, ROLE = "share_situation", "ask_question", "choose_role"
MORE, START = "more", "start_interview"
# 'meer', 'ga door', 'kun je daar meer over vertellen': asking for more is short.
MORE_WORDS = 7
# Asking to be interviewed names it: questions, a questionnaire, advice for me, my situation.
_INTERVIEW_WORDS = re.compile(
    r"\b(vrag\w*|vragenlijst|interview\w*|intake|op maat|persoonlijk\w*|in kaart|scan|"
    r"doorlopen|overlopen|bekijken|mijn situatie)\b", re.IGNORECASE)
# 'ik ben bedrijfsarts, wat kun je?' introduces; 'mag ik als verzekeringsarts ...?' asks.
ROLE_WORDS = 5


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class QuestionGuard(RuleIntentComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            text = message.get(TEXT) or ""
            if intent.get("name") in (STORY, ROLE) and asks_something(text) \
                    and len(text.split()) > ROLE_WORDS:
                override_intent(message, QUESTION, float(intent.get("confidence") or 0.0))
            elif intent.get("name") == MORE and len(text.split()) > MORE_WORDS \
                    and asks_something(text):
                override_intent(message, QUESTION, float(intent.get("confidence") or 0.0))
            elif intent.get("name") == START and asks_something(text) \
                    and len(text.split()) > ROLE_WORDS and not _INTERVIEW_WORDS.search(text):
                override_intent(message, QUESTION, float(intent.get("confidence") or 0.0))
            elif intent.get("name") != QUESTION and is_follow_up(text) and "?" in text:
                # 'en bij NAH?' narrows the last answer: a question, never a 'no'.
                override_intent(message, QUESTION)
        return messages
