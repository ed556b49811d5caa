"""The nginx config that `werkbaar productie` renders, run by Debian's real nginx in front of
small stand-in upstreams (no Rasa needed): which paths it serves, that it skips a replica that
is down, that it never sends a POST twice, and that it logs no query strings (the API token).
"""
from __future__ import annotations

import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, List

import pytest
import requests

from bot.production import (Production, ProductionConfig, render_nginx_config,
                            write_nginx_config)
from bot.settings import Settings
from tests.support.ports import consecutive_free_ports, free_port

pytestmark = [pytest.mark.production, pytest.mark.timeout(120)]

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class Upstream:
    """A stand-in replica: answers JSON with its name, or ("drop") reads the request and
    closes the connection without an answer, like a replica killed mid-request."""

    def __init__(self, name: str, port: int):
        self.name, self.port, self.mode = name, port, "ok"
        self.seen: List[str] = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                upstream.seen.append(f"{self.command} {self.path} {body.decode()}")
                if upstream.mode == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = json.dumps({"replica": upstream.name}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Upstream":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: bash scripts/install-test-services.sh",
                    pytrace=False)
    base = consecutive_free_ports(2)
    config = ProductionConfig(
        settings=Settings(host="127.0.0.1", port=base, actions_port=free_port(), data=tmp_path),
        replicas=2, actions_proxy_port=free_port(), proxy_port=free_port(),
        api_token="x" * 20, nginx=NGINX, replica_header=True)
    upstreams = {"a": Upstream("a", base).start(), "b": Upstream("b", base + 1).start()}
    production = Production(config, model=tmp_path / "unused.tar.gz")
    write_nginx_config(config)
    production.start_proxy()
    url = config.proxy_url
    deadline = time.monotonic() + 20
    while True:
        try:
            if requests.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, (tmp_path / "nginx" / "error.log").read_text()
        time.sleep(0.1)
    yield url, upstreams, config
    production.stop()
    for upstream in upstreams.values():
        upstream.stop()


def _post(url: str, n: int) -> requests.Response:
    return requests.post(f"{url}/webhooks/rest/webhook",
                         json={"sender": "s", "message": f"bericht {n}"}, timeout=10)


def test_rendered_config_has_every_replica_and_no_placeholder(tmp_path):
    config = ProductionConfig(settings=Settings(port=7000, actions_port=7100, data=tmp_path),
                              replicas=3, action_servers=2, lock_lifetime=20)
    text = render_nginx_config(config)
    assert "{{" not in text and "}}" not in text
    for port in (7000, 7001, 7002, 7100, 7101):
        assert f"127.0.0.1:{port} max_fails=1" in text
    assert "proxy_read_timeout 80s;" in text and "non_idempotent" not in text.split("#")[0]
    assert "X-Werkbaar-Replica" not in text  # only on request


def test_config_problems_are_reported_in_dutch(tmp_path):
    config = ProductionConfig(settings=Settings(tracker_url="sqlite:///x.db", lock_store_url="",
                                                data=tmp_path), replicas=2, nginx="/nope")
    problems = " ".join(config.problems())
    for expected in ("WERKBAAR_API_TOKEN", "WERKBAAR_TRACKER_URL", "WERKBAAR_LOCK_STORE_URL",
                     "nginx niet gevonden"):
        assert expected in problems


def test_balances_over_both_replicas(proxy):
    url, upstreams, _ = proxy
    answers = [_post(url, n) for n in range(20)]
    assert all(r.status_code == 200 for r in answers)
    served = {r.json()["replica"] for r in answers}
    headers = {r.headers["X-Werkbaar-Replica"] for r in answers}
    assert served == {"a", "b"} and len(headers) == 2


def test_skips_a_replica_that_is_down(proxy):
    url, upstreams, _ = proxy
    upstreams["a"].stop()  # connection refused from now on
    answers = [_post(url, n) for n in range(10)]
    assert [r.status_code for r in answers] == [200] * 10
    assert {r.json()["replica"] for r in answers} == {"b"}


def test_never_sends_a_post_twice(proxy):
    url, upstreams, _ = proxy
    upstreams["a"].mode = "drop"  # receives the request, dies before answering
    statuses: Dict[int, int] = {}
    for n in range(10):
        statuses[n] = _post(url, n).status_code
    dropped = [n for n, status in statuses.items() if status == 502]
    assert dropped, statuses  # some went to "a" and failed...
    seen_b = " ".join(upstreams["b"].seen)
    for n in dropped:  # ...and nginx did not pass those on to "b" as well
        assert f"bericht {n}\"" not in seen_b
    # An idempotent GET is retried on the other replica.
    assert all(requests.get(f"{url}/health", timeout=10).status_code == 200 for _ in range(6))


def test_only_public_paths_and_no_token_in_the_log(proxy, tmp_path):
    url, upstreams, config = proxy
    for path in ("/status", "/model", "/conversations/x/tracker/events", "/version",
                 "/conversations/x/trigger_intent"):
        assert requests.get(f"{url}{path}", timeout=10).status_code == 404, path
    assert requests.post(f"{url}/model/train", timeout=10).status_code == 404
    tracker = requests.get(f"{url}/conversations/x/tracker", params={"token": "geheimtoken"},
                           timeout=10)
    assert tracker.status_code == 200
    assert requests.post(f"{url}/conversations/x/tracker", timeout=10).status_code == 403
    assert requests.get(f"{url}/webhooks/rest/webhook", timeout=10).status_code == 403
    assert requests.get(f"{url}/webhooks/chat/widget.js", timeout=10).status_code == 200
    root = requests.get(url, allow_redirects=False, timeout=10)
    assert root.status_code == 302 and root.headers["Location"].endswith("/webhooks/chat/")
    actions = f"http://127.0.0.1:{config.actions_proxy_port}"
    assert requests.get(f"{actions}/status", timeout=10).status_code == 404
    access_log = (tmp_path / "nginx" / "access.log").read_text()
    assert "/conversations/x/tracker" in access_log and "geheimtoken" not in access_log
