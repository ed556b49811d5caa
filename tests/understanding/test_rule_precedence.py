"""The understanding rule table: one test per precedence case, on the real rules.

Safety verdicts are given explicitly here, so each case tests the table's order and not the
safety layers (those have their own tests in tests/understanding/test_safety.py)."""
from __future__ import annotations

import pytest

from bot.understanding import rules
from bot.understanding.safety import NONE, SafetyVerdict

ALARM = SafetyVerdict("alarm", "suicidal", "pattern")
CHECK = SafetyVerdict("check", None, "pattern")


def decide(text, ranking, language="dutch", safety=NONE):
    reading = rules.Reading(text=text, ranking=[{"name": n, "confidence": c} for n, c in ranking],
                            language=language, safety=safety)
    return rules.decide(reading)


def test_the_table_is_one_ordered_list_with_unique_ids_and_safety_first():
    ids = [rule.id for rule in rules.RULES]
    assert len(ids) == len(set(ids))
    assert ids[:3] == ["safety.danger", "safety.check", "safety.not_crisis"]
    # Nothing may override a safety decision.
    assert not any("safety.danger" in r.may_override or "safety.check" in r.may_override
                   for r in rules.RULES)


def test_danger_beats_everything_and_nothing_undoes_it():
    # A medical question, a privacy command and another language in one message.
    decision = decide("verwijder mijn gegevens", [("delete_my_data", 0.9)], language="foreign",
                      safety=ALARM)
    assert (decision.intent, decision.rule, decision.kind) == ("crisis", "safety.danger",
                                                              "suicidal")
    decision = decide("heb ik een depressie? ik wil niet meer leven", [("medical_question", 0.9)],
                      safety=ALARM)
    assert decision.intent == "crisis" and decision.fired == ("safety.danger",)


def test_a_weak_signal_asks_directly_and_beats_the_classifier():
    decision = decide("het hoeft allemaal niet meer", [("share_situation", 0.8)], safety=CHECK)
    assert (decision.intent, decision.rule) == ("crisis_check", "safety.check")


def test_classifier_crisis_without_any_safety_signal_takes_the_next_guess():
    decision = decide("ik ben doodmoe na elke dienst", [("crisis", 0.7), ("share_situation", 0.2)])
    assert decision.intent == "share_situation"
    assert decision.rule is None and decision.fired == ("safety.not_crisis",)
    assert decision.ranking[-1] == {"name": "crisis", "confidence": 0.0}


def test_other_language_and_nonsense_are_decided_by_rule_and_say_so():
    assert decide("I need help with my job", [("ask_question", 0.8)],
                  language="foreign").rule == "language.foreign"
    decision = decide("qwzx vbnmt plokij", [("goodbye", 0.95)], language="nonsense")
    assert (decision.intent, decision.rule, decision.confidence) == (
        "nlu_fallback", "language.nonsense", 1.0)


def test_nonsense_is_not_overruled_by_a_question_rule():
    decision = decide("en bij qwzx?", [("deny", 0.5)], language="nonsense")
    assert decision.rule == "language.nonsense" and decision.fired == ("language.nonsense",)


@pytest.mark.parametrize("text, ranking, expected, rule", [
    ("verwijder mijn gegevens", [("ask_question", 0.5), ("delete_my_data", 0.4)],
     "delete_my_data", "privacy.command"),
    ("wat weet je over mij?", [("ask_capabilities", 0.6)], "show_my_data", "privacy.command"),
    ("altijd moe, tips?", [("more", 0.8), ("share_situation", 0.13)], "ask_question",
     "question.long_command"),
    ("nog meer tips?", [("more", 0.8)], "more", None),
    ("wat eerst?", [("out_of_scope", 0.7)], "ask_question", "question.first_step"),
    # a yes with more words is no 'stop'; 'ja, stop maar' is
    ("ja prima, als het maar kort is want ik heb weinig tijd", [("stop", 0.6)], "affirm",
     "conversation.yes_is_no_stop"),
    ("ja, stop maar met die vragen", [("stop", 0.9)], "stop", None),
    # going back needs words that say so; 'terug' in a long answer is part of the answer
    ("s avonds fiets ik terug en dan ben ik echt helemaal op", [("go_back", 0.7),
     ("share_situation", 0.2)], "share_situation", None),
    ("ga terug", [("go_back", 0.9)], "go_back", None),
    ("wacht, ik wil terug naar de vorige vraag", [("go_back", 0.9)], "go_back", None),
    # 'wat kan ik doen' asks for advice; with words about the assistant it asks what it does
    ("wat kan ik nog doen", [("ask_capabilities", 0.8)], "ask_question",
     "question.action_not_capabilities"),
    ("Wat kan ik verder doen?", [("ask_capabilities", 0.6)], "ask_question",
     "question.action_not_capabilities"),
    ("wat moet ik hier doen?", [("ask_capabilities", 0.8)], "ask_capabilities", None),
    ("wat kan je allemaal voor me doen", [("ask_capabilities", 0.8)], "ask_capabilities", None),
    ("wis alles wat ik zei en begin opnieuw", [("delete_my_data", 0.9), ("more", 0.08)],
     "start_over", "privacy.restart"),
    ("het wisselt per dag", [("delete_my_data", 0.71), ("share_situation", 0.2)],
     "share_situation", None),
    ("mag mijn werkgever mijn medische gegevens verwijderen?",
     [("delete_my_data", 0.55), ("ask_question", 0.4)], "ask_question", None),
])
def test_privacy(text, ranking, expected, rule):
    decision = decide(text, ranking)
    assert (decision.intent, decision.rule) == (expected, rule)


