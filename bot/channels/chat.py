"""The chat widget's channel: Rasa's REST protocol at /webhooks/chat/webhook, plus the widget
files and a full-page chat, all from the Rasa server itself (no CDN, no build step).

    GET  /webhooks/chat/            full-page chat
    GET  /webhooks/chat/demo        an example host page with the one-line embed
    GET  /webhooks/chat/widget.js   the widget (one <script> tag on any page)
    GET  /webhooks/chat/widget.css
    POST /webhooks/chat/webhook     {"sender": "...", "message": "..."} -> bot messages

Browsers on other sites need their origin in WERKBAAR_CORS_ORIGINS. The Rasa HTTP API stays
behind its token; this channel only passes user messages, like the REST channel, with the same
checks, Dutch errors and replies (bot/channels/rest.py `WebhookInput`).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.rest import WebhookInput

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "widget" / "static"
FILES = {
    "/": ("chat.html", "text/html; charset=utf-8"),
    "/demo": ("demo.html", "text/html; charset=utf-8"),
    "/widget.js": ("werkbaar-widget.js", "application/javascript; charset=utf-8"),
    "/widget.css": ("werkbaar-widget.css", "text/css; charset=utf-8"),
}
# Pages of our own: scripts, styles and requests only from this server.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: "
               "blob:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'")


class ChatInput(WebhookInput):
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

        self.add_webhook(chat, on_new_message)
        return chat
