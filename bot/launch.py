"""Run the `rasa` or `rasa_sdk` command line with library deprecation noise filtered out.

Some of Rasa's dependencies (aiogram) reset Python's warning filters at import time, so
PYTHONWARNINGS alone cannot keep DeprecationWarnings out of the user's terminal. This launcher
drops only deprecation-type warnings at display time; Rasa's own UserWarnings and all logged
errors still show.

    python -m bot.launch rasa train ...
    python -m bot.launch rasa_sdk --actions actions
"""
from __future__ import annotations

import runpy
import sys
import warnings

from bot.quiet import quiet_environment
from knowledge.exit_codes import EXIT_USAGE

NOISE = (DeprecationWarning, PendingDeprecationWarning, FutureWarning, ImportWarning)
TARGETS = ("rasa", "rasa_sdk")


def _drop_noise() -> None:
    show = warnings.showwarning

    def filtered(message, category, *args, **kwargs):
        if issubclass(category, NOISE):
            return
        show(message, category, *args, **kwargs)

    warnings.showwarning = filtered


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        print(f"usage: python -m bot.launch {{{'|'.join(TARGETS)}}} ARGS...", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    quiet_environment()
    _drop_noise()
    target = sys.argv[1]
    sys.argv = [target, *sys.argv[2:]]
    runpy.run_module(target, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