def test_a_privacy_command_is_not_turned_into_a_medical_referral():
    decision = decide("wat weet je over mij?", [("medical_question", 0.6)])
    assert decision.intent == "show_my_data"


# The conflicts found in review: MedicalGuard overrode QuestionGuard's answers.
@pytest.mark.parametrize("text", [
    "heb ik eigenlijk recht op een jobcoach?",
    "zou ik een jobcoach kunnen hebben?",
    "wat heb ik aan deze chatbot?",
])
def test_questions_that_look_medical_stay_questions(text):
    for classifier in ("ask_question", "share_situation"):
        decision = decide(text, [(classifier, 0.7), ("medical_question", 0.2)])
        assert decision.intent == "ask_question", (text, classifier, decision)


def test_a_medical_question_beats_the_story_rule_and_keeps_commands():
    decision = decide("ik ben altijd moe, mag ik mijn prednison verhogen?", [("share_situation", 0.8)])
    assert (decision.intent, decision.rule) == ("medical_question", "medical.question")
    assert decide("stop, mag ik mijn prednison verhogen", [("stop", 0.9)]).intent == "stop"


def test_the_classifiers_medical_question_is_kept_when_it_is_a_question():
    """Training examples the patterns do not cover can come out as medical_question."""
    decision = decide("helpt magnesium tegen die krampen?", [("medical_question", 0.8)])
    assert decision.intent == "medical_question" and decision.fired == ()


def test_a_statement_is_never_referred():
    decision = decide("toch vaak moe", [("medical_question", 0.6), ("share_situation", 0.3)])
    assert (decision.intent, decision.fired) == ("share_situation", ("medical.statement",))


@pytest.mark.parametrize("text, intent, expected", [
    ("ik werk halve dagen en ben op, hoe leg ik uit dat uitbreiden niet lukt?",
     "share_situation", "ask_question"),
    ("ik ben bedrijfsarts, hoe onderbouw ik een advies over werkhervatting?",
     "choose_role", "ask_question"),
    ("ik ben bedrijfsarts", "choose_role", "choose_role"),
    ("wat als werken door de ernst van de beperkingen geen reële optie meer is?", "more",
     "ask_question"),
    ("ik ben juf en heb ms en ben 's middags op. hoe hou ik dit vol?", "correct",
     "ask_question"),
    ("kun je daar meer over vertellen", "more", "more"),
    ("en bij NAH?", "deny", "ask_question"),
    ("wat kost het mij?", "out_of_scope", "ask_question"),
])
def test_question_rules(text, intent, expected):
    assert decide(text, [(intent, 0.6)]).intent == expected


def test_decided_intents_cap_the_others_at_half():
    decision = decide("ik wil dood", [("share_situation", 0.9), ("ask_question", 0.05)],
                      safety=ALARM)
    assert decision.ranking[0] == {"name": "crisis", "confidence": 1.0}
    assert all(r["confidence"] <= 0.5 for r in decision.ranking[1:])


def test_button_payload_text_is_never_read_by_rules():
    from bot.understanding.safety import judge

    assert judge('/crisis{"danger_kind": "suicidal"}') == NONE


def test_a_guideline_question_the_classifier_took_for_medical_is_answered():
    decision = decide("wat zegt de richtlijn over medicatie bij reuma?",
                      [("medical_question", 0.7), ("ask_question", 0.25)])
    assert (decision.intent, decision.fired) == ("ask_question", ("medical.statement",))


