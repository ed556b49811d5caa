"""Fixtures for the production tests: throwaway PostgreSQL and Redis on loopback."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.postgres import postgres_server  # noqa: E402,F401
from tests.support.redis import redis_server  # noqa: E402,F401
