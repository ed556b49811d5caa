"""`werkbaar`: the command line of the assistant (Dutch output for users)."""
from __future__ import annotations

import argparse
import sys

from bot.quiet import quiet_environment
from knowledge.exit_codes import EXIT_ERROR, EXIT_FAILED, EXIT_NOTHING, EXIT_OK, EXIT_USAGE


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.servers import Assistant, serve_until_stopped
    from bot.settings import Settings
    from bot.startup import prepare_start

    settings = Settings()
    if args.host:
        settings.host = args.host
    if args.port:
        settings.port = args.port
    if args.actions_port:
        settings.actions_port = args.actions_port

    model = prepare_start(settings)
    if isinstance(model, int):  # start-up stopped; the reason is printed
        return model
    assistant = Assistant(settings, model)

    def serve() -> int:
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
        print("Stoppen: Ctrl-C", flush=True)
        return assistant.wait()

    return serve_until_stopped(serve, assistant.stop)


def _cmd_data_purge(args: argparse.Namespace) -> int:
    from bot.retention import conversations_text, purge_older_than
    from bot.settings import Settings

    settings = Settings()
    days = settings.retention_days if args.dagen is None else args.dagen
    if days < 0:
        print("--dagen moet 0 of meer zijn.", file=sys.stderr)
        return EXIT_USAGE
    try:
        removed = purge_older_than(settings.effective_tracker_url(), days)
    except Exception as error:
        print(f"De gespreksopslag is niet bereikbaar: {type(error).__name__}: {error}",
              file=sys.stderr)
        return EXIT_ERROR
    if removed:
        print(f"{conversations_text(removed).capitalize()} verwijderd: langer dan {days} dagen "
              "geen bericht.")
    else:
        print(f"Geen gesprekken ouder dan {days} dagen. Niets verwijderd.")
    return EXIT_OK


def _cmd_data_erase(args: argparse.Namespace) -> int:
    from bot.retention import erase_conversation
    from bot.settings import Settings

    try:
        removed = erase_conversation(Settings().effective_tracker_url(), args.gesprek_id)
    except Exception as error:
        print(f"De gespreksopslag is niet bereikbaar: {type(error).__name__}: {error}",
              file=sys.stderr)
        return EXIT_ERROR
    if not removed:
        print(f"Geen gesprek gevonden met id '{args.gesprek_id}'.")
        return EXIT_NOTHING
    print(f"Gesprek '{args.gesprek_id}' verwijderd ({removed} opgeslagen gebeurtenissen).")
    return EXIT_OK


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.nlp import ensure_pipeline
    from bot.training import ensure_trained

    print(ensure_pipeline().describe())
    try:
        ensure_trained(force=args.force)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _cmd_richtlijn(args: argparse.Namespace) -> int:
    from knowledge.errors import ContentError, KnowledgeStoreError
    from knowledge.overview import render_text, section_overview
    from knowledge.store import read_store

    if args.aantal is not None and args.aantal < 1:
        print("--aantal moet 1 of meer zijn.", file=sys.stderr)
        return EXIT_USAGE
    try:
        content = read_store(args.database)
    except KnowledgeStoreError as error:
        # No store yet (a fresh checkout): read the content files the store is built from.
        from knowledge.validation import load_content

        print(f"{error.dutch} Ik lees de inhoudsbestanden zelf.", file=sys.stderr)
        try:
            content = load_content()
        except ContentError as content_error:
            print(content_error, file=sys.stderr)
            return EXIT_ERROR
    overview = section_overview(content, " ".join(args.sectie), audience=args.doelgroep)
    if not overview.groups:  # no such section, or nothing in it for this audience
        print(render_text(overview), file=sys.stderr)
        return EXIT_NOTHING
    print(render_text(overview, limit=args.aantal))
    return EXIT_OK


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
    data.set_defaults(func=lambda _args: (data.print_help(), EXIT_USAGE)[1])
    purge = data_sub.add_parser(
        "opruimen", help="verwijder gesprekken zonder bericht in de laatste N dagen")
    purge.add_argument("--dagen", type=int, default=None,
                       help="bewaartermijn in dagen (standaard WERKBAAR_RETENTION_DAYS of 30)")
    purge.set_defaults(func=_cmd_data_purge)
    erase = data_sub.add_parser("verwijder", help="verwijder één gesprek (verzoek tot wissen)")
    erase.add_argument("gesprek_id", help="het gesprek-id (sender id)")
    erase.set_defaults(func=_cmd_data_erase)

    from knowledge.vocabulary import AUDIENCES

    guideline = sub.add_parser(
        "richtlijn", help="overzicht van een hoofdstuk of paragraaf van de richtlijn",
        description="Aanbevelingen en conclusies van de richtlijn Chronisch zieken en werk, "
                    "met bewijsniveau en paragraaf. Bijvoorbeeld: werkbaar richtlijn 3.2")
    guideline.add_argument("sectie", nargs="+",
                           help="hoofdstuk of paragraaf, bijvoorbeeld 3 of 3.2")
    guideline.add_argument("--doelgroep", choices=list(AUDIENCES), default="professional",
                           help="titels voor deze doelgroep (standaard professional)")
    guideline.add_argument("--aantal", type=int, default=None, help="toon hooguit zoveel punten")
    guideline.add_argument("--database", metavar="URL", default=None,
                           help="database-URL (standaard: WERKBAAR_KNOWLEDGE_URL of SQLite)")
    guideline.set_defaults(func=_cmd_richtlijn)

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
        return EXIT_USAGE
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
