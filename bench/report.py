"""The benchmark report: results as Markdown tables, bench/RESULTS.md, and the README section
between the markers `<!-- bench:start -->` and `<!-- bench:end -->`."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for type hints: keep this module free of heavy imports
    from bench.knowledge_search import SearchResult
    from bench.load import LevelResult
    from bench.machine import Busyness, Machine

START_MARKER = "<!-- bench:start -->"
END_MARKER = "<!-- bench:end -->"
WERKBAAR, STARTER = "Werkbaar", "starter bot"


@dataclass
class TrainingRow:
    bot: str
    command: str
    seconds: float
    peak_mb: float


@dataclass
class ServerRow:
    bot: str
    start_s: float
    rasa_rss_start_mb: float
    rasa_rss_after_mb: float
    actions_rss_after_mb: float | None  # None: no action server
    tree_rss_after_mb: float  # all processes of the bot


@dataclass
class Results:
    started: datetime
    command: str
    machine: "Machine"
    busy: "Busyness | None" = None
    messages_per_level: int = 0
    training: list[TrainingRow] = field(default_factory=list)
    servers: list[ServerRow] = field(default_factory=list)
    load: list["LevelResult"] = field(default_factory=list)
    knowledge: "SearchResult | None" = None
    notes: list[str] = field(default_factory=list)


def _ms(value: float) -> str:
    if math.isnan(value):
        return "–"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}" if value >= 1 else f"{value:.2f}"


def _ratio(ours: float, theirs: float) -> str:
    if not theirs or math.isnan(ours) or math.isnan(theirs):
        return "–"
    return f"{ours / theirs:.1f}×"


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _load_section(results: Results, heading: str) -> list[str]:
    lines = [f"{heading} Latency and throughput", "",
             f"REST webhook, {results.messages_per_level} messages per level, closed loop (a "
             "conversation sends its next message after the reply), a fresh sender id per "
             "conversation, both bots running side by side and measured level by level. "
             "Werkbaar: Dutch conversations of workers, professionals and employers (SQLite "
             "tracker store, custom actions). Starter bot (`rasa init`): its own English "
             "examples (in-memory tracker store, no custom actions). Ratio = Werkbaar / starter.",
             ""]
    rows = []
    by_level: dict[int, dict[str, "LevelResult"]] = {}
    for level in results.load:
        by_level.setdefault(level.concurrency, {})[level.bot] = level
    for concurrency in sorted(by_level):
        pair = by_level[concurrency]
        for bot in (WERKBAAR, STARTER):
            if bot in pair:
                r = pair[bot]
                rows.append([str(concurrency), bot, _ms(r.p(0.5)), _ms(r.p(0.95)),
                             _ms(r.p(0.99)), f"{r.throughput:.1f}", f"{r.errors}/{r.messages}"])
        if WERKBAAR in pair and STARTER in pair:
            ours, theirs = pair[WERKBAAR], pair[STARTER]
            rows.append([str(concurrency), "*ratio*",
                         *(_ratio(ours.p(q), theirs.p(q)) for q in (0.5, 0.95, 0.99)),
                         _ratio(ours.throughput, theirs.throughput), ""])
    lines += _table(["conversations", "bot", "p50 ms", "p95 ms", "p99 ms", "msg/s", "errors"],
                    "rlrrrrr", rows)
    return lines


def _training_section(results: Results, heading: str) -> list[str]:
    rows = [[t.bot, f"`{t.command}`", f"{t.seconds:.0f}", f"{t.peak_mb:.0f}"]
            for t in results.training]
    by_bot = {t.bot: t for t in results.training}
    if WERKBAAR in by_bot and STARTER in by_bot:
        ours, theirs = by_bot[WERKBAAR], by_bot[STARTER]
        rows.append(["*ratio*", "", _ratio(ours.seconds, theirs.seconds),
                     _ratio(ours.peak_mb, theirs.peak_mb)])
    return [f"{heading} Training", "",
            "Forced, into a fresh temporary models dir, Rasa's cache off. Peak memory: "
            "highest summed RSS of the training process tree (sampled every 0.1 s, never "
            "below the largest single process's VmHWM).", "",
            *_table(["bot", "command", "time s", "peak RSS MB"], "llrr", rows)]


def _servers_section(results: Results, heading: str) -> list[str]:
    def mb(value):
        return "–" if value is None else f"{value:.0f}"

    rows = [[s.bot, f"{s.start_s:.1f}", mb(s.rasa_rss_start_mb), mb(s.rasa_rss_after_mb),
             mb(s.actions_rss_after_mb), mb(s.tree_rss_after_mb)] for s in results.servers]
    by_bot = {s.bot: s for s in results.servers}
    if WERKBAAR in by_bot and STARTER in by_bot:
        ours, theirs = by_bot[WERKBAAR], by_bot[STARTER]
        rows.append(["*ratio*", _ratio(ours.start_s, theirs.start_s),
                     _ratio(ours.rasa_rss_start_mb, theirs.rasa_rss_start_mb),
                     _ratio(ours.rasa_rss_after_mb, theirs.rasa_rss_after_mb), "",
                     _ratio(ours.tree_rss_after_mb, theirs.tree_rss_after_mb)])
    return [f"{heading} Servers", "",
            "Start: from launching the command until the model is loaded (and, for Werkbaar, "
            "the action server answers /health; `werkbaar run` is polled once a second). RSS "
            "in MB, after start and after all load levels.", "",
            *_table(["bot", "start s", "Rasa server RSS after start", "Rasa server RSS after "
                     "load", "action server RSS after load", "all its processes after load"],
                    "lrrrrr", rows)]


def _knowledge_section(results: Results, heading: str) -> list[str]:
    k = results.knowledge
    rows = [[r.content, f"{r.items:,}", f"{r.build_s:.2f}", _ms(r.p50_ms), _ms(r.p95_ms)]
            for r in k.rows]
    return [f"{heading} Knowledge search", "",
            f"`SearchIndex.top(query, 5)` over 20 queries (with typos): the real content, then "
            f"synthetic items recombined from it (`bench/knowledge_search.py`). The full "
            f"KnowledgeBase over the real content builds in {k.kb_build_ms:.0f} ms.", "",
            *_table(["content", "items", "index build s", "p50 ms", "p95 ms"], "lrrrr", rows)]


def render(results: Results, heading_level: int = 2) -> str:
    """The report body; subsections use `heading_level` (2 in RESULTS.md, deeper in README)."""
    heading = "#" * heading_level
    took = f" (took {results.busy.wall_s / 60:.0f} min)" if results.busy else ""
    lines = [f"Run {results.started:%Y-%m-%d %H:%M}{took}: `{results.command}`.", "",
             f"Machine: {results.machine.describe()}.", ""]
    if results.busy:
        lines += [f"Load: {results.busy.note(results.machine.cores)}", ""]
    if results.load:
        lines += _load_section(results, heading) + [""]
    if results.training:
        lines += _training_section(results, heading) + [""]
    if results.servers:
        lines += _servers_section(results, heading) + [""]
    if results.knowledge:
        lines += _knowledge_section(results, heading) + [""]
    if results.notes:
        lines += [f"{heading} Notes", ""] + [f"- {note}" for note in results.notes] + [""]
    return "\n".join(lines).rstrip() + "\n"


def results_document(results: Results) -> str:
    return ("# Werkbaar benchmarks\n\nWritten by `bench/run_all.py` (`make bench`); numbers "
            "only, nothing is asserted.\n\n" + render(results, heading_level=2))


def replace_section(text: str, body: str) -> str:
    """Replace what stands between the bench markers; everything else stays as it was."""
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        raise ValueError(f"markers {START_MARKER} ... {END_MARKER} not found")
    return text[:start + len(START_MARKER)] + "\n" + body.rstrip() + "\n" + text[end:]


def update_readme(path: Path, results: Results, heading_level: int = 4) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(replace_section(text, render(results, heading_level)), encoding="utf-8")
