"""Reading a worker's own words about their situation: which interview topic an answer or a
story is about, which work factors it names, and how much of a concern it is.

Rule-based and conservative on purpose: the interview asks again for anything not found, so
missing a topic costs one question, while a wrong reading would give advice that does not fit.
Nothing here knows about Rasa; `actions/` adapts it to the conversation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Pattern, Tuple

from .text import fold

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


def _any(*patterns: str) -> Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Cues per knowledge theme, on folded text (lowercase, no accents). Word starts are anchored
# with \b so 'moe' does not fire inside 'moeder'; endings are left open for inflection.
FACTOR_CUES: Dict[str, Pattern[str]] = {
    "vermoeidheid": _any(r"\bmoe\b", r"\bmoeheid", r"\bvermoeid", r"\bdoodmoe", r"uitgeput",
                         r"\bkapot\b", r"\bgesloopt", r"\benergie", r"\bbatterij", r"\bfut\b",
                         r"futloos", r"lusteloos", r"\buitgeblust", r"\bbijkomen",
                         r"\bbij te komen", r"\bherstel", r"\brust(en)? nodig", r"\bslaap",
                         r"\bop aan het eind", r"\bleeg\b", r"\bkrachten?\b", r"\bwisselt",
                         r"\bwisselend", r"\bgoede en slechte dagen", r"\bslechte dagen",
                         r"\bbreken? me op", r"\bbreekt me op", r"\bsloopt me", r"\bopgebrand",
                         r"\bvermoeiend", r"\bgeen puf", r"\bslap\b"),
    "concentratie": _any(r"\bconcentr", r"\bgeheugen", r"\bvergeet", r"\bvergeetachtig",
                         r"\bfocus", r"\bprikkel", r"\bhoofd (zit )?vol", r"\bhersenmist",
                         r"\bbrain ?fog"),
    "fysieke_belasting": _any(r"\btill?en\b", r"\bsjouw", r"\bbukken", r"\bstaan\b",
                              r"\blopen\b", r"\blichamelijk", r"\bfysiek", r"\bpijn",
                              r"\brug\b", r"\bgewricht", r"\bzwaar werk", r"\bzware? taken",
                              r"\bknie", r"\bschouder", r"\bhanden\b"),
    "werkdruk": _any(r"\bwerkdruk", r"\bdruk\b", r"\btempo", r"\bdeadline", r"\bstress",
                     r"\bhectisch", r"\bhaast", r"\bte veel werk", r"\bproductie",
                     r"\bprestatie", r"\bhard werken", r"\bjachtig"),
    "werktijden": _any(r"\buren\b", r"\buur\b", r"\bdienst", r"\bnachtdienst", r"\bavonddienst",
                       r"\bonregelmatig", r"\brooster", r"\bfulltime", r"\bparttime",
                       r"\bwerktijd", r"\bploeg", r"\bweekend", r"\blange dagen", r"\bovertijd",
                       r"\bovertuur"),
    "woon_werkverkeer": _any(r"\breis", r"\breiz", r"\bwoon[ -]?werk", r"\bfile\b", r"\bov\b",
                             r"\btrein", r"\bbus\b", r"\bautorij", r"\bauto rijden",
                             r"\bnaar (mijn |het )?werk (te )?(komen|fietsen|rijden)",
                             r"\bafstand", r"\bvervoer", r"\bparkeer"),
    "werkaanpassingen": _any(r"\bzelf (te )?(bepalen|indelen|regelen|kiezen)",
                             r"\bregelruimte", r"\bvrijheid", r"\binspraak", r"\bautonomie",
                             r"\bflexibel", r"\bthuiswerk", r"\bthuis werken", r"\baanpassing",
                             r"\bander werk", r"\bandere taken", r"\bhulpmiddel",
                             r"\bwerkplek"),
    "werk_zoeken": _any(r"\bsollicit", r"\bwerk zoeken", r"\bwerk vinden", r"\bbaan zoeken",
                        r"\bbaan vinden", r"\bvacature", r"\bwerkloos", r"\bzonder werk",
                        r"\bgeen werk\b", r"\bgeen baan", r"\bzoek (naar )?werk",
                        r"\bafgewezen"),
    "steun_werk": _any(r"\bleidinggevende", r"\bbaas\b", r"\bmanager", r"\bchef\b",
                       r"\bteamleider", r"\bcollega", r"\bwerkgever", r"\bhr\b",
                       r"\bp&o\b", r"\bop het werk snapt", r"\bop mijn werk snapt"),
    "steun_thuis": _any(r"\bthuisfront", r"\b(steun|hulp|begrip) (van |vanuit )?thuis\b",
                        r"\bthuis (snapt|snappen|begrijpt|begrijpen|steunt|steunen|helpt|"
                        r"helpen|moet|doe|is er|heb)", r"\b(en|maar) thuis\b",
                        r"\bpartner", r"\bmijn man\b", r"\bmijn vrouw\b",
                        r"\bvriend", r"\bgezin", r"\bkinderen", r"\bfamilie", r"\bouders",
                        r"\bmantelzorg", r"\bhuishouden"),
    "openheid": _any(r"\bvertellen", r"\bvertel\b", r"\bweten (het )?niet", r"\bgeheim",
                     r"\bopen (zijn )?over", r"\bniemand weet", r"\bverzwijg", r"\bdurf"),
    "overbescherming": _any(r"\bbetuttel", r"\bbescherm", r"\bontzien", r"\boverbezorgd",
                            r"\bpamper", r"\bte voorzichtig", r"\bniets meer laten doen",
                            r"\bnergens meer voor gevraagd", r"\bniks meer laten doen"),
    "financien": _any(r"\bgeld", r"\binkomen", r"\bloon\b", r"\bsalaris", r"\buitkering",
                      r"\bwia\b", r"\bwajong", r"\bww\b", r"\bziektewet", r"\bbijstand",
                      r"\bschuld", r"\brekening", r"\brondkomen", r"\bfinancie",
                      r"\btoeslag", r"\bhypotheek", r"\bhuur\b", r"\bminder verdienen",
                      r"\binkomsten"),
    "rechten_plichten": _any(r"\brechten\b", r"\bplichten", r"\bpoortwachter", r"\bontslag",
                             r"\bcontract", r"\bwet\b", r"\bregels\b", r"\bmag (mijn )?werkgever",
                             r"\bwat mag"),
    "reintegratie": _any(r"\bre-?integratie", r"\bwie betaalt", r"\barbeidsdeskundige",
                         r"\buwv\b", r"\bterugkeer", r"\bopbouwen", r"\bweer (aan het )?werk",
                         r"\bziek ?gemeld", r"\bziek thuis", r"\bthuis ziek", r"\bverzuim"),
}

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
FACTOR_QUERY: Dict[str, str] = {
    "overbescherming": "overprotectie overbescherming beschermen naasten",
    "steun_thuis": "partner gezin naasten thuis",
    "werk_zoeken": "werk zoeken solliciteren",
}

_SKIP = re.compile(
    r"^\s*((dat|eh|uh|hmm|sorry|nou|tja|pff)\W+)?"
    r"(weet (ik )?(het |dat )?(nog |echt )?niet( goed)?|wet ik niet|geen idee|sla (deze )?(vraag )?over|"
    r"overslaan|skip|pass|volgende( vraag)?|(wil|zeg) ik (liever )?niet( zeggen)?|"
    r"liever niet( zeggen)?|geen antwoord|niet van toepassing|n\.?v\.?t\.?)\W*$"
)

# An answer that says this topic is fine: 'nee', 'gaat goed', 'geen zorgen', 'niet moe'.
_NO_CONCERN = _any(
    r"^\W*(nee|neen|nope|nee hoor|niet echt|nauwelijks|valt (wel )?mee|gaat (wel|goed|prima)|"
    r"prima|goed|top|geen|niets|niks|helemaal niet|niet|nooit|niets bijzonders|"
    r"niks bijzonders|geen problemen|geen zorgen)\W*$",
    r"\bgeen (zorgen|problemen|probleem|klachten|last|moeite|bijzonderheden)\b",
    r"\b(gaat|gaan|loopt) (eigenlijk |wel |best |heel )?(goed|prima|prettig)\b",
    r"\bvalt (eigenlijk |wel )?mee\b",
    r"\bniet (zo |echt |erg |heel |te |extra )?(moe|vermoeid|zwaar|druk)\b",
    r"\b(goede|genoeg|veel|fijne) (steun|hulp|begrip)\b",
    r"\b(steunen|helpen|begrijpen) (me|mij)( goed| heel goed| erg goed)?\b(?! niet)",
    r"\bniets bijzonders\b|\bniks bijzonders\b|\bniets aan de hand\b",
)
# Words that make a concern stronger.
_STRONG = _any(r"\b(heel|erg|zo|enorm|ontzettend|vreselijk|super|echt|altijd|steeds|constant|"
               r"continu|elke dag|iedere dag)\b",
               r"\bdoodmoe\b", r"uitgeput", r"\bkapot\b", r"\bgesloopt", r"\bniet meer\b",
               r"\b(veel )?te (veel|zwaar|druk|weinig|lang)\b", r"\bgeen (steun|begrip|hulp)\b",
               r"\bsnap(t|pen) (het|er) (echt )?niets?\b", r"\bbegrijp(t|en) (het|me|mij) niet\b",
               r"\bbang\b", r"\bgrote zorgen\b", r"\bpaniek")
# A message that asks something: a question mark, a question word first, or 'tips' at the end.
_ASKS = re.compile(
    r"\?|^\s*(hoe|wat|wie|waar|wanneer|waarom|welke?|mag|moet|kan|kun|kunnen|heb ik recht|"
    r"is het|zijn er|bestaat)\b|\b(tips?|advies)\s*[.!]*\s*$", re.IGNORECASE)

# A short follow-up that narrows the last answer: 'en bij NAH?', 'geldt dat ook voor MS?'.
_FOLLOW_UP = re.compile(r"^\W*((en|maar|ook)\s+(bij|voor|als|met|over|in|na)|wat als|"
                        r"(geldt|werkt|helpt) dat ook|en hoe zit (dat|het))\b", re.IGNORECASE)
FOLLOW_UP_WORDS = 8

# A story is split into clauses at sentence ends, commas and linking words.
_CLAUSE_SPLIT = re.compile(r"[.!?;\n]+|,\s*|\s+(?:en|maar|want|omdat|terwijl|dus|ook)\s+")


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
    # What the answer says beyond a 'fine' phrase ('niet zo moe' is fine, 'zo' is no stress).
    rest = _NO_CONCERN.sub(" ", folded)
    if rest != folded and not _STRONG.search(rest) and not _PROBLEM.search(rest):
        return Reading(topic, text, 0, factors)
    return Reading(topic, text, 2 if _STRONG.search(rest) else 1, factors)


_PROBLEM = re.compile(r"\b(zwaar|moeilijk|lastig|probleem|zorgen|bang|stress|pijn|moe|"
                      r"valt tegen|te veel|te druk)\b")


def asks_something(text: str) -> bool:
    """'..., hoe leg ik dat uit?', 'welke regels gelden er', 'altijd moe, tips'."""
    return bool(_ASKS.search(text or ""))


def is_follow_up(text: str) -> bool:
    return len((text or "").split()) <= FOLLOW_UP_WORDS and bool(_FOLLOW_UP.search(text or ""))


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
