"""`KnowledgeBase`: read-only queries over the knowledge store, held in memory."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Union

import numpy as np

from bot.understanding.cues import asks_about_evidence, asks_for_action

from . import vocabulary as voc
from .matcher import LearnedMatcher
from .matching import ConditionMatcher
from .schema import Condition, Content, Item, Resource
from .search import SearchIndex, best
from .store import read_store

# Order of resource kinds within a group of resources_for / search_resources.
# How much a finding counts against advice when `search(prefer_advice=True)`.
FINDING_WEIGHT = 0.75
# How much an item about another condition than the question names counts.
OTHER_CONDITION_WEIGHT = 0.6
# A question about the evidence: anything but a conclusion (which states its level) counts this
# much (blind audience questions v3: a recommendation outranked the conclusion it rests on).
EVIDENCE_WEIGHT = 0.5
# Conclusions without a level of evidence (experiences from focus groups, opinions): they do not
# answer 'werkt het echt?'; 'onvoldoende bewijs' does ('no, not shown').
UNGRADED = ("geen_niveau", "mening")
# Share of the learned matcher (question bank) in the fused score; the rest is the lexical
# search over item texts. Chosen on the dev set and a split of the bank (bench/matcher_eval.py
# --dev): top-1 / top-3 on the dev set 0.542 / 0.783 lexical only, 0.779 / 0.904 at 0.7.
LEARNED_WEIGHT = 0.7

_KIND_ORDER = {kind: i for i, kind in enumerate((
    "patientenorganisatie", "ervaringsdeskundige_coach", "koepelorganisatie",
    "kenniscentrum", "hulpmiddel", "regeling", "organisatie"))}


@dataclass(frozen=True)
class SearchHit:
    item: Item
    score: float

    @property
    def source(self) -> str:
        """Citation: document title, section and heading."""
        return self.item.source.label


@dataclass(frozen=True)
class ResourceHit:
    resource: Resource
    score: float


def _item_document(item: Item) -> str:
    parts = [item.title, item.title, item.text, item.text_professional or "",
             item.text_employer or "", " ".join(item.keywords), " ".join(item.keywords),
             item.source.heading or "", voc.THEMES.get(item.themes[0], "")]
    return "\n".join(parts)


class KnowledgeBase:
    """All knowledge in memory plus a search index. Create with `KnowledgeBase.open()`."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._items: List[Item] = list(content.items.values())
        self._position = {item.id: i for i, item in enumerate(self._items)}
        self._resources: List[Resource] = list(content.resources.values())
        self.matcher = ConditionMatcher(content.conditions.values())
        self._index = SearchIndex([_item_document(item) for item in self._items])
        self.learned = LearnedMatcher(self._items)
        self.learned_weight = LEARNED_WEIGHT if self.learned.messages else 0.0
        self._audience_mask = {
            audience: np.array([audience in item.audiences for item in self._items], dtype=bool)
            for audience in voc.AUDIENCES}
        self._resource_index = SearchIndex([self._resource_document(r)
                                            for r in self._resources])

    @classmethod
    def open(cls, url: Optional[str] = None) -> "KnowledgeBase":
        """Load the store; raises KnowledgeStoreError when missing, empty or corrupt."""
        return cls(read_store(url))

    # -- lookups ---------------------------------------------------------------------
    def get_item(self, item_id: str) -> Optional[Item]:
        return self.content.items.get(item_id)

    def get_resource(self, resource_id: str) -> Optional[Resource]:
        return self.content.resources.get(resource_id)

    def get_condition(self, condition_id: str) -> Optional[Condition]:
        return self.content.conditions.get(condition_id)

    def all_conditions(self) -> List[Condition]:
        return sorted(self.content.conditions.values(), key=lambda c: c.name.lower())

    def stats(self) -> Dict[str, object]:
        items = self._items
        return {
            "items": len(items),
            "resources": len(self._resources),
            "conditions": len(self.content.conditions),
            "content_hash": self.content.content_hash,
            "files": list(self.content.files),
            "items_per_kind": _count(item.kind for item in items),
            "items_per_document": _count(item.source.document for item in items),
            "items_per_theme": _count(t for item in items for t in item.themes),
        }

    def match_condition(self, text: str) -> Optional[Condition]:
        """The condition meant by free text ('ik heb reuma', 'ME/CVS'), or None."""
        return self.matcher.match(text)

    def match_conditions(self, text: str) -> List[Condition]:
        """Every condition free text names ('... bij NAH of alleen in de GGZ?'), best first."""
        return list(dict.fromkeys(m.condition for m in self.matcher.matches(text)))

    # -- advice ----------------------------------------------------------------------
    def advice_for(self, themes: Union[str, Iterable[str]], audience: str,
                   condition: Optional[str] = None, limit: Optional[int] = None) -> List[Item]:
        """Items for any of the themes and the audience, most specific first.

        Order: specific to `condition` first, then more matching themes, then stronger
        evidence, then id. Items specific to other conditions are left out.
        """
        wanted = {themes} if isinstance(themes, str) else set(themes)
        _check(wanted, voc.THEMES, "theme")
        _check({audience}, voc.AUDIENCES, "audience")
        ranked = []
        for item in self._items:
            if audience not in item.audiences:
                continue
            overlap = len(wanted.intersection(item.themes))
            if not overlap:
                continue
            specific = bool(condition) and condition in item.conditions
            if item.conditions and not specific:
                continue
            strength = voc.EVIDENCE_RANK.get(item.evidence or "", 0)
            ranked.append(((0 if specific else 1, -overlap, -strength, item.id), item))
        ranked.sort(key=lambda entry: entry[0])
        result = [item for _, item in ranked]
        return result[:limit] if limit is not None else result

    # -- resources -------------------------------------------------------------------
    def resources_for(self, condition: Optional[str],
                      audience: Optional[str] = None) -> List[Resource]:
        """Organisations, coaches and tools for a condition id (free text is matched too).

        Resources specific to the condition come first, then the generic places to turn to
        (umbrella organisations, coaches, tools with a web address); when nothing is
        specific, the umbrella organisations lead that list. Laws, schemes and professional
        bodies are left to `search_resources`.
        """
        if audience is not None:
            _check({audience}, voc.AUDIENCES, "audience")
        if condition and condition not in self.content.conditions:
            found = self.match_condition(condition)
            condition = found.id if found else None
        pool = [r for r in self._resources if audience is None or audience in r.audiences]
        specific = [r for r in pool if condition and condition in r.conditions]
        generic = [r for r in pool if r.is_generic and r.kind in voc.HELP_KINDS
                   and (r.url or r.kind != "hulpmiddel")]
        return self._sorted(specific) + self._sorted(generic)

    def _sorted(self, resources: List[Resource]) -> List[Resource]:
        order = {r.id: i for i, r in enumerate(self._resources)}
        return sorted(resources, key=lambda r: (_KIND_ORDER.get(r.kind, 99), order[r.id]))

    def _resource_document(self, resource: Resource) -> str:
        names = []
        for cond_id in resource.conditions:
            cond = self.content.conditions.get(cond_id)
            if cond:
                names += [cond.name, *cond.aliases]
        return "\n".join([resource.name, resource.name, resource.offers, " ".join(names),
                          voc.RESOURCE_KINDS.get(resource.kind, ""), resource.url or ""])

    def search_resources(self, query: str, limit: int = 10) -> List[ResourceHit]:
        """Organisations and tools by name, condition or what they offer."""
        scores = self._resource_index.scores(query) if self._resources else np.zeros(0)
        condition = self.match_condition(query)
        hits = []
        for i, resource in enumerate(self._resources):
            score = float(scores[i])
            if condition is not None and condition.id in resource.conditions:
                score += 1.0
            if score >= 0.05:
                hits.append(ResourceHit(resource, round(score, 4)))
        hits.sort(key=lambda h: (-h.score, _KIND_ORDER.get(h.resource.kind, 99)))
        return hits[:limit]

    # -- search ----------------------------------------------------------------------
    def scores(self, query: str) -> np.ndarray:
        """Fused relevance per item: the lexical search and the learned matcher."""
        lexical = self._index.scores(query)
        if not self.learned_weight:
            return lexical
        return ((1 - self.learned_weight) * lexical
                + self.learned_weight * self.learned.scores(query))

    def search(self, query: str, audience: Optional[str] = None,
               limit: int = 5, prefer_advice: bool = False) -> List[SearchHit]:
        """Free-text search over title, texts, keywords and heading; best first.

        With `prefer_advice`, something a person can act on (a recommendation, solution or
        self-management tool) outranks a finding (a conclusion, background) of similar score:
        what a worker needs. Anyone who asks what to do ('wat kan ik doen?', 'wat als ...')
        gets the same, whatever the audience.
        """
        if audience is not None:
            _check({audience}, voc.AUDIENCES, "audience")
        if not query or not query.strip() or limit <= 0:
            return []
        mask = self._audience_mask[audience] if audience else None
        mentioned = {m.condition.id for m in self.matcher.matches(query)}
        # 'wat is het bewijsniveau voor werkaanpassingen?': the finding with its level first.
        evidence = asks_about_evidence(query)
        prefer_advice = (prefer_advice or asks_for_action(query)) and not evidence
        hits = [SearchHit(self._items[i], round(score, 4))
                for i, score in best(self.scores(query), limit * 4, mask)]

        def weight(item: Item) -> float:
            factor = 1.0
            # Findings about one condition only fit a question about that condition.
            if item.conditions and not mentioned.intersection(item.conditions):
                factor *= OTHER_CONDITION_WEIGHT
            if prefer_advice and item.kind not in voc.ADVICE_KINDS:
                factor *= FINDING_WEIGHT
            if evidence and (item.kind != "conclusie" or item.evidence in UNGRADED):
                factor *= EVIDENCE_WEIGHT
            return factor

        hits.sort(key=lambda hit: -hit.score * weight(hit.item))
        return hits[:limit]


def _check(values: set, allowed: dict, what: str) -> None:
    unknown = sorted(v for v in values if v not in allowed)
    if unknown:
        raise ValueError(f"unknown {what}(s): {', '.join(map(str, unknown))}; "
                         f"allowed: {', '.join(allowed)}")


def _count(values: Iterable[str]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))
