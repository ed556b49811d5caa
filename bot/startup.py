"""What `werkbaar run` and `werkbaar productie` do before any server starts (Dutch output):
one function for both, so both set aside a corrupt embedded knowledge store, refuse a foreign
file named by WERKBAAR_KNOWLEDGE_URL and stop with the same exit codes."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Union

from bot.settings import Settings
from knowledge.errors import ContentError, KnowledgeStoreError
from knowledge.exit_codes import EXIT_ERROR, EXIT_FAILED

_KNOWLEDGE_ERRORS = (ContentError, KnowledgeStoreError)


def prepare_start(settings: Settings) -> Union[Path, int]:
    """What `werkbaar run` and `werkbaar productie` do before any server starts: name the Dutch
    pipeline, remove conversations past the retention period, build and check the knowledge
    store (`prepare_knowledge`) and train the model if needed. Returns the model, or, after a
    Dutch message on stderr, the exit code to stop with."""
    from bot.nlp import ensure_pipeline
    from bot.retention import purge_at_start
    from bot.training import ensure_trained

    print(ensure_pipeline().describe())
    print(purge_at_start(settings.effective_tracker_url(), settings.retention_days))
    try:
        print(prepare_knowledge(), flush=True)
    except _KNOWLEDGE_ERRORS as error:
        print(f"Werkbaar start niet: de kennisbank is niet bruikbaar.\n{error}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return ensure_trained()
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED


def prepare_knowledge() -> str:
    """Build the knowledge store when its content changed, then open it once as a check, so a
    missing or corrupt store is reported now and not at a user's first question.

    The store is derived data (built from knowledge/content/). The embedded default store
    (SQLite in the data dir) is set aside and rebuilt when it is corrupt or incomplete. A store
    named by WERKBAAR_KNOWLEDGE_URL belongs to the operator: missing tables are rebuilt, as on
    every content change, but a file that is no database or a database that cannot be reached
    or read stops start-up with a Dutch message. Invalid content always stops start-up.
    Raises ContentError or KnowledgeStoreError.
    """
    from knowledge.base import KnowledgeBase
    from knowledge.config import ENV_URL, database_url
    from knowledge.store import build_store, not_a_database

    url = database_url()
    explicit = bool(os.environ.get(ENV_URL))
    notes: list[str] = []
    if explicit:
        foreign = not_a_database(url)
        if foreign is not None:
            raise KnowledgeStoreError(
                f"{foreign} (uit {ENV_URL}) is geen SQLite-database; Werkbaar laat dit bestand "
                "met rust.",
                f"{foreign} (from {ENV_URL}) is not an SQLite database; left untouched.",
                hint=f"Controleer {ENV_URL}. Klopt het pad, verwijder of verplaats dan het "
                     "bestand: Werkbaar bouwt de kennisbank dan opnieuw op.")
        result = build_store(url)
        knowledge = KnowledgeBase.open(url)
    else:
        try:
            result = build_store(url)
            knowledge = KnowledgeBase.open(url)
        except KnowledgeStoreError as error:
            path = Path(url.removeprefix("sqlite:///"))
            backup = path.with_name(f"{path.name}.kapot-{int(time.time())}")
            if path.exists():
                path.rename(backup)
            result = build_store(url)
            knowledge = KnowledgeBase.open(url)
            notes.append(f"De kennisbank {path} was beschadigd of onvolledig en is opnieuw "
                         f"opgebouwd uit knowledge/content/; het oude bestand staat in {backup}. "
                         f"(Fout: {error.dutch})")
    notes = [f"Kennisbank hersteld: {note}" for note in [*result.notes, *notes]]
    stats = knowledge.stats()
    state = "bijgewerkt" if result.changed else "actueel"
    return "\n".join([*notes, (
        f"Kennisbank {state}: {stats['items']} adviezen, {stats['resources']} organisaties "
        f"en hulpmiddelen, {stats['conditions']} aandoeningen.")])
