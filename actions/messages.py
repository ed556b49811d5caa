"""Dutch texts that actions send (the domain's responses cover the rule-driven ones)."""

NO_ANSWER = (
    "Daarover staat niets in mijn bronnen, dus daar kan ik je geen betrouwbaar antwoord op "
    "geven. Ik weet vooral iets over energie, werkbelasting, steun en geldzaken bij werken met "
    "een chronische aandoening. Je bedrijfsarts kan je verder helpen."
)

REPHRASE = (
    "Sorry, dat begreep ik niet goed. Kun je het anders zeggen? Je kunt bijvoorbeeld vragen: "
    "'Ik ben altijd moe na mijn werk' of 'Wie betaalt mijn re-integratie?'"
)
REPHRASE_BUTTONS = [("Ik ben altijd moe", "Ik ben altijd moe, wat kan ik doen?"),
                    ("Wie betaalt re-integratie?", "Wie betaalt mijn re-integratie?"),
                    ("Advies op maat", "/start_interview")]
# The same for an employer: examples about their employee, not about oneself.
REPHRASE_EMPLOYER = (
    "Sorry, dat begreep ik niet goed. Kun je het anders zeggen? Je kunt bijvoorbeeld vragen: "
    "'Welke aanpassingen kan ik mijn werknemer bieden?' of 'Hoe begin ik het gesprek?'"
)
REPHRASE_BUTTONS_EMPLOYER = [
    ("Welke aanpassingen?", "Welke aanpassingen kan ik mijn werknemer bieden?"),
    ("Hoe begin ik het gesprek?", "Hoe begin ik het gesprek met mijn werknemer?"),
    ("Advies op maat", "/start_interview")]
NO_DIRECT_ANSWER = (
    "Daar geven mijn bronnen geen direct antwoord op. Dit komt het dichtst in de buurt; kies "
    "een onderwerp als het past:"
)
FIRST_STEP = (
    "Begin met het belangrijkste uit je plan, over {topic}: '{title}'. Bespreek dat eerst met "
    "{people}, en neem je samenvatting mee."
)
# 'wat eerst?' asked again: the next block of the plan, then a pointer (never the same text).
NEXT_STEP = "Daarna, over {topic}: '{title}'. Ook dat kun je met {people} bespreken."
IN_THE_PLAN = "Dat staat hierboven in je plan."
STEPS_GIVEN = "Dat staat hierboven: begin met '{title}', en ga dan verder met je plan."
FIRST_STEP_NONE = (
    "Je gaf aan dat het op de vier onderwerpen goed gaat. Wil je toch iets bespreken? Bereid "
    "het gesprek met je bedrijfsarts voor met je samenvatting."
)
ALSO_NAMED = "Je noemt ook (tik erop voor advies daarover):"
CONDITION_HELP = "Voor {condition} noemen mijn bronnen ook:"
# Before the remedy the sources give for a barrier just described (Item.helped_by).
WHAT_HELPS = "Wat daarbij kan helpen:"
RELATED = "Misschien ook nuttig (tik erop, of typ 'meer'):"
RULES = "Regels en regelingen die mijn bronnen hierbij noemen:"
PROBABLY_MEANT = "Ik weet niet zeker of ik je goed begrijp. Ik denk dat dit je helpt:"

NOT_A_DOCTOR = (
    "Dit is algemene informatie uit de bronnen, geen persoonlijk medisch advies. Voor jouw eigen "
    "situatie kun je terecht bij je bedrijfsarts."
)
# A job seeker has no company doctor: the doctors and offices that are theirs.
NOT_A_DOCTOR_JOB_SEEKER = (
    "Dit is algemene informatie uit de bronnen, geen persoonlijk medisch advies. Voor jouw eigen "
    "situatie kun je terecht bij je huisarts; over werk en uitkering bij de verzekeringsarts of "
    "arbeidsdeskundige van het UWV, of bij de gemeente als je een bijstandsuitkering hebt."
)

