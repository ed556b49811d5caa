"""Evidence is never shown stronger than the source gives it.

1. A level comes from the source's words: the `quote` of a conclusion labelled `bewezen` says
   so ("aangetoond", "bewezen", "Er is bewijs"), `aannemelijk` quotes "Het is aannemelijk",
   `aanwijzingen` quotes "Er zijn aanwijzingen", `mening` quotes whose opinion it is.
2. Every audience's title and text (title, title_professional, title_employer, text,
   text_professional, text_employer) keeps the hedge of its level: "bewezen"/"aangetoond"/
   "niveau 1" only for `bewezen` (or when citing a conclusion labelled `bewezen`);
   "waarschijnlijk" fits level 2 but not level 3, which needs wording such as
   "er zijn aanwijzingen", "mogelijk" or "kan"; a sentence that says something "helpt" carries a
   hedge when the level is not `bewezen`; opinions are told as what people say; a quote with
   "kan" or "mogelijk" means the texts keep a hedge too.
3. `evidence_text` names the level in the source's words and never a level the text does not
   state.
"""
from __future__ import annotations

import re
from typing import Dict, List

import pytest


TEXT_FIELDS = ("title", "title_professional", "title_employer", "text", "text_professional",
               "text_employer")


def words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# Claims that something is proven, and their negations (which are fine at any level).
STRONG = words(r"bewezen|aangetoond|aantoonbaar|niveau[ -]?1|zeker weten|staat vast|het is zeker")
NEGATED = words(r"(?:niet|onvoldoende|nooit|geen)\s+(?:\w+\s+)?(?:bewezen|aangetoond|aantoonbaar)")
LEVEL_2 = words(r"waarschijnlijk|aannemelijk|niveau[ -]?2")
ANY_LEVEL = words(r"niveau[ -]?[123]")
# Wording that keeps a claim open: any of these fits level 2 or weaker.
HEDGE = words(r"kan|kun|kunnen|kon|konden|mogelijk|misschien|lijkt|lijken|zou|zouden|soms|"
              r"waarschijnlijk|aannemelijk|aanwijzing|aanwijzingen|vermoedelijk|wellicht")
# Level 3 may not sound like level 2.
HEDGE_3 = words(r"kan|kun|kunnen|mogelijk|misschien|lijkt|lijken|zou|zouden|soms|aanwijzing|"
                r"aanwijzingen|wellicht")
INSUFFICIENT = words(r"onvoldoende|inconsistent|niet duidelijk|onduidelijk|spreekt elkaar tegen|"
                     r"spreken elkaar tegen|tegenstrijdig|niet aangetoond|niet aantoonbaar|"
                     r"geen (?:\w+ )?(?:onderzoek|literatuur|bewijs)|weten we (?:nog )?niet")
OPINION = words(r"vertellen|vertelt|zeggen|zegt|mening|vinden|vindt|volgens|ervaren|ervaart|"
                r"ervaring|ervaringen|geven aan|noemen|beleven")
# A claim of effect: a hedged level needs a hedge (or a negation) in the same sentence.
EFFECT = words(r"helpt|helpen|bevordert|bevorderen|verbetert|verbeteren|werkt beter|"
               r"werken beter|zorgt ervoor|zorgen ervoor")
QUOTE_HEDGE = words(r"kan|kunnen|mogelijk|zou|zouden|soms")

# The words in the quote that give each level.
LEVEL_IN_QUOTE = {
    "bewezen": words(r"aangetoond|bewezen|er is bewijs|niveau 1"),
    "aannemelijk": words(r"het is aannemelijk|is het aannemelijk"),
    "aanwijzingen": words(r"er zijn aanwijzingen|ook zijn er aanwijzingen"),
    "onvoldoende_bewijs": words(r"onvoldoende bewijs|inconsistent bewijs|"
                                r"geen nederlandse literatuur"),
    "mening": words(r"van mening|volgens|vermelden"),
}
# How `evidence_text` must name the level.
LEVEL_IN_EVIDENCE_TEXT = {
    "bewezen": words(r"bewezen|aangetoond|bewijs"),
    "aannemelijk": words(r"aannemelijk"),
    "aanwijzingen": words(r"aanwijzingen"),
    "onvoldoende_bewijs": words(r"onvoldoende|inconsistent|geen"),
    "mening": words(r"mening|volgens|ervaring"),
    "niet_vermeld": words(r"zonder voorbehoud|geen niveau|niveau niet|vermeldt geen|"
                          r"noemt geen"),
}

# Recommendations that cite a conclusion the source calls proven: (item, cited conclusion).
CITES_PROVEN = {
    "rl-2.2-supported-employment-ips": "rl-2.1-supported-employment-psychisch",
    "rl-2.2-werkplek-werktijden": "rl-2.1-werkaanpassingen",
}


@pytest.fixture(scope="module")
def content(real_content):
    return real_content


def sentences(text: str) -> List[str]:
    return [s for s in re.split(r"(?<=[.?!;:])\s+", text) if s.strip()]


def strong_claim(text: str) -> bool:
    return bool(STRONG.search(NEGATED.sub(" ", text)))


