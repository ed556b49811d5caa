"""The closing summary as one self-contained HTML page the worker can open, print or save as
PDF and take to the company doctor: the same content as the Markdown (actions/summary.py),
inline CSS only (no external files, no JavaScript), every text escaped (answers are free text).
"""
from __future__ import annotations

from datetime import date
from html import escape
from typing import List, Optional

from actions.summary import answer_text, condition_line
from knowledge import vocabulary as voc
from knowledge.advice_plan import AdvicePlan
from knowledge.schema import Item, Resource
from knowledge.situation import ADVICE_TOPICS, TOPIC_LABELS

HTML_DOWNLOAD_NAME = "werkbaar-samenvatting.html"
TITLE = "Mijn situatie en werk: samenvatting"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
DISCLAIMER = (
    "Werkbaar geeft algemene informatie uit de richtlijn 'Chronisch zieken en werk' en andere "
    "bronnen. Dit is geen medisch advies. Bespreek wat bij jou past met je bedrijfsarts.")
PRIVACY = ("Hierin staan je eigen antwoorden. Bewaar dit goed en deel het alleen met wie jij "
           "wilt.")
ALL_FINE = "Ik gaf aan dat het op deze punten goed gaat. Fijn om dat ook te bespreken."

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: #1a1a1a; font-family: system-ui, -apple-system,
  "Segoe UI", Roboto, Arial, sans-serif; font-size: 17px; line-height: 1.55; }
