"""Restarts through the real `werkbaar run`:

- the action server crashes (SIGKILL): `werkbaar run` starts it again with a Dutch line on
  stderr and the interview goes on; a crash loop is bounded (5 restarts a minute, then
  `werkbaar run` stops with a Dutch line);
- the whole assistant is stopped and started again mid-interview with the same data dir: the
  interview continues at the next question and the summary holds the answers given before the
  restart (persistent SQL tracker store).
"""
from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest
import requests

from bot.servers import ACTIONS_RESTARTS
from tests.support.assistant import RunningAssistant, start_assistant
from tests.support.chat import Chat

pytestmark = pytest.mark.server


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def action_server_pid(assistant: RunningAssistant) -> int | None:
    for pid in children(assistant.process.pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"rasa_sdk" in command:
            return pid
    return None


def wait_for(condition, timeout: float, what: str, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(step)


def actions_healthy(assistant: RunningAssistant) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{assistant.actions_port}/health",
                            timeout=2).status_code == 200
    except requests.RequestException:
        return False


def start_interview(chat: Chat) -> None:
    chat.say('/choose_role{"role": "werkende"}')
    chat.say("ja")
    assert chat.question == 1, chat.text


def test_crashed_action_server_is_restarted_and_a_crash_loop_is_bounded(tmp_path):
    assistant = start_assistant(tmp_path / "data")
    try:
        chat = Chat(assistant, f"crash-{uuid.uuid4().hex[:8]}")
        start_interview(chat)
        chat.say("reuma")
        assert chat.question == 2, chat.text

        first = action_server_pid(assistant)
        assert first is not None
        os.kill(first, signal.SIGKILL)
        second = wait_for(lambda: (pid := action_server_pid(assistant)) not in (None, first)
                          and pid, 30, "a new action server")
        wait_for(lambda: actions_healthy(assistant), 120, "the restarted action server")
        assert "De actieserver was gestopt (code -9) en is opnieuw gestart (1 van maximaal 5" \
            in assistant.log()
        assert assistant.process.poll() is None
        # The interview goes on where it was.
        chat.say("Vaak erg moe")
        assert chat.question == 3, chat.text

        # A crash loop: kill each new action server at once. After ACTIONS_RESTARTS restarts
        # within a minute (the first crash above counts too) werkbaar run gives up.
        kills, current = 0, second
        while kills <= ACTIONS_RESTARTS + 1:
            os.kill(current, signal.SIGKILL)
            kills += 1

            def next_state(previous=current):
                if assistant.process.poll() is not None:
                    return "exited"
                pid = action_server_pid(assistant)
                return pid if pid not in (None, previous) else None

            state = wait_for(next_state, 30, "a new action server or the end of werkbaar run")
            if state == "exited":
                break
            current = state
        assert assistant.process.wait(timeout=60) == 1, assistant.log()[-2000:]
        assert kills in (ACTIONS_RESTARTS, ACTIONS_RESTARTS + 1), kills
        log = assistant.log()
        assert f"De actieserver is {ACTIONS_RESTARTS} keer gestopt binnen 60 s" in log
        assert "Werkbaar stopt" in log and "Gestopt." in log
    finally:
        assistant.stop()


def test_interview_continues_after_the_assistant_is_restarted(tmp_path):
    data = tmp_path / "data"
    sender = f"herstart-{uuid.uuid4().hex[:8]}"
    first = start_assistant(data)
    try:
        chat = Chat(first, sender)
        start_interview(chat)
        chat.say("reuma")
        assert chat.question == 2, chat.text
        chat.say("Vaak erg moe")
        assert chat.question == 3, chat.text
    finally:
        assert first.stop() == 0
    assert "Gestopt." in first.log()

    second = start_assistant(data)
    try:
        chat = Chat(second, sender)
        chat.say("veel tillen en onregelmatige diensten")
        assert chat.question == 4, chat.text
        chat.say("Leidinggevende begrijpt het niet")
        assert chat.question == 5, chat.text
        chat.say("Geen zorgen")
        assert "Jouw samenvatting" in chat.text, chat.text
        # Answers given before the restart are in the summary.
        assert "Reumatoïde artritis" in chat.text and "Vaak erg moe" in chat.text
        assert "Geld: Geen zorgen" in chat.text
    finally:
        second.stop()
