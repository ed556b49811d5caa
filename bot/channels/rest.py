"""Rasa's REST protocol, hardened: POST /webhooks/rest/webhook {"sender": "...", "message": "..."}
answers 200 with a list of bot messages, exactly like Rasa's own `rest` channel, but

- bad requests get a clean 4xx with a Dutch `error` (JSON), never a 500: malformed JSON, a body
  that is not UTF-8 or not a JSON object, a wrong content type, an odd `sender` (a missing one
  is the conversation "default" here, as in Rasa; the widget's channel refuses it), a
  `message` that is not text, a message over MAX_MESSAGE_CHARS (413) or a body over
  MAX_BODY_BYTES (413);
- control characters, invisible format characters and HTML tags are taken out of the text;
- a message without any words (empty, spaces, only emoji or punctuation) gets a short Dutch
  reply (200) and does not reach the dialogue: the user pressed send, so they get an answer;
- when a custom action fails (action server down or broken) the user gets a friendly Dutch
  message; Rasa keeps the conversation where it was, so answering again continues it;
- the message text is never logged;
- for the whole Rasa server, a request head whose Content-Length is no plain number (or given
  twice, differently) gets a 400: Sanic 21.12 would hang on "-5" and answer 500 on "abc".

A body that is valid JSON is accepted whatever its Content-Type says (as Rasa does, and as
`curl -d` without a header sends it); a body that is not JSON with a non-JSON content type
gets 415. `?stream=true` is passed on to Rasa's streaming, like the stock channel.

The widget channel (bot/channels/chat.py) uses the same checks through `WebhookInput`.
"""
from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot import action_response_check

# Rasa checks each custom action's response with a validator built once (see the module).
action_response_check.install()

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
MAX_BODY_BYTES = 64 * 1024
INPUT_CHANNEL = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

# Dutch texts (B1). Errors are for the program that calls us; replies are for the user.
ERROR_JSON = "Ongeldig bericht: stuur JSON met 'sender' en 'message'."
ERROR_CONTENT_TYPE = ("Ongeldig bericht: stuur JSON (Content-Type: application/json) met "
                      "'sender' en 'message'.")
ERROR_UTF8 = "Ongeldig bericht: de tekst is geen geldige UTF-8."
ERROR_SENDER = "Ongeldig bericht: 'sender' is leeg, te lang of geen tekst."
ERROR_MESSAGE = "Ongeldig bericht: 'message' moet tekst zijn."
ERROR_TOO_LONG = (f"Je bericht is te lang (meer dan {MAX_MESSAGE_CHARS} tekens). "
                  "Maak het korter en probeer het opnieuw.")
ERROR_BODY_TOO_LARGE = f"Het verzoek is te groot (meer dan {MAX_BODY_BYTES // 1024} kB)."
ERROR_METHOD = "Stuur berichten met POST naar deze webhook."
ERROR_FRAMING = "Ongeldig verzoek: de lengte van het bericht (Content-Length) klopt niet."
REPLY_EMPTY = ("Je bericht is leeg. Typ je vraag of je antwoord, bijvoorbeeld: "
               "'ik ben moe na het werk'.")
REPLY_NO_WORDS = ("Ik zie geen woorden in je bericht. Typ je vraag of je antwoord in een paar "
                  "woorden, dan help ik je verder.")
REPLY_FAILED = ("Er ging even iets mis aan onze kant. Wat je eerder hebt verteld, is bewaard. "
                "Probeer het zo nog eens: stuur je laatste bericht dan opnieuw.")
REPLY_NOTHING = "Sorry, daar heb ik geen antwoord op. Kun je het anders zeggen?"
# Rasa's built-in commands that rightly answer nothing.
SILENT_COMMANDS = {"/restart", "/session_start"}

# Rasa's processor catches a failing custom action, logs this and goes on without the action's
# events (rasa/core/processor.py `_run_action`). The filter below notices that log record for
# the message being handled (a context variable per request), so the channel can tell the user.
ACTION_FAILURE_LOG = "Encountered an exception while running action"
# Bookkeeping actions whose loss the user does not notice: after the direct safety question
# (a response, sent without the action server) 'something went wrong' would only alarm.
QUIET_ACTIONS = ("action_note_crisis_check",)


