"""From interview answers to an advice plan, on the real knowledge base (no mocks)."""
from __future__ import annotations

from knowledge.advice_plan import make_plan
from knowledge.situation import SKIPPED

STORY = {
    "aandoening": "reuma",
    "energie": "na het werk ben ik kapot en heb ik de hele avond nodig om bij te komen",
    "werkbelasting": "veel tillen en onregelmatige diensten",
    "steun": "mijn leidinggevende snapt het niet",
    "financien": "geen zorgen",
}


def test_plan_has_advice_per_concern_most_important_first(real_kb):
    plan = make_plan(real_kb, STORY)
    topics = [block.topic for block in plan.topics]
    assert set(topics) == {"energie", "werkbelasting", "steun"}
    assert plan.fine == ["financien"]
    # Strong concerns ('kapot', 'snapt het niet') before the milder one.
    assert topics[-1] == "werkbelasting"
    assert plan.condition is not None and plan.condition.id == "reuma"
    themes = {"energie": {"vermoeidheid", "concentratie"},
              "werkbelasting": {"fysieke_belasting", "werktijden"},
              "steun": {"steun_werk", "steun_thuis", "openheid"}}
    for block in plan.topics:
        first = block.items[0]
        assert themes[block.topic] & set(first.themes), (block.topic, first.id)
        assert first.source.label
        # Items about another condition never reach a worker with reuma.
        assert all(not i.conditions or "reuma" in i.conditions for i in block.items)
    ids = plan.item_ids
    assert len(ids) == len(set(ids)), "no advice twice"


def test_plan_finds_the_guideline_advice_for_irregular_hours(real_kb):
    plan = make_plan(real_kb, {"werkbelasting": "onregelmatige diensten en nachtdiensten"})
    assert plan.topics[0].items[0].id == "rl-3.2-onregelmatige-werktijden"


def test_plan_resources_have_web_addresses_and_condition_first(real_kb):
    plan = make_plan(real_kb, {**STORY, "aandoening": "ik heb ME/CVS"})
    assert plan.resources and all(r.url or r.conditions for r in plan.resources)
    assert "me_cvs" in plan.resources[0].conditions


def test_all_fine_or_skipped_gives_no_topic_advice_but_preparation(real_kb):
    plan = make_plan(real_kb, {"aandoening": SKIPPED, "energie": "gaat goed",
                               "werkbelasting": SKIPPED, "steun": "goede steun",
                               "financien": "nee"})
    assert plan.topics == []
    assert plan.skipped == ["werkbelasting"]
    assert plan.condition is None
    assert plan.prepare_item is not None and plan.doctor_questions_item is not None


def test_job_seeker_gets_job_seeker_advice(real_kb):
    plan = make_plan(real_kb, {"werkbelasting": "solliciteren is moeilijk met mijn ziekte"},
                     audience="werkzoekende")
    assert plan.audience == "werkzoekende"
    assert plan.topics and "werkzoekende" in plan.topics[0].items[0].audiences


def test_doctor_questions_quote_the_answer_and_the_advice(real_kb):
    plan = make_plan(real_kb, STORY)
    assert len(plan.doctor_questions) == len(plan.topics)
    for question, block in zip(plan.doctor_questions, plan.topics):
        assert block.reading.text in question and block.items[0].title in question


def test_what_was_told_to_another_question_counts_for_its_topic(real_kb):
    """People answer the question they have in mind: lifting and a freezer named to the
    question about energy are about the work, and its advice comes first."""
    from knowledge.advice_plan import make_plan

    plan = make_plan(real_kb, {
        "aandoening": "copd, benauwd bij inspanning en kou",
        "energie": "vooral het tillen en de vrieshal, dan moet ik steeds stoppen",
        "werkbelasting": "het werk wordt steeds zwaarder",
        "steun": "nee hoor, mijn teamleider is top",
        "financien": "geen zorgen"})
    work = next(block for block in plan.topics if block.topic == "werkbelasting")
    assert "fysieke_belasting" in work.reading.factors
    assert "fysieke_belasting" in work.items[0].themes
    assert plan.fine == ["steun", "financien"]


