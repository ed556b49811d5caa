"""Wall-clock timers wrapped around functions of the Rasa process, for bench/profile.py.

Each wrapped call records its time under its *path*: the labels of the timed calls it runs
inside (a context variable, so each request's task has its own). The same function called from
two places gives two rows. Everything is restored by `Timers.restore()`.
"""
from __future__ import annotations

import contextvars
import functools
import importlib
import inspect
import json
import time
from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Tuple

Path = Tuple[str, ...]
_PATH: contextvars.ContextVar[Path] = contextvars.ContextVar("bench_profile_path", default=())
# The innermost detail (an action's name) a timed call runs inside: `details` are kept per label
# and detail, so the HTTP time of a custom action is known per action too.
_DETAIL: contextvars.ContextVar[Optional[str]] = contextvars.ContextVar("bench_detail",
                                                                       default=None)
MESSAGE = "message, end to end (client)"
SERVER = "action server: webhook handler (own process; JSON in, action, JSON out)"
REST_LABELS = {(MESSAGE,): "(rest: HTTP, Sanic routing, bench client)",
               (SERVER,): "(rest: request JSON parse, response JSON, validation)"}
RUN = "run action"
TRIP = "custom action round trip"
HTTP = "HTTP POST to the action server (new aiohttp session)"
SCHEMA = "jsonschema check of the response"
FROM_DICT = "replay events into a tracker (from_dict)"
COPY = "tracker.copy (replays all events)"
STATE = "tracker.current_state (all events)"
NODE = "node"  # labelled with the graph node's name
P = "rasa.core.processor:MessageProcessor."
T = "rasa.shared.core.trackers:DialogueStateTracker."
A = "rasa.core.actions.action:RemoteAction."
S = "bot.tracker_store:"

# ("module:attribute", label). Only functions of the main (Rasa) process.
TARGETS: List[Tuple[str, str]] = [
    ("bot.channels.rest:parse_request", "REST: read request (json.loads, clean_text)"),
    ("sanic.response:json", "REST: reply JSON (sanic response.json)"),
    ("bot.channels.rest:WebhookInput.handle", "REST channel: handle"),
    ("rasa.core.agent:Agent.handle_message", "agent.handle_message (lock store + processor)"),
    (P + "handle_message", "processor.handle_message"),
    (P + "get_tracker", "get tracker"),
    ("rasa.core.tracker_store:SQLTrackerStore._retrieve",
     "tracker store: retrieve (SQL + parse + replay)"),
    (T + "from_dict", FROM_DICT),
    (P + "_update_tracker_session", "session check / action_session_start"),
    (P + "parse_message", "NLU parse"),
    ("rasa.engine.runner.dask:DaskGraphRunner.run", "graph runner"),
    ("rasa.engine.graph:GraphNode.__call__", NODE),
    (P + "run_action_extract_slots", "action_extract_slots"),
    (P + "_predict_next_with_tracker", "policy prediction"),
    (P + "_run_action", RUN),
    (T + "copy", COPY),
    (T + "past_states", "tracker.past_states"),
    ("rasa.core.actions.loops:LoopAction.run", "form logic (interview_form)"),
    (A + "run", TRIP),
    (A + "_action_call_format", "request body: tracker.current_state + domain"),
    (T + "current_state", STATE),
    ("rasa.shared.core.domain:Domain.as_dict", "domain.as_dict"),
    ("rasa.utils.endpoints:EndpointConfig.request", HTTP),
    ("aiohttp.payload:JsonPayload.__init__", "json.dumps request body"),
    ("aiohttp.client_reqrep:ClientResponse.json", "json.loads response"),
    (A + "_validate_action_result", SCHEMA),
    (S + "PrivacyTrackerStore.save", "tracker store: save (PrivacyTrackerStore)"),
    (S + "PrivacyTrackerStore._additional_events", "SQL COUNT of stored events"),
    (S + "redact_event", "redact_event (deepcopy + de-identify)"),
    (S + "deidentify", "deidentify()"),
    ("sqlalchemy.orm.session:Session.commit", "SQL commit"),
    (P + "run_anonymization_pipeline", "anonymization hook"),
]
# Labels that are a function of the call's arguments, and calls that name a detail.
LABELS: Dict[str, Callable[..., str]] = {
    NODE: lambda node, *a, **k: f"node {getattr(node, '_node_name', '?')}"}
