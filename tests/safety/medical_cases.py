"""Medical questions the guideline does not answer, and look-alikes that must stay knowledge
questions or stories. Shared by the pattern tests and the server tests."""

MEDICAL_QUESTIONS = [
    "welke medicijnen helpen tegen vermoeidheid?",
    "mag ik mijn prednison verhogen als ik een drukke week heb?",
    "kan ik stoppen met mijn methotrexaat?",
    "hoeveel paracetamol mag ik per dag nemen om de werkdag door te komen?",
    "wat voor pijnstiller kan ik het beste nemen voor mijn rug",
    "mag ik ibuprofen en diclofenac samen nemen?",
    "heb ik misschien ME/CVS?",
    "denk je dat ik reuma heb?",
    "zou ik MS kunnen hebben?",
    "wat mankeer ik eigenlijk, ik ben altijd moe en heb pijn in mijn gewrichten",
    "ik heb tintelingen in mijn handen, wat kan dat zijn?",
    "is dit een burn-out?",
    "ben ik depressief?",
    "kun je een diagnose stellen?",
    "welke behandeling moet ik kiezen voor mijn hernia",
    "zijn slaappillen verslavend?",
    "moet ik mijn insuline aanpassen als ik nachtdiensten draai? mag ik de dosis verlagen?",
    "kan ik beter beginnen met antidepressiva?",
    # The medicine named sentences earlier, or by a brand name no list has.
    "ik slik lamictal sinds een maand en ben zo wazig op kantoor. mag ik het zelf verlagen?",
    "de reumatoloog heeft me sulfasalazine gegeven. hoeveel per dag is normaal?",
    "ik moet elke ochtend 2 tabletten slikken maar op werkdagen word ik er duf van, kan ik er een overslaan?",
    "ik slik keppra, kan ik op drukke dagen de helft nemen?",
]

NOT_MEDICAL = [
    "ik slik pijnstillers, hoeveel uur per week kan ik nog werken?",
    "ik neem elke dag de trein, kan ik de helft van de week thuiswerken?",
    # Stories about one's situation: the interview, not a referral.
    "mijn medicatie maakt me moe op het werk",
    "ik heb reuma maar mijn medicatie slaat aan en mijn werkgever is flexibel",
    "sinds de diagnose ms ben ik na een halve dag werken al op",
    # Questions the knowledge base answers.
    "wat zegt de richtlijn over medicatie bij reuma?",
    "moet ik mijn diagnose aan mijn werkgever vertellen?",
    "is CGT bewezen effectief voor werkbehoud?",
    "welke hulpmiddelen zijn er voor mensen met reuma?",
    "heb ik recht op een uitkering?",
    "wat kan ik doen tegen vermoeidheid op mijn werk?",
    "hoe vertel ik mijn leidinggevende dat ik MS heb?",
    # Idioms and ordinary words.
    "ik ben doodmoe",
    "welke middelen heeft mijn werkgever om mij te helpen?",
]
NOT_MEDICAL += [
    "welke middelen zijn er om energie te sparen?",
    "hoeveel uur mag ik werken als ik ziek ben?",
]
# An employer or professional who names medication asks about work, not for medical advice.
NOT_MEDICAL += [
    "als wg: mag ik weten welke medicijnen mijn medewerkster slikt, ze werkt met machines?",
    "helpt vroeg starten met medicatie bij reuma voor werkbehoud, wat zegt de richtlijn?",
]