# Who they are, said during the interview instead of an answer: noted, the question again.
ROLE_IN_INTERVIEW = {
    "werkgever": "Dank je, dan gaan de vragen over je werknemer.",
    "werkende": "Dank je, dan gaan de vragen over jou en je werk.",
    "werkzoekende": "Dank je, dan gaan de vragen over jou en het zoeken naar werk.",
}
ROLE_CONFIRMED = {
    "werkende": (
        "Fijn dat je er bent. Werken met een chronische aandoening kan zwaar zijn. Stel gerust "
        "je vraag, bijvoorbeeld over vermoeidheid, je werk, steun of geld."
    ),
    "werkzoekende": (
        "Fijn dat je er bent. Werk zoeken met een chronische aandoening vraagt veel van je. "
        "Stel gerust je vraag, bijvoorbeeld over energie, wat voor werk past, of geld en "
        "uitkering."
    ),
    "professional": (
        "Welkom. Stel uw vraag direct, bijvoorbeeld: 'Wat zegt de richtlijn over supported "
        "employment?' U krijgt de aanbeveling met het niveau van bewijs en de bron."
    ),
    "werkgever": (
        "Welkom. Ik vertel u welke aanpassingen en steun helpen, en hoe u het gesprek met uw "
        "medewerker voert. Stel gerust uw vraag."
    ),
}

# -- the worker interview -----------------------------------------------------------------
INTERVIEW_OFFER = (
    "Wil je advies dat beter bij jou past? Dan stel ik je 5 korte vragen over je aandoening, "
    "je energie, je werk, steun en geld. Je kunt altijd een vraag overslaan."
)
INTERVIEW_OFFER_EMPLOYER = (
    "Wil je advies voor jouw situatie met je werknemer? Dan stel ik je 5 korte vragen over de "
    "ziekte, de energie, het werk, steun en geld. Je kunt altijd een vraag overslaan."
)
INTERVIEW_START_BUTTONS = [("Ja, stel je vragen", "/affirm"), ("Nee, dank je", "/deny")]
INTERVIEW_HOW = (
    "Typ je antwoord in je eigen woorden of kies een knop. Typ 'sla over' als je iets niet "
    "weet, 'terug' voor de vorige vraag of 'stop' om te stoppen."
)
SKIP_BUTTON = "Sla over"
# The first question when the condition was named before the interview (not asked again).
CONDITION_KNOWN = ("De aandoening noemde je al: {name}. Die vraag sla ik over; klopt het niet, "
                   "typ dan 'terug'.")

