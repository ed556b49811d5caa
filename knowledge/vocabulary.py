"""Controlled vocabulary of the knowledge content (see content/SCHEMA.md).

Keys are the ids used in the YAML files; values are Dutch labels shown to users.
"""
from __future__ import annotations

from typing import Dict, Tuple

AUDIENCES: Dict[str, str] = {
    "werkende": "werkende",
    "werkzoekende": "werkzoekende",
    "professional": "professional (bedrijfsarts, verzekeringsarts, arbeidsdeskundige)",
    "werkgever": "werkgever",
}

ITEM_KINDS: Dict[str, str] = {
    "aanbeveling": "aanbeveling uit de richtlijn",
    "conclusie": "conclusie uit de richtlijn",
    "oplossing": "oplossing",
    "behoefte": "behoefte of hulpmiddel bij zelfmanagement",
    "visie": "visie op arbeidsgerichte zorg",
    "achtergrond": "achtergrond",
}

# Item kinds for which `evidence` is required.
KINDS_WITH_EVIDENCE: Tuple[str, ...] = ("aanbeveling", "conclusie")

THEMES: Dict[str, str] = {
    "vermoeidheid": "vermoeidheid en energie",
    "concentratie": "concentratie en geheugen",
    "fysieke_belasting": "fysieke belasting en pijn",
    "werkdruk": "werkdruk en werktempo",
    "werktijden": "werktijden",
    "woon_werkverkeer": "reizen naar het werk",
    "steun_werk": "steun van leidinggevende en collega's",
    "steun_thuis": "steun thuis",
    "financien": "geld, inkomen en uitkering",
    "rechten_plichten": "rechten en plichten",
    "reintegratie": "re-integratie",
    "jobcoach": "jobcoach",
    "openheid": "vertellen over je aandoening",
    "zelfmanagement": "zelf de regie houden",
    "interventies": "interventies",
    "samenwerking": "samenwerking en samen beslissen",
    "privacy": "privacy",
    "werkaanpassingen": "aanpassingen in het werk",
    "risicogroepen": "risicogroepen",
    "psychisch": "psychische klachten",
    "factoren": "wat helpt en wat belemmert",
    "werk_zoeken": "werk zoeken",
    "preventie": "voorkomen van uitval",
    "beeldvorming": "vooroordelen en beeldvorming",
    "jongeren": "jongeren",
    "arbeidsgerichte_zorg": "zorg die ook aan werk denkt",
    "gesprek": "een gesprek voorbereiden",
    "ervaringsdeskundigheid": "ervaringsdeskundigheid",
}

# Item kinds a person can act on (as opposed to findings: conclusies, achtergrond, visie).
ADVICE_KINDS = ("aanbeveling", "oplossing", "behoefte")
# Conclusions that are about what helps rather than what hinders: the guideline's 3.1 lists
# of what a worker can do themself ('ken je grenzen', 'pas je werk aan') and what support they
# need, and 2.1's interventions for one condition. In a plan they count as advice (those with
# too little evidence excepted).
ACTIONABLE_HEADINGS = (("richtlijn", "3.1", "Wat een werk(zoek)ende zelf kan doen om "
                        "arbeidsparticipatie te bevorderen"),
                       ("richtlijn", "3.1", "Nodige ondersteuning"),
                       # what helps for one condition ('oefentherapie bij rugklachten')
                       ("richtlijn", "2.1", "Ziektespecifieke interventies"))

# Evidence values. A level is only given where the source's own words state it: the plain-text
# guideline lost the typography (bold/standard/italic) that marks levels 1-3 in its figures, so a
# conclusion stated without a hedge gets `niet_vermeld`, never `bewezen`.
EVIDENCE: Dict[str, str] = {
    "bewezen": "bewezen (niveau 1)",
    "aannemelijk": "aannemelijk (niveau 2)",
    "aanwijzingen": "er zijn aanwijzingen (niveau 3)",
    "niet_vermeld": "niveau niet vermeld",
    "onvoldoende_bewijs": "onvoldoende bewijs",
    "aanbeveling": "aanbeveling van de werkgroep",
    "beleid": "beleidsaanbeveling",
    "geen_niveau": "geen bewijsniveau vermeld (ervaringen uit onderzoek en focusgroepen)",
    "mening": "geen bewijsniveau (mening van patiënten)",
}

# Evidence values whose wording must be given in `evidence_text` (the label alone says too little).
EVIDENCE_NEEDS_TEXT: Tuple[str, ...] = ("niet_vermeld", "mening")

# Ranking weight of evidence: higher = stronger. Items without evidence rank last. A finding
# whose level the text does not state ranks just below `bewezen`: it is the guideline's
# unhedged wording (a ranking weight only, never shown as a level).
EVIDENCE_RANK: Dict[str, int] = {
    "bewezen": 8,
    "niet_vermeld": 7,
    "aannemelijk": 6,
    "aanwijzingen": 5,
    "aanbeveling": 4,
    "beleid": 3,
    "geen_niveau": 2,
    "mening": 2,
    "onvoldoende_bewijs": 1,
}

