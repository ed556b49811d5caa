"""Exceptions raised by the knowledge package."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class ContentProblem:
    """One validation problem in a content file."""

    file: str
    record: str  # e.g. "item 'rl-3.2-x'" or "" for file-level problems
    field: str  # field name, or "" when not field-specific
    message: str  # Dutch explanation

    def __str__(self) -> str:
        parts = [self.file]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"veld '{self.field}'")
        return f"{', '.join(parts)}: {self.message}"


class ContentError(ValueError):
    """The content files are invalid. The message names file, item id and field."""

    def __init__(self, problems: Sequence[ContentProblem]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = str(self.problems[0])
        else:
            lines = [f"{len(self.problems)} fouten in de kennisbank-inhoud:"]
            lines += [f"- {p}" for p in self.problems]
            message = "\n".join(lines)
        super().__init__(message)


class KnowledgeStoreError(RuntimeError):
    """The knowledge store is missing, empty or corrupt.

    The message is bilingual (Dutch first, then English) because it is shown to
    operators at start-up.
    """

    def __init__(self, dutch: str, english: str, hint: Optional[str] = None):
        self.dutch = dutch
        self.english = english
        self.hint = hint or (
            "Bouw de kennisbank opnieuw met: werkbaar kennisbank laden "
            "(of: python -m knowledge kennisbank laden)."
        )
        super().__init__(f"{dutch} {self.hint}\n[en] {english}")
