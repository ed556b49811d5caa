"""`python -m knowledge ...`: see knowledge/cli.py."""
import sys

from .cli import main

sys.exit(main())
