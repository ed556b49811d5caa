"""One user's conversation with the real assistant, for tests: send, read replies, buttons,
the interview's progress and the summary download."""
from __future__ import annotations

import re

PROGRESS = re.compile(r"Vraag (\d) van 5")


class Chat:
    """One user's conversation: send a message, keep the bot's replies."""

    def __init__(self, assistant, sender: str):
        self.assistant, self.sender = assistant, sender
        self.replies: list[dict] = []

    def say(self, message: str) -> str:
        self.replies = self.assistant.send(message, self.sender)
        return self.text

    @property
    def text(self) -> str:
        return "\n".join(r.get("text", "") for r in self.replies if r.get("text"))

    @property
    def question(self) -> int | None:
        """The number of the interview question in the last reply, if any."""
        found = PROGRESS.findall(self.text)
        return int(found[-1]) if found else None

    @property
    def buttons(self) -> list[str]:
        return [b["title"] for r in self.replies for b in r.get("buttons", [])]

    @property
    def download(self) -> dict | None:
        for reply in self.replies:
            custom = reply.get("custom")
            if isinstance(custom, dict) and custom.get("type") == "download":
                return custom
        return None
