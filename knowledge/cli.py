"""Dutch command-line interface of the knowledge base.

    python -m knowledge zoek "supported employment" [--doelgroep professional] [--aantal 5]
    python -m knowledge organisaties MS [--doelgroep werkende]
    python -m knowledge kennisbank laden | controleren

`register(subparsers)` adds the same subcommands to the `werkbaar` console script.
Exit codes (knowledge/exit_codes.py): 0 ok, 1 nothing found / store out of date,
2 wrong usage, 3 knowledge store or content error.
"""
from __future__ import annotations

import argparse
import sys
import textwrap
from typing import List, Optional

from . import vocabulary as voc
from .errors import ContentError, KnowledgeStoreError
from .exit_codes import EXIT_ERROR, EXIT_NOTHING, EXIT_OK, EXIT_USAGE


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent=indent,
                         subsequent_indent=indent)


def _open(args):
    from .base import KnowledgeBase
    return KnowledgeBase.open(args.database)


def _fail(error: Exception) -> int:
    print(str(error), file=sys.stderr)
    return EXIT_ERROR


def cmd_zoek(args) -> int:
    if args.aantal < 1:
        print("--aantal moet 1 of meer zijn.", file=sys.stderr)
        return EXIT_USAGE
    try:
        kb = _open(args)
    except KnowledgeStoreError as error:
        return _fail(error)
    hits = kb.search(args.vraag, audience=args.doelgroep, limit=args.aantal)
    if not hits:
        print(f"Niets gevonden voor '{args.vraag}'. Probeer andere woorden.")
        return EXIT_NOTHING
    shown_for = args.doelgroep or "professional"
    for number, hit in enumerate(hits, 1):
        item = hit.item
        label = f"  [{item.evidence_label}]" if item.evidence_label else ""
        print(f"{number}. {item.title}{label}  (score {hit.score:.2f}, id {item.id})")
        print(_wrap(item.text_for(shown_for)))
        print(f"   Bron: {hit.source}")
        print()
    return EXIT_OK


def _print_resources(resources) -> None:
    for res in resources:
        kind = voc.RESOURCE_KINDS.get(res.kind, res.kind)
        print(f"- {res.name} ({kind})")
        if res.url:
            print(f"  {res.url}")
        print(_wrap(res.offers, "  "))


def cmd_organisaties(args) -> int:
    try:
        kb = _open(args)
    except KnowledgeStoreError as error:
        return _fail(error)
    text = " ".join(args.aandoening)
    condition = kb.get_condition(text.lower()) or kb.match_condition(text)
    resources = kb.resources_for(condition.id if condition else None, audience=args.doelgroep)
    specific = [r for r in resources if not r.is_generic]
    generic = [r for r in resources if r.is_generic]
    if condition is None:
        print(f"De aandoening '{text}' ken ik niet. Deze algemene organisaties helpen "
              f"mensen met elke chronische aandoening verder:")
    elif not specific:
        print(f"Voor {condition.name} noemt de richtlijn geen eigen organisatie. Deze "
              f"algemene organisaties helpen verder:")
    else:
        print(f"Organisaties en coaches voor {condition.name}:")
        _print_resources(specific)
        if generic:
            print()
            print("Algemene organisaties en hulpmiddelen:")
    _print_resources(generic)
    if not resources:
        print("Geen organisaties gevonden.")
        return EXIT_NOTHING
    return EXIT_OK


def cmd_laden(args) -> int:
    from .store import build_store
    try:
        result = build_store(args.database, args.inhoud)
    except (ContentError, KnowledgeStoreError) as error:
        return _fail(error)
    for note in result.notes:
        print(note)
    counts = result.counts
    state = "opnieuw opgebouwd" if result.changed else "was al actueel (niets veranderd)"
    print(f"Kennisbank {state}: {counts['items']} adviezen, {counts['resources']} "
          f"organisaties en hulpmiddelen, {counts['conditions']} aandoeningen.")
    print(f"Database: {result.url}")
    return EXIT_OK


def cmd_controleren(args) -> int:
    from .base import KnowledgeBase
    from .validation import load_content
    try:
        content = load_content(args.inhoud)
    except ContentError as error:
        print("De inhoudsbestanden bevatten fouten:", file=sys.stderr)
        return _fail(error)
    print(f"Inhoud in orde: {len(content.items)} adviezen, {len(content.resources)} "
          f"organisaties, {len(content.conditions)} aandoeningen.")
    try:
        kb = KnowledgeBase.open(args.database)
    except KnowledgeStoreError as error:
        return _fail(error)
    if kb.content.content_hash != content.content_hash:
        print("De kennisbank is verouderd: de inhoud is veranderd. "
              "Draai 'kennisbank laden'.")
        return EXIT_NOTHING
    print("De kennisbank is actueel en leesbaar.")
    return EXIT_OK


def register(subparsers) -> None:
    """Add the knowledge subcommands to an argparse subparsers object."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="URL", default=None,
                        help="database-URL (standaard: WERKBAAR_KNOWLEDGE_URL of SQLite)")
    audience = argparse.ArgumentParser(add_help=False)
    audience.add_argument("--doelgroep", choices=list(voc.AUDIENCES), default=None,
                          help="alleen adviezen voor deze doelgroep")

    zoek = subparsers.add_parser("zoek", parents=[common, audience],
                                 help="zoek in de kennisbank")
    zoek.add_argument("vraag", help="zoekvraag, bijvoorbeeld \"supported employment\"")
    zoek.add_argument("--aantal", type=int, default=5, help="aantal resultaten (standaard 5)")
    zoek.set_defaults(func=cmd_zoek)

    org = subparsers.add_parser("organisaties", parents=[common, audience],
                                help="organisaties en coaches voor een aandoening")
    org.add_argument("aandoening", nargs="+", help="bijvoorbeeld MS, reuma of kanker")
    org.set_defaults(func=cmd_organisaties)

    kb = subparsers.add_parser("kennisbank", help="kennisbank opbouwen of controleren")
    actions = kb.add_subparsers(dest="actie", metavar="{laden,controleren}")
    actions.required = True
    for name, func, text in (("laden", cmd_laden, "bouw de kennisbank uit de inhoud"),
                             ("controleren", cmd_controleren,
                              "controleer inhoud en kennisbank")):
        sub = actions.add_parser(name, parents=[common], help=text)
        sub.add_argument("--inhoud", metavar="MAP", default=None,
                         help="map met inhoudsbestanden (standaard knowledge/content)")
        sub.set_defaults(func=func)


def build_parser(prog: str = "python -m knowledge") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Werkbaar kennisbank")
    subparsers = parser.add_subparsers(dest="opdracht", metavar="opdracht")
    subparsers.required = True
    register(subparsers)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
