"""bot/deidentify.py: direct identifiers in Dutch chat text are replaced, ordinary work and
health sentences and the assistant's own texts are left alone."""
from __future__ import annotations

import re

import pytest
import yaml

from bot.deidentify import (BIRTH_DATE, BSN, DATE, EMAIL, IBAN, NAME, PHONE, POSTCODE, URL,
                            ADDRESS, Keep, deidentify, knowledge_keep)
from bot.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def keep() -> Keep:
    return knowledge_keep()


@pytest.mark.parametrize("text, expected", [
    ("Ik heet Jan de Vries en ik ben zo moe", "Ik heet [naam] en ik ben zo moe"),
    ("ik heet jan en werk in de zorg", "ik heet [naam] en werk in de zorg"),
    ("mijn naam is Anne-Marie van den Berg", "mijn naam is [naam]"),
    ("Mijn leidinggevende Piet de Vries snapt het niet",
     "Mijn leidinggevende [naam] snapt het niet"),
    ("collega sandra helpt me wel, maar mijn baas niet",
     "collega [naam] helpt me wel, maar mijn baas niet"),
    ("mijn baas Zeynep Yilmaz is heel begripvol", "mijn baas [naam] is heel begripvol"),
    ("mijn teamleider, Kees, zegt dat ik me aanstel",
     "mijn teamleider, [naam], zegt dat ik me aanstel"),
    ("Piet, mijn leidinggevende, is boos", "[naam], mijn leidinggevende, is boos"),
    ("Sandra is mijn collega en helpt me", "[naam] is mijn collega en helpt me"),
    ("ik sprak mevrouw Jansen van HR en dr. Bakker",
     "ik sprak mevrouw [naam] van HR en dr. [naam]"),
    ("mijn vrouw Anne-Marie en mijn zoon Daan helpen thuis",
     "mijn vrouw [naam] en mijn zoon [naam] helpen thuis"),
    ("hoi ik ben sanne", "hoi ik ben [naam]"),
    ("Fatima helpt me soms", "[naam] helpt me soms"),
    ("groetjes, Anne", "groetjes, [naam]"),
    ("de bedrijfsarts Van Dam zei dat ik moest rusten",
     "de bedrijfsarts [naam] zei dat ik moest rusten"),
])
def test_names_in_context_are_replaced(text, expected):
    assert deidentify(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mail me op jan.devries@example.nl", f"mail me op {EMAIL}"),
    ("bel 06-12345678", f"bel {PHONE}"),
    ("bel 0612345678 of 06 1234 5678", f"bel {PHONE} of {PHONE}"),
    ("+31 6 1234 5678", PHONE),
    ("+31 (0)6-12345678", PHONE),
    ("0031612345678", PHONE),
    ("vast: 020-1234567 of 010 123 4567", f"vast: {PHONE} of {PHONE}"),
    ("(020) 123 45 67", PHONE),
    ("mijn gsm is 0470 12 34 56", f"mijn gsm is {PHONE}"),
    ("+32 470 12 34 56", PHONE),
    ("mijn BSN is 123456782", f"mijn BSN is {BSN}"),           # passes the elfproef
    ("nummer 111222333 klopt", f"nummer {BSN} klopt"),         # fails it: still 9 digits
    ("bsn: 1234.56.782", f"bsn: {BSN}"),
    ("burgerservicenummer 12345678", f"burgerservicenummer {BSN}"),
    ("rijksregisternummer 85.07.30-033.61", f"rijksregisternummer {BSN}"),
    ("IBAN NL91ABNA0417164300", f"IBAN {IBAN}"),
    ("rekening NL91 ABNA 0417 1643 00 graag", f"rekening {IBAN} graag"),
    ("rekening nl91abna0417164300", f"rekening {IBAN}"),
    ("BE68 5390 0754 7034", IBAN),
    ("ik woon in 1234 AB Utrecht", f"ik woon in {POSTCODE} Utrecht"),
    ("postcode 8011ab", f"postcode {POSTCODE}"),
    ("1234 ab Utrecht", f"{POSTCODE} Utrecht"),
    ("postcode 9000 Gent", f"postcode {POSTCODE} Gent"),
    ("Kerkstraat 12a in Zwolle", f"{ADDRESS} in Zwolle"),
    ("geboren op 12-03-1980", f"geboren op {BIRTH_DATE}"),
    ("geboortedatum: 3 maart 1975", f"geboortedatum: {BIRTH_DATE}"),
    ("geboren in 1975", f"geboren in {BIRTH_DATE}"),
    ("ziek sinds 01-03-2021", f"ziek sinds {DATE}"),
    ("zie www.linkedin.com/in/jandevries", f"zie {URL}"),
    ("mijn site https://jandevries.nl/over-mij", f"mijn site {URL}"),
])
def test_numbers_and_addresses_are_replaced(text, expected):
    assert deidentify(text) == expected


