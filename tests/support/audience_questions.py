"""Professional and employer questions with the knowledge items that answer them (issue 5).

Written the way these users type, before looking at any ranking; the acceptable ids were then
chosen by reading the content. Used by the knowledge tests (top-1 search hit) and by the
conversation tests (the real assistant's reply).

Each case: (question, acceptable top-1 item ids, acceptable source section(s)).
"""
from __future__ import annotations

from typing import Sequence, Tuple, Union

Case = Tuple[str, Sequence[str], Union[str, Sequence[str]]]

# --------------------------------------------------------------------- professionals
PROFESSIONAL: Sequence[Case] = [
    # -- chapter 1: factors (cross-disease, disease-specific, financial/legal) -------------
    ("welke belemmerende factoren moet ik samen met de werknemer in kaart brengen?",
     ["rl-1.2-factoren-in-kaart-persoon", "rl-1.2-factoren-in-kaart-werk",
      "rl-1.2-factoren-minder-bewijs"], "1.2"),
    ("welke risicogroepen verdienen extra begeleiding?",
     ["rl-1.2-risicogroepen"], "1.2"),
    ("welke ziektespecifieke factoren spelen mee bij werkhervatting na een hartinfarct?",
     ["rl-1.2-ziektespecifieke-factoren", "rl-1.1-hart-zelfvertrouwen",
      "rl-1.1-hart-acceptatie-motivatie", "rl-1.1-hart-inspanning-kennis",
      "rl-1.1-hart-doorbetaling-pensioen-angina"], ("1.1", "1.2")),
    ("is een progressieve vorm van MS een risico voor werkbehoud?",
     ["rl-1.1-ms-beperking-progressief", "rl-1.2-ziektespecifieke-factoren"], ("1.1", "1.2")),
    ("speelt angst voor verlies van de uitkering een rol bij werkhervatting?",
     ["rl-1.1-angst-inkomensverlies", "rl-1.2-financiele-belemmeringen"], ("1.1", "1.2")),
    ("moet ik rekening houden met extra hersteltijd bij het opbouwen van de uren?",
     ["rl-1.2-hersteltijd"], "1.2"),
    ("wat als werken door de ernst van de beperkingen geen reële optie meer is?",
     ["rl-1.2-toekomstperspectief", "rl-3.2-inkomenscompensatie"], ("1.2", "3.2")),
    ("welke beleidsaanbeveling geeft de richtlijn over wet- en regelgeving?",
     ["rl-1.2-beleid-regelgeving"], "1.2"),
    # -- chapter 2: interventions, cross-disease -------------------------------------------
    ("wat zegt de richtlijn over supported employment bij psychische aandoeningen?",
     ["rl-2.1-supported-employment-psychisch", "rl-2.2-supported-employment-ips"],
     ("2.1", "2.2")),
    ("is CGT bewezen effectief voor werkbehoud?",
     ["rl-2.1-cgt-psychologische-interventies"], "2.1"),
    ("welk bewijs is er voor werkaanpassingen bij chronisch zieken?",
     ["rl-2.1-werkaanpassingen"], "2.1"),
    ("heeft de inzet van een casemanager meerwaarde bij re-integratie?",
     ["rl-2.1-casemanager", "rl-2.2-reintegratieplan"], ("2.1", "2.2")),
    ("wanneer zet ik een jobcoach in?",
     ["rl-2.2-jobcoach", "ser-jobcoach"], ("2.2", "Zicht op belemmeringen")),
    ("helpt een training in zelfmanagement of empowerment de werknemer om aan het werk te "
     "blijven?",
     ["rl-2.1-empowerment-zelfmanagement"], "2.1"),
    ("hoe stel ik als casemanager samen met werkgever en werknemer een re-integratieplan op?",
     ["rl-2.2-reintegratieplan", "rl-2.1-casemanager"], ("2.2", "2.1")),
    ("welke werkgerelateerde interventies kan ik als arbeidsdeskundige aan de werkgever "
     "adviseren?",
     ["rl-2.2-werkplek-werktijden", "rl-2.2-taken-vervoer-voorlichting",
      "rl-3.2-werkgever-ondersteuning"], ("2.2", "3.2")),
    # -- chapter 2: interventions, disease-specific ----------------------------------------
    ("welke interventie helpt mensen met reumatoïde artritis hun werk te behouden?",
     ["rl-2.1-reuma-medicatie", "rl-2.2-ziektespecifiek-reuma"], ("2.1", "2.2")),
    ("werkt hartrevalidatie met aandacht voor werk na een hartinfarct?",
     ["rl-2.1-hartrevalidatie"], "2.1"),
    ("zijn werkgerichte interventies bij kanker effectief?",
     ["rl-2.1-kanker-werkgericht"], "2.1"),
    ("wat werkt bij contacteczeem om uitval uit het werk te voorkomen?",
     ["rl-2.1-contacteczeem"], "2.1"),
    ("is er een bewezen programma voor ernstig niet-aangeboren hersenletsel met "
     "psychosociale problemen?",
     ["rl-2.1-nah-brain-integration-programme"], "2.1"),
    # -- chapter 3: the worker's role and needs --------------------------------------------
    ("hoe begeleid ik een werknemer met vermoeidheidsklachten?",
     ["rl-3.2-vermoeidheid-arbeidsduur-rust"], "3.2"),
    ("cliënt heeft concentratieproblemen, wat adviseert de richtlijn?",
     ["rl-3.2-concentratie-takenpakket"], "3.2"),
    ("de partner beschermt de werknemer te veel, wat kan ik als bedrijfsarts doen?",
     ["rl-3.2-overprotectie-naasten"], "3.2"),
    ("welke zelfmanagementprogramma's kan ik de werknemer aanraden?",
     ["rl-3.2-zelfmanagementondersteuning", "zm-mijn-reintegratieplan", "zm-training"],
     ("3.2", "Zelfmanagementinstrumenten")),
    ("welke informatie over rechten en plichten moet ik de werknemer geven?",
     ["rl-3.2-informatie-rechten-plichten", "rl-2.2-regelingen-rechten-plichten"],
     ("3.2", "2.2")),
    ("wanneer bespreek ik omscholing met de werknemer?",
     ["rl-3.2-scholing-omscholing"], "3.2"),
    ("hoe onderbouw ik als verzekeringsarts de aanspraak op een uitkering als betaald werk "
     "niet meer haalbaar is?",
     ["rl-3.2-inkomenscompensatie"], "3.2"),
    # -- chapter 4: collaboration, privacy, shared decision making -------------------------
    ("mag ik informatie opvragen bij de behandelaar?",
     ["rl-4.2-informatie-opvragen-behandelaar", "rl-4.2-machtiging",
      "rl-3.2-toestemming-informatie-uitwisselen"], ("4.2", "3.2")),
    ("wat moet ik vermelden als ik de werknemer om een machtiging vraag?",
     ["rl-4.2-machtiging"], "4.2"),
    ("heeft de werknemer recht op inzage in mijn dossier?",
     ["rl-4.2-dossier-inzage"], "4.2"),
    ("in welke situaties overleg ik met de behandelend arts van de werknemer?",
     ["rl-4.2-overleg-behandelaar", "rl-4.2-afstemming-behandelaar"], "4.2"),
    ("moet ik als bedrijfsarts open zijn over mijn positie tussen werkgever en werknemer?",
     ["rl-4.2-transparant-positie"], "4.2"),
    ("waarom loopt de samenwerking tussen bedrijfsarts en huisarts vaak stroef?",
     ["rl-4.1-domeinverschillen", "rl-4.1-afstemming"], "4.1"),
    ("hoe betrek ik de werknemer bij de keuze tussen interventies?",
     ["rl-4.2-voor-en-nadelen", "rl-4.2-gezamenlijke-besluitvorming",
      "rl-4.2-behoeften-voorkeuren", "rl-3.2-actief-meebeslissen"], ("4.2", "3.2")),
    # -- policy recommendations --------------------------------------------------------------
    ("welke beleidsaanbevelingen doet de richtlijn over de samenwerking tussen bedrijfsarts "
     "en huisarts?",
     ["rl-4.2-digitaal-communicatiesysteem", "rl-4.2-nascholing-huisartsen",
      "rl-4.2-nascholing-bedrijfsartsen"], "4.2"),
    ("is er nascholing nodig over gezamenlijke besluitvorming voor bedrijfsartsen?",
     ["rl-4.2-nascholing-gezamenlijke-besluitvorming"], "4.2"),
]

