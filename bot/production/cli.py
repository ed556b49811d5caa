"""`werkbaar productie` on the command line: options, start-up checks and output (Dutch)."""
from __future__ import annotations

import argparse
import sys

from bot.production.config import ProductionConfig, mask_url
from bot.production.supervisor import STATE_FILE, Production
from bot.servers import StartupError
from knowledge.exit_codes import EXIT_USAGE


def config_from(args: argparse.Namespace) -> ProductionConfig:
    """The environment's configuration with the command-line options on top."""
    config = ProductionConfig.from_env()
    for name in ("replicas", "action_servers", "proxy_port", "actions_proxy_port"):
        if getattr(args, name, None):
            setattr(config, name, getattr(args, name))
    if args.port:
        config.settings.port = args.port
    if args.actions_port:
        config.settings.actions_port = args.actions_port
    if args.replica_header:
        config.replica_header = True
    if args.no_restart:
        config.restart = False
    return config


def _print_ready(config: ProductionConfig, seconds: float) -> None:
    host = config.settings.host
    print(f"Werkbaar (productie) is klaar (opgestart in {seconds:.0f} s).")
    print(f"  Chat-widget:   {config.proxy_url}/webhooks/chat/")
    print(f"  Chat (REST):   POST {config.proxy_url}/webhooks/rest/webhook")
    print(f"  Replica's:     {', '.join(f'{host}:{p}' for p in config.replica_ports)}"
          " (HTTP-API met token, alleen hier)")
    print(f"  Actieservers:  {', '.join(f'{host}:{p}' for p in config.action_ports)}"
          f" via nginx {host}:{config.actions_proxy_port}")
    print(f"  Tracker store: {mask_url(config.settings.tracker_url)}")
    print(f"  Lock store:    {mask_url(config.settings.lock_store_url) or 'in het geheugen'}"
          f" (lock lifetime {config.lock_lifetime} s)")
    print(f"  Kennisbank:    {mask_url(config.knowledge_url) or 'SQLite in de datamap'}")
    print(f"  Status:        {config.settings.data / STATE_FILE}")
    print("Stoppen: Ctrl-C", flush=True)


def run(args: argparse.Namespace) -> int:
    from bot.startup import prepare_start
    from bot.servers import serve_until_stopped

    try:
        config = config_from(args)
    except (StartupError, ValueError) as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    problems = config.problems()
    if problems:
        print("Productie kan niet starten:", *(f"  - {p}" for p in problems),
              sep="\n", file=sys.stderr)
        return EXIT_USAGE
    for warning in config.warnings():
        print(warning, file=sys.stderr)

    model = prepare_start(config.settings)
    if isinstance(model, int):  # start-up stopped; the reason is printed
        return model
    production = Production(config, model)

    def serve() -> int:
        production.prepare()
        print(f"Servers starten: {config.replicas} Rasa-replica('s), "
              f"{config.action_servers} actieserver(s), nginx...", flush=True)
        _print_ready(config, production.start())
        return production.supervise()

    return serve_until_stopped(serve, production.stop)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `werkbaar productie` to the CLI."""
    cmd = sub.add_parser(
        "productie",
        help="start nginx, meerdere Rasa-replica's en de actieserver (zie deploy/README.md)")
    cmd.add_argument("--replicas", type=int, help="aantal Rasa-replica's (standaard 2)")
    cmd.add_argument("--actieservers", dest="action_servers", type=int,
                     help="aantal actieservers (standaard 1)")
    cmd.add_argument("--proxy-port", type=int, help="publieke poort van nginx (standaard 8080)")
    cmd.add_argument("--port", type=int, help="poort van de eerste replica (standaard 5005)")
    cmd.add_argument("--actions-port", type=int,
                     help="poort van de eerste actieserver (standaard 5055)")
    cmd.add_argument("--actions-proxy-port", type=int,
                     help="interne nginx-poort voor de actieservers (standaard 5050)")
    cmd.add_argument("--replica-header", action="store_true",
                     help="nginx zet X-Werkbaar-Replica in elk antwoord (voor tests)")
    cmd.add_argument("--geen-herstart", dest="no_restart", action="store_true",
                     help="niet opnieuw starten als een replica stopt")
    cmd.set_defaults(func=run)
