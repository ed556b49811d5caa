"""The worker interview through the real servers (REST channel): happy paths, stories, skips,
going back, corrections, direct questions, out-of-scope, stop and restart, summary download."""
from __future__ import annotations

import re

import pytest

from tests.support.chat import Chat

pytestmark = pytest.mark.server

@pytest.fixture
def chat(assistant, sender) -> Chat:
    return Chat(assistant, sender)


def answer_all(chat: Chat, answers: dict[int, str]) -> None:
    """Answer questions by number until the interview ends (bounded)."""
    for _ in range(12):
        number = chat.question
        if number is None:
            return
        chat.say(answers[number])
    pytest.fail(f"interview did not end: {chat.text}")


WORKER_ANSWERS = {
    1: "reuma",
    2: "Vaak erg moe",
    3: "veel tillen en onregelmatige diensten",
    4: "Leidinggevende begrijpt het niet",
    5: "Geen zorgen",
}


def test_worker_happy_path_from_the_role_button(chat):
    greeting = chat.say("hallo")
    assert "Ik werk" in chat.buttons and "geen diagnose" in greeting
    chat.say('/choose_role{"role": "werkende"}')
    assert "5 korte vragen" in chat.text and "Ja, stel je vragen" in chat.buttons
    chat.say("ja graag")
    assert chat.question == 1 and "sla over" in chat.text
    seen = []
    for _ in range(5):
        seen.append(chat.question)
        if chat.question == 2:
            assert "Vaak erg moe" in chat.buttons and "Sla over" in chat.buttons
        chat.say(WORKER_ANSWERS[chat.question])
    assert seen == [1, 2, 3, 4, 5]
    advice = chat.text
    # One block per concern, each with its source; resources; summary; download.
    assert "Energie." in advice and "Bron:" in advice
    assert re.search(r"Steun\.|Werk\.", advice)
    assert "Hier kun je terecht" in advice or "organisaties" in advice
    assert "Jouw samenvatting" in advice and "Reumatoïde artritis" in advice
    assert "Geld: Geen zorgen" in advice
    download = chat.download
    # A page to print (HTML) and the same as a text file (Markdown).
    assert download and download["filename"].endswith(".html")
    assert "<h2>Mijn antwoorden</h2>" in download["content"]
    assert download["markdown_filename"].endswith(".md")
    document = download["markdown"]
    for heading in ("## Mijn antwoorden", "## Advies dat bij mij past",
                    "## Vragen voor mijn gesprek met de bedrijfsarts"):
        assert heading in document
    assert "Vaak erg moe" in document and "paragraaf" in document
    # More on request.
    chat.say("meer")
    assert "Bron:" in chat.text


def test_job_seeker_gets_the_job_seeker_question(chat):
    chat.say("ik zoek werk")
    assert "5 korte vragen" in chat.text
    chat.say("ja")
    chat.say("diabetes")
    assert chat.question == 2 and "Diabetes" in chat.text
    chat.say("het wisselt per dag")
    assert chat.question == 3 and "Solliciteren is moeilijk" in chat.buttons


def test_story_prefills_and_only_missing_questions_are_asked(chat):
    chat.say("ik ben zo moe na het werk en mijn leidinggevende snapt het niet")
    reply = chat.text
    assert "Energie" in reply and "Steun" in reply and "Klopt dat?" in reply
    assert chat.question is None
    chat.say("ja klopt")
    asked = []
    for _ in range(6):
        if chat.question is None:
            break
        asked.append(chat.question)
        chat.say({1: "sla over", 3: "hoge werkdruk", 5: "ik ben bang mijn inkomen kwijt te raken"}
                 [chat.question])
    assert asked == [1, 3, 5], asked
    assert "Jouw samenvatting" in chat.text
    assert "moe na het werk" in chat.download["content"]


