"""Reading a worker's own words about their situation: which interview topic an answer or a
story is about, which work factors it names, and how much of a concern it is.

Rule-based and conservative on purpose: the interview asks again for anything not found, so
missing a topic costs one question, while a wrong reading would give advice that does not fit.
Nothing here knows about Rasa; `actions/` adapts it to the conversation. The words come from
the understanding layer's vocabulary (`bot/understanding/situation_words.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Pattern, Tuple

from bot.understanding import situation_words as words
from bot.understanding.vocabulary import any_of, one_of

from .text import fold, sentences

# The interview's topics, in the order they are asked.
TOPICS: Tuple[str, ...] = ("aandoening", "energie", "werkbelasting", "steun", "financien")
# Topics whose answers lead to advice (the condition selects and narrows it).
ADVICE_TOPICS: Tuple[str, ...] = ("energie", "werkbelasting", "steun", "financien")
# Slot value for a question the user skipped.
SKIPPED = "overgeslagen"
# Longest stored answer: enough for a summary, no more than needed (AVG: store the minimum).
MAX_ANSWER_CHARS = 300

TOPIC_LABELS: Dict[str, str] = {
    "aandoening": "Aandoening",
    "energie": "Energie",
    "werkbelasting": "Werk",
    "steun": "Steun",
    "financien": "Geld",
}


# Cues per knowledge theme, on folded text (lowercase, no accents); words in the vocabulary.
FACTOR_CUES: Dict[str, Pattern[str]] = {
    factor: any_of(cues) for factor, cues in words.FACTOR_WORDS.items()}

# Which factors belong to which interview topic (a factor may appear in a story for any).
TOPIC_FACTORS: Dict[str, Tuple[str, ...]] = {
    "energie": ("vermoeidheid", "concentratie"),
    "werkbelasting": ("fysieke_belasting", "werkdruk", "werktijden", "woon_werkverkeer",
                      "werkaanpassingen", "werk_zoeken"),
    "steun": ("steun_werk", "steun_thuis", "openheid", "overbescherming"),
    "financien": ("financien", "rechten_plichten", "reintegratie"),
}

# Knowledge themes to draw advice from when an answer names no factor of its own.
TOPIC_THEMES: Dict[str, Tuple[str, ...]] = {
    "energie": ("vermoeidheid",),
    "werkbelasting": ("fysieke_belasting", "werkdruk", "werktijden", "woon_werkverkeer",
                      "werkaanpassingen"),
    "steun": ("steun_werk", "steun_thuis", "openheid"),
    "financien": ("financien", "rechten_plichten", "reintegratie"),
}
# Factors that are not knowledge themes themselves.
FACTOR_THEMES: Dict[str, Tuple[str, ...]] = {
    "overbescherming": ("steun_werk", "steun_thuis"),
}
# Search words that say what a topic is about when the answer names no factor ('ja').
TOPIC_QUERY: Dict[str, str] = {
    "energie": "vermoeidheid energie",
    "werkbelasting": "werk aanpassen belasting taken",
    "steun": "steun leidinggevende collega's begrip",
    "financien": "geld inkomen uitkering rechten",
}
# An employer's interview is about their employee: money is the cost of absence (the question
# names it), what the sources say on insuring it and on continued pay.
EMPLOYER_TOPIC_QUERY: Dict[str, str] = {
    "financien": "kosten van verzuim verzuimverzekering no-risk polis loondoorbetaling",
}
FACTOR_QUERY: Dict[str, str] = {
    "overbescherming": "overprotectie overbescherming beschermen naasten",
    "steun_thuis": "partner gezin naasten thuis",
    "werk_zoeken": "werk zoeken solliciteren, hulp en bemiddeling bij het vinden van werk",
    "werkdruk": "werkdruk verminderen: taken afstaan of aanpassen, je grenzen kennen en aangeven",
    "werkaanpassingen": "aanpassingen aan werkplek, werkorganisatie en werktijden",
}

_SKIP = re.compile(rf"^\s*((?:{one_of(words.HESITATIONS)})\W+)?(?:{one_of(words.SKIPS)})\W*$")
# An answer that says this topic is fine: 'nee', 'gaat goed', 'geen zorgen', 'niet moe'.
_NO_CONCERN = any_of((rf"^\W*(?:{one_of(words.FINE_ANSWERS)})\W*$",) + words.FINE_PHRASES)
# Words that say how strong a concern is, and words that are a problem in themselves.
_INTENSE = any_of(words.INTENSIFIERS)
_STRONG_PROBLEM = any_of(words.STRONG_PROBLEMS)
_PROBLEM = any_of(words.PROBLEMS + words.STRONG_PROBLEMS)
_NO_FIRST = re.compile(rf"^\W*(?:{one_of(words.NO_OPENERS)})\b")
_CONTRAST = any_of(words.CONTRASTS)
_NEGATED = any_of(words.NEGATIONS)
_NOT_HERE = any_of(words.NOT_HERE)
_JOB_AT_RISK = any_of(words.JOB_AT_RISK)
_AFFIRMATIVE = re.compile(rf"^\W*(?:{one_of(words.AFFIRMATIVES)})\W*$")
# A low rating first, as the answer to 'hoe gaat het met je energie?' ('weinig. ik kom pas 's
# middags op gang ...', 'slecht eigenlijk'); not 'weinig last', 'weinig problemen'.
_LOW_FIRST = re.compile(r"^\W*(?:heel |erg |vrij |best )?(?:weinig|slecht|matig|beroerd|belabberd|"
                        r"laag|niet (?:zo )?(?:best|goed|lekker))\b(?!\s+(?:last|problemen|klachten|"
                        r"moeite|zorgen|pijn|aan de hand))")
# A message that asks something: a question mark, a question word first, or 'tips' at the end.
_ASKS = re.compile(rf"\?|^\s*(?:{one_of(words.QUESTION_OPENERS)})\b"
                   rf"|\b(?:{one_of(words.ASKING_ENDS)})\s*[.!]*\s*$"
                   rf"|(?:^|[.!;,\n]\s*)(?:{one_of(words.LAST_CLAUSE_ASKS)})\b[^.!;,\n]*[.!]*\s*$"
                   rf"|\b(?:{one_of(words.INDIRECT_ASKS)})")

# A short follow-up that narrows the last answer: 'en bij NAH?', 'geldt dat ook voor MS?'.
_FOLLOW_UP = re.compile(rf"^\W*(?:{one_of(words.FOLLOW_UP_OPENERS)})\b")
FOLLOW_UP_WORDS = 8

# A story is split into clauses at sentence ends, commas and linking words (on the raw text).
_CLAUSE_SPLIT = re.compile(rf"[.!?;\n]+|,\s*|\s+(?:{one_of(words.CLAUSE_LINKS)})\s+")


@dataclass(frozen=True)
class Reading:
    """What one answer says about one topic."""
    topic: str
    text: str
    concern: int  # 0 = fine, 1 = a concern, 2 = a strong concern
    factors: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def themes(self) -> Tuple[str, ...]:
        """Knowledge themes to draw advice from, most specific first."""
        themes: List[str] = []
        for factor in self.factors:
            for theme in FACTOR_THEMES.get(factor, (factor,)):
                if theme not in themes:
                    themes.append(theme)
        return tuple(themes) or TOPIC_THEMES.get(self.topic, ())


def clean_answer(text: str) -> str:
    """The answer as stored: one line, at most MAX_ANSWER_CHARS characters."""
    text = " ".join((text or "").split())
    if len(text) > MAX_ANSWER_CHARS:
        text = text[: MAX_ANSWER_CHARS - 1].rstrip() + "…"
    return text


def is_skip(text: str) -> bool:
    """'weet ik niet', 'sla over', 'geen idee': the user passes on this question."""
    return bool(_SKIP.match(fold(text or "")))


def factors_in(text: str, topic: Optional[str] = None) -> Tuple[str, ...]:
    """Factors named in the text, limited to one topic's factors when given."""
    folded = fold(text or "")
    allowed = TOPIC_FACTORS.get(topic, tuple(FACTOR_CUES)) if topic else tuple(FACTOR_CUES)
    return tuple(f for f in allowed if FACTOR_CUES[f].search(folded))


