"""Dutch chat text for knowledge items: short enough for a phone screen, always sourced."""
from __future__ import annotations

from typing import Optional

from actions.audience import WORKER_AUDIENCES
from knowledge import vocabulary as voc
from knowledge.schema import Item



def item_message(item: Item, audience: Optional[str]) -> str:
    """One chat bubble (Rasa splits a text on blank lines, so single line breaks only)."""
    lines = [f"{item.title_for(audience)}:", item.text_for(audience)]
    if item.evidence and (audience == "professional" or item.kind == "conclusie"):
        lines.append(f"Bewijs: {item.evidence_label}")
    lines.append(f"Bron: {item.source.label}")
    if audience in WORKER_AUDIENCES and item.discuss_with:
        people = [voc.DISCUSS_WITH.get(p, p) for p in item.discuss_with[:3]]
        lines.append(f"Bespreek dit met {_join(people)}.")
    return "\n".join(lines)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " of " + parts[-1]


def resources_message(resources: list, condition_name: Optional[str]) -> str:
    """A short list of organisations/coaches/tools with their web addresses."""
    if condition_name and resources and not resources[0].is_generic:
        lines = [f"Hier kun je terecht bij {condition_name}:"]
    elif condition_name:
        lines = [f"Voor {condition_name} noemen mijn bronnen geen eigen organisatie. "
                 "Deze algemene organisaties helpen je verder:"]
    else:
        lines = ["Hier kun je terecht:"]
    for resource in resources:
        line = f"- {resource.name}"
        if resource.url:
            line += f": {resource.url}"
        lines.append(line)
        lines.append(f"  {_first_sentence(resource.offers)}")
    return "\n".join(lines)


def rules_message(title: str, resources: list) -> str:
    """Laws and schemes the sources name, one line each with what they are about."""
    return "\n".join([title] + [f"- {r.name}: {_first_sentence(r.offers)}" for r in resources])


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]
