"""`werkbaar`: the command line of the assistant (Dutch output for users)."""
from __future__ import annotations

import argparse
import signal
import sys

from bot.quiet import quiet_environment
from knowledge.errors import ContentError, KnowledgeStoreError

KnowledgeError = (ContentError, KnowledgeStoreError)


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.nlp import ensure_pipeline
    from bot.servers import Assistant, StartupError
    from bot.settings import Settings
    from bot.training import ensure_trained

    settings = Settings()
    if args.host:
        settings.host = args.host
    if args.port:
        settings.port = args.port
    if args.actions_port:
        settings.actions_port = args.actions_port

    print(ensure_pipeline().describe())
    from bot.retention import purge_at_start

    print(purge_at_start(settings.effective_tracker_url(), settings.retention_days))
    try:
        print(_prepare_knowledge(), flush=True)
    except KnowledgeError as error:
        print(f"Werkbaar start niet: de kennisbank is niet bruikbaar.\n{error}", file=sys.stderr)
        return 3
    try:
        model = ensure_trained()
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1

    assistant = Assistant(settings, model)
    # Ctrl-C and SIGTERM both end in a clean stop of both servers.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        print("Servers starten...")
        assistant.start_actions()
        assistant.start_rasa()
        seconds = assistant.wait_until_ready()
        print(f"Werkbaar is klaar (opgestart in {seconds:.0f} s).")
        print(f"  Chat-widget:    {settings.chat_page}  (open in je browser)")
        print(f'  Op een website: <script src="{settings.widget_script}" defer></script>')
        print(f"  Chat (REST):    POST {settings.rest_webhook}")
        print('                  body: {"sender": "<id>", "message": "hallo"}')
        print(f"  Actieserver:    {settings.actions_url}")
        print("Stoppen: Ctrl-C")
        sys.stdout.flush()
        return assistant.wait()
    except StartupError as error:
        print(f"Opstarten mislukt: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nWerkbaar stopt...")
        return 0
    finally:
        assistant.stop()
        print("Gestopt.")


def _prepare_knowledge() -> str:
    """Build the knowledge store when its content changed, then open it once as a check, so a
    missing or corrupt store is reported now and not at a user's first question.

    The store is derived data (built from knowledge/content/). The embedded default store
    (SQLite in the data dir) is set aside and rebuilt when it is corrupt or incomplete. A store
    named by WERKBAAR_KNOWLEDGE_URL belongs to the operator: missing tables are rebuilt, as on
    every content change, but a file that is no database or a database that cannot be reached
    or read stops start-up with a Dutch message. Invalid content always stops start-up.
    Raises ContentError or KnowledgeStoreError.
    """
    import os
    import time
    from pathlib import Path

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


def _cmd_data_purge(args: argparse.Namespace) -> int:
    from bot.retention import conversations_text, purge_older_than
    from bot.settings import Settings

    settings = Settings()
    days = settings.retention_days if args.dagen is None else args.dagen
    if days < 0:
        print("--dagen moet 0 of meer zijn.", file=sys.stderr)
        return 2
    try:
        removed = purge_older_than(settings.effective_tracker_url(), days)
    except Exception as error:
        print(f"De gespreksopslag is niet bereikbaar: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 3
    if removed:
        print(f"{conversations_text(removed).capitalize()} verwijderd: langer dan {days} dagen "
              "geen bericht.")
    else:
        print(f"Geen gesprekken ouder dan {days} dagen. Niets verwijderd.")
    return 0


def _cmd_data_erase(args: argparse.Namespace) -> int:
    from bot.retention import erase_conversation
    from bot.settings import Settings

    try:
        removed = erase_conversation(Settings().effective_tracker_url(), args.gesprek_id)
    except Exception as error:
        print(f"De gespreksopslag is niet bereikbaar: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 3
    if not removed:
        print(f"Geen gesprek gevonden met id '{args.gesprek_id}'.")
        return 1
    print(f"Gesprek '{args.gesprek_id}' verwijderd ({removed} opgeslagen gebeurtenissen).")
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.nlp import ensure_pipeline
    from bot.training import ensure_trained

    print(ensure_pipeline().describe())
    try:
        ensure_trained(force=args.force)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="werkbaar",
        description="Werkbaar: chatassistent voor werken met een chronische aandoening.",
    )
    sub = parser.add_subparsers(dest="command", metavar="opdracht")

    run = sub.add_parser("run", help="train zo nodig en start de assistent")
    run.add_argument("--host", help="adres (standaard 127.0.0.1, of WERKBAAR_HOST)")
    run.add_argument("--port", type=int, help="poort van Rasa (standaard 5005)")
    run.add_argument("--actions-port", type=int, help="poort van de actieserver (standaard 5055)")
    run.set_defaults(func=_cmd_run)

    train = sub.add_parser("train", help="train het model als data of config veranderd zijn")
    train.add_argument("--force", action="store_true", help="altijd opnieuw trainen")
    train.set_defaults(func=_cmd_train)

    data = sub.add_parser("gegevens", help="opgeslagen gesprekken beheren (privacy)")
    data_sub = data.add_subparsers(dest="gegevens_opdracht", metavar="opdracht")
    data.set_defaults(func=lambda _args: (data.print_help(), 2)[1])
    purge = data_sub.add_parser(
        "opruimen", help="verwijder gesprekken zonder bericht in de laatste N dagen")
    purge.add_argument("--dagen", type=int, default=None,
                       help="bewaartermijn in dagen (standaard WERKBAAR_RETENTION_DAYS of 30)")
    purge.set_defaults(func=_cmd_data_purge)
    erase = data_sub.add_parser("verwijder", help="verwijder één gesprek (verzoek tot wissen)")
    erase.add_argument("gesprek_id", help="het gesprek-id (sender id)")
    erase.set_defaults(func=_cmd_data_erase)

    from knowledge.cli import register

    register(sub)
    from bot.production import register as register_production

    register_production(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    quiet_environment()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