def read_answer(topic: str, text: Optional[str]) -> Optional[Reading]:
    """How an interview answer reads; None for a skipped or empty answer."""
    if topic not in TOPICS:
        raise ValueError(f"unknown topic: {topic}")
    if not text or text == SKIPPED or is_skip(text):
        return None
    folded = fold(text)
    factors = factors_in(text, topic) if topic in TOPIC_FACTORS else ()
    concern = _concern(folded, bool(factors))
    parts = sentences(text)
    if concern == 0 and len(parts) > 1 and topic in TOPIC_FACTORS:
        # A fine answer with a real problem in another sentence ('baas is wel oke. collegas
        # weten het niet, zeg er niet zoveel over.'): that sentence's concern and factors. A
        # later sentence that only names a factor ('ik zit de hele dag achter een bureau') is
        # none; the first one answers the question ('De werkdruk. ... Lichamelijk is het niet
        # zwaar.').
        for number, sentence in enumerate(parts):
            named = factors_in(sentence, topic)
            found = _concern(fold(sentence), number == 0) if named else 0
            if found > concern:
                concern, factors = found, named
    elif concern and len(parts) > 1 and topic in TOPIC_FACTORS:
        # A concern with a fine sentence beside it ('Thuis is mijn vriend heel lief, daar zit
        # het niet. Op school weet niemand het.'): the fine sentence's factors are no concern.
        fine, other = set(), set()
        for sentence in parts:
            named = set(factors_in(sentence, topic))
            if says_fine(sentence) and _concern(fold(sentence), bool(named)) == 0:
                fine |= named
            else:
                other |= named
        if fine and not other:
            # 'Geld is geen zorg. Ik maak me meer zorgen over hoe de school reageert.': every
            # sentence that names the topic says it is fine; the worry is about something else.
            return Reading(topic, text, 0, factors)
        kept = tuple(f for f in factors if f in other or f not in fine)
        factors = kept or factors
    return Reading(topic, text, concern, factors)


