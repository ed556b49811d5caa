"""A battery of bad inputs through the real REST channel and the widget's webhook.

Every case goes to BOTH /webhooks/rest/webhook (Rasa's REST protocol, what outside clients use)
and /webhooks/chat/webhook (the widget). Each answer is a clear Dutch reply (200, a list of bot
messages) or a clean 4xx with a Dutch `error` in JSON; never a 5xx. Bodies that `requests`
cannot send (invalid UTF-8, wrong Content-Length) go through http.client or a raw socket.
Afterwards the server still answers, a conversation started before the battery is intact
(tracker slots and number of user turns, via the token-protected HTTP API) and the message
texts are not in the server log.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import uuid
from dataclasses import dataclass
from typing import Callable, Optional

import pytest
import requests

from tests.support.chat import Chat

pytestmark = pytest.mark.server

ENDPOINTS = {"rest": "/webhooks/rest/webhook", "chat": "/webhooks/chat/webhook"}
# A word that must never show up in the server log: it is in several messages below.
MARKER = f"zebrapad{uuid.uuid4().hex[:8]}"
DUTCH = {"je", "het", "de", "een", "is", "niet", "ik", "bericht", "stuur", "met", "te", "geen",
         "van", "over", "dat", "kun", "in", "op", "naar", "mijn", "wat", "dit", "tekst", "jouw",
         "woorden", "ongeldig", "moet", "lang", "groot", "alleen", "nederlands", "hallo"}
ENGLISH = {"the", "please", "you", "your", "error", "failed", "invalid", "request", "didn't",
           "rephrase", "understand", "internal", "server", "exceeds", "method", "allowed"}


def looks_dutch(text: str) -> bool:
    tokens = re.findall(r"[a-z']+", text.lower())
    return sum(t in DUTCH for t in tokens) >= 2 and not any(t in ENGLISH for t in tokens)


@dataclass(frozen=True)
class Case:
    id: str
    body: Callable[[str], bytes]  # sender -> request body
    expect: int  # the status code we answer with
    content_type: Optional[str] = "application/json"


def msg(text, sender_key="sender", **extra) -> Callable[[str], bytes]:
    def build(sender: str) -> bytes:
        return json.dumps({sender_key: sender, "message": text, **extra}).encode()
    return build


def raw(template: bytes) -> Callable[[str], bytes]:
    return lambda sender: template.replace(b"SENDER", sender.encode())


LONG_DUTCH = ("ik ben vaak moe na het werk en mijn leidinggevende snapt het niet goed, "
              * 40)[:1990]
NESTED = b"[" * 100_000 + b"]" * 100_000

CASES = [
    # Empty and whitespace: the user pressed send, so a short Dutch reply.
    Case("empty", msg(""), 200),
    Case("space", msg(" "), 200),
    Case("whitespace-mix", msg("\t\n  \r\n \f"), 200),
    Case("unicode-spaces", msg("\u00a0\u2003\u3000"), 200),
    Case("zero-width-only", msg("\u200b\u200d\ufeff"), 200),
    Case("control-only", msg("\x00\x07\x1b\x7f"), 200),
    # Control characters around real words.
    Case("control-chars", msg(f"\x00hal\x01lo\x1b[31m ik ben moe {MARKER}\x07"), 200),
    Case("newlines", msg("hallo\n\n\nik ben\r\nvaak moe"), 200),
    Case("rtl-override", msg("\u202eik ben moe\u202c"), 200),
    Case("zalgo", msg("i\u0337\u0353k\u0334 b\u0336en m\u0335oe"), 200),
    # Emoji and punctuation only.
    Case("emoji-one", msg("👍"), 200),
    Case("emoji-many", msg("😀😀😀🙂🙃🤔❤️"), 200),
    Case("emoji-zwj", msg("👩‍💻👨‍👩‍👧"), 200),
    Case("flags", msg("🇳🇱🇧🇪"), 200),
    Case("punctuation", msg("?!?!...---"), 200),
    Case("question-mark", msg("?"), 200),
    Case("emoji-with-words", msg("ik ben zo moe 😩😩"), 200),
    # Length.
    Case("near-limit", msg(LONG_DUTCH), 200),
    Case("one-long-word", msg("a" * 1999), 200),
    Case("over-limit", msg("ik ben moe " * 200 + MARKER), 413),
    Case("100kB", msg("a" * 100_000), 413),
    Case("100kB-emoji", msg("😀" * 25_000), 413),
    Case("huge-metadata", msg("hallo", metadata={"x": "y" * 100_000}), 413),
    # HTML and script.
    Case("script", msg(f"<script>alert('{MARKER}')</script>"), 200),
    Case("img-onerror", msg('<img src=x onerror="alert(1)">'), 200),
    Case("html-and-words", msg("<b>hallo</b> ik ben <i>moe</i>"), 200),
    Case("js-url", msg("javascript:alert(document.cookie)"), 200),
    Case("svg-onload", msg("<svg/onload=alert(1)> ik heb reuma"), 200),
    # SQL-ish and other injection strings.
    Case("sql-drop", msg(f"'; DROP TABLE events; -- {MARKER}"), 200),
    Case("sql-or", msg("1' OR '1'='1"), 200),
    Case("sql-bobby", msg("Robert'); DROP TABLE students;--"), 200),
    Case("format-strings", msg("%s %n %x {0} ${jndi:ldap://x/a} {{7*7}}"), 200),
    Case("path-traversal", msg("../../../../etc/passwd"), 200),
    # JSON and Rasa commands inside the message.
    Case("json-in-message", msg('{"sender": "admin", "message": "hallo"}'), 200),
    Case("intent-bad-entity", msg('/choose_role{"role": "hacker"}'), 200),
    Case("intent-broken-json", msg("/greet{{{"), 200),
    Case("intent-unknown", msg("/bestaat_niet"), 200),
    Case("slash-only", msg("/"), 200),
    # Other languages: a Dutch "I only understand Dutch".
    Case("english", msg("Hello, how are you? I am very tired at work."), 200),
    Case("german", msg("Guten Tag, ich bin sehr müde bei der Arbeit."), 200),
    Case("french", msg("Bonjour, je suis très fatigué au travail."), 200),
    Case("turkish", msg("Merhaba, işte çok yorgunum."), 200),
    Case("arabic", msg("مرحبا، أنا متعب جدا في العمل"), 200),
    Case("chinese", msg("你好，我工作的时候很累"), 200),
    Case("russian", msg("Привет, я очень устал на работе"), 200),
    Case("numbers-only", msg("12345 678"), 200),
    # Odd but acceptable requests (Rasa's REST protocol is lenient about these).
    Case("sender-number", lambda s: json.dumps({"sender": 12345, "message": "hallo"}).encode(),
         200),
    Case("metadata-not-object", msg("hallo", metadata="x"), 200),
    Case("extra-fields", msg("hallo", foo=[1, 2], input_channel="<script>"), 200),
    Case("json-as-text-plain", msg("hallo"), 200, "text/plain"),
    Case("json-no-content-type", msg("hallo"), 200, None),
    Case("utf8-bom", lambda s: b"\xef\xbb\xbf" + msg("hallo")(s), 200),
    Case("raw-control-in-json", raw(b'{"sender": "SENDER", "message": "hal\x00lo\x01 ik"}'), 200),
    Case("lone-surrogate", raw(b'{"sender": "SENDER", "message": "hallo \\ud800 ik"}'), 200),
    # Malformed bodies: 400 with a Dutch error.
    Case("not-json", raw(b"{not json"), 400),
    Case("truncated-json", raw(b'{"sender": "SENDER", "message": "hal'), 400),
    Case("empty-body", raw(b""), 400),
    Case("json-null", raw(b"null"), 400),
    Case("json-array", raw(b'[{"sender": "SENDER", "message": "hallo"}]'), 400),
    Case("json-string", raw(b'"hallo"'), 400),
    Case("json-number", raw(b"42"), 400),
    Case("deeply-nested", raw(NESTED), 413),
    Case("nested-small", raw(b'{"sender": "SENDER", "message": ' + b"[" * 5000 + b"]" * 5000
                             + b"}"), 400),
    Case("invalid-utf8", raw(b'{"sender": "SENDER", "message": "caf\xe9 \xff\xfe"}'), 400),
    Case("latin1-body", lambda s: json.dumps({"sender": s, "message": "café"},
                                              ensure_ascii=False).encode("latin-1"), 400),
    Case("utf16-body", lambda s: json.dumps({"sender": s, "message": "hallo"}).encode("utf-16"),
         400),
    Case("missing-message", lambda s: json.dumps({"sender": s}).encode(), 400),
    Case("message-null", msg(None), 400),
    Case("message-number", msg(42), 400),
    Case("message-object", msg({"text": "hallo"}), 400),
    Case("message-list", msg(["hallo"]), 400),
    Case("message-bool", msg(True), 400),
    Case("sender-empty", lambda s: json.dumps({"sender": "", "message": "hallo"}).encode(), 400),
    Case("sender-blank", lambda s: json.dumps({"sender": "  ", "message": "hallo"}).encode(), 400),
    Case("sender-too-long", lambda s: json.dumps({"sender": "x" * 129, "message": "hi"}).encode(),
         400),
    Case("sender-object", lambda s: json.dumps({"sender": {"id": 1}, "message": "hallo"}).encode(),
         400),
    Case("sender-control", lambda s: json.dumps({"sender": "a\x00b", "message": "hallo"}).encode(),
         400),
    Case("sender-bool", lambda s: json.dumps({"sender": True, "message": "hallo"}).encode(), 400),
    # Wrong content type with a body that is not JSON: 415.
    Case("form-urlencoded", raw(b"sender=SENDER&message=hallo"), 415,
         "application/x-www-form-urlencoded"),
    Case("text-plain", raw(b"hallo"), 415, "text/plain"),
    Case("xml", raw(b"<message><sender>SENDER</sender><text>hallo</text></message>"), 415,
         "application/xml"),
    Case("multipart", raw(b'--xx\r\nContent-Disposition: form-data; name="message"\r\n\r\n'
                          b"hallo\r\n--xx--\r\n"), 415, "multipart/form-data; boundary=xx"),
    Case("binary", raw(bytes(range(256)) * 4), 400, "application/octet-stream"),
]
assert len(CASES) >= 50
assert len({case.id for case in CASES}) == len(CASES)


def post(assistant, path: str, body: bytes, content_type: Optional[str],
         method: str = "POST") -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", assistant.port, timeout=60)
    try:
        headers = {"Content-Length": str(len(body))}
        if content_type:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def check_answer(status: int, headers: dict, body: bytes, sender: str) -> list[dict]:
    """The common promise: < 500; 4xx is JSON with a Dutch error; 200 is Dutch bot messages."""
    assert status < 500, body[:500]
    content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    assert content_type.startswith("application/json"), (status, content_type, body[:300])
    data = json.loads(body)
    if status >= 400:
        assert isinstance(data, dict) and set(data) == {"error"}, data
        assert looks_dutch(data["error"]), data["error"]
        return []
    assert status == 200
    assert isinstance(data, list) and data, data
    for message in data:
        assert isinstance(message, dict) and message.get("recipient_id") == sender, message
        assert message.get("text") or message.get("buttons") or message.get("custom"), message
    text = " ".join(m.get("text", "") for m in data)
    assert looks_dutch(text), text
    assert "<script" not in text.lower() and "onerror=" not in text.lower(), text
    return data


# -- a conversation started before the battery ----------------------------------------------
def tracker(assistant, sender: str) -> dict:
    answer = requests.get(f"{assistant.url}/conversations/{sender}/tracker",
                          params={"token": assistant.api_token}, timeout=30)
    assert answer.status_code == 200, answer.text[:300]
    return answer.json()


def snapshot(assistant, sender: str) -> dict:
    state = tracker(assistant, sender)
    return {"slots": state["slots"],
            "user_turns": sum(1 for e in state["events"] if e["event"] == "user"),
            "active_loop": (state.get("active_loop") or {}).get("name")}


@pytest.fixture(scope="module")
def earlier(assistant) -> dict:
    """A worker in the middle of the interview (two answers given), before the battery."""
    chat = Chat(assistant, f"voor-batterij-{uuid.uuid4().hex[:8]}")
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja")
    assert chat.question == 1, chat.text
    chat.say("reuma")
    chat.say("Vaak erg moe")
    assert chat.question == 3, chat.text
    return {"chat": chat, "before": snapshot(assistant, chat.sender)}


def test_a_conversation_is_under_way_before_the_battery(earlier):
    before = earlier["before"]
    assert before["active_loop"] == "interview_form"
    assert before["slots"]["aandoening"] and before["slots"]["energie"]
    assert before["user_turns"] == 4


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(assistant, earlier, case: Case, endpoint: str):
    sender = f"bad-{case.id}-{endpoint}-{uuid.uuid4().hex[:6]}"
    status, headers, body = post(assistant, ENDPOINTS[endpoint], case.body(sender),
                                 case.content_type)
    expected_sender = "12345" if case.id == "sender-number" else sender
    check_answer(status, headers, body, expected_sender)
    assert status == case.expect, (status, body[:300])


@pytest.mark.parametrize("endpoint, expect, recipient", [
    ("rest", 200, "default"),  # as Rasa's own REST channel: the conversation 'default'
    ("chat", 400, None),       # the widget always sends its own id; no shared conversation
])
def test_missing_sender(assistant, endpoint, expect, recipient):
    status, headers, body = post(assistant, ENDPOINTS[endpoint],
                                 json.dumps({"message": "hallo"}).encode(), "application/json")
    check_answer(status, headers, body, recipient or "")
    assert status == expect, (status, body[:300])


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_get_on_the_webhook_is_a_dutch_405(assistant, endpoint):
    status, headers, body = post(assistant, ENDPOINTS[endpoint], b"", None, method="GET")
    assert status == 405
    check_answer(status, headers, body, "")


def raw_exchange(assistant, request: bytes, half_close: bool = False) -> bytes:
    """Send bytes on a socket and read what comes back until the server closes or 10 s pass."""
    with socket.create_connection(("127.0.0.1", assistant.port), timeout=10) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while len(received) < 1_000_000:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except socket.timeout:
            pass
        return received


def statuses(received: bytes) -> list[int]:
    return [int(code) for code in re.findall(rb"HTTP/1\.[01] (\d{3}) ", received)]


FRAMING = {
    # Content-Length shorter than the body: the JSON is cut off; the rest is garbage.
    "length-too-short": (b"Content-Length: 10\r\nConnection: close\r\n\r\nBODY", False, 400),
    # Content-Length longer than the body, then the client stops sending.
    "length-too-long": (b"Content-Length: 5000\r\n\r\nBODY", True, None),
    "length-not-a-number": (b"Content-Length: abc\r\n\r\nBODY", True, 400),
    "length-negative": (b"Content-Length: -5\r\n\r\nBODY", True, 400),
    "length-plus": (b"Content-Length: +12\r\n\r\nBODY", True, 400),
    "length-huge": (b"Content-Length: 99999999999999999999\r\n\r\nBODY", True, 400),
    "length-twice": (b"Content-Length: 10\r\nContent-Length: 99\r\n\r\nBODY", True, 400),
    "bad-chunks": (b"Transfer-Encoding: chunked\r\n\r\nzz\r\nBODY\r\n0\r\n\r\n", True, 400),
    "binary-header": (b"\x00\xff\xfe: ???\r\nContent-Length: 3\r\n\r\nabc", True, None),
    # Chunked transfer encoding is fine.
    "chunked": (b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nCHUNKED", False, 200),
}


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("case", sorted(FRAMING))
def test_broken_http_framing_never_gives_5xx(assistant, endpoint, case):
    path = ENDPOINTS[endpoint].encode()
    body = json.dumps({"sender": f"framing-{endpoint}", "message": "hallo"}).encode()
    rest, half_close, expected = FRAMING[case]
    rest = rest.replace(b"CHUNKED", f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
    rest = rest.replace(b"BODY", body)
    received = raw_exchange(assistant, b"POST " + path + b" HTTP/1.1\r\nHost: x\r\n"
                            b"Content-Type: application/json\r\n" + rest, half_close)
    codes = statuses(received)
    assert all(code < 500 for code in codes), received[:500]
    if expected is not None:
        assert codes and codes[0] == expected, received[:500]
    # The server still answers right away (Sanic 21.12 hung on a negative Content-Length).
    hello = requests.post(assistant.webhook, json={"sender": f"framing-ok-{case}",
                                                    "message": "hallo"}, timeout=30)
    assert hello.status_code == 200 and hello.json()


def test_html_in_interview_answers_is_never_echoed(assistant):
    chat = Chat(assistant, f"html-{uuid.uuid4().hex[:8]}")
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja")
    answers = ["<script>alert(1)</script>reuma", '<img src=x onerror="alert(2)">Vaak erg moe',
               "<b>veel tillen</b> en onregelmatige diensten",
               "<iframe src=//x></iframe>Leidinggevende begrijpt het niet", "Geen zorgen"]
    for number, answer in enumerate(answers, start=1):
        assert chat.question == number, chat.text
        chat.say(answer)
        everything = json.dumps(chat.replies).lower()
        assert "<script" not in everything and "onerror" not in everything, everything
        assert "<iframe" not in everything and "<img" not in everything, everything
    assert "Jouw samenvatting" in chat.text and "Reumatoïde artritis" in chat.text


def test_after_the_battery_the_server_answers_and_earlier_conversations_are_intact(
        assistant, earlier):
    hello = requests.post(assistant.webhook, json={"sender": f"na-{uuid.uuid4().hex[:6]}",
                                                    "message": "hallo"}, timeout=30)
    assert hello.status_code == 200 and "Werkbaar" in hello.json()[0]["text"]
    assert snapshot(assistant, earlier["chat"].sender) == earlier["before"]
    chat = earlier["chat"]
    chat.say("veel tillen en onregelmatige diensten")
    assert chat.question == 4, chat.text
    # The texts of the battery never reach the log (health data).
    assert MARKER not in assistant.log()
