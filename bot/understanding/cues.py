"""Small readings of a message that actions need: which interview topic it names, whether it
asks why or what a word means, who it is probably from, where-to-go questions.

Every function takes the message text as typed; it is folded (`knowledge.text.fold`) before
the vocabulary's patterns are applied. Nothing here imports Rasa.
"""
from __future__ import annotations

import re
from typing import Dict, Optional

from bot.understanding import vocabulary as voc
from knowledge.text import fold


_TOPIC_NAMES = {topic: voc.any_of(words) for topic, words in voc.TOPIC_NAMES.items()}
_ROLE_PHRASES = {role: voc.any_of(words, whole_words=True)
                 for role, words in voc.ROLE_PHRASES.items()}
_EMPLOYER = voc.any_of(voc.EMPLOYER_ASKS)
_PROFESSIONAL = voc.any_of(voc.PROFESSIONAL_ASKS)
_OWN_ILLNESS = voc.any_of(voc.OWN_ILLNESS)
_PROFESSIONAL_SELF = voc.any_of(voc.PROFESSIONAL_SELF)
_PROFESSIONAL_WORDS = voc.any_of(voc.PROFESSIONAL_WORDS)
_WHERE_TO_GO = voc.any_of(voc.WHERE_TO_GO)
_ACTION = voc.any_of(voc.ASKS_ACTION)
_RULES = voc.any_of(voc.ASKS_RULES)
_SEEKS_WORK = voc.any_of(voc.ROLE_PHRASES["werkzoekende"])
# 'ik heb (op dit moment) geen werkgever': the role word negated, not the role.
_NO_EMPLOYER = re.compile(r"\b(?:ik heb|heb ik|ik zit|zit ik|ik ben)\b[^.?!]{0,30}"
                          r"\b(?:geen|zonder)\s+(?:\w+\s+)?werkgever")
_FIRST_STEP = voc.any_of(voc.FIRST_STEP)
_SAYS_WHO = re.compile(r"\W*(ik ben|ik werk|wij zijn|we zijn|ik zit)\b(?! bang| moe| op\b)")
_WHAT_TO_DO = voc.any_of(voc.WHAT_TO_DO)
WHAT_TO_DO_LEAD = 4  # words before it at most: 'ik wil vooral weten wat ik ... kan doen'
_ASKS_MORE = voc.any_of(voc.ASKS_MORE)
_OPENS_WITH_YES = re.compile(voc.OPENS_WITH_YES)
MORE_WORDS = 10
_WHY = re.compile(rf"^\W*(?:{voc.one_of(voc.ASKS_WHY)})\b")
_MEANING = re.compile(rf"^\W*(?:{voc.one_of(voc.ASKS_MEANING)})")


def _first_match(patterns: Dict[str, "re.Pattern[str]"], text: str) -> Optional[str]:
    """The first key (in order) whose pattern is found in the folded text."""
    folded = fold(text or "")
    return next((key for key, pattern in patterns.items() if pattern.search(folded)), None)


def named_topic(text: str) -> Optional[str]:
    """The interview topic a message names ('mijn antwoord over geld klopt niet'), or None."""
    return _first_match(_TOPIC_NAMES, text)


def asks_why(text: str) -> bool:
    """'wat bedoel je?', 'waarom vraag je dat?': asking about the question, not answering it."""
    return bool(_WHY.search(fold(text or "")))


def asks_definition(text: str) -> bool:
    """'wat is een arbeidsdeskundige?': a question about a word or a person, never an answer."""
    return bool(_MEANING.search(fold(text or ""))) and ends_as_question(text)


def ends_as_question(text: str) -> bool:
    """The message ends with a question mark."""
    return (text or "").rstrip().endswith("?")


def word_count(text: str) -> int:
    return len((text or "").split())


def role_from_text(text: str) -> Optional[str]:
    """The role a 'who are you' answer names without a lookup word ('ik werk als kok'), or None."""
    return _first_match(_ROLE_PHRASES, text)


def starts_with_who(text: str) -> bool:
    """'ik ben de werkgever, ...', 'ik werk als kok': a message that starts by saying who they
    are ('ik ben bang dat de eigenaar me eruit werkt' names an employer, but does not)."""
    return bool(_SAYS_WHO.match(fold(text or "")))


