"""The chat widget's channel: Rasa's REST protocol at /webhooks/chat/webhook, plus the widget
files and a full-page chat, all from the Rasa server itself (no CDN, no build step).

    GET  /webhooks/chat/            full-page chat
    GET  /webhooks/chat/demo        an example host page with the one-line embed
    GET  /webhooks/chat/widget.js   the widget (one <script> tag on any page)
    GET  /webhooks/chat/widget.css
    POST /webhooks/chat/webhook     {"sender": "...", "message": "..."} -> bot messages

Browsers on other sites need their origin in WERKBAAR_CORS_ORIGINS. The Rasa HTTP API stays
behind its token; this channel only passes user messages, like the REST channel.
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "widget" / "static"
FILES = {
    "/": ("chat.html", "text/html; charset=utf-8"),
    "/demo": ("demo.html", "text/html; charset=utf-8"),
    "/widget.js": ("werkbaar-widget.js", "application/javascript; charset=utf-8"),
    "/widget.css": ("werkbaar-widget.css", "text/css; charset=utf-8"),
}
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# Pages of our own: scripts, styles and requests only from this server.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
               "blob:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'")


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


class ChatInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        chat = Blueprint("werkbaar_chat", __name__)

        def serve(filename: str, content_type: str):
            async def handler(request: Request) -> HTTPResponse:
                headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
                if content_type.startswith("text/html"):
                    headers["Content-Security-Policy"] = PAGE_POLICY
                return response.raw((STATIC / filename).read_bytes(),
                                    content_type=content_type, headers=headers)
            handler.__name__ = f"serve_{filename.replace('.', '_').replace('-', '_')}"
            return handler

        for path, (filename, content_type) in FILES.items():
            chat.add_route(serve(filename, content_type), path, methods=["GET"])

        @chat.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = _json_body(request)
            if body is None:
                return _error(400, "Ongeldig bericht: stuur JSON met 'sender' en 'message'.")
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not sender.strip() \
                    or len(sender) > MAX_SENDER_CHARS:
                return _error(400, "Ongeldig bericht: 'sender' ontbreekt of is te lang.")
            if not isinstance(text, str):
                return _error(400, "Ongeldig bericht: 'message' moet tekst zijn.")
            if len(text) > MAX_MESSAGE_CHARS:
                return _error(413, f"Je bericht is te lang (meer dan {MAX_MESSAGE_CHARS} tekens).")
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender,
                                                 input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except asyncio.CancelledError:
                logger.error("chat: message handling timed out")
            except Exception:  # never the message text in the log (health data)
                logger.exception("chat: message handling failed")
            return response.json(collector.messages)

        return chat


def _json_body(request: Request) -> Dict[str, Any] | None:
    try:
        body = request.json
    except Exception:  # malformed JSON
        return None
    return body if isinstance(body, dict) else None