# --------------------------------------------------------------------------- employers
EMPLOYER: Sequence[Case] = [
    # Items about rheumatoid arthritis itself are for workers and professionals; the employer
    # gets what the guideline says about disease-specific factors, or the general advice.
    ("mijn medewerker heeft reuma, wat kan ik doen?",
     ["rl-1.2-ziektespecifieke-factoren", "rl-3.2-werkgever-ondersteuning",
      "rl-2.2-werkplek-werktijden", "rl-2.2-overleg-aanpassingen",
      "rl-3.2-werkgever-patientenorganisaties"], ("1.2", "3.2", "2.2")),
    ("hoe begin ik het gesprek?",
     ["rl-3.2-gesprekswijzer", "ser-leidinggevende-gesprekstechniek",
      "ser-gezondheid-in-functioneringsgesprek"], ("3.2", "Openheid over ziekte")),
    ("wat kost het mij?",
     ["ser-verzuimverzekering", "ser-no-risk-polis", "ser-probleem-verzuimkosten"],
     "Verzuimkosten"),
    ("welke aanpassingen helpen?",
     ["rl-2.2-werkplek-werktijden", "rl-2.2-taken-vervoer-voorlichting",
      "rl-2.1-werkaanpassingen", "rl-3.2-werkgever-ondersteuning"], ("2.1", "2.2", "3.2")),
    # The sources give no rules on what an employer may ask; they let the worker inform the
    # employer about the consequences for work (2.2) and advise a talk about those (3.2).
    ("wat mag ik vragen over zijn ziekte?",
     ["rl-2.2-werkgever-inlichten", "rl-3.2-gesprekswijzer"], ("2.2", "3.2")),
    ("wie kan mij helpen als werkgever?",
     ["rl-3.2-organisaties-professionals-werkgevers", "rl-3.2-werkgever-patientenorganisaties",
      "ser-kennis-werkgevers-hr", "rl-3.2-werkgever-ondersteuning"],
     ("3.2", "Zicht op belemmeringen")),
    ("mijn werknemer is steeds moe, wat kan ik regelen?",
     ["rl-3.2-vermoeidheid-arbeidsduur-rust"], "3.2"),
    ("mijn werknemer kan moeilijk naar het werk reizen, wat kan ik doen?",
     ["rl-3.2-woon-werkverkeer-thuiswerken", "rl-2.2-taken-vervoer-voorlichting",
      "ser-thuiswerken"], ("3.2", "2.2", "Afstemmen van werk")),
    ("moet ik de collega's voorlichten over de ziekte van mijn medewerker?",
     ["rl-2.2-werkgever-inlichten", "rl-2.2-taken-vervoer-voorlichting"], "2.2"),
    ("kunnen collega's tijdelijk taken van mijn zieke werknemer overnemen?",
     ["rl-3.2-taken-tijdelijk-overnemen"], "3.2"),
    ("is er een hulpmiddel voor het gesprek met mijn werknemer over zijn chronische "
     "aandoening?",
     ["rl-3.2-gesprekswijzer"], "3.2"),
    ("wanneer schakel ik de bedrijfsarts in?",
     ["ser-laagdrempelige-bedrijfsarts", "rl-2.1-vroeg-inzetten"],
     ("Zicht op belemmeringen", "2.1")),
    ("wat kan een arbeidsdeskundige voor mij als werkgever doen?",
     ["rl-2.2-overleg-aanpassingen", "rl-2.2-steun-op-werk", "rl-3.2-werkgever-ondersteuning",
      "rl-2.2-reintegratieplan", "rl-2.2-werkplek-werktijden"], ("2.2", "3.2")),
    ("mijn werknemer wil uitproberen wat hij nog kan, hoe ga ik daarmee om?",
     ["rl-3.2-werkgever-ruimte-uitproberen", "rl-3.1-ruimte-uitproberen"], ("3.2", "3.1")),
    ("hoe kan ik mijn zieke medewerker steunen op de werkvloer?",
     ["rl-2.2-steun-op-werk", "rl-3.1-behoefte-steun", "rl-3.2-werkgever-ondersteuning"],
     ("2.2", "3.1", "3.2")),
    ("bestaat er een verzekering voor het verzuim van mijn personeel?",
     ["ser-verzuimverzekering"], "Verzuimkosten"),
    ("mijn werknemer heeft een psychische aandoening, waar moet ik op letten?",
     ["rl-2.2-werkaanpassingen-psychisch", "rl-2.2-supported-employment-ips"], "2.2"),
    ("kan ik de werktijden van mijn werknemer aanpassen aan zijn ziekte?",
     ["rl-2.2-werkplek-werktijden", "rl-3.2-onregelmatige-werktijden",
      "rl-3.1-behoefte-werktijden", "rl-3.2-werkgever-ondersteuning"], ("2.2", "3.2", "3.1")),
    ("moet ik contact houden met mijn zieke werknemer?",
     ["rl-2.2-contact-houden"], "2.2"),
]