def _concern(folded: str, names_factor: bool) -> int:
    """0 = fine, 1 = a concern, 2 = a strong one. A 'no' first ('nee hoor, werk is prima') or a
    'fine' phrase ('daar zit het probleem niet') makes it fine unless a problem is left over
    ('nee, maar de reis is zwaar'); an answer that names nothing to worry about is fine, a bare
    yes ('ja', 'soms') to the topic's question is a concern."""
    if _AFFIRMATIVE.match(folded) or _LOW_FIRST.match(folded):
        return 1
    if _NOT_HERE.search(folded):
        return 0
    rest = _NO_CONCERN.sub(" ", folded)
    problem = _PROBLEM.search(rest) or _STRONG_PROBLEM.search(folded)
    opener = _NO_FIRST.match(folded)
    if opener and not _STRONG_PROBLEM.search(folded):  # 'niet echt veel steun' is no 'no'
        after = folded[opener.end():]
        turn = _CONTRAST.search(after)
        if not (turn and _PROBLEM.search(after[turn.start():])):
            return 0
    elif rest != folded and not problem:
        return 0
    if not problem and not names_factor:
        return 1 if _NEGATED.search(rest) else 0  # 'niemand snapt het', 'kan niet rondkomen'
    return 2 if _STRONG_PROBLEM.search(rest) or (problem and _INTENSE.search(rest)) else 1


def job_at_risk(text: Optional[str]) -> bool:
    """'bang dat ik mijn werk kwijtraak', 'als ik niet meer mag rijden': the job itself."""
    return bool(text) and bool(_JOB_AT_RISK.search(fold(text)))


def says_fine(text: str) -> bool:
    """The answer itself says this is fine ('nee hoor', 'valt mee', 'daar zit het niet'), as
    opposed to an answer about something else that names no concern for this topic."""
    folded = fold(text or "")
    return bool(_NO_CONCERN.search(folded) or _NO_FIRST.match(folded)
                or _NOT_HERE.search(folded))


def asks_something(text: str) -> bool:
    """'..., hoe leg ik dat uit?', 'welke regels gelden er', 'altijd moe, tips'."""
    return bool(_ASKS.search(fold(text or "")))


def is_follow_up(text: str) -> bool:
    return (len((text or "").split()) <= FOLLOW_UP_WORDS
            and bool(_FOLLOW_UP.search(fold(text or ""))))


def clauses(text: str) -> List[str]:
    return [c.strip(" ,") for c in _CLAUSE_SPLIT.split(text or "") if c and c.strip(" ,")]


def read_story(text: str) -> Dict[str, str]:
    """The parts of a story that answer the interview's advice topics.

    'ik ben zo moe na het werk en mijn leidinggevende snapt het niet' ->
    {'energie': 'ik ben zo moe na het werk', 'steun': 'mijn leidinggevende snapt het niet'}
    A clause counts for every topic whose factors it names. The condition is matched by the
    knowledge base (`KnowledgeBase.match_condition`), not here.
    """
    found: Dict[str, List[str]] = {}
    for clause in clauses(text):
        for topic in ADVICE_TOPICS:
            if factors_in(clause, topic):
                found.setdefault(topic, []).append(clause)
    return {topic: clean_answer(", ".join(parts)) for topic, parts in found.items()}