def problems_of(item) -> List[str]:
    """Hedge problems of one item, as 'field: reason: text'."""
    level = item.evidence
    found: List[str] = []
    quote_hedged = bool(item.quote and QUOTE_HEDGE.search(item.quote))
    for field in TEXT_FIELDS:
        text = getattr(item, field, None) or ""
        if not text:
            continue

        def flag(reason: str) -> None:
            found.append(f"{field}: {reason}: {text[:140]}")

        proven = level == "bewezen" or item.id in CITES_PROVEN
        if strong_claim(text) and not proven:
            flag("says proven, the source does not")
        if level in ("aanwijzingen", "mening", "geen_niveau") and LEVEL_2.search(text):
            flag(f"level-2 wording for a finding labelled {level}")
        if level in ("niet_vermeld", "geen_niveau", "mening", "onvoldoende_bewijs") \
                and ANY_LEVEL.search(text):
            flag(f"names a level the source does not state ({level})")
        if field.startswith("title"):
            continue
        if level == "aannemelijk" and not HEDGE.search(text):
            flag("level 2 without a hedge ('waarschijnlijk', 'kan', ...)")
        if level == "aanwijzingen" and not HEDGE_3.search(text):
            flag("level 3 without a hedge ('er zijn aanwijzingen', 'mogelijk', 'kan')")
        if level == "onvoldoende_bewijs" and not INSUFFICIENT.search(text):
            flag("insufficient evidence not said")
        if level == "mening" and not OPINION.search(text):
            flag("an opinion told as a fact")
        if level in ("aannemelijk", "aanwijzingen", "mening", "onvoldoende_bewijs"):
            allowed = HEDGE_3 if level == "aanwijzingen" else HEDGE
            for sentence in sentences(text):
                if EFFECT.search(sentence) and not allowed.search(sentence) \
                        and not INSUFFICIENT.search(sentence) and not OPINION.search(sentence):
                    flag(f"'{EFFECT.search(sentence).group()}' without the hedge of {level}")
        if quote_hedged and not HEDGE.search(text):
            flag(f"the source hedges ({QUOTE_HEDGE.search(item.quote).group()!r}), the text not")
    return found


def test_every_text_keeps_the_hedge_of_its_level(content):
    problems: Dict[str, List[str]] = {}
    for item in content.items.values():
        found = problems_of(item)
        if found:
            problems[item.id] = found
    for res in content.resources.values():
        if strong_claim(res.offers):
            problems[res.id] = [f"offers: says proven: {res.offers[:140]}"]
    report = "\n".join(f"{ident}\n  " + "\n  ".join(lines) for ident, lines in problems.items())
    print(f"\nitems checked: {len(content.items)}, with hedge problems: {len(problems)}")
    assert not problems, f"{len(problems)} items overstate the evidence:\n{report}"


def test_cited_proven_conclusions_are_proven(content):
    for item_id, cited in CITES_PROVEN.items():
        assert item_id in content.items, item_id
        assert content.items[cited].evidence == "bewezen", f"{item_id} cites {cited}"


def test_level_comes_from_the_quoted_words(content):
    wrong = []
    for item in content.items.values():
        pattern = LEVEL_IN_QUOTE.get(item.evidence or "")
        if pattern and not (item.quote and pattern.search(item.quote)):
            wrong.append(f"{item.id} ({item.evidence}): quote {item.quote!r}")
    assert not wrong, "The quoted words do not give the level:\n" + "\n".join(wrong)


def test_evidence_text_names_the_level_in_the_source_words(content):
    wrong = []
    for item in content.items.values():
        text = item.evidence_text or ""
        pattern = LEVEL_IN_EVIDENCE_TEXT.get(item.evidence or "")
        if pattern and text and not pattern.search(text):
            wrong.append(f"{item.id} ({item.evidence}): {text}")
        if item.evidence != "bewezen" and strong_claim(text):
            wrong.append(f"{item.id} ({item.evidence}) says proven: {text}")
        if item.evidence in ("niet_vermeld", "mening", "geen_niveau") and ANY_LEVEL.search(text):
            wrong.append(f"{item.id} ({item.evidence}) names a level: {text}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("level, text, ok", [
    ("aanwijzingen", "Er zijn aanwijzingen dat steun helpt.", True),
    ("aanwijzingen", "Steun helpt waarschijnlijk.", False),
    ("aanwijzingen", "Steun hangt samen met vaker blijven.", False),
    ("aannemelijk", "Steun helpt waarschijnlijk.", True),
    ("aannemelijk", "Het is bewezen dat steun helpt.", False),
    ("niet_vermeld", "Steun hangt samen met vaker blijven (niveau 1).", False),
    ("mening", "Mensen met NAH vertellen dat een uitkering hen remt.", True),
    ("mening", "Een uitkering remt de terugkeer.", False),
    ("onvoldoende_bewijs", "Het effect is niet aangetoond; er is onvoldoende bewijs.", True),
])
def test_the_rules_themselves(level, text, ok):
    class Fake:
        id, evidence, quote, title = "x", level, "", "Titel"
        text_professional = text_employer = None

    Fake.text = text
    assert (not problems_of(Fake)) == ok, problems_of(Fake)
