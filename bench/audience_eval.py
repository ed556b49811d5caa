"""Employers' and professionals' questions through the real server: is the right item first?

    .venv/bin/python bench/audience_eval.py            # starts its own server (free ports)
    .venv/bin/python bench/audience_eval.py --url http://127.0.0.1:5005

The questions (tests/knowledge/blind_audience_questions.yaml: 30 employer, 30 professional)
were written by someone who saw the knowledge items but neither the question bank nor any
evaluation set; each names the acceptable item ids, best first. Every question is sent from a
new conversation, as typed (no role said first). The first bubble's title (before ':') is
compared with the titles of the acceptable items, for any audience. Also printed: the same
measure for the knowledge search in-process, with the audience given.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTIONS = ROOT / "tests" / "knowledge" / "blind_audience_questions.yaml"
AUDIENCES = ("werkende", "werkzoekende", "professional", "werkgever")


def load(path: Path = QUESTIONS) -> List[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def titles(kb, ids: List[str]) -> set:
    return {kb.get_item(i).title_for(a).strip().lower() for i in ids for a in AUDIENCES
            if kb.get_item(i) is not None}


def score(kb, questions: List[dict], first_title: Callable[[dict], str]) -> Dict[str, List[int]]:
    per: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for question in questions:
        got = first_title(question).strip().lower()
        per[question["audience"]][0] += got in titles(kb, question["expect"])
        per[question["audience"]][1] += 1
    return per


def report(label: str, per: Dict[str, List[int]]) -> None:
    parts = [f"{aud} {right}/{n} = {right / n:.2f}" for aud, (right, n) in sorted(per.items())]
    print(f"{label}: " + "; ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="", help="a running server; default: start one")
    parser.add_argument("--file", type=Path, default=QUESTIONS,
                        help="the question set (default %(default)s; also "
                             "blind_audience_questions_v2.yaml)")
    args = parser.parse_args()
    from knowledge.base import KnowledgeBase
    from knowledge.validation import load_content

    kb = KnowledgeBase(load_content())
    questions = load(args.file)

    def in_process(question: dict) -> str:
        hits = kb.search(question["text"], audience=question["audience"], limit=1,
                         prefer_advice=question["audience"] != "professional")
        return hits[0].item.title_for(question["audience"]) if hits else ""

    report("knowledge search in-process (audience given)", score(kb, questions, in_process))

    running = None
    url = args.url.rstrip("/")
    if not url:
        from tests.support.assistant import start_assistant

        running = start_assistant(Path(tempfile.mkdtemp(prefix="werkbaar-audience-")))
        url = f"http://127.0.0.1:{running.port}"

    def through_server(question: dict) -> str:
        replies = requests.post(f"{url}/webhooks/rest/webhook", timeout=30, json={
            "sender": f"audience-{uuid.uuid4().hex[:10]}", "message": question["text"]}).json()
        first = next((r.get("text") or "" for r in replies if r.get("text")), "")
        return first.split(":\n", 1)[0] if ":\n" in first else ""

    try:
        report("through the real server (first bubble, no role said)",
               score(kb, questions, through_server))
    finally:
        if running is not None:
            running.stop()


if __name__ == "__main__":
    main()