DETAILS: Dict[str, Callable[..., str]] = {
    RUN: lambda processor, action, *a, **k: action.name(),
    TRIP: lambda action, *a, **k: action.name()}
# How many tracker events a call handled (summed per label): evidence for replay costs.
SIZES: Dict[str, Callable[..., int]] = {
    FROM_DICT: lambda cls, sender, events, *a, **k: len(events),
    COPY: lambda tracker, *a, **k: len(tracker.events),
    STATE: lambda tracker, *a, **k: len(tracker.events),
}
# json.dumps / json.loads inside these modules only (a proxy replaces their `json` name).
JSON_MODULES = [("bot.tracker_store", "json.dumps stored events"),
                ("rasa.core.tracker_store", "json.loads stored events")]


class _JsonProxy:
    def __init__(self, timers: "Timers", label: str):
        self.dumps = timers.timed(json.dumps, label)
        self.loads = timers.timed(json.loads, label)

    def __getattr__(self, name: str) -> Any:
        return getattr(json, name)


class Timers:
    def __init__(self) -> None:
        self.stats: Dict[Path, List[float]] = defaultdict(lambda: [0, 0.0])  # calls, seconds
        self.details: Dict[str, Dict[str, List[float]]] = defaultdict(
            lambda: defaultdict(lambda: [0, 0.0]))
        self.sizes: Dict[str, int] = defaultdict(int)
        self._undo: List[Callable[[], None]] = []

    def record(self, path: Path, seconds: float) -> None:
        entry = self.stats[path]
        entry[0] += 1
        entry[1] += seconds

    def timed(self, func: Callable, label: Any, detail: Optional[Callable] = None) -> Callable:
        """`func` with its wall time recorded; `label` may be a function of the call's args."""
        size = SIZES.get(label) if isinstance(label, str) else None

        def enter(args: tuple, kwargs: dict) -> Tuple[Path, Optional[str], tuple]:
            name = label(*args, **kwargs) if callable(label) else label
            if size is not None:
                self.sizes[name] += size(*args, **kwargs)
            path = _PATH.get() + (name,)
            key = detail(*args, **kwargs) if detail is not None else _DETAIL.get()
            return path, key, (_PATH.set(path), _DETAIL.set(key))

        def leave(path: Path, key: Optional[str], tokens: tuple, start: float) -> None:
            seconds = time.perf_counter() - start
            _PATH.reset(tokens[0])
            _DETAIL.reset(tokens[1])
            self.record(path, seconds)
            if key is not None:
                entry = self.details[path[-1]][key]
                entry[0] += 1
                entry[1] += seconds

        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                path, key, tokens = enter(args, kwargs)
                start = time.perf_counter()
                try:
                    return await func(*args, **kwargs)
                finally:
                    leave(path, key, tokens, start)
            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            path, key, tokens = enter(args, kwargs)
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                leave(path, key, tokens, start)
        return wrapper

    def patch(self, target: str, label: str) -> None:
        module, attribute = target.split(":")
        detail = DETAILS.get(label)
        label = LABELS.get(label, label)
        owner: Any = importlib.import_module(module)
        *parents, name = attribute.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        raw = inspect.getattr_static(owner, name)
        own = name in vars(owner)
        if isinstance(raw, (classmethod, staticmethod)):
            replacement = type(raw)(self.timed(raw.__func__, label, detail))
        else:
            replacement = self.timed(getattr(owner, name), label, detail)
        setattr(owner, name, replacement)
        self._undo.append(lambda: setattr(owner, name, raw) if own else delattr(owner, name))

    def install(self) -> None:
        for target, label in TARGETS:
            self.patch(target, label)
        for module_name, label in JSON_MODULES:
            module = importlib.import_module(module_name)
            original = module.json
            module.json = _JsonProxy(self, label)
            self._undo.append(lambda m=module, o=original: setattr(m, "json", o))

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


SERVER_RUN = "executor.run (Tracker.from_dict + the action's code)"