# Per topic: the question, and the quick replies (sent back as the user's own text).
QUESTIONS = {
    "aandoening": (
        "Om welke aandoening of ziekte gaat het? Dan zoek ik ook organisaties die daarbij "
        "helpen. Je hoeft dit niet te zeggen.",
        ["Wil ik liever niet zeggen"],
    ),
    "energie": (
        # Guideline 3.2 asks after concentration and memory alongside tiredness.
        "Hoe gaat het met je energie en je concentratie? Ben je vaak moe, wisselt het per dag, "
        "hoe snel kom je bij na het werk, en lukt concentreren en onthouden?",
        ["Vaak erg moe", "Het wisselt per dag", "Na het werk lang nodig om bij te komen",
         "Moeite met concentreren", "Gaat goed"],
    ),
    "werkbelasting": (
        "Wat vind je zwaar of lastig aan je werk? Denk aan lichamelijk werk, werkdruk, je "
        "werktijden, de reis naar je werk, lawaai, stof of hitte, of hoeveel je zelf kunt "
        "bepalen.",
        ["Lichamelijk zwaar", "Hoge werkdruk", "Lange of onregelmatige uren",
         "De reis naar mijn werk", "Weinig zelf te bepalen", "Niets bijzonders"],
    ),
    "steun": (
        "Hoe is de steun van je leidinggevende, je collega's en thuis?",
        ["Goede steun", "Leidinggevende begrijpt het niet", "Collega's begrijpen het niet",
         "Ze beschermen me te veel", "Weinig steun thuis"],
    ),
    "financien": (
        "Maak je je zorgen over geld? Bijvoorbeeld over je inkomen, een uitkering, wie je "
        "re-integratie betaalt, of wat je rechten en plichten zijn.",
        ["Zorgen over mijn inkomen", "Vragen over een uitkering", "Wie betaalt re-integratie?",
         "Ik ken mijn rechten en plichten niet", "Geen zorgen"],
    ),
}
# The work question for someone looking for work.
QUESTIONS_JOB_SEEKER = {
    "werkbelasting": (
        "Wat maakt werk zoeken of werken zwaar voor je? Denk aan lichamelijk werk, werkdruk, "
        "werktijden, de reis, of solliciteren met je aandoening.",
        ["Lichamelijk zwaar werk", "Werkdruk", "Lange of onregelmatige uren", "De reis",
         "Solliciteren is moeilijk", "Niets bijzonders"],
    ),
    "steun": (
        "Hoe is de steun van de mensen om je heen: thuis, familie en vrienden, en bijvoorbeeld "
        "je klantmanager of coach?",
        ["Goede steun", "Weinig steun thuis", "Ze beschermen me te veel"],
    ),
}
# An employer is asked about their employee (only what the employee chose to share).
QUESTIONS_EMPLOYER = {
    "aandoening": (
        "Om welke aandoening of ziekte gaat het bij je werknemer? Alleen als hij of zij dat met "
        "je wil delen: je hoeft het niet te weten.",
        ["Weet ik niet"],
    ),
    "energie": (
        "Hoe gaat het met de energie en de concentratie van je werknemer? Is hij of zij vaak "
        "moe, wisselt het per dag, of lukt concentreren slecht?",
        ["Vaak erg moe", "Het wisselt per dag", "Moeite met concentreren", "Gaat goed"],
    ),
    "werkbelasting": (
        "Waar loopt je werknemer tegenaan in het werk? Denk aan lichamelijk werk, werkdruk, "
        "werktijden, de reis, lawaai, stof of hitte, of hoeveel hij of zij zelf kan bepalen.",
        ["Lichamelijk zwaar", "Hoge werkdruk", "Lange of onregelmatige uren", "Vaak afwezig",
         "Niets bijzonders"],
    ),
    "steun": (
        "Hoe reageren de collega's, en hoe is de steun van jou en thuis (als je dat weet)?",
        ["Goede steun", "Collega's mopperen", "Ik weet niet hoe ik kan helpen"],
    ),
    "financien": (
        "Zijn er zorgen over geld? Bijvoorbeeld over de kosten van verzuim, wie de re-integratie "
        "betaalt, of welke regelingen er zijn.",
        ["Kosten van verzuim", "Wie betaalt re-integratie?", "Welke regelingen zijn er?",
         "Geen zorgen"],
    ),
}
PROGRESS = "Vraag {number} van {total}"

# Said after an answer that shows a strong concern, before the next question.
HEARD = {
    "energie": "Dat klinkt zwaar. Goed dat je het noemt.",
    "werkbelasting": "Dat is veel. Daar zijn vaak aanpassingen voor mogelijk.",
    # Not 'weinig begrip': a concern about support may be too much of it ('ze belt me 3x per dag').
    "steun": "Dat klinkt niet makkelijk. Goed dat je het vertelt.",
    "financien": "Geldzorgen geven veel onrust. Fijn dat je het noemt.",
}
CONDITION_NOTED = "Dank je. Ik noteer: {name}."
CONDITION_FREE_TEXT = "Dank je, ik neem het mee."
UNCLEAR_ANSWER = (
    "Dat begreep ik niet. Kies een knop of vertel het in je eigen woorden. Weet je het niet? "
    "Typ dan 'sla over'."
)
OFF_TOPIC_ANSWER = (
    "Daar kan ik je niet mee helpen; ik weet alleen iets over werken met een chronische "
    "aandoening. Laten we verder gaan met de vraag."
)
QUESTION_ASIDE = "Dan ga ik nu verder met de vragen."
WHY_WE_ASK = (
    "Ik vraag dit om advies te kiezen dat bij jou past. Je mag elke vraag overslaan met "
    "'sla over'."
)
SKIPPED = "Prima, die slaan we over."
BACK = "Goed, we gaan een vraag terug."
NOTHING_BEFORE = "Dit is de eerste vraag, verder terug kan niet."
CORRECT = "Goed, dan vraag ik dat opnieuw."
CHATTER_IN_INTERVIEW = "Ik ben een chatbot en help je graag verder. We gaan door met de vraag."

