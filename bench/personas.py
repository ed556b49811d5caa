"""Simulated users through the real server: do they reach all the advice they need?

    .venv/bin/python bench/personas.py --url http://127.0.0.1:5005
    .venv/bin/python bench/personas.py --url ... --ids bp-02-borstkanker -v

The personas (tests/conversation/blind/personas.yaml) were written by someone who saw neither
the code nor any evaluation set. Each answers the bot's questions from a list of regex keys
(the first key that matches the question sentences, else the whole last question message);
a button whose title occurs in the chosen answer is tapped; no key: the first button, or the
persona's fallback. When the bot asks nothing, the next generic follow-up is sent. A persona
passes when every expected group (any of its phrases) occurs somewhere in the bot's text.

Also counted: conversations in which a bot message longer than 80 characters is repeated
(a loop). Prints one line per persona and a summary; exit code 0 always (a benchmark).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
PERSONAS = ROOT / "tests" / "conversation" / "blind" / "personas.yaml"
GOODBYE = re.compile(r"\b(tot ziens|doei|fijne dag|dag!)")
LONG = 80


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text or "").replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text)


def send(url: str, sender: str, message: str) -> List[dict]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"[]")


def texts(replies: List[dict]) -> List[str]:
    out = []
    for reply in replies:
        if reply.get("text"):
            out.append(reply["text"])
        out += [b.get("title", "") for b in reply.get("buttons") or []]
    return out


def asks(replies: List[dict]) -> bool:
    return any(r.get("buttons") for r in replies) or any("?" in (r.get("text") or "")
                                                          for r in replies)


def choose(persona: dict, replies: List[dict]) -> Tuple[str, str]:
    said = [r.get("text") or "" for r in replies if r.get("text")]
    asking = [t for t in said if "?" in t]
    last = asking[-1] if asking else (said[-1] if said else "")
    questions = " ".join(s for s in re.split(r"(?<=[.!?])\s+|\n+", last) if s.endswith("?"))
    buttons = [b for r in replies for b in r.get("buttons") or []]
    for candidate in (questions, last):
        if not candidate.strip():
            continue
        for key, answer in (persona.get("answers") or {}).items():
            if re.search(key, norm(candidate)):
                padded = " " + re.sub(r"[^\w]+", " ", norm(answer)) + " "
                for button in buttons:
                    title = re.sub(r"[^\w]+", " ", norm(button.get("title"))).strip()
                    if len(title) >= 2 and f" {title} " in padded:
                        return button.get("payload") or button["title"], f"button {title}"
                return answer, f"key {key[:30]}"
    if buttons:
        return buttons[0].get("payload") or buttons[0]["title"], "first button"
    return persona.get("fallback") or "Dat weet ik niet.", "fallback"


def run(url: str, persona: dict, verbose: bool, width: int = 300) -> Dict[str, object]:
    sender = f"persona-{uuid.uuid4().hex[:12]}"
    groups = persona.get("expect_all_groups") or []
    names = persona.get("group_names") or [f"group_{i + 1}" for i in range(len(groups))]
    followups = list(persona.get("followups") or [])
    seen: Dict[str, int] = {}
    everything, message, how, stop = " ", persona["opening"], "opening", "max_turns"
    met = [False] * len(groups)
    for turn in range(1, int(persona.get("max_turns", 14)) + 1):
        replies = send(url, sender, message)
        for text in texts(replies):
            if len(text) > LONG:
                seen[text] = seen.get(text, 0) + 1
        everything += " " + norm(" ".join(texts(replies)))
        if verbose:
            print(f"  {turn:2d} > {message[:100]}  [{how}]")
            print(f"     < {' | '.join(texts(replies))[:width]}")
        met = [any(all(norm(p) in everything for p in ([a] if isinstance(a, str) else a))
                   for a in group) for group in groups]
        if all(met):
            stop = "expectations_met"
            break
        if GOODBYE.search(norm(" ".join(texts(replies)))) and not asks(replies):
            stop = "goodbye"
            break
        if asks(replies):
            message, how = choose(persona, replies)
        elif followups:
            message, how = followups.pop(0), "followup"
        else:
            stop = "bot_stopped_asking"
            break
    return {"id": persona["id"], "passed": bool(groups) and all(met), "stop": stop,
            "missing": [n for n, m in zip(names, met) if not m],
            "repeated_long": sum(1 for count in seen.values() if count > 1),
            "repeats": [text[:70] for text, count in seen.items() if count > 1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--file", default=str(PERSONAS))
    parser.add_argument("--ids", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--width", type=int, default=300,
                        help="characters of each bot turn shown with -v")
    args = parser.parse_args()
    personas = yaml.safe_load(Path(args.file).read_text(encoding="utf-8"))["conversations"]
    wanted = {i for i in args.ids.split(",") if i}
    results = []
    for persona in personas:
        if wanted and persona["id"] not in wanted:
            continue
        result = run(args.url.rstrip("/"), persona, args.verbose, args.width)
        results.append(result)
        print(f"{result['id']:32s} {'PASS' if result['passed'] else 'FAIL'} "
              f"stop={result['stop']:18s} repeated_long={result['repeated_long']} "
              f"missing={','.join(result['missing'])}")
        for text in result["repeats"]:
            print(f"    repeated: {text!r}")
        sys.stdout.flush()
    looped = sum(1 for r in results if r["repeated_long"])
    print(f"personas: {sum(r['passed'] for r in results)}/{len(results)} reach all their advice; "
          f"{looped} with a repeated long bot message")


if __name__ == "__main__":
    main()