def test_an_employers_plan_is_about_the_employee_and_starts_the_conversation(real_kb):
    from knowledge.advice_plan import PREPARE_ITEM_EMPLOYER, make_plan

    plan = make_plan(real_kb, {"aandoening": "crohn", "energie": "vaak moe",
                               "werkbelasting": "hij kan niet zomaar van de machine weg",
                               "steun": "collega's mopperen als hij weg is",
                               "financien": "de kosten van verzuim"}, "werkgever")
    assert plan.audience == "werkgever" and plan.prepare_item.id == PREPARE_ITEM_EMPLOYER
    assert all("werkgever" in block.items[0].audiences for block in plan.topics)


def test_the_story_before_the_interview_counts_for_the_plan(real_kb):
    """'de gemeente wil dat ik ga solliciteren, reizen kost me al te veel energie' in the first
    message: the job seeker's plan has something on the journey (work at or near home) and
    on finding work, although the interview answers did not repeat it."""
    answers = {"aandoening": "ME/CVS, al zes jaar", "energie": "na inspanning ben ik uitgeteld",
               "werkbelasting": "ik zou best een paar uur willen werken",
               "steun": "ik heb op dit moment geen werkgever",
               "financien": "ik heb een bijstandsuitkering"}
    told = {"werkbelasting": "de gemeente wil dat ik ga solliciteren, reizen kost me al te veel "
                             "energie"}
    without = make_plan(real_kb, answers, "werkzoekende")
    plan = make_plan(real_kb, answers, "werkzoekende", told=told)
    work = next(block for block in plan.topics if block.topic == "werkbelasting")
    assert {"woon_werkverkeer", "werk_zoeken"} <= set(work.reading.factors)
    assert any("woon_werkverkeer" in item.themes for item in work.items)
    assert any("werk_zoeken" in item.themes for item in work.items)
    assert "rl-3.1-thuis-of-dichtbij-werken" in plan.item_ids
    assert "rl-3.1-thuis-of-dichtbij-werken" not in without.item_ids
    # 'geen werkgever' is no support problem.
    assert "steun" not in [block.topic for block in plan.topics]
    # The condition named in the story counts when the interview question was skipped.
    assert make_plan(real_kb, dict(answers, aandoening=SKIPPED), "werkzoekende",
                     told={"aandoening": "ME/CVS"}).condition.id == \
        plan.condition.id


def test_work_that_got_too_heavy_also_gets_the_next_step(real_kb):
    """'dit werk wordt me echt te zwaar': after the best adjustment, the sources' other route
    for work that no longer fits (another function, training); one item per factor named."""
    plan = make_plan(real_kb, {"werkbelasting": "vooral het tillen en de kou in de vrieshal, "
                                                "dit werk wordt me echt te zwaar"})
    work = plan.topics[0]
    assert work.items[1].id == "rl-3.2-scholing-omscholing"
    assert {"fysieke_belasting", "werkaanpassingen"} <= set(work.reading.factors)
    assert "fysieke_belasting" in work.items[0].themes
    mild = make_plan(real_kb, {"werkbelasting": "soms wat tillen"})
    assert "rl-3.2-scholing-omscholing" not in mild.item_ids


def test_an_employers_plan_offers_the_guidelines_steps_for_employers(real_kb):
    """Whatever the illness, guideline 3.2's advice to employers (room to try, colleagues
    taking over tasks for a while ...) comes with an employer's plan, never twice."""
    plan = make_plan(real_kb, {"aandoening": "MS", "energie": "vaak moe, middag zakt hij in"},
                     "werkgever")
    ids = [item.id for item in plan.employer_steps]
    assert {"rl-3.2-werkgever-ruimte-uitproberen", "rl-3.2-taken-tijdelijk-overnemen"} <= set(ids)
    assert not set(ids) & set(plan.item_ids)
    assert make_plan(real_kb, {"energie": "vaak moe"}).employer_steps == []


