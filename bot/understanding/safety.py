"""The safety check: patterns and a trained model, either of which can raise the alarm.

- A clear pattern signal (`crisis_patterns.danger_kinds`) raises the alarm with its kind. The
  model chooses when the patterns find several kinds, and may change a kind it is much surer
  of (`choose_kind`): 'mijn stagiaire vertelde me dat ze zelfmoordgedachten heeft' is about
  someone else, whatever 'me ... zelfmoordgedachten' looks like to a pattern.
- The model raises it when its danger probability is high (`ALARM`, or `ALARM_NEGATED` in a
  message with a negated clause); its kind is used. Its word features read negation
  ('ik wil niet dood' is not 'ik wil dood', see `safety_model.mark_negation`).
- A weaker signal asks directly (`check`): a weak pattern ('het hoeft allemaal niet meer'), a
  middling model probability (`CHECK`), or the intent classifier saying `crisis` while neither
  layer is sure. Idioms and denials are blanked out before either layer reads the text, so they
  never raise anything on their own.
Thresholds were chosen by cross-validation on the training examples (bench/safety_eval.py),
never on a test set. No Rasa imports.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from bot.understanding import crisis_patterns as patterns
from bot.understanding.danger_words import has_danger_word
from bot.understanding.safety_model import SAFE, ModelVerdict, negated, safety_model

# Chosen by 5-fold cross-validation of the whole check on the written training examples
# (bench/safety_eval.py --tune; never on a test set): the fewest false alarms at a recall of at
# least 0.94, then the most 'unsure' messages asked about, with the model's own class
# proportions (safety_model.CLASS_WEIGHT = None) and negation-marked word features. Since the
# question bank (~3,000 ordinary messages) is ordinary data and model-only alarms need a danger
# word (UNWORDED_*), the same thresholds give recall 0.917 (right kind 0.893), 4.5% alarms and
# 0.6% direct questions on the hard negatives, 60% of the 'unsure' messages asked about
# (0.2: 0.928 and 5.4%).
ALARM = 0.3   # model danger probability that raises the alarm by itself
ALARM_NEGATED = 0.4  # ... in a message with a negated clause ('ik wil niet dood, ...')
CHECK = 0.4   # model danger + unsure probability that asks directly
AGREE = 0.25  # model danger + unsure probability that confirms a bare keyword
# the classifier read 'ik wil gewoon weer aan de slag, thuis zitten is niks voor mij' as
# crisis_check (0.17). Over blind sets v1+v2 (360 danger or unsure messages, 305 negatives) and
# 694 ordinary messages, this path raised nothing else at 0.15, 0.25 or 0.35.
CLASSIFIER_AGREE = 0.25
# A message without any danger word (danger_words.py) alarms or asks from the model alone
# only when the model is this sure: ordinary talk ('ze is een fijne collega en ik wil haar
# graag houden', 0.47) was read as someone else at risk. (0.85 cost 6 of 175 on the first
# blind set: many danger messages have no such word.)
UNWORDED_ALARM = 0.6
UNWORDED_CHECK = 0.7
# ... and it asks only when one sentence on its own is that unsafe too: a teacher's story of
# a kind partner, shame and a strict head ('ik schaam me ervoor', 'ik weet niet hoe hij zou
# reageren') scored 0.87 as a whole and 0.76 for two sentences, no sentence above 0.57. On the
# development sets v1-v3 every unworded message asked about has a sentence of 0.94 or more.
# A longer message the model finds dangerous as a whole raises the alarm (or asks) only when a
# sentence, or two in a row, of it is not safe too (`SafetyModel.unsafe_parts`): a long story about
# a call centre, trains and the toilet added up to 0.46 'suicidal' while no part of it was
# more than 0.31 not safe. By 5-fold cross-validation on the training examples (recall 0.880,
# false alarms 5.1% without), 0.0 to 0.4 lose no danger message, 0.5 loses two, 0.6 four.
LOCATED = 0.4
# A pattern's alarm stands unless the model is at least this sure the message is safe: the
# model learnt from ~1,500 denials, past episodes and explained jokes ('geen spoed, de pijn op
# mijn borst bleek reflux', 'toen ik zei dat ik er een eind aan wil maken bedoelde ik mijn
# contract'), the patterns did not. 5-fold CV on the training examples: recall 0.880 -> 0.879
# (3 of ~2,400 danger messages), false alarms 5.1% -> 4.5%; on the development sets v1-v3 no
# danger message lost and false alarms 1.2/2.9/6.0% -> 0.6/0.7/3.3% (0.99: 1.2/2.2/6.0%).
PATTERN_VETO = 0.95
# A weak pattern ('hoe lang hou ik dit nog vol', 'het hoeft niet meer') asks unless the model is
# this sure the message is safe: 'hoe lang hou ik dit nog vol? zou ik beter naar binnen kunnen,
# kantoorwerk?' (a paver with arthritis, 0.95 safe). On the development sets v1-v3 every danger
# or unsure message a weak pattern caught is at most 0.21 safe; two negatives are 0.87 and 0.94.
WEAK_VETO = 0.9
# How much surer the model must be of another kind than of the pattern's kind to change it
# ('mijn stagiaire vertelde me dat ze zelfmoordgedachten heeft' reads as 'me ... zelfmoord-
# gedachten' to a pattern). Also by cross-validation: right kind 0.895 without, 0.908 with a
# margin of 0.3 (0.907 with 0.5).
KIND_MARGIN = 0.3
# Which pattern kinds the model may change, and into what: never away from a reply that says
# 'bel nu 112' (an emergency, an act already done) to one that does not.
KIND_CHANGES = {
    patterns.SUICIDAL: (patterns.DONE, patterns.OTHER, patterns.EMERGENCY, patterns.VIOLENCE),
    patterns.EMERGENCY: (patterns.DONE, patterns.OTHER),
    patterns.DONE: (patterns.OTHER, patterns.EMERGENCY),
    patterns.VIOLENCE: (patterns.OTHER,),
    patterns.OTHER: (),
}


@dataclass(frozen=True)
class SafetyVerdict:
    level: str            # "alarm", "check" or "none"
    kind: Optional[str]   # danger kind for an alarm
    source: str           # "pattern", "model", "classifier" or ""


NONE = SafetyVerdict("none", None, "")


def choose_kind(candidates: Sequence[str], verdict: ModelVerdict,
                margin: Optional[float] = KIND_MARGIN) -> str:
    """The kind of an alarm the patterns raised: of several pattern kinds the one the model
    finds likeliest; then the model's own kind if it is `margin` surer of it (and the change is
    allowed, `KIND_CHANGES`)."""
    p = verdict.probabilities
    kind = max(candidates, key=lambda k: p.get(k, 0.0)) if len(candidates) > 1 else candidates[0]
    best = verdict.kind
    if margin is not None and best in KIND_CHANGES.get(kind, ()) \
            and p.get(best, 0.0) - p.get(kind, 0.0) >= margin:
        return best
    return kind


def judge(text: str, classifier_says_crisis: bool = False, model=None,
          thresholds: Optional[Tuple[float, ...]] = None,
          margin: Optional[float] = KIND_MARGIN) -> SafetyVerdict:
    """How dangerous a message sounds, and which kind of help comes first.

    `model`, `thresholds` (alarm, check, agree[, alarm_negated]) and `margin` are for
    cross-validation (bench/safety_eval.py --tune)."""
    alarm, check, agree, alarm_negated = (*thresholds, thresholds[0])[:4] if thresholds \
        else (ALARM, CHECK, AGREE, ALARM_NEGATED)
    if not text or text.startswith("/"):
        return NONE
    kinds = patterns.danger_kinds(text)
    cleaned = patterns.without_idioms(text)
    if kinds:
        verdict = (model or safety_model()).judge(cleaned)
        if PATTERN_VETO is None or verdict.probabilities.get(SAFE, 0.0) < PATTERN_VETO:
            return SafetyVerdict("alarm", choose_kind(kinds, verdict, margin), "pattern")
    if not cleaned.strip():
        return NONE
    verdict = (model or safety_model()).judge(cleaned)
    keyword = patterns.keyword_kind(text)
    if keyword and verdict.danger + verdict.unsure >= agree:
        return SafetyVerdict("alarm", choose_kind([keyword], verdict, margin), "pattern+model")
    chronic = patterns.chronic_symptom(text)
    if verdict.kind == patterns.EMERGENCY and chronic:
        # 'krampen in mijn buik, komt en gaat': a symptom they live with, as the patterns read
        # it; the model alone read 6 such answers of blind personas as an emergency.
        return NONE
    worded = has_danger_word(cleaned)  # without any danger word, the model must be sure
    parts = []  # (sentences and pairs, sentences): computed only when the model would act

    def unsafe_parts() -> Tuple[float, float]:
        if not parts:
            parts.extend((model or safety_model()).unsafe_parts(cleaned))
        return parts[0], parts[1]

    if verdict.danger >= max(alarm_negated if negated(cleaned) else alarm,
                             0 if worded else UNWORDED_ALARM):
        located, single = unsafe_parts()
        # A complaint they live with ('aan het eind van de dag brandt alles'): one sentence on
        # its own must sound unsafe too, as without a danger word.
        if located >= LOCATED and (not chronic or single >= UNWORDED_CHECK):
            return SafetyVerdict("alarm", verdict.kind, "model")
    if patterns.weak_signal(text) and verdict.probabilities.get(SAFE, 0.0) < WEAK_VETO:
        return SafetyVerdict("check", None, "pattern")
    if verdict.danger + verdict.unsure >= max(check, 0 if worded else UNWORDED_CHECK):
        located, single = unsafe_parts()
        # Without a danger word, one sentence on its own must sound unsafe too.
        if located >= LOCATED and ((worded and not chronic)
                                   or single >= UNWORDED_CHECK):
            return SafetyVerdict("check", None, "model")
    # The intent classifier alone (it learnt a few ambiguous examples) asks only when the
    # safety model hears something too: 'die avonddiensten hoeven voor mij niet meer' is none.
    if classifier_says_crisis and not patterns.has_idiom_or_denial(text) \
            and verdict.danger + verdict.unsure >= CLASSIFIER_AGREE:
        return SafetyVerdict("check", None, "classifier")
    return NONE
