"""Throwaway Redis server for tests (Debian package: redis-server).

    from tests.support.redis import redis_server  # noqa: F401   (session fixture)

`redis_server` runs `redis-server` in the foreground on 127.0.0.1 and a free port, with its own
temp dir, no persistence and a password; `.url(db)` gives redis://:<password>@127.0.0.1:<port>/db.
When redis-server is not installed the fixture FAILS with a clear message, unless
WERKBAAR_SKIP_REDIS=1 is set (then it skips).
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

import pytest

SKIP_ENV = "WERKBAAR_SKIP_REDIS"
INSTALL_HINT = ("redis-server is not installed. Install it with "
                "`bash scripts/install-test-services.sh` (Debian package redis-server), "
                f"or set {SKIP_ENV}=1 to skip these tests.")
START_TIMEOUT_S = 20


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: SIGTERM the server when the test process dies without cleaning up."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def find_redis_server() -> Optional[str]:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)


class RedisServer:
    """A private redis-server in a temp directory. Use start()/stop()."""

    def __init__(self, binary: str, password: Optional[str] = None):
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="werkbaar-redis-"))
        self.port = _free_port()
        self.password = password if password is not None else secrets.token_hex(16)
        self.process: Optional[subprocess.Popen] = None
        self.log = self.root / "redis.log"

    def start(self) -> "RedisServer":
        config = self.root / "redis.conf"
        lines = [f"port {self.port}", "bind 127.0.0.1", f"dir {self.root}", 'save ""',
                 "appendonly no", "daemonize no", f"logfile {self.log}", "protected-mode yes"]
        if self.password:
            lines.append(f"requirepass {self.password}")
        config.write_text("\n".join(lines) + "\n")
        config.chmod(0o600)
        self.process = subprocess.Popen([self.binary, str(config)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        preexec_fn=_die_with_parent)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.log.read_text() if self.log.exists() else ""
                self.stop()
                raise RuntimeError(f"redis-server did not start:\n{log}")
            time.sleep(0.1)
        return self

    def _ping(self) -> bool:
        import redis

        try:
            return bool(self.client().ping())
        except redis.exceptions.RedisError:
            return False

    def client(self, db: int = 0):
        import redis

        return redis.StrictRedis(host="127.0.0.1", port=self.port, db=db,
                                 password=self.password or None, socket_timeout=5)

    def url(self, db: int = 0, with_password: bool = True) -> str:
        auth = f":{self.password}@" if self.password and with_password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        try:
            if self.process and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server():
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"Redis tests skipped ({SKIP_ENV}=1)")
    binary = find_redis_server()
    if binary is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = RedisServer(binary)
    try:
        server.start()
    except Exception as exc:
        pytest.fail(f"Could not start a throwaway redis-server: {exc}", pytrace=False)
    yield server
    server.stop()
