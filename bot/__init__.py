"""Werkbaar: the Rasa side of the assistant (Dutch NLP, channels, start-up, command line)."""
