"""Exit codes of the `werkbaar` and `python -m knowledge` commands, in one place.

Plain constants with no imports, so the knowledge package, the action server and the bot's
command line (which may import knowledge, never the other way round) all use these.
"""

EXIT_OK = 0
# Nothing found, the knowledge store is out of date, no such conversation.
EXIT_NOTHING = 1
# `werkbaar run` / `productie` / `train`: start-up or training failed, or a server stopped.
EXIT_FAILED = 1
# Wrong usage: bad arguments, or a configuration the command refuses to start with.
EXIT_USAGE = 2
# The knowledge store or its content is not usable, or the conversation store is unreachable.
# The action server exits with it too when it cannot open the knowledge store.
EXIT_ERROR = 3
