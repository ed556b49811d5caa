"""The one rule component of the NLU pipeline: a thin Rasa adapter over `bot/understanding`.

Runs after the intent classifier and before the FallbackClassifier. It asks the language judge
(`Lexicon`, whose extra vocabulary is learnt from the training data here) and the safety check,
walks the rule table (`bot/understanding/rules.py`) and writes the outcome into the message:
intent, ranking, a `danger_kind` entity for a crisis, and `understanding` = which rule decided
(None when the classifier did), every rule that fired and the classifier's own intent.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.understanding import rules, safety
from bot.understanding.lexicon import Lexicon, words
from bot.understanding.safety_model import safety_model

VOCABULARY_FILE = "vocabulary.json"
UNDERSTANDING = "understanding"
DANGER_KIND = "danger_kind"
FOREIGN_INTENT = rules.FOREIGN


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class Understanding(GraphComponent, IntentClassifier):
    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: Optional[Set[str]] = None) -> None:
        self._storage = model_storage
        self._resource = resource
        self._lexicon = Lexicon(set(vocabulary or ()))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "Understanding":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Remember the training vocabulary (examples, synonyms, lookup tables) as Dutch."""
        vocabulary: Set[str] = set()
        for example in training_data.training_examples:
            # Examples of other languages must not teach the judge that their words are Dutch.
            if example.get(INTENT) != FOREIGN_INTENT:
                vocabulary.update(words(example.get(TEXT) or ""))
        for original, canonical in training_data.entity_synonyms.items():
            vocabulary.update(words(f"{original} {canonical}"))
        for table in training_data.lookup_tables:
            for element in table.get("elements", []):
                vocabulary.update(words(str(element)))
        self._lexicon = Lexicon(vocabulary)
        with self._storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(
                json.dumps(sorted(vocabulary), ensure_ascii=False), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "Understanding":
        vocabulary: Set[str] = set()
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text("utf-8")))
        except (ValueError, FileNotFoundError):
            pass
        safety_model()  # train the safety model at start-up, not at the first message
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or not text.strip():
                continue  # a button payload names its intent itself
            self._apply(message, text)
        return messages

    def _apply(self, message: Message, text: str) -> None:
        intent = message.get(INTENT) or {}
        ranking = [{"name": r.get("name"), "confidence": float(r.get("confidence") or 0.0)}
                   for r in message.get(INTENT_RANKING_KEY) or []]
        if not ranking and intent.get("name"):
            ranking = [{"name": intent["name"], "confidence": float(intent.get("confidence") or 0)}]
        reading = rules.Reading(
            text=text, ranking=ranking,
            language=self._lexicon.judge(text),
            safety=safety.judge(text, classifier_says_crisis=intent.get("name") in (
                rules.CRISIS, rules.CHECK)))
        decision = rules.decide(reading)
        if decision.fired:
            message.set(INTENT, {"name": decision.intent, "confidence": decision.confidence},
                        add_to_output=True)
            message.set(INTENT_RANKING_KEY, decision.ranking, add_to_output=True)
        if decision.intent == rules.CRISIS:
            entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != DANGER_KIND]
            entities.append({"entity": DANGER_KIND, "value": decision.kind or "suicidal",
                             "start": 0, "end": len(text), "extractor": type(self).__name__})
            message.set(ENTITIES, entities, add_to_output=True)
        message.set(UNDERSTANDING, {"rule": decision.rule, "fired": list(decision.fired),
                                    "classifier": intent.get("name"), "kind": decision.kind},
                    add_to_output=True)
