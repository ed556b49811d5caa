"""One interview's answers for the summary tests (HTML page, print, Markdown), with a user
answer that tries to inject HTML, and the headings every summary page has."""

EVIL = "na het werk ben ik kapot <script>alert('x')</script> & \"op\""
STORY = {
    "aandoening": "reuma",
    "energie": EVIL,
    "werkbelasting": "veel tillen en onregelmatige diensten",
    "steun": "mijn leidinggevende snapt het niet",
    "financien": "geen zorgen",
}
HEADINGS = ["Mijn antwoorden", "Advies dat bij mij past", "Hier kan ik terecht",
            "Vragen voor mijn gesprek met de bedrijfsarts", "Zo bereid ik het gesprek voor",
            "Met wie bespreek ik dit?"]