@dataclass
class _Turn:
    action_failed: bool = False


_current_turn: contextvars.ContextVar[Optional[_Turn]] = contextvars.ContextVar(
    "werkbaar_turn", default=None)


class _ActionFailureFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        turn = _current_turn.get()
        if turn is not None and record.levelno >= logging.ERROR \
                and str(record.msg).startswith(ACTION_FAILURE_LOG) \
                and not any(name in record.getMessage() for name in QUIET_ACTIONS):
            turn.action_failed = True
        return True


def _install_failure_filter() -> None:
    processor_logger = logging.getLogger("rasa.core.processor")
    if not any(isinstance(f, _ActionFailureFilter) for f in processor_logger.filters):
        processor_logger.addFilter(_ActionFailureFilter())


class FramingError(InvalidUsage):
    """The request head has a Content-Length that is no plain number, or several."""


_CONTENT_LENGTH = re.compile(r"^[0-9]{1,18}$")
_framing_guard_registered = False


async def _check_framing(request: Request) -> None:
    """Sanic 21.12 trusts Content-Length: "-5" makes it spin forever reading the body (the
    whole server hangs), "abc" gives a 500. This runs on every request of the Rasa server
    (the signal comes after the head is read, before the body is) and refuses such heads."""
    values = request.headers.getall("content-length", [])
    if values and (len(set(values)) > 1
                   or not all(_CONTENT_LENGTH.match(v.strip()) for v in values)):
        raise FramingError(ERROR_FRAMING)


def _framing_error(request: Request, exception: Exception) -> HTTPResponse:
    return error_response(400, ERROR_FRAMING)


def _guard_framing(blueprint: Blueprint) -> None:
    """Register the check once per process; the blueprint's signals are app-wide."""
    global _framing_guard_registered
    if _framing_guard_registered:
        return
    _framing_guard_registered = True
    blueprint.signal("http.lifecycle.request")(_check_framing)

    @blueprint.listener("before_server_start")
    async def framing_errors_in_dutch(app: Any, _loop: Any) -> None:
        # Raised before routing, so only an app-wide handler sees it.
        app.error_handler.add(FramingError, _framing_error)