main { max-width: 46rem; margin: 0 auto; padding: 24px 28px 32px; background: #fff; }
header { border-bottom: 3px solid #1f5f8b; padding-bottom: 12px; margin-bottom: 8px; }
.brand { margin: 0; font-weight: 700; color: #1f5f8b; letter-spacing: .02em; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 4px 0 8px; }
h2 { font-size: 1.25rem; color: #0b3a5c; margin: 28px 0 8px; padding-bottom: 4px;
  border-bottom: 1px solid #c9ced4; }
h3 { font-size: 1.08rem; margin: 18px 0 6px; }
h4 { font-size: 1rem; margin: 0 0 4px; }
p { margin: 0 0 8px; }
a { color: #0b4f7c; overflow-wrap: anywhere; }
.meta, .source { color: #4a545e; font-size: .9rem; }
.answers { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.answers dt { font-weight: 700; }
.answers dd { margin: 0; overflow-wrap: anywhere; }
.advice { border-left: 4px solid #1f5f8b; padding: 4px 0 4px 12px; margin: 0 0 14px; }
.resources, .questions { padding-left: 1.3rem; margin: 0; }
.resources li, .questions li { margin-bottom: 10px; overflow-wrap: anywhere; }
.resources .url { display: block; }
footer { margin-top: 32px; padding-top: 10px; border-top: 1px solid #c9ced4; font-size: .9rem;
  color: #4a545e; }
@media (max-width: 560px) {
  main { padding: 16px; }
  .answers { grid-template-columns: 1fr; }
  .answers dd { margin-bottom: 6px; }
}
@page { margin: 16mm 15mm; }
@media print {
  body { background: #fff; font-size: 11pt; line-height: 1.4; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .advice, .resources li, .questions li { break-inside: avoid; page-break-inside: avoid; }
  a { color: #1a1a1a; text-decoration: none; }
  .meta, .source, footer { color: #333; }
}
"""


def html_summary(plan: AdvicePlan, today: Optional[date] = None) -> str:
    """The whole summary as a complete HTML page (UTF-8), ready to save, open and print."""
    today = today or date.today()
    made = f"Gemaakt met Werkbaar op {dutch_date(today)}."
    body: List[str] = [
        "<header>",
        '<p class="brand">Werkbaar</p>',
        f"<h1>{escape(TITLE)}</h1>",
        f'<p class="meta">{escape(made)} {escape(DISCLAIMER)}</p>',
        "</header>",
        *_answers(plan),
        *_advice(plan),
        *_resources(plan),
        *_questions(plan),
        *_prepare(plan),
        *_discuss(plan),
        "<footer>",
        f"<p>{escape(made)}</p>",
        f"<p>{escape(DISCLAIMER)}</p>",
        f"<p>{escape(PRIVACY)}</p>",
        "</footer>",
    ]
    return "\n".join([
        "<!doctype html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(f'Werkbaar - {TITLE} ({dutch_date(today)})')}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        *body,
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def dutch_date(day: date) -> str:
    """'7 december 2026' (no locale needed)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _section(heading: str, section_id: str) -> str:
    return f'<section id="{section_id}"><h2>{escape(heading)}</h2>'


def _answers(plan: AdvicePlan) -> List[str]:
    rows = [(TOPIC_LABELS["aandoening"], condition_line(plan))]
    rows += [(TOPIC_LABELS[t], answer_text(plan, t)) for t in ADVICE_TOPICS]
    out = [_section("Mijn antwoorden", "antwoorden"), '<dl class="answers">']
    out += [f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in rows]
    return out + ["</dl>", "</section>"]


def _source(item: Item) -> str:
    lines = [f"Bron: {escape(item.source.label)}"]
    if item.evidence_label:
        lines.append(f"Bewijs: {escape(item.evidence_label)}")
    return f'<p class="source">{"<br>".join(lines)}</p>'


def _item(item: Item, audience: str) -> str:
    return (f'<article class="advice"><h4>{escape(item.title_for(audience))}</h4>'
            f"<p>{escape(item.text_for(audience))}</p>{_source(item)}</article>")


def _advice(plan: AdvicePlan) -> List[str]:
    out = [_section("Advies dat bij mij past", "advies")]
    if not plan.topics:
        out.append(f"<p>{escape(ALL_FINE)}</p>")
    for block in plan.topics:
        out.append(f"<h3>{escape(TOPIC_LABELS[block.topic])}</h3>")
        out += [_item(item, plan.audience) for item in block.items]
    return out + ["</section>"]


def _href(url: str) -> Optional[str]:
    """A safe link target: web addresses only ('www.x.nl' gets https://)."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = "https://" + url
    return url if url.lower().startswith(("https://", "http://")) else None


def _resource(resource: Resource) -> str:
    parts = [f"<strong>{escape(resource.name)}</strong>"]
    if resource.url:
        href = _href(resource.url)
        shown = escape(resource.url)
        parts.append(f'<a class="url" href="{escape(href)}">{shown}</a>' if href
                     else f'<span class="url">{shown}</span>')
    parts.append(f"<span>{escape(resource.offers)}</span>")
    return f"<li>{' '.join(parts)}</li>"


def _resources(plan: AdvicePlan) -> List[str]:
    if not plan.resources:
        return []
    return [_section("Hier kan ik terecht", "organisaties"), '<ul class="resources">',
            *[_resource(r) for r in plan.resources], "</ul>", "</section>"]


def _questions(plan: AdvicePlan) -> List[str]:
    out = [_section("Vragen voor mijn gesprek met de bedrijfsarts", "vragen"),
           '<ol class="questions">']
    out += [f"<li>{escape(q)}</li>" for q in plan.doctor_questions]
    if plan.doctor_questions_item is not None:
        item = plan.doctor_questions_item
        out.append(f"<li>{escape(item.text_for(plan.audience))}{_source(item)}</li>")
    return out + ["</ol>", "</section>"]


def _prepare(plan: AdvicePlan) -> List[str]:
    if plan.prepare_item is None:
        return []
    return [_section("Zo bereid ik het gesprek voor", "voorbereiden"),
            _item(plan.prepare_item, plan.audience), "</section>"]


def _discuss(plan: AdvicePlan) -> List[str]:
    people = [voc.DISCUSS_WITH.get(p, p) for p in plan.discuss_with]
    return [_section("Met wie bespreek ik dit?", "bespreken"),
            f"<p>Bespreken met: {escape(', '.join(people))}.</p>", "</section>"]
