"""nginx for `werkbaar productie`: deploy/nginx.conf.template rendered into <data dir>/nginx/,
checked with `nginx -t`, and the command that runs it with its own prefix, pid, logs and temp
dirs."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bot.paths import PROJECT_ROOT
from bot.production.config import ProductionConfig
from bot.servers import StartupError

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf.template"
_TEMP_DIRS = ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi")


def render_nginx_config(config: ProductionConfig, template: Path = TEMPLATE) -> str:
    """Fill the {{ name }} placeholders of the nginx template; unknown ones are an error."""
    host = config.settings.host
    values = {
        "prefix": str(config.nginx_prefix),
        "worker_processes": "2",
        "listen": f"{config.proxy_host}:{config.proxy_port}",
        "actions_listen": f"{host}:{config.actions_proxy_port}",
        "rasa_servers": "\n".join(
            f"        server {host}:{port} max_fails=1 fail_timeout=5s;"
            for port in config.replica_ports),
        "action_servers": "\n".join(
            f"        server {host}:{port} max_fails=1 fail_timeout=5s;"
            for port in config.action_ports),
        "connect_timeout": "2",
        "read_timeout": str(config.lock_lifetime + 60),
        "next_upstream_tries": str(max(2, config.replicas)),
        "next_upstream_timeout": "10",
        "replica_header": ("        add_header X-Werkbaar-Replica $upstream_addr always;"
                           if config.replica_header else ""),
    }

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"unknown placeholder {{{{ {name} }}}} in {template}")
        return values[name]

    return re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, template.read_text(encoding="utf-8"))


def nginx_command(config: ProductionConfig, *extra: str) -> list[str]:
    """nginx with the prefix, error log and config under <data dir>/nginx/."""
    prefix = config.nginx_prefix
    return [config.nginx, "-p", str(prefix), "-e", str(prefix / "error.log"),
            "-c", str(prefix / "nginx.conf"), *extra]


def write_nginx_config(config: ProductionConfig) -> Path:
    """Render the template into <data dir>/nginx/nginx.conf (with nginx's temp dirs) and test
    it with `nginx -t`; StartupError with nginx's complaint when it is refused."""
    prefix = config.nginx_prefix
    for sub in _TEMP_DIRS:
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    path = prefix / "nginx.conf"
    path.write_text(render_nginx_config(config), encoding="utf-8")
    result = subprocess.run(nginx_command(config, "-t"), capture_output=True, text=True,
                            timeout=30)
    if result.returncode != 0:
        raise StartupError(f"nginx-configuratie afgekeurd:\n{result.stderr.strip()}")
    return path
