"""Understanding what people write: one Rasa-free layer.

Everything that reads message text by rule lives here (crisis, medical, language, privacy,
question and situation cues), with one vocabulary (`vocabulary.py`) that every rule reads.
The NLU component in `bot/components/understanding.py` is a thin Rasa adapter over `rules.py`.
Nothing in this package imports Rasa.
"""