# Questions the search does not answer in one turn yet, and why. Content edits could not fix
# these without distorting the items: a short guideline CONCLUSION on the same topic outranks
# the longer RECOMMENDATION (TF-IDF cosine favours short documents). Fixing them needs a ranking
# change in knowledge/search.py or base.py (e.g. prefer recommendations when the question asks
# what to do or what the guideline advises). strict=True: the test fails once they pass, so the
# mark is removed then.
KNOWN_GAPS = {
    "cliënt heeft concentratieproblemen, wat adviseert de richtlijn?":
        "conclusion rl-3.1-concentratie outranks recommendation rl-3.2-concentratie-takenpakket",
    # Since the question bank (2026-12-07): the finding on travelling a lot comes first (0.247
    # after the finding weight), the recommendation to work from home second (0.237).
    "mijn werknemer kan moeilijk naar het werk reizen, wat kan ik doen?":
        "finding rl-3.1-veel-reizen outranks the recommendation "
        "rl-3.2-woon-werkverkeer-thuiswerken by 0.01",
    # Since the learned matcher is a classifier (dev set top-1 0.708 -> 0.779, blind set
    # 0.679 -> 0.840), these rank an acceptable item second or third, not first.
    "welke interventie helpt mensen met reumatoïde artritis hun werk te behouden?":
        "finding rl-1.1-reuma-ziekteactiviteit outranks rl-2.1-reuma-medicatie (second)",
    "welke beleidsaanbevelingen doet de richtlijn over de samenwerking tussen bedrijfsarts en "
    "huisarts?":
        "finding rl-4.1-domeinverschillen outranks the 4.2 recommendations (fourth and fifth)",
    "wie kan mij helpen als werkgever?":
        "background zb-eigen-verantwoordelijkheid outranks rl-3.2-werkgever-patientenorganisaties "
        "(third)",
    "mijn werknemer heeft een psychische aandoening, waar moet ik op letten?":
        "rl-3.2-werkgever-patientenorganisaties outranks rl-2.2-werkaanpassingen-psychisch (third)",
}