STORY_HEARD = "Dank je dat je dit vertelt. Dit heb ik begrepen:"
STORY_CONFIRM = "Klopt dat? Dan vraag ik daarna alleen wat ik nog niet weet."
STORY_CONFIRM_BUTTONS = [("Ja, klopt", "/affirm"), ("Nee, niet helemaal", "/deny")]
STORY_NOTHING_FOUND = "Dank je dat je dit vertelt. Ik stel je een paar korte vragen, zodat ik je goed advies kan geven."
STORY_NOTHING_FOUND_AGAIN = "Dank je. We gaan verder met de vragen."
STORY_AGAIN = "Dan ga ik uit van wat ik hierboven las, en stel ik de vragen die nog open staan."
STORY_FORGOTTEN = "Geen probleem. Dan stel ik je gewoon de vragen."

RESTARTED = "We beginnen opnieuw."
# After the plan: what a new message adds, or where the advice already is.
ALREADY_GIVEN = "Dat staat al hierboven: '{title}'."
# The same story once more after the plan: its advice was given already.
TOLD_ALREADY = "Dat had je me al verteld. Wat ik daarover heb, staat hierboven."
PLAN_ABOVE = "Je advies staat hierboven, met je samenvatting om te downloaden."
NEW_FOR_YOU = "Dit komt erbij, bij wat je nu vertelt:"
# After the plan, a message that adds nothing to the situation: noted.
NOTED = "Dank je, dat is goed om te weten."
# After the plan, a message that says something is fine: noted, no advice for it.
FINE_NOTED = "Fijn om te horen."
ANYTHING_ELSE = "Wil je nog iets weten? Vraag het gerust, of typ 'klaar'."
# The close of the plan: what people ask next, as quick replies (typing works as well).
PLAN_CLOSE = "Wil je nog iets weten? Tik op een vraag, stel je eigen vraag, of typ 'klaar'."
PLAN_FOLLOW_UPS = ["Wat doe ik eerst?", "Hoe bespreek ik dit met mijn leidinggevende?",
                   "Wat vraag ik de bedrijfsarts?", "Klaar"]
# 'ja', 'nee' or 'weet ik niet' when no question is open (actions/what_now.py).
WHAT_NOW = "Waarmee kan ik je helpen? Stel je vraag, of kies hieronder."
WHAT_NOW_AGAIN = "Kies een knop, of typ je vraag in je eigen woorden."
WHAT_NOW_BUTTONS = [("Advies op maat", "ik wil advies op maat"),
                    ("Ik ben altijd moe na mijn werk", "Ik ben altijd moe na mijn werk"),
                    ("Wie betaalt mijn re-integratie?", "Wie betaalt mijn re-integratie?")]
WHAT_NOW_PLAN_MORE = "Je plan heeft nog meer advies. Wil je dat zien, of iets anders vragen?"
WHAT_NOW_PLAN = "Wat wil je nog weten? Tik op een vraag, of typ 'klaar' als je klaar bent."
MORE_BUTTON = "Meer advies"
PLAN_FOLLOW_UPS_EMPLOYER = ["Wat doe ik eerst?", "Hoe begin ik het gesprek?",
                            "Welke aanpassingen zijn er?", "Klaar"]
MORE_AGAIN = "Er is nog meer advies. Tik op de knop of typ 'meer'."
ALREADY_GIVEN_AGAIN = "Dat staat al hierboven."
REPHRASE_AGAIN = "Ik begrijp het nog niet. Kies een knop, of vertel het in een paar woorden."
UNCLEAR_AGAIN = "Kies een knop, of typ 'sla over'."
OFF_TOPIC_AGAIN = "Laten we verder gaan met de vraag."
NO_MORE = "Meer heb ik hierover niet in mijn bronnen. Stel gerust een andere vraag."
MORE_HEADER = "Nog meer uit mijn bronnen:"