def test_showing_data_without_its_words_needs_a_sure_classifier():
    assert decide("wie leest er eigenlijk mee met dit gesprek", [("show_my_data", 0.9)]).intent \
        == "show_my_data"
    assert decide("het gaat wel", [("show_my_data", 0.6), ("share_situation", 0.3)]).intent \
        == "share_situation"


@pytest.mark.parametrize("text, expected", [
    ("mijn antwoord over geld klopt niet", "correct"),
    ("ik heb me vergist bij de vraag over werk", "correct"),
    ("Mijn teamleider weet dat ik COPD heb, maar we hebben het nooit over aanpassingen gehad.",
     "share_situation"),
])
def test_correcting_an_answer_needs_words_that_say_so(text, expected):
    assert decide(text, [("correct", 0.56), ("share_situation", 0.24)]).intent == expected


def _without_words(intent_name, pattern):
    """The training examples of an intent that lack the words its rule asks for."""
    from knowledge.text import fold
    from tests.support.nlu_files import TRAINING_DIR, examples_in, strip_annotations

    examples = [strip_annotations(e) for _, intent, e in examples_in(TRAINING_DIR)
                if intent == intent_name]
    assert len(examples) >= 20
    return [e for e in examples if not pattern.search(fold(e))]


def test_every_correct_training_example_has_its_words():
    assert _without_words("correct", rules._CORRECTION) == []


def test_a_demotion_never_promotes_a_safety_intent():
    decision = decide("ik ben juf en heb ms en ben 's middags helemaal op. hoe hou ik dit vol?",
                      [("correct", 0.29), ("crisis_check", 0.27), ("share_situation", 0.2)])
    assert decision.intent == "ask_question", decision


def test_a_question_about_someone_elses_illness_is_no_medical_referral():
    decision = decide("wat mag ik vragen over zijn ziekte?",
                      [("medical_question", 0.7), ("ask_question", 0.2)])
    assert decision.intent == "ask_question"


@pytest.mark.parametrize("text", [
    "wat zegt de richtlijn over supported employment?",
    "welke interventie helpt mensen met reumatoïde artritis?",
])
def test_a_question_about_work_or_an_illness_is_in_scope(text):
    assert decide(text, [("out_of_scope", 0.78), ("start_interview", 0.04)]).intent == \
        "ask_question"


def test_a_question_outside_the_domain_stays_out_of_scope():
    assert decide("wat wordt het weer morgen?", [("out_of_scope", 0.9)]).intent == "out_of_scope"


@pytest.mark.parametrize("text, expected", [("ik heb MS", "share_situation"),
                                            ("doei", "goodbye"), ("klaar, bedankt", "goodbye"),
                                            ("ik ben klaar", "goodbye"),
                                            ("borstkanker, chemo en bestraling vorig jaar klaar",
                                             "share_situation"),
                                            ("oke dank je, fijne dag verder en tot ziens",
                                             "goodbye")])
def test_goodbye_needs_words_that_say_so(text, expected):
    """Goodbye ends the interview: 'ik heb MS' (read as goodbye once) is an answer."""
    assert decide(text, [("goodbye", 0.55), ("share_situation", 0.3)]).intent == expected


def test_every_goodbye_training_example_has_its_words():
    assert _without_words("goodbye", rules._GOODBYE) == []


def test_whether_to_tell_people_at_work_is_a_work_question_not_a_medical_one():
    """'... moet ik dat zeggen?' about one's illness was referred to the doctor by the
    classifier: telling people at work is what the guideline advises on."""
    decision = decide("ik ben bakker en heb schizofrenie, mijn chef weet niks, moet ik dat "
                      "zeggen?", [("medical_question", 0.9), ("ask_question", 0.05)])
    assert decision.intent == "ask_question"


def test_a_question_about_someone_elses_work_is_no_medical_question():
    """'wat is jobcarving precies? we hebben een heftruckchauffeur met epilepsie die niet meer
    mag rijden ... hem toch binnen te houden': the classifier said medical_question; it asks
    about work for someone else."""
    text = ("wat is jobcarving precies? we hebben een chauffeur met epilepsie die niet meer mag "
            "rijden en ik wil hem graag houden")
    decision = decide(text, [("medical_question", 0.7), ("ask_question", 0.2)])
    assert decision.intent == "ask_question"


def test_terug_inside_a_long_answer_is_no_command():
    decision = decide("na de middag ben ik op, dan zit ik in de bus terug te hijgen",
                      [("go_back", 0.8), ("share_situation", 0.15)])
    assert decision.intent == "share_situation"
    assert decision.fired == ("interview.go_back_needs_words",)
