"""Throwaway PostgreSQL server for tests (Debian packages: postgresql).

Reusable pytest fixtures: import them in a conftest.py::

    from tests.support.postgres import postgres_server, postgres_url  # noqa: F401

`postgres_server` (session scope) runs initdb + pg_ctl in a fresh temp directory on
127.0.0.1 and a free port; as root it runs the server as the `postgres` user.
`postgres_url` (function scope) creates a fresh, empty database per test and yields its
SQLAlchemy URL (postgresql+psycopg2).

When PostgreSQL is not installed the fixtures FAIL with a clear message, unless the
environment variable WERKBAAR_SKIP_PG=1 is set (then they skip).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import List, Optional

import pytest

SKIP_ENV = "WERKBAAR_SKIP_PG"
INSTALL_HINT = ("PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin "
                "or on PATH). Install it with: apt-get install -y postgresql "
                f"(Debian package), or set {SKIP_ENV}=1 to skip PostgreSQL tests.")


def find_bin_dir() -> Optional[Path]:
    """Directory with initdb and pg_ctl: newest /usr/lib/postgresql/<v>/bin, else PATH."""
    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A private PostgreSQL cluster in a temp directory. Use start()/stop()."""

    user = "werkbaar"

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="werkbaar-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self._run_as: Optional[str] = None
        if os.geteuid() == 0:
            self._run_as = "postgres"
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _command(self, *args: str) -> List[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._run_as:
            runuser = shutil.which("runuser")
            if runuser:
                return [runuser, "-u", self._run_as, "--", *command]
            return ["su", self._run_as, "-s", "/bin/sh", "-c", " ".join(command)]
        return command

    def _run(self, *args: str) -> None:
        result = subprocess.run(self._command(*args), capture_output=True, text=True,
                                cwd=str(self.root), timeout=120)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:1])} failed ({result.returncode}):\n"
                               f"{result.stdout}\n{result.stderr}\n{log}")

    def start(self) -> "PostgresServer":
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user,
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.root} -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            if self.data.exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg2://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: Optional[str] = None) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg2

        name = name or f"test_{uuid.uuid4().hex[:12]}"
        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            conn.close()
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server():
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"PostgreSQL tests skipped ({SKIP_ENV}=1)")
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except Exception as exc:  # give the reason, then clean up
        server.stop()
        pytest.fail(f"Could not start a throwaway PostgreSQL server: {exc}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """SQLAlchemy URL of a fresh, empty database on the throwaway server."""
    return postgres_server.create_database()
