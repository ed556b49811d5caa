"""The real action server (`actions/`, rasa-sdk) for bench/profile.py, with its own timers.

Run as `python -m bench.profile_actions --port P` (what `werkbaar run` starts, through the same
launcher, plus these routes). It times, per action: the webhook handler (request JSON parse,
the action, response JSON), `ActionExecutor.run` and `Tracker.from_dict`, and the request size.

    GET  /bench/stats           per-action totals
    POST /bench/reset           zero them
    POST /bench/profile/start   cProfile on (this process's event loop thread)
    POST /bench/profile/stop    cProfile off; returns its raw rows (see profile_rows)

The client side (`ActionServer`) starts it on 127.0.0.1 and always stops its process group.
"""
from __future__ import annotations

import cProfile
import json
import os
import pstats
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]


def profile_rows(profile: cProfile.Profile) -> List[list]:
    """[file, line, function, calls, own s, cumulative s] for every function profiled."""
    stats = pstats.Stats(profile)
    return [[file, line, name, calls, own, cumulative]  # calls: primitive (not recursive) ones
            for (file, line, name), (calls, _, own, cumulative, _) in stats.stats.items()]


# -- inside the action server process -----------------------------------------------------
def _install() -> None:
    import rasa_sdk.endpoint
    import rasa_sdk.executor
    import rasa_sdk.interfaces
    from sanic import response

    totals: Dict[str, List[float]] = defaultdict(lambda: [0, 0.0])
    per_action: Dict[str, Dict[str, float]] = defaultdict(lambda: defaultdict(float))
    state: Dict[str, Any] = {"profile": None}

    original_run = rasa_sdk.executor.ActionExecutor.run
    original_from_dict = rasa_sdk.interfaces.Tracker.from_dict.__func__

    def add(key: str, seconds: float, action: Optional[str] = None) -> None:
        totals[key][0] += 1
        totals[key][1] += seconds
        if action:
            per_action[action][f"{key}_s"] += seconds
            per_action[action][f"{key}_calls"] += 1

    async def run(self: Any, action_call: Dict[str, Any]) -> Any:
        start = time.perf_counter()
        try:
            return await original_run(self, action_call)
        finally:
            name = action_call.get("next_action") or "?"
            add("run", time.perf_counter() - start, name)
            state["action"] = name
            events = (action_call.get("tracker") or {}).get("events") or []
            per_action[name]["events"] += len(events)
            if action_call.get("domain"):
                per_action[name]["with_domain"] += 1
                state["domain"] = action_call["domain"]  # sized in /bench/stats, not here

    def from_dict(cls: Any, state_: Dict[str, Any]) -> Any:
        start = time.perf_counter()
        try:
            return original_from_dict(cls, state_)
        finally:
            add("from_dict", time.perf_counter() - start)

    rasa_sdk.executor.ActionExecutor.run = run
    rasa_sdk.interfaces.Tracker.from_dict = classmethod(from_dict)
    original_create_app = rasa_sdk.endpoint.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = original_create_app(*args, **kwargs)

        @app.middleware("request")
        async def started(request: Any) -> None:
            request.ctx.bench_start = time.perf_counter()

        @app.middleware("response")
        async def finished(request: Any, _response: Any) -> None:
            if request.path == "/webhook" and hasattr(request.ctx, "bench_start"):
                name = state.pop("action", "?")
                add("handler", time.perf_counter() - request.ctx.bench_start, name)
                per_action[name]["bytes"] += len(request.body or b"")

        @app.get("/bench/stats")
        async def stats(_request: Any) -> Any:
            domain_bytes = len(json.dumps(state["domain"])) if state.get("domain") else 0
            return response.json({"totals": totals, "per_action": per_action,
                                  "domain_bytes": domain_bytes})

        @app.post("/bench/reset")
        async def reset(_request: Any) -> Any:
            totals.clear()
            per_action.clear()
            return response.json({"ok": True})

        @app.post("/bench/profile/start")
        async def profile_start(_request: Any) -> Any:
            state["profile"] = cProfile.Profile()
            state["profile"].enable()
            return response.json({"ok": True})

        @app.post("/bench/profile/stop")
        async def profile_stop(_request: Any) -> Any:
            profile = state.pop("profile", None)
            if profile is None:
                return response.json([])
            profile.disable()
            return response.json(profile_rows(profile))

        return app

    rasa_sdk.endpoint.create_app = create_app


def _exit_with_parent(interval_s: float = 1.0) -> None:
    """Never outlive bench/profile.py, even if it is killed without a chance to stop us."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval_s)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main() -> None:
    import runpy

    from bot.launch import _drop_noise
    from bot.quiet import quiet_environment

    port = sys.argv[sys.argv.index("--port") + 1]
    _exit_with_parent()
    quiet_environment()
    _drop_noise()
    _install()
    sys.argv = ["rasa_sdk", "--actions", "actions", "--port", port, "--quiet"]
    runpy.run_module("rasa_sdk", run_name="__main__", alter_sys=True)


# -- the client side ------------------------------------------------------------------------
class ActionServer:
    def __init__(self, port: int, env: Dict[str, str], log_path: Path):
        self.port, self.log_path = port, log_path
        self.url = f"http://127.0.0.1:{port}"
        env = dict(env, SANIC_HOST="127.0.0.1", PYTHONUNBUFFERED="1")
        with log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bench.profile_actions", "--port", str(port)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def call(self, path: str, method: str = "GET", timeout: float = 30) -> Any:
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         data=b"{}" if method == "POST" else None)
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return json.loads(answer.read() or b"null")

    def wait_ready(self, timeout_s: float = 240) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"action server stopped (code {self.process.returncode}):\n"
                                   f"{self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                if self.call("/health", timeout=2).get("status") == "ok":
                    return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"action server not up in {timeout_s:.0f} s")

    def stop(self, grace_s: float = 10) -> None:
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=grace_s)
        except ProcessLookupError:
            pass


if __name__ == "__main__":
    main()