DOCUMENTS: Dict[str, str] = {
    "richtlijn": "Multidisciplinaire richtlijn Chronisch zieken en werk (NVAB/NVVG)",
    "ser": "SER-verslag van de dialoogbijeenkomst Werken met een chronische ziekte (2015)",
    "zorgbasics": "ZorgBasics Werkhervatting en re-integratie",
    "visie": "Toekomstvisie op arbeidsgerichte zorg",
    "zelfmanagement": "Artikel Zelfmanagement van de zieke werknemer bij re-integratie",
}

DISCUSS_WITH: Dict[str, str] = {
    "bedrijfsarts": "de bedrijfsarts",
    "verzekeringsarts": "de verzekeringsarts",
    "arbeidsdeskundige": "de arbeidsdeskundige",
    "leidinggevende": "je leidinggevende",
    "werkgever": "je werkgever",
    "collegas": "je collega's",
    "behandelaar": "je behandelaar (arts of therapeut)",
    "huisarts": "de huisarts",
    "casemanager": "de casemanager",
    "jobcoach": "een jobcoach",
    "uwv": "het UWV",
    "partner_familie": "je partner of familie",
    "ervaringsdeskundige": "een ervaringsdeskundige",
    "patientenorganisatie": "een patiëntenorganisatie",
}

RESOURCE_KINDS: Dict[str, str] = {
    "patientenorganisatie": "patiëntenorganisatie",
    "koepelorganisatie": "koepelorganisatie",
    "ervaringsdeskundige_coach": "ervaringsdeskundige coach",
    "hulpmiddel": "hulpmiddel",
    "kenniscentrum": "kenniscentrum",
    "regeling": "regeling",
    "organisatie": "organisatie",
}

# Kinds of generic resource a person can turn to for help with their condition and work
# (umbrella organisations that point to the right patient organisation, coaches, and tools
# with a web address). Laws, schemes and professional bodies are found by search instead.
HELP_KINDS = ("patientenorganisatie", "koepelorganisatie", "ervaringsdeskundige_coach",
              "hulpmiddel")

# Resource kinds that are offered for a specific condition; the others are generic tools.
ORGANISATION_KINDS: Tuple[str, ...] = (
    "patientenorganisatie",
    "ervaringsdeskundige_coach",
)

# Informal words people use -> words the content uses. Used to expand search queries.
QUERY_SYNONYMS: Dict[str, str] = {
    "moe": "vermoeidheid",
    "uitgeput": "vermoeidheid",
    "kapot": "vermoeidheid moe",
    "gesloopt": "vermoeidheid moe",
    "bekaf": "vermoeidheid moe",
    "afgepeigerd": "vermoeidheid moe",
    "futloos": "vermoeidheid energie",
    "loon": "inkomen loondoorbetaling",
    "salaris": "inkomen",
    "energie": "vermoeidheid energie",
    "baas": "leidinggevende werkgever",
    "chef": "leidinggevende",
    "manager": "leidinggevende",
    "ziekmelden": "verzuim ziekmelding",
    "ziekgemeld": "verzuim ziekmelding",
    "thuiswerken": "thuis werken",
    "vertellen": "informeren openheid",
    "geld": "inkomen financien",
    "uitkering": "uitkering inkomen",
    "pijn": "pijn fysieke beperkingen",
    "vergeetachtig": "geheugen concentratie",
    "ips": "individual placement and support",
    "coach": "coach jobcoach",
    "medewerker": "werknemer",
    "medewerkers": "werknemers",
    # Body parts people name instead of 'pain' or 'physical load'.
    "rug": "rugklachten pijn fysiek",
    "knie": "pijn fysiek",
    "knieen": "pijn fysiek",
    "schouder": "pijn fysiek",
    "nek": "pijn fysiek",
    "gewrichten": "pijn fysiek",
    "tillen": "fysiek zwaar werk tillen",
    "bouw": "fysiek zwaar werk",
    # Shifts and rosters in loanwords and Flemish ('late shiften', 'elke week een ander schema').
    "shift": "dienst werktijden",
    "shiften": "diensten onregelmatig werktijden",
    "shifts": "diensten onregelmatig werktijden",
    "schema": "rooster werktijden",
    "middernacht": "nachtdienst avonddienst",
    "meetings": "vergaderingen",
    "meeting": "vergadering",
    "standups": "vergaderingen",
    "indekken": "verzekeren verzuimverzekering",
    # Employers' own words (blind audience questions v3): a check-up, keeping in touch, a team
    # that grumbles, a young person without experience.
    "keuring": "preventief medisch onderzoek pmo",
    "keuringen": "preventief medisch onderzoek pmo",
    "opsporen": "preventie preventief",
    "lastigvallen": "contact houden",
    "storen": "contact houden",
    "mopperen": "begrip collega's steun",
    "gemopperd": "begrip collega's steun",
    "mopperende": "begrip collega's steun",
    "klagen": "begrip collega's",
    "afdeling": "team collega's",
    "aankan": "belastbaarheid mogelijkheden",
    "vreet": "kost energie",
    "vreten": "kost energie",
    "opvreet": "kost energie",
}


def evidence_label(value: str | None) -> str:
    """Dutch label for an evidence value ('' when there is none)."""
    return EVIDENCE.get(value or "", "")


def document_title(document_id: str) -> str:
    """Full Dutch title of a source document id."""
    return DOCUMENTS.get(document_id, document_id)
