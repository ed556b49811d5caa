"""`werkbaar productie`: Werkbaar on one host as in production, without Docker.

    nginx (public port) ──> N Rasa replicas (consecutive loopback ports)
                               │  tracker store: PostgreSQL   lock store: Redis
                               └─> nginx (internal port) ──> action server(s)
                                                               └─ knowledge store: PostgreSQL

Every replica runs the same model with the same endpoints file (tracker store, lock store,
action server URL). Settings come from the environment (deploy/README.md); secrets are never
read from files in the repository.

- config.py      the configuration from the environment, its checks, the store connection check
- nginx.py       deploy/nginx.conf.template rendered into <data dir>/nginx/ and tested
- supervisor.py  the processes: start, wait until ready, restart, stop
- cli.py         the `werkbaar productie` command
"""
from bot.production.cli import register, run
from bot.production.config import (DEFAULT_ACTIONS_PROXY_PORT, DEFAULT_LOCK_LIFETIME_S,
                                   DEFAULT_PROXY_PORT, ProductionConfig, check_stores, mask_url)
from bot.production.nginx import TEMPLATE, nginx_command, render_nginx_config, write_nginx_config
from bot.production.supervisor import MAX_RESTARTS, RESTART_WINDOW_S, STATE_FILE, Production

__all__ = [
    "DEFAULT_ACTIONS_PROXY_PORT", "DEFAULT_LOCK_LIFETIME_S", "DEFAULT_PROXY_PORT",
    "MAX_RESTARTS", "RESTART_WINDOW_S", "STATE_FILE", "TEMPLATE",
    "Production", "ProductionConfig", "check_stores", "mask_url", "nginx_command",
    "register", "render_nginx_config", "run", "write_nginx_config",
]
