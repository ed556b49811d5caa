"""Markdown tables for bench/profile.py: actions, cProfile top functions, latency summary."""
from __future__ import annotations

import os
import sys
from typing import Any, Dict, Iterable, List

from bench.load import percentile
from bench.profile_timers import HTTP, RUN, SCHEMA, TRIP

# Event-loop plumbing and idle waiting: true, but they say nothing about where work goes.
_PLUMBING = ("/asyncio/", "/selectors.py", "/bench/profile", "/concurrent/futures/",
             "/threading.py")
_PLUMBING_BUILTINS = ("poll", "_contextvars.Context", "select.")
_PREFIXES = sorted({p for p in sys.path if p and os.path.isdir(p)}, key=len, reverse=True)


def _short(file: str, line: int, name: str) -> str:
    if file == "~":
        return name.replace("<", "").replace(">", "")
    for prefix in _PREFIXES:
        if file.startswith(prefix + os.sep):
            file = file[len(prefix) + 1:]
            break
    return f"{file}:{line} {name}"


def _is_plumbing(file: str, name: str) -> bool:
    if file == "~":
        return any(p in name for p in _PLUMBING_BUILTINS)
    return any(p in file for p in _PLUMBING)


def top_functions(rows: Iterable[list], messages: int, total_s: float, top: int,
                  by_own: bool = False) -> str:
    """rows: [file, line, function, calls, own s, cumulative s] (bench.profile_actions)."""
    kept = [r for r in rows if not _is_plumbing(r[0], r[2])]
    kept.sort(key=lambda r: -r[4 if by_own else 5])
    lines = ["| # | function | calls/msg | cum ms/msg | own ms/msg | cum % of e2e |",
             "| ---: | --- | ---: | ---: | ---: | ---: |"]
    for i, (file, line, name, calls, own, cumulative) in enumerate(kept[:top], 1):
        lines.append(f"| {i} | `{_short(file, line, name)}` | {calls / messages:.1f} | "
                     f"{cumulative * 1000 / messages:.2f} | {own * 1000 / messages:.2f} | "
                     f"{100 * cumulative / max(total_s, 1e-9):.1f} |")
    return "\n".join(lines)


def actions_table(details: Dict[str, Dict[str, List[float]]], server: Dict[str, Any],
                  messages: int, total_s: float) -> str:
    """Per action: how often per message and its time in Rasa; for custom actions the round
    trip split into the response check, the HTTP call, the action server's own part (measured
    there) and the transport (HTTP minus the server's handler), and what was sent."""
    per_action = server.get("per_action", {})
    runs, trips = details.get(RUN, {}), details.get(TRIP, {})
    lines = ["| action | calls/msg | run ms/call | share % | round trip ms/call | jsonschema "
             "ms/call | HTTP ms/call | server handler ms/call | action code ms/call | "
             "transport ms/call | request KB/call | events sent/call |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]

    def per_call(label: str, name: str) -> float:
        calls, seconds = details.get(label, {}).get(name, [0, 0.0])
        return 1000 * seconds / calls if calls else 0.0

    names = sorted(set(runs) | set(trips),
                   key=lambda n: -(runs.get(n, [0, 0.0])[1] or trips.get(n, [0, 0.0])[1]))
    for name in names:
        calls, seconds = runs.get(name) or trips.get(name)
        cells = [name, f"{calls / messages:.2f}", f"{1000 * seconds / max(calls, 1):.1f}",
                 f"{100 * seconds / max(total_s, 1e-9):.1f}"]
        if name in trips:
            mine = per_action.get(name, {})
            n = max(mine.get("handler_calls", 0), 1)
            handler = 1000 * mine.get("handler_s", 0.0) / n
            cells += [f"{per_call(TRIP, name):.1f}", f"{per_call(SCHEMA, name):.1f}",
                      f"{per_call(HTTP, name):.1f}", f"{handler:.1f}",
                      f"{1000 * mine.get('run_s', 0.0) / n:.1f}",
                      f"{per_call(HTTP, name) - handler:.1f}",
                      f"{mine.get('bytes', 0) / n / 1024:.0f}", f"{mine.get('events', 0) / n:.0f}"]
        else:
            cells += [""] * 8
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def latency_summary(latencies: Dict[str, List[float]]) -> str:
    lines = ["| messages | n | p50 ms | p95 ms | mean ms |", "| --- | ---: | ---: | ---: | ---: |"]
    everything = [v for values in latencies.values() for v in values]
    for kind, values in [*latencies.items(), ("all", everything)]:
        if values:
            lines.append(f"| {kind} | {len(values)} | {percentile(values, 0.5):.1f} | "
                         f"{percentile(values, 0.95):.1f} | {sum(values) / len(values):.1f} |")
    return "\n".join(lines)


# Functions the usual suspects point at: (what, file ends with, function name).
WATCH = [
    ("regex patterns compiled (cache misses)", "sre_compile.py", "compile"),
    ("copy.deepcopy", "/copy.py", "deepcopy"),
    ("de-identification", "bot/deidentify.py", "deidentify"),
    ("tracker replay (DialogueStateTracker.from_dict)", "rasa/shared/core/trackers.py",
     "from_dict"),
    ("tracker copy (replays all events)", "rasa/shared/core/trackers.py", "copy"),
    ("knowledge base built (KnowledgeBase.__init__)", "knowledge/base.py", "__init__"),
    ("knowledge search (KnowledgeBase.search)", "knowledge/base.py", "search"),
    ("condition matching (ConditionMatcher.matches)", "knowledge/matching.py", "matches"),
    ("advice plan built (make_plan)", "knowledge/advice_plan.py", "make_plan"),
    ("safety check (safety.judge)", "bot/understanding/safety.py", "judge"),
    ("  of which the safety model (SafetyModel.judge)", "bot/understanding/safety_model.py",
     "judge"),
    ("language judge (Lexicon.judge)", "bot/understanding/lexicon.py", "judge"),
    ("understanding rules (rules.decide)", "bot/understanding/rules.py", "decide"),
]


def watch_table(processes: Dict[str, List[list]], messages: int) -> str:
    lines = ["| check | process | calls/msg | cum ms/msg |", "| --- | --- | ---: | ---: |"]
    for what, suffix, name in WATCH:
        seen = False
        for process, rows in processes.items():
            found = [r for r in rows if r[0].endswith(suffix) and r[2] == name]
            if found:
                seen = True
                calls = sum(r[3] for r in found)
                cumulative = sum(r[5] for r in found)
                lines.append(f"| {what} | {process} | {calls / messages:.2f} | "
                             f"{1000 * cumulative / messages:.2f} |")
        if not seen:
            lines.append(f"| {what} | neither | 0 | 0 |")
    return "\n".join(lines)