def add_server_rows(stats: Dict[Path, List[float]], totals: Dict[str, List[float]]) -> None:
    """The action server's own time (measured in that process) as rows under SERVER."""
    for path, key in (((SERVER,), "handler"), ((SERVER, SERVER_RUN), "run"),
                      ((SERVER, SERVER_RUN, "Tracker.from_dict"), "from_dict")):
        if key in totals:
            stats[path] = list(totals[key])


# The flat summary: each label's time wherever it ran (outermost occurrence only).
SUMMARY = [("NLU parse (all components)", ["NLU parse"]),
           ("policy prediction", ["policy prediction"]),
           ("custom action round trips (all)", [TRIP]),
           ("  jsonschema check of action server responses", [SCHEMA]),
           ("  HTTP POST to the action server", [HTTP]),
           ("  of which the action server's own handler time", [SERVER]),
           ("tracker store: retrieve", ["tracker store: retrieve (SQL + parse + replay)"]),
           ("tracker store: save", ["tracker store: save (PrivacyTrackerStore)"]),
           ("  SQL COUNT of stored events", ["SQL COUNT of stored events"]),
           ("  SQL commit", ["SQL commit"]),
           ("  de-identification (deidentify)", ["deidentify()"]),
           ("tracker replays (from_dict + copy)", [FROM_DICT, COPY]),
           ("JSON in Rasa (REST in/out, action calls, stored events)",
            ["REST: read request (json.loads, clean_text)",
             "REST: reply JSON (sanic response.json)", "json.dumps request body",
             "json.loads response", "json.dumps stored events", "json.loads stored events"])]


def summary_table(stats: Dict[Path, List[float]], messages: int) -> str:
    total = stats.get((MESSAGE,), [0, 0.0])[1] or 1e-9
    lines = ["| component | total ms | ms/msg | share % |", "| --- | ---: | ---: | ---: |",
             f"| {MESSAGE} | {total * 1000:.0f} | {total * 1000 / messages:.2f} | 100.0 |"]
    for name, labels in SUMMARY:
        seconds = sum(v[1] for p, v in stats.items() if p and p[-1] in labels
                      and not any(label in labels for label in p[:-1])
                      and not p[0].startswith("json."))  # the bench client's own JSON
        lines.append(f"| {name} | {seconds * 1000:.0f} | {seconds * 1000 / messages:.2f} | "
                     f"{100 * seconds / total:.1f} |")
    return "\n".join(lines)


def render_tree(stats: Dict[Path, List[float]], messages: int) -> str:
    """Markdown: one row per path, children under their parent, and a '(rest)' row for the
    part of a parent that none of its timed children explain. Share: of end-to-end time."""
    def rooted(path: Path) -> Path:
        if path[0] in (MESSAGE, SERVER):
            return path
        if path[0].startswith("json."):  # aiohttp outside any Rasa call: the bench client
            path = (f"bench client: {path[0]}",) + path[1:]
        return (MESSAGE,) + path

    stats = {rooted(p): v for p, v in stats.items()}
    total = stats.get((MESSAGE,), [0, 0.0])[1] or 1e-9
    children: Dict[Path, List[Path]] = defaultdict(list)
    for path in stats:
        if len(path) > 1:
            children[path[:-1]].append(path)
    lines = ["| component | calls/msg | total ms | ms/msg | share % |",
             "| --- | ---: | ---: | ---: | ---: |"]

    def row(label: str, depth: int, calls: float, seconds: float) -> None:
        calls_text = f"{calls / messages:.2f}" if calls else ""
        lines.append(f"| {'· ' * depth}{label} | {calls_text} | {seconds * 1000:.0f} | "
                     f"{seconds * 1000 / messages:.2f} | {100 * seconds / total:.1f} |")

    def walk(path: Path) -> None:
        calls, seconds = stats[path]
        row(path[-1], len(path) - 1, calls, seconds)
        kids = sorted(children.get(path, []), key=lambda p: -stats[p][1])
        for kid in kids:
            walk(kid)
        if kids:
            rest = seconds - sum(stats[k][1] for k in kids)
            name = REST_LABELS.get(path, f"(rest of {path[-1].split(' (')[0]})")
            row(name, len(path), 0, rest)

    for root in ((MESSAGE,), (SERVER,)):
        if root in stats:
            walk(root)
    return "\n".join(lines)
