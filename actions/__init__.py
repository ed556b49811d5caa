"""Rasa custom actions: thin adapters over the `knowledge` package, one module per concern."""
