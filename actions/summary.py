"""The closing summary of the interview (the 'scherpe foto'): short in the chat, complete as a
Markdown download the worker can take to the company doctor or employer (the printable HTML
version is actions/summary_html.py)."""
from __future__ import annotations

from datetime import date
from typing import List, Optional

from knowledge import vocabulary as voc
from knowledge.advice_plan import AdvicePlan
from knowledge.schema import Item
from knowledge.situation import ADVICE_TOPICS, SKIPPED, TOPIC_LABELS

DOWNLOAD_NAME = "werkbaar-samenvatting.md"
NOT_SAID = "niet ingevuld"


def answer_text(plan: AdvicePlan, topic: str) -> str:
    value = plan.answers.get(topic)
    if value is None:
        return NOT_SAID
    if value == SKIPPED:
        return "overgeslagen"
    return value


def condition_line(plan: AdvicePlan) -> str:
    if plan.condition is not None:
        said = plan.condition_text or plan.condition.name
        if said.lower() == plan.condition.name.lower():
            return plan.condition.name
        return f"{said} ({plan.condition.name})"
    return answer_text(plan, "aandoening")


def source_note(item: Item) -> str:
    """'Bron: ...', with the strength of the evidence when the item has one."""
    note = f"Bron: {item.source.label}"
    return f"{note}. Bewijs: {item.evidence_label}" if item.evidence_label else note


def chat_summary(plan: AdvicePlan) -> str:
    """The summary as one chat bubble: answers, advice titles, people to talk to."""
    lines = ["Jouw samenvatting:", f"- {TOPIC_LABELS['aandoening']}: {condition_line(plan)}"]
    lines += [f"- {TOPIC_LABELS[t]}: {answer_text(plan, t)}" for t in ADVICE_TOPICS]
    if plan.topics:
        lines.append("Advies uit de bronnen:")
        lines += [f"- {TOPIC_LABELS[b.topic]}: {b.items[0].title_for(plan.audience)}"
                  for b in plan.topics]
    people = [voc.DISCUSS_WITH.get(p, p) for p in plan.discuss_with[:3]]
    lines.append(f"Bespreek dit met {_join(people)}. "
                 "Print of download de samenvatting om mee te nemen.")
    return "\n".join(lines)


def markdown_summary(plan: AdvicePlan, today: Optional[date] = None) -> str:
    """The whole summary as Markdown: answers, advice with sources, help, questions."""
    today = today or date.today()
    out: List[str] = [
        "# Mijn situatie en werk: samenvatting",
        "",
        f"Gemaakt met Werkbaar op {today.strftime('%d-%m-%Y')}. Algemene informatie uit de "
        "richtlijn 'Chronisch zieken en werk' en andere bronnen; geen medisch advies.",
        "",
        "## Mijn antwoorden",
        "",
        f"- **{TOPIC_LABELS['aandoening']}**: {condition_line(plan)}",
    ]
    out += [f"- **{TOPIC_LABELS[t]}**: {answer_text(plan, t)}" for t in ADVICE_TOPICS]
    out += ["", "## Advies dat bij mij past", ""]
    if not plan.topics:
        out += ["Ik gaf aan dat het op deze punten goed gaat. Fijn om dat ook te bespreken.", ""]
    for block in plan.topics:
        out += [f"### {TOPIC_LABELS[block.topic]}", ""]
        for item in block.items:
            out.append(f"- **{item.title_for(plan.audience)}**: {item.text_for(plan.audience)} "
                       f"_({source_note(item)})_")
        out.append("")
    if plan.resources:
        out += ["## Hier kan ik terecht", ""]
        for resource in plan.resources:
            where = f" ({resource.url})" if resource.url else ""
            out.append(f"- **{resource.name}**{where}: {resource.offers}")
        out.append("")
    out += ["## Vragen voor mijn gesprek met de bedrijfsarts", ""]
    out += [f"- {q}" for q in plan.doctor_questions]
    if plan.doctor_questions_item is not None:
        item = plan.doctor_questions_item
        out.append(f"- {item.text_for(plan.audience)} _({source_note(item)})_")
    if plan.prepare_item is not None:
        item = plan.prepare_item
        out += ["", "## Zo bereid ik het gesprek voor", "",
                f"{item.text_for(plan.audience)} _({source_note(item)})_"]
    people = [voc.DISCUSS_WITH.get(p, p) for p in plan.discuss_with]
    out += ["", f"Bespreken met: {', '.join(people)}.", ""]
    return "\n".join(out)


def _join(parts: List[str]) -> str:
    if not parts:
        return "je bedrijfsarts"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " of " + parts[-1]