@pytest.mark.parametrize("opening, condition", [
    ("ik heb reuma", "Reumatoïde artritis"),
    ("copd", "Longziekte"),
    ("ik heb de ziekte van crohn", "Chronische darmziekte"),
])
def test_naming_ones_condition_leads_to_the_interview(chat, opening, condition):
    """The most common first message: the condition alone. Read back, then only the other
    questions (not 'daar kan ik je niet mee helpen' or 'dat begreep ik niet')."""
    chat.say(opening)
    assert condition in chat.text and "Klopt dat?" in chat.text
    chat.say("ja klopt")
    assert chat.question == 2


def test_story_read_wrongly_asks_everything(chat):
    chat.say("ik heb MS en werk 32 uur in de zorg, de avonddiensten breken me op")
    assert "Klopt dat?" in chat.text
    chat.say("nee, niet helemaal")
    assert chat.question == 1


def test_skip_back_and_correct_inside_the_interview(chat):
    chat.say("ik wil advies op maat")
    assert chat.question == 1
    chat.say("weet ik niet")
    assert chat.question == 2 and "overslaan" in chat.text.lower() or "slaan we over" in chat.text
    chat.say("ik ben heel erg moe")
    assert chat.question == 3
    chat.say("terug")
    assert chat.question == 2
    chat.say("gaat eigenlijk wel goed")
    assert chat.question == 3
    chat.say("ik wil mijn antwoord over energie aanpassen")
    assert chat.question == 2
    chat.say("toch vaak moe")
    assert chat.question == 3


def test_direct_question_first_then_the_interview(chat):
    chat.say("altijd moe, tips?")
    reply = chat.text
    assert "Bron:" in reply and re.search(r"moe|energie|herstel|rust", reply, re.IGNORECASE)
    assert "5 korte vragen" in reply
    chat.say("ja")
    assert chat.question == 1


def test_declined_offer_and_a_question_inside_the_interview(chat):
    chat.say("altijd moe, tips?")
    chat.say("nee dank je")
    assert "Stel gerust je vraag" in chat.text and chat.question is None
    chat.say("stel me maar vragen")
    assert chat.question == 1
    chat.say("wat is een arbeidsdeskundige eigenlijk?")
    assert "Bron:" in chat.text and chat.question == 1


def test_out_of_scope_and_nonsense_inside_the_interview(chat):
    chat.say("ik wil advies op maat")
    chat.say("reuma")
    assert chat.question == 2
    chat.say("wat voor weer wordt het morgen?")
    assert "niet mee helpen" in chat.text and chat.question == 2
    chat.say("qwzx vbnmt plokij")
    assert "begreep ik niet" in chat.text and chat.question == 2
    chat.say("what is this, I don't speak dutch")
    assert "Nederlands" in chat.text and chat.question == 2


def test_stop_and_restart(chat):
    chat.say("ik wil advies op maat")
    chat.say("diabetes")
    chat.say("stop")
    assert "stoppen" in chat.text and chat.question is None
    chat.say("hoe gaat het met de economie")  # outside the interview again
    assert chat.question is None
    chat.say("opnieuw")
    assert "opnieuw" in chat.text.lower() and chat.question == 1


def test_crisis_inside_the_interview_ends_it(chat):
    chat.say("ik wil advies op maat")
    chat.say("depressie")
    chat.say("ik wil niet meer leven")
    assert "113" in chat.text and chat.question is None
    chat.say("hallo")
    assert chat.question is None


def test_correct_after_the_advice_asks_again_and_renews_the_advice(chat):
    chat.say("ik wil advies op maat")
    answer_all(chat, WORKER_ANSWERS)
    assert "Geld: Geen zorgen" in chat.text
    chat.say("ik wil mijn antwoord over geld aanpassen")
    assert chat.question == 5
    chat.say("ik maak me grote zorgen over mijn uitkering")
    assert "Jouw samenvatting" in chat.text
    assert "zorgen over mijn uitkering" in chat.download["content"]
