"""De-identify Dutch chat text: replace direct identifiers by placeholders before storage.

What is replaced (placeholder in brackets):
- e-mail addresses [e-mail], web addresses [url] (except hosts the caller allows, e.g. the
  organisations the assistant itself names), IBANs [iban];
- phone numbers [telefoon]: Dutch mobile and landline, +31/0031, Belgian, other +<country>;
- citizen numbers [bsn]: any stand-alone 9-digit number (with or without the elfproef), any
  number after 'bsn', 'burgerservicenummer', 'sofinummer', 'rijksregisternummer', and the
  Belgian national number format;
- full dates [datum], or [geboortedatum] after 'geboren' / 'geboortedatum';
- postcodes [postcode] and street addresses [adres];
- person names [naam] in context: 'ik heet Jan', 'mijn naam is ...', 'mijn leidinggevende
  Piet de Vries', 'collega sandra', 'mevrouw Jansen', 'groetjes Anne', 'Piet, mijn baas',
  and common Dutch and Flemish first names anywhere.

No Rasa imports and no dependencies: plain regular expressions and word lists (the name lists
are bot/data/*.txt, read once at import), so it costs well under a millisecond per message and
no memory to speak of. Names without any context and uncommon first names in lower case are a
known gap (see the tests in tests/privacy/test_deidentify.py for what is covered).

`deduce` 3.0.3 (the Dutch clinical de-identifier) was measured as the alternative: +1.1 GB RSS
after `Deduce()` (8 s warm, 125 s first build), 0.4-0.75 ms per message, and it pins
rapidfuzz<3 where the knowledge search uses rapidfuzz 3.14; it also misses lower-case chat
names ('ik heet jan', 'collega sandra').
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection, Iterable, List, Tuple

from bot.deidentify_names import _name_spans

NAME = "[naam]"
EMAIL = "[e-mail]"
URL = "[url]"
PHONE = "[telefoon]"
BSN = "[bsn]"
IBAN = "[iban]"
POSTCODE = "[postcode]"
ADDRESS = "[adres]"
DATE = "[datum]"
BIRTH_DATE = "[geboortedatum]"
PLACEHOLDERS = (NAME, EMAIL, URL, PHONE, BSN, IBAN, POSTCODE, ADDRESS, DATE, BIRTH_DATE)

_L = "A-Za-zÀ-ÖØ-öø-ÿ"  # letters, including accented ones

# -- patterns without names --------------------------------------------------------------------
_EMAIL = re.compile(rf"[{_L}0-9._%+\-]+@[{_L}0-9\-]+(?:\.[{_L}0-9\-]+)*\.[A-Za-z]{{2,}}")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:linkedin\.com/in|facebook\.com|instagram\.com|x\.com|twitter\.com|"
                     r"tiktok\.com/@?)/?[^\s<>\"')\]]+", re.IGNORECASE)
_IBAN = re.compile(r"\b(?:NL|BE|DE|LU|FR|GB|ES|IT|AT|CH|PL|TR|MA)\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}"
                   r"(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_SEP = r"[ .\-/]?"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # +31 6 12345678, 0031 20 1234567, +32 470 12 34 56, +31 (0)6-12345678
    rf"(?:\+|00)\d{{2,3}}{_SEP}(?:\(0\){_SEP})?(?:\d{_SEP}){{7,10}}\d"
    # (020) 123 45 67
    rf"|\(0\d{{1,3}}\){_SEP}(?:\d{_SEP}){{4,7}}\d"
    # 06-12345678, 020 123 4567, 0201234567 (10 digits); Belgian 02 123 45 67 (9 digits)
    rf"|0(?:\d{_SEP}){{7,8}}\d"
    r")(?![\d])"
)
_BSN_KEYWORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofi[- ]?nummer|rijksregisternummer|insz)"
    r"(?:[- ]?(?:nummer|nr\.?))?\s*(?:is|=|:)?\s*"
    r"(\d(?:[ .\-]?\d){5,11})", re.IGNORECASE)
_BE_NATIONAL = re.compile(r"\b\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}\b")
_BSN = re.compile(r"(?<![\d.,\-/])(?:\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})"
                  r"(?![\d]|[.,\-/]\d)")
_MONTHS = (r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
           r"december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_DATE = re.compile(
    r"\b(?:(?:0?[1-9]|[12]\d|3[01])([-/])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}"
    r"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}"
    rf"|(?:0?[1-9]|[12]\d|3[01])\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}})\b",
    re.IGNORECASE)
_BIRTH = re.compile(r"(?:geboren|geb\.|geboortedatum|geboortedag|verjaardag)"
                    r"(?:\s+(?:op|is|:))?\s*[:=]?\s*$", re.IGNORECASE)
_BIRTH_YEAR = re.compile(r"\b(geboren\s+in\s+)(?:19|20)\d{2}\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b([1-9]\d{3})(\s?)([A-Za-z]{2})\b")
_POSTCODE_KEYWORD = re.compile(r"\b(postcode\s*(?:is|:)?\s*)(\d{4}(?:\s?[A-Za-z]{2})?)\b",
                               re.IGNORECASE)
_HOUSE_NUMBER = (r"\s+\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?(?:-|hs|bis)\s?\d{1,3})?\b"
                 r"(?!\s*(?:uur|u\b|dag|dagen|keer|jaar|jaren|week|weken|maand|maanden|km|min|"
                 r"minuten|procent|%|euro|kilo|kg|x\b))")
# 'Kerkstraat 12', 'Lange Nieuwstraat 3a'; in lower case only the unmistakable street words.
_STREET = re.compile(
    rf"\b(?:[A-Z][{_L}\-']*(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|hof|park|"
    rf"pad|lei|baan|dijk|markt|veld|wal)|[{_L}]{{2,}}(?:straat|laan|plein|gracht|kade|singel|"
    rf"dreef|steeg)){_HOUSE_NUMBER}")
# Two letters after four digits that are words or units, not postcode letters: '2019 en', '1000 mg'.
_NOT_POSTCODE = frozenset(
    "en in op is de ik te om al nu zo ja na of er me je we ze af da an as at be by do go he if "
    "it my no on or so to up us tv km kg cm mm ml mg cc kb mb gb ct pm am hz kw uu eu nl be "
    "st pk ca nr dl cl".split())

# -- the whole ---------------------------------------------------------------------------------
def _replace_spans(text: str, spans: Iterable[Tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, label in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(label)
        last = end
    out.append(text[last:])
    return "".join(out)


def _host(url: str) -> str:
    host = re.sub(r"^(?:https?://)?", "", url, flags=re.IGNORECASE).split("/")[0].lower()
    return host[4:] if host.startswith("www.") else host


class Keep:
    """What is no personal data although it looks like it: the organisations, web sites and
    e-mail addresses the assistant names itself ('Emma at Work', info@...)."""

    def __init__(self, hosts: Iterable[str] = (), phrases: Iterable[str] = ()):
        self.hosts = frozenset(h.lower().removeprefix("www.") for h in hosts if h)
        phrases = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w@./:-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w@/-]|\.\w)",
            re.IGNORECASE) if phrases else None


NOTHING_KEPT = Keep()
_SENTINEL = re.compile("\ue000([\ue100-\uefff]+)\ue001")


def _protect(text: str, keep: Keep) -> Tuple[str, List[str]]:
    """Replace kept phrases by sentinels (no letters or digits) that the patterns skip."""
    if keep.pattern is None:
        return text, []
    found: List[str] = []

    def hide(match: re.Match) -> str:
        found.append(match.group())
        n = len(found) - 1
        return "\ue000" + chr(0xE100 + n // 256) + chr(0xE100 + n % 256) + "\ue001"

    return keep.pattern.sub(hide, text), found


def _restore(text: str, found: List[str]) -> str:
    if not found:
        return text

    def show(match: re.Match) -> str:
        code = match.group(1)
        return found[(ord(code[0]) - 0xE100) * 256 + ord(code[1]) - 0xE100]

    return _SENTINEL.sub(show, text)


def deidentify(text: str, keep: Keep = NOTHING_KEPT) -> str:
    """The text with direct identifiers replaced by placeholders ('[naam]', '[telefoon]', ...).

    keep: web hosts and phrases that are no personal data (see `Keep`); they stay.
    """
    if not text or not isinstance(text, str):
        return text
    text, found = _protect(text, keep)
    text = _deidentify(text, keep.hosts)
    return _restore(text, found)


def _deidentify(text: str, keep: Collection[str]) -> str:

    def url(match: re.Match) -> str:
        return match.group() if _host(match.group().rstrip(".,;:!?")) in keep else URL

    text = _EMAIL.sub(EMAIL, text)
    text = _URL.sub(url, text)
    text = _SOCIAL.sub(URL, text)
    text = _IBAN.sub(lambda m: IBAN if sum(c.isdigit() for c in m.group()) >= 8 else m.group(),
                     text)
    text = _BSN_KEYWORD.sub(lambda m: m.group()[:m.start(1) - m.start()] + BSN, text)
    text = _BE_NATIONAL.sub(BSN, text)
    text = _BIRTH_YEAR.sub(lambda m: m.group(1) + BIRTH_DATE, text)
    text = _DATE.sub(lambda m: BIRTH_DATE if _BIRTH.search(text[:m.start()]) else DATE, text)
    text = _PHONE.sub(PHONE, text)
    text = _BSN.sub(BSN, text)
    text = _POSTCODE_KEYWORD.sub(lambda m: m.group(1) + POSTCODE, text)
    text = _POSTCODE.sub(_postcode, text)
    text = _STREET.sub(ADDRESS, text)
    spans = [(s, e, NAME) for s, e in _name_spans(text) if not _inside_placeholder(text, s)]
    return _replace_spans(text, spans) if spans else text


def _postcode(match: re.Match) -> str:
    """'1234 AB', '1234AB', '1234ab'; '1234 ab' only before a place name ('in 2024 ga ik')."""
    _, space, letters = match.groups()
    if letters.lower() in _NOT_POSTCODE and (space or not letters.isupper()):
        return match.group()
    if space and not letters.isupper():
        after = match.string[match.end():match.end() + 2]
        if not (after[:1] == " " and after[1:2].isupper()):
            return match.group()
    return POSTCODE


def _inside_placeholder(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "[" and any(
        text.startswith(p, start - 1) for p in PLACEHOLDERS)


def contains_identifier(text: str, keep: Keep = NOTHING_KEPT) -> bool:
    """True when `deidentify` would change the text."""
    return deidentify(text, keep) != text


_EMAIL_IN_TEXT = _EMAIL


@lru_cache(maxsize=1)
def knowledge_keep() -> Keep:
    """Keep what the assistant's own knowledge content names: organisation names (also without
    'Stichting' or an explanation after ' - ', ' (' or ':'), their web hosts and e-mail
    addresses. Reads knowledge/content (no database)."""
    from urllib.parse import urlsplit

    from knowledge.validation import load_content

    content = load_content()
    hosts, phrases = set(), set()
    texts = []
    for resource in content.resources.values():
        texts += [resource.name, resource.offers]
        if resource.url:
            url = resource.url if "://" in resource.url else f"http://{resource.url}"
            hosts.add(urlsplit(url).hostname or "")
        name = resource.name
        phrases.add(name)
        short = re.split(r"\s+-\s+|\s*\(|:\s", name)[0].strip()
        short = re.sub(r"^(?:Stichting|Vereniging)\s+", "", short)
        if len(short) > 3:
            phrases.add(short)
    for item in content.items.values():
        texts += [item.text, item.text_professional or "", item.text_employer or ""]
    for text in texts:
        phrases.update(_EMAIL_IN_TEXT.findall(text or ""))
        for url in _URL.findall(text or ""):
            hosts.add(_host(url.rstrip(".,;:!?")))
    return Keep(hosts=hosts, phrases=phrases)
