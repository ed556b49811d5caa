"""Dutch texts that actions send (the domain's responses cover the rule-driven ones)."""

NO_ANSWER = (
    "Daarover staat niets in mijn bronnen, dus daar kan ik je geen betrouwbaar antwoord op "
    "geven. Ik weet vooral iets over energie, werkbelasting, steun en geldzaken bij werken met "
    "een chronische aandoening. Je bedrijfsarts kan je verder helpen."
)

NOT_A_DOCTOR = (
    "Dit is algemene informatie uit de bronnen, geen persoonlijk medisch advies. Voor jouw eigen "
    "situatie kun je terecht bij je bedrijfsarts."
)

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
