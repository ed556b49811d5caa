"""The understanding rules: one ordered table with explicit precedence over the classifier.

The intent classifier (DIET) decides what people mean; rules only act where a model cannot do
the job: safety nets (danger, medical referral, erasing data) and exact commands. Each rule
reads the message and the classifier's ranking and may return an outcome. The table is walked
in order; the first rule that sets an intent *decides*, and a later rule may change that only
when its `may_override` names the deciding rule. Rules that *demote* (take an intent out of
the running) only touch the classifier's guesses, never a decided intent.

The rule that fired is reported (`Decision.rule`) and written into the message by the NLU
adapter (`bot/components/understanding.py`) as `understanding.rule`; actions read that, never a
magic confidence value. No Rasa imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot.understanding import privacy
from bot.understanding.cues import after_yes, asks_first_step, asks_for_action
from bot.understanding import vocabulary as voc
from bot.understanding.medical import about_guideline, asks_medical
from bot.understanding.safety import NONE as SAFE_VERDICT, SafetyVerdict
from knowledge.situation import asks_something, factors_in, is_follow_up
from knowledge.text import fold

CRISIS, CHECK = "crisis", "crisis_check"
MEDICAL, QUESTION = "medical_question", "ask_question"
STORY, ROLE, MORE = "share_situation", "choose_role", "more"
_MORE_WORDS = re.compile(r"\b(meer|verder|door|nog|andere|uitgebreider|eentje)\b")
FALLBACK, FOREIGN = "nlu_fallback", "other_language"
# Intents a medical question is never re-labelled from: the user is doing something else.
KEEP_FROM_MEDICAL = frozenset({CRISIS, CHECK, "stop", "start_over", "goodbye", "skip", "go_back",
                               privacy.SHOW, privacy.DELETE})
# Commands of the conversation are short ('meer', 'terug', 'nee', 'mijn antwoord over geld
# klopt niet'): a longer message that asks something is a question, whatever the classifier
# made of it.
COMMAND_WORDS = 7
SHORT_COMMANDS = frozenset({MORE, "correct", "go_back", "skip", "affirm", "deny", "stop",
                            "start_over", "greet", "thank", "goodbye"})
_CORRECTION = voc.any_of(voc.CORRECTION_WORDS)
_GOODBYE = voc.any_of(voc.GOODBYE_WORDS)
_GOODBYE_STRONG = voc.any_of(voc.GOODBYE_STRONG)
GOODBYE_SHORT = 5  # words: 'klaar', 'nee hoor, ik ben klaar', 'ik ga er nu af'
_DOMAIN = voc.any_of(voc.DOMAIN_WORDS)
OUT_OF_SCOPE = "out_of_scope"
# The classifier is sure a request is about something else: a passing mention of work stays.
SURE_OUT_OF_SCOPE = 0.8
# 'wat mag ik vragen over zijn ziekte?': about someone else's illness, not one's own.
_ABOUT_SOMEONE_ELSE = re.compile(rf"\b(zijn|haar|z'n|zn|hun|hem)\b|\b(mijn|onze|een) "
                                 rf"({voc.PEOPLE_AROUND})\b")
# Words that make 'wat kan ik ... doen?' a question about the assistant itself.
_ABOUT_THE_BOT = re.compile(r"\b(jij|jou|u|jullie|chat\w*|bot|app|hier\w*|werkbaar|typen|"
                            r"allemaal|voor (me|mij))\b")
# 'ik ben bedrijfsarts, wat kun je?' introduces; 'mag ik als verzekeringsarts ...?' asks.
ROLE_WORDS = 5

Ranking = List[Dict[str, float]]


@dataclass
class Reading:
    """What the rules read: the text, the classifier's ranking and the two judges' verdicts."""
    text: str
    ranking: Ranking
    language: str = "dutch"                 # Lexicon.judge: dutch, foreign, nonsense, empty
    safety: SafetyVerdict = SAFE_VERDICT
    intent: str = ""                        # the current intent (classifier's, then decided)
    confidence: float = 0.0
    decided_by: Optional[str] = None
    kind: Optional[str] = None
    fired: List[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Outcome:
    intent: str
    confidence: Optional[float] = None     # None: keep the classifier's confidence
    kind: Optional[str] = None
    demote: bool = False                   # take `intent`'s competitors out, not decide


@dataclass(frozen=True)
class Rule:
    id: str
    applies: Callable[[Reading], Optional[Outcome]]
    may_override: Tuple[str, ...] = ()
    why: str = ""


def _next_guess(reading: Reading, without: Sequence[str]) -> Optional[Outcome]:
    """The classifier's best other guess; never a safety intent (only the safety rules, which
    come first, decide those)."""
    others = [r for r in reading.ranking
              if r["name"] not in without and r["name"] not in (CRISIS, CHECK)]
    if not others:
        return Outcome(FALLBACK, 0.0, demote=True)
    return Outcome(others[0]["name"], float(others[0]["confidence"]), demote=True)


def _danger(r: Reading) -> Optional[Outcome]:
    if r.safety.level == "alarm":
        return Outcome(CRISIS, 1.0, kind=r.safety.kind)
    return None


def _check(r: Reading) -> Optional[Outcome]:
    return Outcome(CHECK, 1.0) if r.safety.level == "check" else None


def _classifier_crisis_without_signal(r: Reading) -> Optional[Outcome]:
    """DIET heard 'dood' in an idiom or a denial and neither safety layer agrees."""
    if r.intent in (CRISIS, CHECK) and r.safety.level == "none":
        return _next_guess(r, (CRISIS, CHECK))
    return None


def _foreign(r: Reading) -> Optional[Outcome]:
    return Outcome(FOREIGN, 1.0) if r.language == "foreign" else None


def _nonsense(r: Reading) -> Optional[Outcome]:
    return Outcome(FALLBACK, 1.0) if r.language == "nonsense" else None


def _privacy_command(r: Reading) -> Optional[Outcome]:
    command = privacy.strong_command(r.text)
    return Outcome(command, 1.0) if command else None


def _privacy_restart(r: Reading) -> Optional[Outcome]:
    if r.intent == privacy.DELETE and privacy.RESTART.search(r.text):
        return Outcome("start_over", r.confidence)
    return None


# Showing what is stored is harmless: without its words only a sure classifier keeps it.
SHOW_SURE = 0.8


def _privacy_without_cue(r: Reading) -> Optional[Outcome]:
    """Erasing cannot be undone: only when the message says to delete something; otherwise
    the next guess. Showing data without its words needs a sure classifier."""
    if r.intent == privacy.DELETE and not privacy.has_cue(r.intent, r.text):
        return _next_guess(r, privacy.PRIVACY)
    if r.intent == privacy.SHOW and r.confidence < SHOW_SURE \
            and not privacy.has_cue(r.intent, r.text):
        return _next_guess(r, privacy.PRIVACY)
    return None


def _medical(r: Reading) -> Optional[Outcome]:
    if r.intent not in KEEP_FROM_MEDICAL and r.intent != MEDICAL and asks_medical(r.text):
        return Outcome(MEDICAL, 1.0)
    return None


def _medical_statement(r: Reading) -> Optional[Outcome]:
    """A statement ('toch vaak moe') is never referred, nor a question about the guideline,
    work or someone else's illness ('wat mag ik vragen over zijn ziekte?'): those questions
    are answered; only medical questions go to the doctor."""
    if r.intent != MEDICAL or asks_medical(r.text):
        return None
    if not asks_something(r.text):
        return _next_guess(r, (MEDICAL,))
    if about_guideline(r.text) or _ABOUT_SOMEONE_ELSE.search(fold(r.text)):
        return Outcome(QUESTION, 1.0)
    return None


def _in_scope(r: Reading) -> Optional[Outcome]:
    """A question with the assistant's own words (work, the guideline, an illness) is not out
    of scope, unless the classifier is sure the request is about something else and names work
    or an illness only in passing ('gaat het regenen? ik moet naar mijn werk')."""
    if r.intent == OUT_OF_SCOPE and r.confidence >= SURE_OUT_OF_SCOPE:
        return None  # the request itself is elsewhere ('weer', 'recept'); work is in passing
    if r.intent in (OUT_OF_SCOPE, FALLBACK) and asks_something(r.text) \
            and _DOMAIN.search(fold(r.text)):
        return Outcome(QUESTION, 1.0)
    return None


def _story_that_asks(r: Reading) -> Optional[Outcome]:
    if r.intent in (STORY, ROLE) and r.words > ROLE_WORDS and asks_something(r.text):
        return Outcome(QUESTION, 1.0)  # answer first, also when the classifier was unsure
    return None


def _correct_without_words(r: Reading) -> Optional[Outcome]:
    """Changing a stored answer needs words that say so ('mijn antwoord over geld klopt
    niet'); 'we hebben het nooit over aanpassingen gehad' is an answer, not a correction."""
    if r.intent == "correct" and not _CORRECTION.search(fold(r.text)):
        return _next_guess(r, ("correct",))
    return None


def _long_command(r: Reading) -> Optional[Outcome]:
    if (r.intent in SHORT_COMMANDS or r.intent == FALLBACK) and r.words > COMMAND_WORDS \
            and asks_something(r.text):
        return Outcome(QUESTION, 1.0)
    # 'altijd moe, tips?' read as 'meer': a question that names what it is about is a question.
    if r.intent == MORE and asks_something(r.text) and factors_in(r.text) \
            and not _MORE_WORDS.search(fold(r.text)):
        return Outcome(QUESTION, 1.0)
    return None


def _command_without_words(r: Reading, intent: str, words: "re.Pattern[str]",
                           strong: "re.Pattern[str]", short: int) -> Optional[Outcome]:
    """A command that ends or rewinds something needs words that say it; its weaker words
    only in a short message."""
    if r.intent != intent:
        return None
    folded = fold(r.text)
    if not words.search(folded) or (r.words > short and not strong.search(folded)):
        return _next_guess(r, (intent,))
    return None


def _goodbye_without_words(r: Reading) -> Optional[Outcome]:
    """Goodbye ends the conversation (and the interview): only with words that say it; 'klaar'
    or 'ik ga' only in a short message ('borstkanker, chemo vorig jaar klaar' is an answer)."""
    return _command_without_words(r, "goodbye", _GOODBYE, _GOODBYE_STRONG, GOODBYE_SHORT)


# Words that stop the interview or the conversation ('ja, stop maar', 'ja laat maar').
_STOP_WORDS = re.compile(r"\b(stop\w*|ophouden|hou (maar )?op|kappen|afbreken|breek|laat (maar|het)|"
                         r"genoeg|hoeft niet|geen vragen)\b")


# Going back a question needs words that say so; 'terug' alone only in a short message ('Dan
# zit ik in de bus terug te hijgen' answered the energy question and went back, every time).
_GO_BACK = re.compile(r"\b(terug|vorige|back)\b")
_GO_BACK_STRONG = re.compile(r"\b(vorige (vraag|stap)|vraag terug|stap terug|ga (\w+ )?terug|"
                             r"gaan (\w+ )?terug|terug naar (de |het )?vorige|wil terug|kan ik terug)\b")
GO_BACK_SHORT = 4  # words: 'terug', 'ga terug', 'even terug aub'


def _go_back_without_words(r: Reading) -> Optional[Outcome]:
    return _command_without_words(r, "go_back", _GO_BACK, _GO_BACK_STRONG, GO_BACK_SHORT)


def _yes_is_no_stop(r: Reading) -> Optional[Outcome]:
    """'Ja, doe maar. Als het maar praktisch is, met praatjes kom ik niet verder.' opens with a
    yes: it was read as 'stop' (0.62) and ended the conversation."""
    if r.intent == "stop" and after_yes(r.text) is not None \
            and not _STOP_WORDS.search(fold(r.text)):
        return Outcome("affirm", 1.0)
    return None


def _first_step(r: Reading) -> Optional[Outcome]:
    if r.intent != QUESTION and asks_first_step(r.text):
        return Outcome(QUESTION, 1.0)  # 'wat eerst?' read as out of scope
    return None


def _action_not_capabilities(r: Reading) -> Optional[Outcome]:
    """'wat kan ik doen?' asks for advice; 'wat kan ik hier doen?', 'wat kun jij voor me doen?'
    ask what the assistant can do."""
    if r.intent == "ask_capabilities" and asks_for_action(r.text) \
            and not _ABOUT_THE_BOT.search(fold(r.text)):
        return Outcome(QUESTION, 1.0)
    return None


def _follow_up(r: Reading) -> Optional[Outcome]:
    if r.intent != QUESTION and is_follow_up(r.text) and "?" in r.text:
        return Outcome(QUESTION, 1.0)
    return None


# The table. Order is precedence: safety first, then what the message is (language), then
# commands and safety nets, then the classifier's own intent refined. `may_override` is empty
# everywhere: nothing undoes a safety decision, and nothing undoes a language verdict.
RULES: Tuple[Rule, ...] = (
    Rule("safety.danger", _danger, why="danger signal by pattern or model: help first"),
    Rule("safety.check", _check, why="weak signal: ask directly"),
    Rule("safety.not_crisis", _classifier_crisis_without_signal,
         why="classifier said crisis, both safety layers disagree (idiom, denial)"),
    Rule("language.foreign", _foreign, why="another language: a Dutch reply says so"),
    Rule("language.nonsense", _nonsense, why="mostly no words: ask to rephrase"),
    Rule("privacy.command", _privacy_command, why="the commands the greeting advertises"),
    Rule("privacy.restart", _privacy_restart, why="'wis alles en begin opnieuw' starts again"),
    Rule("privacy.no_cue", _privacy_without_cue, why="erasing needs words that say so"),
    Rule("medical.question", _medical, why="medication or diagnosis: refer to a doctor"),
    Rule("medical.statement", _medical_statement,
         why="a statement, a guideline question or one about someone else is no medical "
             "question"),
    Rule("scope.domain_question", _in_scope,
         why="a question about work or an illness is in scope"),
    Rule("interview.correct_needs_words", _correct_without_words,
         why="changing a stored answer needs words that say so"),
    Rule("question.story_asks", _story_that_asks, why="a story that asks is answered"),
    Rule("question.long_command", _long_command,
         why="commands are short: a long message that asks is a question"),
    Rule("question.follow_up", _follow_up, why="'en bij NAH?' narrows the last answer"),
    Rule("conversation.goodbye_needs_words", _goodbye_without_words,
         why="'ik heb MS' was read as goodbye and ended the interview"),
    Rule("interview.go_back_needs_words", _go_back_without_words,
         why="'dan zit ik in de bus terug te hijgen' was read as going back a question"),
    Rule("conversation.yes_is_no_stop", _yes_is_no_stop,
         why="'ja, doe maar. ... kom ik niet verder' was read as stop"),
    Rule("question.action_not_capabilities", _action_not_capabilities,
         why="'wat kan ik nog doen' got the assistant's capabilities after the plan"),
    Rule("question.first_step", _first_step,
         why="'wat eerst?' asks which advice comes first (after the plan: their own)"),
)


@dataclass(frozen=True)
class Decision:
    intent: str
    confidence: float
    rule: Optional[str]
    kind: Optional[str]
    ranking: Ranking
    fired: Tuple[str, ...] = ()


def decide(reading: Reading, rules: Sequence[Rule] = RULES) -> Decision:
    """Walk the table; return the intent, the deciding rule and a consistent ranking."""
    if reading.ranking:
        reading.intent = reading.intent or reading.ranking[0]["name"]
        reading.confidence = reading.confidence or float(reading.ranking[0]["confidence"])
    for rule in rules:
        if reading.decided_by and reading.decided_by not in rule.may_override:
            continue
        outcome = rule.applies(reading)
        if outcome is None:
            continue
        reading.fired.append(rule.id)
        confidence = reading.confidence if outcome.confidence is None else outcome.confidence
        reading.ranking = _reranked(reading.ranking, outcome, confidence)
        reading.intent, reading.confidence = outcome.intent, confidence
        if not outcome.demote:
            reading.decided_by = rule.id
            reading.kind = outcome.kind
    return Decision(reading.intent, reading.confidence, reading.decided_by, reading.kind,
                    reading.ranking, tuple(reading.fired))


def _reranked(ranking: Ranking, outcome: Outcome, confidence: float) -> Ranking:
    """`outcome.intent` first. A decided intent caps the others at half its confidence (so the
    fallback sees no tie); a demotion moves the demoted guesses to the end at confidence 0."""
    if outcome.demote:
        first = [r for r in ranking if r["name"] == outcome.intent][:1] or [
            {"name": outcome.intent, "confidence": confidence}]
        index = next((i for i, r in enumerate(ranking) if r["name"] == outcome.intent),
                     len(ranking))
        skipped = [{**r, "confidence": 0.0} for r in ranking[:index]]
        rest = [r for r in ranking[index + 1:]]
        return [*first, *rest, *skipped]
    others = [{**r, "confidence": min(float(r["confidence"]), confidence / 2)}
              for r in ranking if r["name"] != outcome.intent]
    return [{"name": outcome.intent, "confidence": confidence}, *others]