def test_work_pressure_gets_something_to_do_before_a_checklist(real_kb):
    """'ik zeg overal ja op en dan loopt het over': what the worker can do (know and say your
    limits, hand over tasks), not the doctor's list of factors with less evidence."""
    plan = make_plan(real_kb, {"werkbelasting": "de werkdruk, al die vergaderingen en verslagen "
                                                "erbij, en ik zeg overal ja op"})
    work = plan.topics[0]
    assert all(item.actionable for item in work.items[:2])
    assert work.items[0].themes[0] != "factoren"
    assert "werkdruk" in work.items[0].themes


def test_a_job_seekers_work_advice_puts_their_own_items_first(real_kb):
    plan = make_plan(real_kb, {"werkbelasting": "ik word steeds afgewezen bij sollicitaties"},
                     "werkzoekende")
    work = plan.topics[0]
    assert "werkende" not in work.items[0].audiences


def test_what_the_sources_say_for_the_condition_comes_first(real_kb):
    """A hernia with work that is too physical: the guideline's interventions for back
    complaints (2.1) lead the work advice, before the generic adjustments."""
    plan = make_plan(real_kb, {"aandoening": "hernia",
                               "werkbelasting": "dozen tillen, bukken en de hele dag staan"})
    work = plan.topics[0]
    assert "rugklachten" in work.items[0].conditions and work.items[0].actionable


def test_the_plan_keeps_what_the_sources_advise_for_the_condition_itself(real_kb):
    """A heart patient's plan holds 'hartrevalidatie met aandacht voor werk' (2.1, level 2)
    though no answer asked for it; an item titled for PTSS is not offered for a depression,
    nor anything with too little evidence."""
    plan = make_plan(real_kb, {"aandoening": "hartfalen", "energie": "snel moe"})
    assert "rl-2.1-hartrevalidatie" in [item.id for item in plan.for_condition]
    assert not set(plan.item_ids) & {item.id for item in plan.for_condition}
    plan = make_plan(real_kb, {"aandoening": "depressie", "energie": "snel moe"})
    assert plan.for_condition and not any("PTSS" in item.title for item in plan.for_condition)
    for condition in ("ms", "kanker", "reuma", "rugpijn"):
        plan = make_plan(real_kb, {"aandoening": condition, "energie": "snel moe"})
        assert all(item.actionable and item.evidence != "onvoldoende_bewijs"
                   for item in plan.for_condition)
    assert make_plan(real_kb, {"energie": "snel moe"}).for_condition == []


def test_family_that_wants_them_to_stop_is_overprotection_first(real_kb):
    """'vrouw is bang, die wil dat ik stop. ze belt me 3x per dag': the support advice starts
    with the guideline's advice on overprotective family, not with 'support helps' for the
    boss and colleagues who were only named."""
    answer = ("baas wil me houden. collegas helpen wel. vrouw is bang, die wil dat ik stop. "
              "ze belt me 3x per dag")
    plan = make_plan(real_kb, {"aandoening": "hartfalen", "steun": answer})
    support = plan.topics[0]
    assert "overbescherming" in support.reading.factors
    assert "overprotectie" in support.items[0].id


def test_a_job_at_risk_gets_the_route_for_work_that_no_longer_fits(real_kb):
    """'bang dat ik mijn werk kwijtraak als ik niet meer mag rijden' (a driver with diabetes):
    the work advice holds guideline 3.2's route for work that no longer fits, also when the work
    answer itself is a mild concern."""
    work = "onregelmatig eten, lange dagen, files en wachttijden"
    money = "ik ben bang dat ik mijn werk kwijtraak als ik niet meer mag rijden"
    plain = make_plan(real_kb, {"werkbelasting": work})
    at_risk = make_plan(real_kb, {"werkbelasting": work, "financien": money})
    block = next(b for b in at_risk.topics if b.topic == "werkbelasting")
    assert "rl-3.2-scholing-omscholing" in [i.id for i in block.items]
    assert "rl-3.2-scholing-omscholing" not in plain.item_ids


