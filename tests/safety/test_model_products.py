"""The safety model computes its probabilities by hand (faster than the pipeline's own
predict_proba); they must be the pipeline's, for any message."""
from __future__ import annotations

import numpy as np

from bot.understanding.safety_model import safety_model

MESSAGES = ["ik wil niet meer leven", "ik heb MS en werk 32 uur", "", "doodmoe van die diensten",
            "mijn collega zakte in elkaar en reageert niet meer", "ja graag", "🙂", "x" * 500]


def test_the_hand_made_probabilities_are_the_pipelines():
    model = safety_model()
    ours = model.probabilities(MESSAGES)
    assert np.allclose(ours, model.pipeline.predict_proba(MESSAGES), atol=1e-9)
    assert np.allclose(ours.sum(axis=1), 1.0)