# -- the text -------------------------------------------------------------------------------
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>")
_SPACE = re.compile(r"\s+")
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_text(text: str) -> str:
    """The text as the dialogue should see it: NFC, no control/format characters or lone
    surrogates, no HTML tags, single spaces."""
    text = "".join(" " if ch in "\t\n\r\v\f\x85\u2028\u2029" else ch for ch in text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROP_CATEGORIES)
    text = unicodedata.normalize("NFC", text)
    text = _TAG.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def has_words(text: str) -> bool:
    """True when the text has at least one letter or digit (in any script)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


# -- the request ----------------------------------------------------------------------------
class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class Incoming:
    sender: str
    text: str
    metadata: Optional[Dict[str, Any]]
    input_channel: Optional[str]


def _is_json_type(request: Request) -> bool:
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    return content_type in ("", "application/json", "text/json") or content_type.endswith("+json")


def parse_request(request: Request, default_sender: Optional[str] = None) -> Incoming:
    """Read and check a webhook request; raises BadRequest with a Dutch message."""
    body = request.body or b""
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(413, ERROR_BODY_TOO_LARGE)
    try:
        decoded = body.decode("utf-8-sig")  # a leading byte order mark is tolerated
    except UnicodeDecodeError:
        raise BadRequest(400, ERROR_UTF8) from None
    try:
        # strict=False: raw control characters inside strings are allowed here and removed
        # from the text below.
        data = json.loads(decoded, strict=False) if decoded.strip() else None
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        if data is None and not _is_json_type(request):
            raise BadRequest(415, ERROR_CONTENT_TYPE)
        raise BadRequest(400, ERROR_JSON)

    sender = data.get("sender")
    if sender is None and default_sender:
        sender = default_sender
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str):
        raise BadRequest(400, ERROR_SENDER)
    sender = sender.strip()
    if not sender or len(sender) > MAX_SENDER_CHARS or not sender.isprintable():
        raise BadRequest(400, ERROR_SENDER)

    text = data.get("message")
    if not isinstance(text, str):
        raise BadRequest(400, ERROR_MESSAGE)
    text = clean_text(text)
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadRequest(413, ERROR_TOO_LONG)

    metadata = data.get("metadata")
    input_channel = data.get("input_channel")
    return Incoming(
        sender=sender, text=text,
        metadata=metadata if isinstance(metadata, dict) else None,
        input_channel=input_channel if isinstance(input_channel, str)
        and INPUT_CHANNEL.match(input_channel) else None,
    )


def error_response(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def bot_reply(sender: str, text: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": text}]


class WebhookInput(RestInput):
    """Rasa's REST protocol with the checks above; subclasses choose name() and extra routes."""

    # Conversation id for a request without 'sender'; None: such a request is refused.
    default_sender: Optional[str] = None

    def add_webhook(self, blueprint: Blueprint,
                    on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        _install_failure_filter()
        _guard_framing(blueprint)
        channel = self.name()

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            try:
                incoming = parse_request(request, self.default_sender)
            except BadRequest as bad:
                logger.info("%s: request refused (%s)", channel, bad.status)
                return error_response(bad.status, bad.message)
            if not incoming.text:
                return response.json(bot_reply(incoming.sender, REPLY_EMPTY))
            if not has_words(incoming.text):
                return response.json(bot_reply(incoming.sender, REPLY_NO_WORDS))
            input_channel = incoming.input_channel or channel
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(on_new_message, incoming.text, incoming.sender,
                                         input_channel, incoming.metadata),
                    content_type="text/event-stream")
            messages = await self.handle(on_new_message, incoming, input_channel)
            return response.json(messages)

        @blueprint.route("/webhook", methods=["GET"], name=f"{channel}_webhook_get")
        async def wrong_method(request: Request) -> HTTPResponse:
            return error_response(405, ERROR_METHOD)

    async def handle(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                     incoming: Incoming, input_channel: str) -> List[Dict[str, Any]]:
        """Pass one message to Rasa; the bot's messages, plus a Dutch line when it failed."""
        collector = CollectingOutputChannel()
        turn = _Turn()
        token = _current_turn.set(turn)
        failed = False
        try:
            await on_new_message(UserMessage(incoming.text, collector, incoming.sender,
                                             input_channel=input_channel,
                                             metadata=incoming.metadata))
        except asyncio.CancelledError:
            failed = True
            logger.error("%s: message handling timed out or was cancelled", self.name())
        except Exception as error:  # never the message text in the log (health data)
            failed = True
            logger.error("%s: message handling failed (%s)", self.name(),
                         type(error).__name__, exc_info=logger.isEnabledFor(logging.DEBUG))
        finally:
            _current_turn.reset(token)
        messages = list(collector.messages)
        if failed or turn.action_failed:
            if turn.action_failed:
                logger.warning("%s: a custom action failed; the user was asked to try again",
                               self.name())
            messages.append(bot_reply(incoming.sender, REPLY_FAILED)[0])
        elif not messages and incoming.text.split("{")[0] not in SILENT_COMMANDS:
            logger.warning("%s: the dialogue gave no reply; sent the default line", self.name())
            messages.append(bot_reply(incoming.sender, REPLY_NOTHING)[0])
        return messages


class HardenedRestInput(WebhookInput):
    """Listed in credentials.yml instead of Rasa's `rest:`; same name, so the same URL."""

    # As Rasa's own REST channel: no sender is the conversation 'default'. (The widget always
    # sends its own id, and its channel refuses a request without one.)
    default_sender = DEFAULT_SENDER_ID

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("werkbaar_rest", __name__)

        @rest.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        self.add_webhook(rest, on_new_message)
        return rest
