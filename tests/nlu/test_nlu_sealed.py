"""Intent recognition on the sealed blind set (tests/sealed/), through the real trained model:
DIET alone and the full pipeline (with the understanding rules), per intent.

The bars sit below the values measured on 2026-12-07 (README, 'Latest measurements') with a
margin a real regression would cross. The sealed set is read by this test and
bench/nlu_eval.py only."""
from __future__ import annotations

import pytest

from bench.nlu_eval import evaluate, table
from bot.training import ensure_trained

pytestmark = pytest.mark.slow

# Measured 2026-12-07 (bench/nlu_eval.py, model with data/nlu/varied.yml): pipeline 0.852,
# DIET alone 0.808; medical_question precision 0.90, recall 0.70; crisis recall 0.94.
PIPELINE_MACRO_F1_BAR = 0.80
DIET_MACRO_F1_BAR = 0.75
MEDICAL_PRECISION_BAR = 0.80
MEDICAL_RECALL_BAR = 0.55
CRISIS_RECALL_BAR = 0.88


@pytest.fixture(scope="module")
def result():
    return evaluate(ensure_trained(echo=lambda *_: None))


def test_sealed_macro_f1(result):
    print(table(result))
    assert result["pipeline"]["macro"]["f1"] >= PIPELINE_MACRO_F1_BAR
    assert result["diet"]["macro"]["f1"] >= DIET_MACRO_F1_BAR


def test_sealed_medical_questions(result):
    medical = result["pipeline"]["medical_question"]
    print(f"medical_question precision {medical['precision']:.2f}, recall {medical['recall']:.2f}")
    assert medical["precision"] >= MEDICAL_PRECISION_BAR
    assert medical["recall"] >= MEDICAL_RECALL_BAR


def test_sealed_crisis_is_never_missed(result):
    crisis = result["pipeline"]["crisis"]
    assert crisis["recall"] >= CRISIS_RECALL_BAR, [
        e for e in result["errors"] if e["gold"] == "crisis"]
