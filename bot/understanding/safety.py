"""The safety check: patterns and a trained model, either of which can raise the alarm.

- A clear pattern signal (`crisis_patterns.danger_kind`) raises the alarm with its kind.
- The model raises it when its danger probability is high (`ALARM`); its kind is used.
- A weaker signal asks directly (`check`): a weak pattern ('het hoeft allemaal niet meer'), a
  middling model probability (`CHECK`), or the intent classifier saying `crisis` while neither
  layer is sure. Idioms and denials are blanked out before either layer reads the text, so they
  never raise anything on their own.
Thresholds were chosen by cross-validation on the training examples (bench/safety_eval.py),
never on a test set. No Rasa imports.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from bot.understanding import crisis_patterns as patterns
from bot.understanding.safety_model import safety_model

# Chosen by 5-fold cross-validation of the whole check on the written training examples
# (bench/safety_eval.py --tune; never on a test set). With the model's own class proportions
# (safety_model.CLASS_WEIGHT = None): recall 0.92 of danger, 6.9% alarms and 0.8% direct
# questions on the hard negatives (idioms, denials, work stress, medical talk, talk about the
# topic); with balanced class weights the best point was 0.93 / 8.0% / 2.1%.
ALARM = 0.3   # model danger probability that raises the alarm by itself
CHECK = 0.5   # model danger + unsure probability that asks directly
AGREE = 0.4   # model danger + unsure probability that confirms a bare keyword
CLASSIFIER_AGREE = 0.15  # ... that confirms the intent classifier's crisis guess


@dataclass(frozen=True)
class SafetyVerdict:
    level: str            # "alarm", "check" or "none"
    kind: Optional[str]   # danger kind for an alarm
    source: str           # "pattern", "model", "classifier" or ""


NONE = SafetyVerdict("none", None, "")


def judge(text: str, classifier_says_crisis: bool = False, model=None,
          thresholds: Optional[Tuple[float, float, float]] = None) -> SafetyVerdict:
    """How dangerous a message sounds, and which kind of help comes first.

    `model` and `thresholds` (alarm, check, agree) are for cross-validation
    (bench/safety_eval.py --tune)."""
    alarm, check, agree = thresholds or (ALARM, CHECK, AGREE)
    if not text or text.startswith("/"):
        return NONE
    kind = patterns.danger_kind(text)
    if kind:
        return SafetyVerdict("alarm", kind, "pattern")
    cleaned = patterns.without_idioms(text)
    if not cleaned.strip():
        return NONE
    verdict = (model or safety_model()).judge(cleaned)
    keyword = patterns.keyword_kind(text)
    if keyword and verdict.danger + verdict.unsure >= agree:
        return SafetyVerdict("alarm", keyword, "pattern+model")
    if verdict.danger >= alarm:
        return SafetyVerdict("alarm", verdict.kind, "model")
    if patterns.weak_signal(text):
        return SafetyVerdict("check", None, "pattern")
    if verdict.danger + verdict.unsure >= check:
        return SafetyVerdict("check", None, "model")
    # The intent classifier alone (it learnt a few ambiguous examples) asks only when the
    # safety model hears something too: 'die avonddiensten hoeven voor mij niet meer' is none.
    if classifier_says_crisis and not patterns.has_idiom_or_denial(text) \
            and verdict.danger + verdict.unsure >= CLASSIFIER_AGREE:
        return SafetyVerdict("check", None, "classifier")
    return NONE
