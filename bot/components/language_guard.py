"""LanguageGuard: keep nonsense and non-Dutch messages out of the topic intents.

DIET is overconfident on input unlike anything it saw: 'qwpoeiru zxmcnv' may come out as
`goodbye` with high confidence. This component runs after the intent classifier and, when most
words of a message are not Dutch (by `bot.lexicon`: spaCy's Dutch lookup tables, the knowledge
content and the training vocabulary, with compound splitting), replaces the intent by
`other_language` (the words belong to another language) or `nlu_fallback` (nonsense).
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.intent_override import override_intent
from bot.lexicon import Lexicon, words

VOCABULARY_FILE = "vocabulary.json"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class LanguageGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"foreign_intent": "other_language", "nonsense_intent": "nlu_fallback"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage,
                 resource: Resource, vocabulary: Optional[Set[str]] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._vocabulary = set(vocabulary or ())
        self._lexicon: Optional[Lexicon] = None

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "LanguageGuard":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Remember the training vocabulary (examples, synonyms, lookup tables)."""
        vocabulary: Set[str] = set()
        for example in training_data.training_examples:
            # Examples of other languages must not teach the guard that their words are Dutch.
            if example.get(INTENT) == self._config["foreign_intent"]:
                continue
            vocabulary.update(words(example.get(TEXT) or ""))
        for original, canonical in training_data.entity_synonyms.items():
            vocabulary.update(words(f"{original} {canonical}"))
        for table in training_data.lookup_tables:
            for element in table.get("elements", []):
                vocabulary.update(words(str(element)))
        self._vocabulary = vocabulary
        with self._storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(
                json.dumps(sorted(vocabulary), ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LanguageGuard":
        vocabulary: Set[str] = set()
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text("utf-8")))
        except (ValueError, FileNotFoundError):
            pass
        guard = cls(config, model_storage, resource, vocabulary)
        guard._ensure_lexicon()  # pay the loading cost at start-up, not at the first message
        return guard

    def _ensure_lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(self._vocabulary)
        return self._lexicon

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text.strip() or text.startswith("/"):
                continue
            verdict = self._ensure_lexicon().judge(text)
            if verdict == "foreign":
                override_intent(message, self._config["foreign_intent"])
            elif verdict == "nonsense":
                override_intent(message, self._config["nonsense_intent"])
        return messages
