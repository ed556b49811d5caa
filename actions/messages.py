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