def seeks_work(text: str) -> bool:
    """'ik zit in de bijstand', 'ik heb geen werkgever', 'ik solliciteer': without work now."""
    return bool(_SEEKS_WORK.search(fold(text or "")))


def says_no_employer(text: str) -> bool:
    """'ik heb op dit moment geen werkgever', 'zonder werkgever': no employer (and so no
    employer speaking)."""
    return bool(_NO_EMPLOYER.search(fold(text or "")))


def speaks_as_job_seeker(text: str) -> bool:
    """Without work or looking for it, or without an employer: a job seeker's words."""
    return seeks_work(text) or says_no_employer(text)


def audience_from_words(text: str) -> Optional[str]:
    """Who a question is probably from: 'werkgever', 'professional', or None (anyone)."""
    folded = fold(text or "")
    if _PROFESSIONAL_SELF.search(folded) or _PROFESSIONAL_WORDS.search(folded):
        return "professional"  # 'BA: hoe ondersteun ik een wn ...', 'evidence voor ...'
    if _EMPLOYER.search(folded):
        return "werkgever"
    if _PROFESSIONAL.search(folded) and not _OWN_ILLNESS.search(folded):
        return "professional"
    return None


def asks_where_to_go(text: str) -> bool:
    """Asking where to go rather than what to do: organisations, coaches, fellow patients."""
    return bool(_WHERE_TO_GO.search(fold(text or "")))


def asks_for_action(text: str) -> bool:
    """'wat kan ik doen?', 'hoe pak ik dat aan', 'tips?', 'wat als ...': wants something to do."""
    return bool(_ACTION.search(fold(text or "")))


_EVIDENCE = re.compile(r"\b(bewijs\w*|evidence|niveau \d|level of evidence|aangetoond|"
                       r"wetenschappelijk\w*|onderbouw\w*|effectiviteit|"
                       # an employer who must justify the cost: does it work?
                       r"verantwoorden|weggegooid geld|loont (het|dat)|rendement|"
                       r"werkt (het|dat) (nou |eigenlijk |wel )?(echt|wel)|heeft (het|dat) (echt )?zin)\b")


def asks_about_evidence(text: str) -> bool:
    """'wat is het bewijsniveau voor ...?', 'is er evidence dat ...': the finding (a
    conclusion with its level) answers it, not the recommendation that follows from it."""
    return bool(_EVIDENCE.search(fold(text or "")))


def asks_about_rules(text: str) -> bool:
    """'zijn er regelingen voor?', 'heb ik ergens recht op?', 'mijn verplichtingen als
    werkgever': the laws and schemes the sources name belong with the answer."""
    return bool(_RULES.search(fold(text or "")))


def asks_what_to_do(text: str) -> bool:
    """'wat kan ik als leidinggevende concreet doen?', 'hoe pak ik dit aan?': what to do, about
    nothing in particular (after the plan: the plan's next advice). 'ik heb veel pijn bij het
    tillen, wat kan ik doen?' asks about what comes before it: not this."""
    folded = fold(text or "")
    found = _WHAT_TO_DO.search(folded)
    return bool(found) and len(folded[:found.start()].split()) <= WHAT_TO_DO_LEAD


def after_yes(text: str) -> Optional[str]:
    """'Ja, graag. Vooral over hoe ik mijn week slimmer kan inrichten.' -> what follows the yes
    (folded; '' for a bare 'ja graag'); None when the message does not open with a yes."""
    folded = fold(text or "")
    found = _OPENS_WITH_YES.match(folded)
    return folded[found.end():].strip() if found else None


def asks_first_step(text: str) -> bool:
    """'wat eerst?', 'waar begin ik?', 'wat kan ik nu het beste doen?': after the plan, which of
    it comes first."""
    return bool(_FIRST_STEP.search(fold(text or "")))


def asks_for_more(text: str) -> bool:
    """'wat kan ik nog meer doen?', 'heb je nog andere tips?', 'is er nog iets?': more of what
    was just given, not a new question (only for short messages)."""
    return len((text or "").split()) <= MORE_WORDS and bool(_ASKS_MORE.search(fold(text or "")))
