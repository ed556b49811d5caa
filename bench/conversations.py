"""The conversations the load benchmark sends: realistic sequences per bot.

Werkbaar: Dutch, one per audience (worker interview by button, worker telling a story, job
seeker with a direct question, professional, employer), as in tests/conversation/. Button
clicks are sent as their payloads, the way the widget sends them.
The stock starter bot (`rasa init`): its own English training examples along its stories.
"""
from __future__ import annotations

WERKBAAR: list[list[str]] = [
    # Worker: role button, the five interview questions, advice, more.
    ["hallo", '/choose_role{"role": "werkende"}', "ja graag", "reuma", "Vaak erg moe",
     "veel tillen en onregelmatige diensten", "Leidinggevende begrijpt het niet",
     "Geen zorgen", "meer", "dank je wel"],
    # Professional: questions about the guideline, follow-ups.
    ["hallo", '/choose_role{"role": "professional"}',
     "wat zegt de richtlijn over supported employment?", "meer", "en bij NAH?",
     "is CGT bewezen effectief voor werkbehoud?", "dank je wel"],
    # Worker who opens with a story; only the missing questions are asked.
    ["ik ben zo moe na het werk en mijn leidinggevende snapt het niet", "ja klopt",
     "sla over", "hoge werkdruk", "ik ben bang mijn inkomen kwijt te raken", "doei"],
    # Employer.
    ["hallo", "ik ben werkgever", "wat kost een zieke werknemer mij eigenlijk?",
     "welke aanpassingen helpen bij vermoeidheid?", "wat voor weer wordt het?", "doei"],
    # Job seeker / worker with direct questions, declines the interview.
    ["altijd moe, tips?", "nee dank je", "hoe vertel ik mijn leidinggevende dat ik ziek ben?",
     "is er een coach voor mensen met ms?", "ben jij een robot?", "wie betaalt mijn re-integratie?",
     "doei"],
]

STARTER: list[list[str]] = [
    ["hello", "I am feeling very good", "are you a bot?", "goodbye"],
    ["hi", "I am sad", "yes", "bye"],
    ["good morning", "my day was horrible", "no", "see you later"],
    ["hey there", "great", "am I talking to a human?", "have a nice day"],
    ["good evening", "I don't feel very well", "not really", "are you a bot?", "good night"],
]


def total(scripts: list[list[str]]) -> int:
    return sum(len(script) for script in scripts)