@pytest.mark.parametrize("text", [
    "ik ben zo moe na het werk en mijn leidinggevende snapt het niet",
    "Ik heb reuma en werk 32 uur per week als verpleegkundige in het ziekenhuis.",
    "Ik werk sinds 2019 bij de gemeente en ben vaak moe",
    "mijn huisarts zegt dat ik rust moet nemen",
    "ik slik 1000 mg paracetamol en 20 mg prednison",
    "Max 24 uur per week, elke dag moe, werktijden 08.30-17.00 uur",
    "ik loop in het park 2 keer per week, mijn bijbaan is 2 dagen",
    "ik werk 3 dagen van 8 uur en de reis duurt 45 minuten",
    "mijn collega's snappen niet dat ik vaak moe ben",
    "De bedrijfsarts en mijn werkgever UWV-aanvraag lopen nog",
    "na 2 jaar ziekte kreeg ik een WIA-uitkering van 70 procent",
    "ik verdien 2100 euro netto per maand, in 2024 ga ik minder werken",
    "sinds 2021 ben ik 2 dagen per week thuis",
    "Zie paragraaf 3.2.10 van de richtlijn (2019)",
    "Bel 113 Zelfmoordpreventie gratis via 0800-0113 of chat via 113.nl. Bel 112.",
    "Ik heb MS en de ernst van mijn klachten wisselt, elke week anders",
    "Mijn werk is lichamelijk zwaar en de werkdruk is hoog",
    "heb sinds corona long covid, ik kan me slecht concentreren en vergeet afspraken",
    "Ik ben werkgever van een klein bedrijf met 12 medewerkers",
    "mijn leidinggevende zegt dat ik me aanstel, ik ben 45 jaar",
])
def test_ordinary_work_and_health_sentences_are_unchanged(text):
    assert deidentify(text) == text


def _bot_texts() -> list[str]:
    from actions import messages
    from knowledge.validation import load_content

    content = load_content()
    texts = []
    for resource in content.resources.values():
        texts += [resource.name, resource.offers]
    for item in content.items.values():
        texts += [item.title, item.text, item.text_professional or "", item.text_employer or ""]
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    texts += [r.get("text", "") for rs in domain["responses"].values() for r in rs]
    for name, value in vars(messages).items():
        if name.startswith("_"):
            continue
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts += [v if isinstance(v, str) else v[0] for v in value.values()]
    return [t for t in texts if t]


def test_the_assistants_own_texts_are_unchanged(keep):
    """Every knowledge item, organisation, response and action message: the bot's messages are
    stored de-identified, so a false positive here would garble what the user sees later."""
    texts = _bot_texts()
    changed = [(t[:80], deidentify(t, keep)[:80]) for t in texts if deidentify(t, keep) != t]
    assert len(texts) > 1000
    assert not changed, changed


def test_training_sentences_keep_their_words():
    """1,800 realistic user sentences (NLU data and held-out sets): only real names change."""
    sentences = []
    for path in [*sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")),
                 *sorted((PROJECT_ROOT / "tests" / "nlu").glob("*.yml"))]:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                line = re.sub(r"\[([^\]]+)\]\{[^}]*\}", r"\1", line.strip().removeprefix("- "))
                if line:
                    sentences.append(line)
    changed = {s: deidentify(s) for s in sentences if deidentify(s) != s}
    assert len(sentences) > 1500
    assert set(changed) <= {"hallo, ik ben sanne"}, changed


def test_kept_organisations_and_their_addresses(keep):
    # The knowledge content names no e-mail address (none is in the sources), so every
    # address is scrubbed; organisation names and web addresses stay.
    text = ("Stichting Emma at Work helpt jongeren; mail info@mijnreintegratieplan.nl of kijk "
            "op https://werkscan.onderzoek.nl. Mijn collega Emma mailt emma@gmail.com.")
    assert deidentify(text, keep) == (
        f"Stichting Emma at Work helpt jongeren; mail {EMAIL} of kijk "
        f"op https://werkscan.onderzoek.nl. Mijn collega {NAME} mailt {EMAIL}.")


def test_placeholders_survive_a_second_pass():
    once = deidentify("ik heet Jan, bel 0612345678, mail jan@x.nl, bsn 123456782")
    assert deidentify(once) == once
    assert not re.search(r"\d{6}|jan", once, re.IGNORECASE)

