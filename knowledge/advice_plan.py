"""From a worker's interview answers to an advice plan: per topic the best-fitting advice,
the places to turn to for their condition, and questions for the company doctor.

Everything comes from the knowledge base: advice items are found by free-text search on the
worker's own words, kept to the topic's knowledge themes; questions for the company doctor are
built from the chosen advice and the source's own list of questions (zm-vragen-aan-bedrijfsarts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Collection, Dict, List, Optional, Sequence

from . import vocabulary as voc
from .base import KnowledgeBase
from .schema import Condition, Item, Resource
from .situation import (ADVICE_TOPICS, EMPLOYER_TOPIC_QUERY, FACTOR_QUERY, FACTOR_THEMES,
                        SKIPPED, TOPIC_LABELS, TOPIC_QUERY, TOPICS, Reading, clauses,
                        clean_answer, job_at_risk, read_answer, read_story, says_fine)

ITEMS_PER_TOPIC = 3      # the first is shown, the rest on 'meer'
FOR_CONDITION = 2        # advice for the condition in particular, on 'meer'
# Support factors that only say who is meant (any mention of the boss or home names them).
WHO_FACTORS = ("steun_werk", "steun_thuis")
# What the sources advise when the work itself no longer fits (guideline 3.2).
UNPROVEN = "onvoldoende_bewijs"
# How deep a work factor's items are searched for one written for the job seeker.
SPECIFIC_DEPTH = 5
NO_LONGER_FITS_QUERY = "functie past niet meer: andere functie, scholing of omscholing"
RESOURCES = 4
SEARCH_DEPTH = 40
# A strong concern about a topic said in another answer counts even when the topic's own
# answer was fine (`_with_elsewhere`).
STRONG_ELSEWHERE = 2
# The source item whose questions every worker can take to the company doctor.
DOCTOR_QUESTIONS_ITEM = "zm-vragen-aan-bedrijfsarts"
PREPARE_ITEM = "zm-gesprek-voorbereiden"
# An employer's first step is the conversation with the employee (guideline 3.2's tool).
PREPARE_ITEM_EMPLOYER = "rl-3.2-gesprekswijzer"
# What guideline 3.2 advises employers whatever the illness (after the conversation): room to
# try what works, colleagues taking over tasks for a while, advice from the company doctor,
# and the patient organisations. An employer's plan offers them after the topic advice.
EMPLOYER_STEPS = ("rl-3.2-werkgever-ruimte-uitproberen", "rl-3.2-taken-tijdelijk-overnemen",
                  "rl-3.2-werkgever-ondersteuning", "rl-3.2-werkgever-patientenorganisaties")


@dataclass
class TopicAdvice:
    reading: Reading
    items: List[Item]

    @property
    def topic(self) -> str:
        return self.reading.topic


@dataclass
class AdvicePlan:
    audience: str
    answers: Dict[str, Optional[str]]
    condition: Optional[Condition]
    condition_text: Optional[str]
    topics: List[TopicAdvice]          # most important first
    resources: List[Resource]
    discuss_with: List[str]            # DISCUSS_WITH keys, most often named first
    doctor_questions: List[str]
    prepare_item: Optional[Item] = None
    doctor_questions_item: Optional[Item] = None
    fine: List[str] = field(default_factory=list)      # topics the worker said are fine
    skipped: List[str] = field(default_factory=list)   # topics the worker skipped
    employer_steps: List[Item] = field(default_factory=list)  # an employer's, not in topics
    # What the sources advise for this condition in particular ('hartrevalidatie met aandacht
    # voor werk'), not in topics: offered first on 'meer'.
    for_condition: List[Item] = field(default_factory=list)

    @property
    def item_ids(self) -> List[str]:
        return [item.id for block in self.topics for item in block.items]


CHECKLIST_THEME = "factoren"


def make_plan(kb: KnowledgeBase, answers: Dict[str, Optional[str]],
              audience: str = "werkende", told: Optional[Dict[str, str]] = None) -> AdvicePlan:
    """Plan for the answers of one interview (topic -> the worker's words, SKIPPED or None).
    An employer's interview is about their employee: the employer's texts come first.
    `told` is what a story before the interview said per topic (`read_story`): it adds to the
    answers as the other answers do ('reizen kost me al te veel energie' in the first message)."""
    audience = _plan_audience(audience)
    told = {t: v for t, v in (told or {}).items() if t in TOPICS and isinstance(v, str) and v}
    condition_text = answers.get("aandoening")
    if condition_text in (None, SKIPPED):
        condition_text = told.get("aandoening")
    condition = kb.match_condition(condition_text) if condition_text else None

    readings: List[Reading] = []
    fine: List[str] = []
    skipped: List[str] = []
    told_elsewhere = _told_elsewhere(answers, told,
                                     condition_name=condition.name if condition else None)
    for topic in ADVICE_TOPICS:
        reading = _with_elsewhere(read_answer(topic, answers.get(topic)),
                                  read_answer(topic, told_elsewhere.get(topic)))
        if _about_other_topics(reading):
            # 'dat ik niet weet wie het weet, en bang dat de eigenaar me eruit werkt' to the
            # work question: about telling and the job, which their own topics take up;
            # searched as work it gave 'werk dat fysiek minder belastend is'.
            continue
        if reading is None:
            skipped.append(topic)
        elif reading.concern == 0:
            if says_fine(reading.text):  # not 'fine' when the answer was about something else
                fine.append(topic)
        else:
            readings.append(reading)
    # Most important first: the stronger the concern and the more factors named, the earlier.
    readings.sort(key=lambda r: (-r.concern, -len(r.factors), ADVICE_TOPICS.index(r.topic)))

    used: set = set()
    blocks = []
    at_risk = any(job_at_risk(text) for text in [*answers.values(), *told.values()]
                  if isinstance(text, str))
    for reading in readings:
        items = _advice(kb, reading, audience, condition, used, at_risk)
        if items:
            used.update(item.id for item in items)
            blocks.append(TopicAdvice(reading, items))

    resources = _resources(kb, condition, blocks)
    discuss = _discuss_with(blocks)
    questions_item = kb.get_item(DOCTOR_QUESTIONS_ITEM)
    return AdvicePlan(
        audience=audience, answers={t: answers.get(t) for t in TOPICS}, condition=condition,
        condition_text=condition_text, topics=blocks, resources=resources,
        discuss_with=discuss, doctor_questions=_doctor_questions(blocks, audience),
        prepare_item=kb.get_item(PREPARE_ITEM_EMPLOYER if audience == "werkgever"
                                 else PREPARE_ITEM),
        doctor_questions_item=questions_item,
        fine=fine, skipped=skipped,
        employer_steps=[item for item in map(kb.get_item, EMPLOYER_STEPS) if item is not None
                        and item.id not in used] if audience == "werkgever" else [],
        for_condition=_for_condition(kb, condition, audience, used))


def advice_for_answer(kb: KnowledgeBase, topic: str, text: str, audience: str = "werkende",
                      condition_text: Optional[str] = None,
                      exclude: Sequence[str] = ()) -> List[Item]:
    """The advice a plan would give for one new answer ('na een uur code lezen zit mijn hoofd
    vol' after the plan: concentration), leaving out `exclude` (what was given already); none
    for an answer without a concern."""
    audience = _plan_audience(audience)
    reading = read_answer(topic, text)
    if reading is None or reading.concern == 0:
        return []
    condition = kb.match_condition(condition_text) if condition_text else None
    return _advice(kb, reading, audience, condition, set(exclude))


def _plan_audience(audience: str) -> str:
    """Plans are for workers, job seekers and employers; anyone else gets a worker's."""
    return audience if audience in ("werkende", "werkzoekende", "werkgever") else "werkende"


def _told_elsewhere(answers: Dict[str, Optional[str]],
                    told: Optional[Dict[str, str]] = None,
                    condition_name: Optional[str] = None) -> Dict[str, str]:
    """Per advice topic, what the other answers (and a story before the interview) say about
    it: people answer the question they have in mind ('tillen en de vrieshal' to the question
    about energy, 'benauwd bij stof en kou' with their condition)."""
    parts: Dict[str, List[str]] = {topic: [part] for topic, part in (told or {}).items()
                                   if topic in ADVICE_TOPICS}
    for source in TOPICS:
        text = answers.get(source)
        if not text or text == SKIPPED or text == condition_name:
            continue  # the condition's own name ('Posttraumatische stressstoornis') is no story
        for topic, part in read_story(text).items():
            if topic != source:
                parts.setdefault(topic, []).append(part)
    return {topic: clean_answer(", ".join(found)) for topic, found in parts.items()}


def _about_other_topics(reading: Optional[Reading]) -> bool:
    """A concern in an answer that names nothing of its own topic, while its parts are about
    other topics (`read_story`)."""
    if reading is None or reading.concern == 0 or reading.factors:
        return False
    found = read_story(reading.text)
    if not found or reading.topic in found:
        return False
    # Every part of the answer is about those topics ('aan het eind van de dag ben ik op' is
    # about energy, even unnamed: kept).
    told = " ".join(found.values())
    return all(part in told for part in clauses(reading.text))


def _with_elsewhere(own: Optional[Reading], elsewhere: Optional[Reading]) -> Optional[Reading]:
    """The answer to the topic's own question leads; what was said elsewhere adds its factors.
    A topic called fine by its own answer stays fine, unless another answer raises a strong
    concern about it ('mijn vriend steunt me' to the support question, 'bang dat de eigenaar
    erachter komt' to the work question); a skipped one is read from elsewhere."""
    if elsewhere is None or not elsewhere.factors or elsewhere.concern == 0:
        return own
    if own is None:
        return elsewhere
    if own.concern == 0 and elsewhere.concern < STRONG_ELSEWHERE:
        return own
    factors = tuple(dict.fromkeys(own.factors + elsewhere.factors))
    return Reading(own.topic, clean_answer(f"{own.text} {elsewhere.text}"),
                   max(own.concern, elsewhere.concern), factors)


def _advice(kb: KnowledgeBase, reading: Reading, audience: str,
            condition: Optional[Condition], used: set, at_risk: bool = False) -> List[Item]:
    """Advice items for one answer: search on the worker's words, kept to the topic's themes."""
    themes = set(reading.themes)
    words = [reading.text]
    words += [FACTOR_QUERY.get(f, "") for f in reading.factors] or [TOPIC_QUERY[reading.topic]]
    words += [voc.THEMES.get(t, "") for t in reading.themes]
    if audience == "werkgever":
        words.append(EMPLOYER_TOPIC_QUERY.get(reading.topic, ""))
    if condition:
        words.append(condition.name)
    query = " ".join(w for w in words if w)
    # The best item, then the best for each other factor named (advice before findings), then
    # the rest by rank.
    per_factor: Dict[str, Item] = {}
    ranked: List[Item] = []
    limit = max(ITEMS_PER_TOPIC, len(reading.factors))
    for wanted_audience in dict.fromkeys((audience, "werkende")):
        hits = kb.search(query, audience=wanted_audience, limit=SEARCH_DEPTH, prefer_advice=True)
        fitting = [h.item for h in hits
                   if themes.intersection(h.item.themes) and h.item.id not in used
                   and _fits_condition(h.item, condition)]
        advice = [i for i in fitting if i.actionable and i.evidence != UNPROVEN]
        if condition is not None:  # what the sources say for this condition first (the best
            # one: a second therapy must not push the adjustment they asked about down)
            own = next((i for i in advice if condition.id in i.conditions), None)
            advice = ([own] if own else []) + [i for i in advice if i is not own]
        # The doctor's checklists ('which factors to map', guideline 1.2) are advice about all
        # factors at once: after the advice on this one ('werkdruk' got 'factoren met minder
        # bewijs meenemen' before 'ken je grenzen').
        advice = [i for i in advice if i.themes[0] != CHECKLIST_THEME] + \
            [i for i in advice if i.themes[0] == CHECKLIST_THEME]
        findings = [i for i in fitting if not i.actionable and i.evidence != UNPROVEN]
        # 'onvoldoende bewijs dat ... helpt' is no advice to plan with: last, if at all.
        unproven = [i for i in fitting if i.evidence == UNPROVEN]
        if _job_seekers_work(reading, audience):
            # About work, a job seeker's own items first (finding work, work near home).
            advice = [i for i in advice if "werkende" not in i.audiences] + \
                [i for i in advice if "werkende" in i.audiences]
        _best_per_factor(advice + findings, reading, audience, per_factor)
        ranked += advice + findings + unproven
        if len(set(per_factor.values()) | set(ranked)) >= limit:
            break
    chosen = list(dict.fromkeys([*per_factor.values(), *ranked]))[:limit]
    if not chosen:  # nothing matched the words: the topic's advice, most specific first
        chosen = [i for i in kb.advice_for(list(themes), audience,
                                           condition.id if condition else None)
                  if i.id not in used][:limit]
    chosen = _remedy_first(kb, chosen, audience, condition, used)
    if reading.topic == "werkbelasting" and (reading.concern >= 2 or at_risk) \
            and audience != "werkgever":
        # Work that has become too heavy, or a job at risk: the sources' other route when the
        # job no longer fits (guideline 3.2: another function, training) comes second, after
        # the best adjustment.
        hits = kb.search(f"{reading.text} {NO_LONGER_FITS_QUERY}", audience=audience,
                         limit=ITEMS_PER_TOPIC, prefer_advice=True)
        extra = next((h.item for h in hits if h.item not in chosen and h.item.id not in used
                      and h.item.kind in voc.ADVICE_KINDS
                      and _fits_condition(h.item, condition)), None)
        if extra is not None:
            # Second; for a job seeker after the items on finding work and getting there.
            at = 1 if audience != "werkzoekende" else len(per_factor)
            if condition is not None and chosen and condition.id in chosen[0].conditions:
                at += 1  # after the condition's own advice, the best adjustment first
            chosen = chosen[:at] + [extra] + chosen[at:limit]
    return chosen


def _remedy_first(kb: KnowledgeBase, chosen: List[Item], audience: str,
                  condition: Optional[Condition], used: set) -> List[Item]:
    """A block that would open with a barrier ('minder lang volhouden en elke dag anders')
    opens with what the sources say helps against it (`Item.helped_by`), the barrier second:
    the plan shows one item per topic, and someone who told it needs something to do."""
    if not chosen:
        return chosen
    remedy = first_remedy(kb, chosen[0], audience, used, {condition.id} if condition else set())
    if remedy is None:
        return chosen
    rest = [i for i in chosen if i is not remedy]
    return [remedy] + rest[:max(len(chosen) - 1, 1)]


def first_remedy(kb: KnowledgeBase, item: Item, audience: str, exclude: Collection[str],
                 conditions: Collection[str] = ()) -> Optional[Item]:
    """What the sources say helps against the barrier `item` describes (`Item.helped_by`, best
    first): the first remedy for `audience` not in `exclude` and not about a condition other
    than `conditions`; None when the item names no barrier or all its remedies are used."""
    for ident in item.helped_by:
        remedy = kb.get_item(ident)
        if remedy is not None and ident not in exclude and audience in remedy.audiences \
                and (not remedy.conditions or set(remedy.conditions) & set(conditions)):
            return remedy
    return None


def _best_per_factor(ranked: Sequence[Item], reading: Reading, audience: str,
                     picked: Dict[str, Item]) -> None:
    """The best item (advice first, as ranked) for each factor the answer names and `picked`
    has none for yet: 'solliciteren, en reizen kost me te veel energie' gets something on
    finding work and on the journey, not three items on one of them."""
    # About work, a job seeker's own items first ('thuis of dicht bij huis werken').
    job_seekers_work = _job_seekers_work(reading, audience)
    # A job seeker's first concern about work is finding work that fits: that factor first.
    # Who is named ('baas', 'collega's', 'thuis') says less than what is wrong ('vrouw is bang,
    # ze belt me 3x per dag': overprotection): the people last.
    factors = sorted(reading.factors, key=lambda f: (f != "werk_zoeken" if job_seekers_work
                                                     else False, f in WHO_FACTORS))
    for factor in factors:
        if factor in picked:
            continue
        wanted = set(FACTOR_THEMES.get(factor, (factor,)))
        candidates = [i for i in ranked if wanted.intersection(i.themes)
                      and i not in picked.values()]
        own = [i for i in candidates[:SPECIFIC_DEPTH] if "werkende" not in i.audiences] \
            if job_seekers_work else []
        if own or candidates:
            picked[factor] = (own or candidates)[0]


def _job_seekers_work(reading: Reading, audience: str) -> bool:
    """A job seeker's answer about work: their own items (finding work) come first."""
    return audience == "werkzoekende" and reading.topic == "werkbelasting"


def _fits_condition(item: Item, condition: Optional[Condition]) -> bool:
    """Items about one condition only fit a worker with that condition."""
    return not item.conditions or (condition is not None and condition.id in item.conditions)


def _resources(kb: KnowledgeBase, condition: Optional[Condition],
               blocks: Sequence[TopicAdvice]) -> List[Resource]:
    """Places for the condition first, then tools the chosen advice names, then generic ones."""
    pool = kb.resources_for(condition.id if condition else None)
    specific = [r for r in pool if not r.is_generic]
    linked = [kb.get_resource(rid) for block in blocks for item in block.items[:1]
              for rid in item.resources]
    generic = [r for r in pool if r.is_generic]
    result: List[Resource] = []
    for resource in [*specific, *linked, *generic]:
        # A tool for the condition counts even without a web address; others need one.
        if resource is not None and (resource.url or resource in specific) \
                and resource not in result:
            result.append(resource)
    return result[:RESOURCES]


def _for_condition(kb: KnowledgeBase, condition: Optional[Condition], audience: str,
                   used: set) -> List[Item]:
    """What the sources advise for this condition in particular and the topics did not bring
    up (a heart patient's 'hartrevalidatie met aandacht voor werk'): something to do, with more
    than too little evidence, strongest evidence first."""
    if condition is None:
        return []
    items = [item for item in kb.content.items.values()
             if condition.id in item.conditions and item.id not in used and item.actionable
             and item.evidence != UNPROVEN and audience in item.audiences
             and _titled_for(kb, item, condition)]
    items.sort(key=lambda item: (-voc.EVIDENCE_RANK.get(item.evidence or "", 0), item.id))
    return items[:FOR_CONDITION]


def _titled_for(kb: KnowledgeBase, item: Item, condition: Condition) -> bool:
    """An item whose title names a condition is for that one: 'PTSS - psychotherapie met
    exposure' is about PTSS, not about every psychological condition it is filed under."""
    named = {match.condition.id for match in kb.matcher.matches(item.title)}
    return not named or condition.id in named


def _discuss_with(blocks: Sequence[TopicAdvice]) -> List[str]:
    counts: Dict[str, int] = {}
    for block in blocks:
        for person in block.items[0].discuss_with:
            counts[person] = counts.get(person, 0) + 1
    ordered = sorted(counts, key=lambda p: -counts[p])
    return ordered or ["bedrijfsarts"]


def _doctor_questions(blocks: Sequence[TopicAdvice], audience: str) -> List[str]:
    """One question per topic: what I noticed, the matched advice, and whether it fits me."""
    return [f"{TOPIC_LABELS[block.topic]}: ik merk dit: '{block.reading.text}'. Mijn bronnen "
            f"noemen '{block.items[0].title_for(audience)}'. Past dat bij mij, en wat is "
            "ervoor nodig?" for block in blocks]