def test_the_condition_lifts_one_item_not_the_whole_list(real_kb):
    """A hernia and lifting that no longer works: the condition's best advice first, then the
    adjustment asked about (lighter work), not every back therapy before it."""
    plan = make_plan(real_kb, {"aandoening": "hernia",
                               "werkbelasting": "dozen tillen, bukken, de hele dag staan. "
                                                "dat is precies wat ik niet kan"})
    items = plan.topics[0].items
    assert "rugklachten" in items[0].conditions
    assert not items[1].conditions


def test_a_topic_that_would_open_with_a_barrier_opens_with_what_helps(real_kb):
    """Whiplash and energy that runs out: the sources' finding for the condition ('minder lang
    volhouden en elke dag anders') is a barrier; the plan shows one item per topic, so the
    remedy comes first (fewer hours or more rest) and the finding second."""
    plan = make_plan(real_kb, {"aandoening": "whiplash",
                               "energie": "na drie uur bellen ben ik op, dan moet ik plat"})
    items = plan.topics[0].items
    assert not items[0].helped_by and items[0].actionable
    assert items[0].id in items[1].helped_by


def test_concentration_named_in_the_energy_answer_gets_its_advice(real_kb):
    """The energy question asks after concentration too (guideline 3.2 names both): 'ik raak
    de draad kwijt' gets the advice on an adjusted set of tasks."""
    for answer in ("Moeite met concentreren",
                   "als er om me heen gepraat wordt raak ik de draad kwijt",
                   "ik onthoud niks meer sinds de chemo, chemobrein noemen ze dat"):
        plan = make_plan(real_kb, {"energie": answer})
        assert "rl-3.2-concentratie-takenpakket" in [i.id for i in plan.topics[0].items], answer


def test_a_partner_who_thinks_they_should_stop_is_overprotection(real_kb):
    answer = ("teamleider is vriendelijk. mijn vriend vindt dat ik helemaal moet stoppen met "
              "werken")
    plan = make_plan(real_kb, {"steun": answer})
    assert "overbescherming" in plan.topics[0].reading.factors
    for not_overprotection in ("mijn vrouw zegt dat ik moet stoppen met roken",
                               "mijn baas zegt dat ik om vijf uur mag stoppen"):
        plan = make_plan(real_kb, {"steun": not_overprotection})
        assert all("overbescherming" not in b.reading.factors for b in plan.topics)


def test_an_answer_about_other_topics_adds_to_them_not_to_its_own(real_kb):
    """Asked what is hard at work, a cook with hiv said 'dat ik niet weet wie het weet, en dat
    ik bang ben dat de eigenaar me eruit werkt als hij erachter komt': about telling and the
    job, not the work itself (searched as work it gave 'werk dat fysiek minder belastend is').
    Support, though its own answer was fine ('mijn vriend steunt me'), gets the advice on
    telling; money gets the rights and duties."""
    plan = make_plan(real_kb, {
        "aandoening": "hiv",
        "werkbelasting": "dat ik niet weet wie het weet. en dat ik bang ben dat de eigenaar me "
                         "eruit werkt als hij erachter komt",
        "steun": "mijn vriend weet het en steunt me. de chef weet van niks",
        "financien": "geld is geen probleem"})
    topics = {block.topic: block for block in plan.topics}
    assert "werkbelasting" not in topics
    assert "openheid" in topics["steun"].reading.factors
    assert "openheid" in topics["steun"].items[0].themes
    assert "rechten_plichten" in topics["financien"].reading.factors


def test_the_conditions_own_name_is_no_story():
    """'Posttraumatische stressstoornis (PTSS)' (the name the interview stores) holds 'stress':
    it added work pressure to the work answer, and the nights (irregular hours) lost first place."""
    from knowledge.base import KnowledgeBase
    from knowledge.validation import load_content

    kb = KnowledgeBase(load_content())
    name = kb.match_condition("ptss").name
    plan = make_plan(kb, {"aandoening": name,
                          "werkbelasting": "de nachten en de meldingen met kinderen"})
    work = next(b for b in plan.topics if b.topic == "werkbelasting")
    assert "werkdruk" not in work.reading.factors
    assert work.items[0].id == "rl-3.2-onregelmatige-werktijden"
