"""The pattern layer of the safety check: danger signals by kind, on folded text.

One of two layers (the other is the trained model in `safety_model.py`); `safety.py` combines
them. Patterns catch the clear, well-known wordings in any state and in any surrounding words;
the model catches the indirect and new ones. Idioms ('doodmoe', 'ik schrik me dood') are removed
from the text *before* the signals are read, so an idiom elsewhere in a message never vetoes a
real signal ('ik ben doodmoe en zie geen uitweg meer'). No Rasa imports.
"""
from __future__ import annotations

import re
from typing import List, Optional

from bot.understanding import vocabulary as voc
from knowledge.text import fold

SUICIDAL, DONE, OTHER, EMERGENCY, VIOLENCE = (
    "suicidal", "self_harm_done", "other_person", "medical_emergency", "violence")
KINDS = (SUICIDAL, DONE, OTHER, EMERGENCY, VIOLENCE)

_F = voc.FILLERS
_MEANS = voc.MEANS_OF_HARM
_AMOUNT = voc.LARGE_AMOUNT

# Wishing or planning to die, said of oneself (or of someone else: the subject decides).
_SUICIDAL = [
    # 'ik denk aan zelfmoord', 'ik heb zelfmoordgedachten', 'ik ben suicidaal'.
    rf"\b(ik|me|mij)\b.{{0,30}}\b(denk|dacht|gedachten|overweeg|plan|plannen|ben|voel me)\b"
    rf".{{0,20}}\b{voc.SUICIDE_WORDS}",
    rf"\b(ik|me|mij)\b.{{0,20}}\b{voc.SUICIDE_WORDS}gedachten",
    rf"\b(denk|dacht|overweeg) (ik|ik er|ik wel|ik soms|ik vaak)\b.{{0,20}}\b{voc.SUICIDE_WORDS}",
    r"\bsuicidal\b",
    r"\bkill (myself|me)\b", r"\bwant to die\b", r"\bend (my|it all)\b",
    rf"\b(wil|wou|zou|ga|gaat|wilt)( ik| hij| ze| zij)? {_F}(dood|sterven|niet meer leven|"
    r"er niet meer zijn|er een eind(e)? aan maken)\b",
    rf"\bdood {_F}(zijn|wezen|gaan)\b", r"\bvan het leven beroven\b",
    r"\bleven (be)?eindigen\b", r"\bwou dat ik (dood|er niet meer) (was|ben|zou zijn)\b",
    r"\bniet meer (willen |wil |wilt )?leven\b", r"\bhet leven (niet meer zien zitten|is zinloos)\b",
    rf"\bzie het (leven )?{_F}niet meer zitten\b(?! (met|op|in|bij) )",
    r"\b(een )?einde? aan (mijn|m'n|mn|zijn|haar|het|z'n|zn) leven\b",
    r"\ber (een )?einde? aan (willen |wil |te )?maken\b",
    r"\b(mezelf|mijzelf|me|zichzelf|zich) (iets )?(aandoen|aan (te )?doen|van kant (te )?maken|"
    r"ombrengen|om (te )?brengen|doden|ophangen|op (te )?hangen|verdrinken)\b",
    r"\bvan kant maken\b", r"\bvoor (de|een) trein (springen|te springen|gaan liggen)\b",
    r"\bvan (een|de|het) (brug|flat|dak) (af )?(springen|te springen)\b",
    rf"\b{_MEANS}\b.{{0,25}}\b(klaar ?liggen|klaargelegd|opgespaard|gespaard|verzameld|"
    r"klaar gezet|klaargezet)\b",
    r"\b(pillen|tabletten) (innemen|slikken|nemen) om\b",
    r"\b(dak|brug|flat|trein|raam|balkon|spoor|viaduct)\b.{0,30}\bspring(en|t)?\b",
    r"\bspring(en)?\b.{0,30}\b(dak|brug|flat|trein|raam|balkon|spoor|viaduct)\b",
    rf"\b(wil|zou|wou) {_F}niet meer (bestaan|wakker worden|hier zijn)\b",
    r"\ber niet meer (wil|wou|zou willen|hoef|wilt) zijn\b",
    r"\bniet meer (wil|wou|zou willen|hoef|wilt) (leven|bestaan|wakker worden)\b",
    rf"\bik {_F}dood (wil|wou|zou willen)\b", r"\bnooit meer wakker (te )?worden\b",
    r"\bhet leven hoeft (voor mij |van mij )?niet meer\b",
    r"\bniemand (zou|zal) (me|mij) (missen|mi?ssen)\b",
    r"\b(iedereen|ze|jullie|mijn (gezin|familie|kinderen)) (is|zijn|zou|zouden) (\w+ )?"
    r"beter af zonder (mij|me)\b",
    r"\b(geen|niet langer een?) (reden|zin) (meer )?om (er )?(nog )?(te leven|te zijn|door te gaan)\b",
    r"\bzie geen (uitweg|oplossing meer|toekomst meer|andere uitweg)\b( meer)?"
    r"(?! (in|met|uit|voor|op|bij) )",
    r"\b(al )?(bedacht|uitgezocht|gepland|opgezocht) hoe (ik )?(het|ik|er)\b",
    r"\bafscheidsbrie\w*", r"\buit het leven (te )?(stappen|gaan)\b",
    r"\b(mijn|m'n|mn) leven (te )?(beeindigen|nemen)\b",
    r"\bkan (zo )?niet meer verder( leven)?\b(?! (met|op|in|bij|zo werken))",
]
# The bare words: a signal only when the trained model hears danger too ('ik schrijf een
# scriptie over zelfdoding' is none).
KEYWORD_SIGNAL = re.compile(rf"\b{voc.SUICIDE_WORDS}")
# Self-harm or an overdose already done: 112 now.
_DONE = [
    rf"\b{_AMOUNT}\b.{{0,20}}\b{_MEANS}\b.{{0,30}}\b(ingenomen|genomen|geslikt|opgegeten|"
    r"achterover geslagen|naar binnen)\b",
    rf"\b(heb|heeft|had)\b.{{0,20}}\b(ingenomen|genomen|geslikt)\b.{{0,10}}\b{_AMOUNT}\b.{{0,20}}"
    rf"\b{_MEANS}\b",
    r"\boverdosis (genomen|ingenomen|geslikt)\b", r"\been overdosis\b",
    # ... not an accident: 'ik heb me gesneden aan een blikje' (the model reads those).
    r"\b(heb|had|heeft) (me|mezelf|mijzelf|zich|zichzelf) (\w+ )?(gesneden|verwond|bezeerd|"
    r"pijn gedaan|gekrast|beschadigd|verbrand)\b"
    r"(?! aan (een|het|de|die|dat) (?!(pols|polsen|arm|armen|been|benen|hand|dij|buik|nek|"
    r"hals|keel|enkel)\b)| per ongeluk\b)",
    r"\b(snij|snijd|kras|beschadig)\w* (me|mezelf|mijzelf)\b",
    r"\bmezelf pijn (doen|te doen)\b",
]
# Medication taken just now: an overdose, or the usual morning dose ('ik heb net mijn pillen
# ingenomen'). A signal only when the trained model hears danger too, like the bare words.
DONE_JUST_NOW = re.compile(
    rf"\b(net|zojuist|zonet|daarnet|vannacht|vanmorgen|net even)\b.{{0,30}}\b({_MEANS}|"
    r"overdosis)\b")
# An act already done in order to die is an act done, whatever wish follows: 'ik heb gif
# gedronken om er een eind aan te maken', 'heb net geprobeerd me op te hangen' (112 now).
_DONE_ACT = (r"(ingenomen|genomen|geslikt|doorgeslikt|gedronken|leeggedronken|opgedronken|"
             r"leeggegeten|opgegeten|gespoten|gesneden|gekrast|opgehangen|verhangen|gesprongen)")
_JUST_NOW = r"(net|zojuist|zonet|daarnet|vannacht|vanochtend|vanmorgen|vanavond|vandaag|gisteren)"
DONE_FOR = re.compile(
    rf"\b(heb|had|ben)\b.{{0,60}}\b{_DONE_ACT}\b.{{0,15}}\b(om|omdat|want|zodat)\b"
    rf"|\b{_JUST_NOW}\b.{{0,30}}\bgeprobeerd\b|\bgeprobeerd\b.{{0,30}}\b{_JUST_NOW}\b")
# Talking *about* the topic (prevention, policy, signals, the guideline) is no signal by itself:
# a sentence with these words is left to the trained model.
_TOPIC_TALK = re.compile(rf"\b({voc.TOPIC_TALK})")
# A signal negated just before it in the same clause: 'ik ga mezelf echt niets aandoen' is
# blanked by the denials, 'ik heb geen zelfmoordgedachten' and 'ik denk er niet aan om ...' here.
_NEGATED_BEFORE = re.compile(r"\b(niet|ni|nie|geen|nooit|niks|niets|allerminst)\b(\s+\S+){0,5}\s*$")
# A medical emergency is now; a sentence about the past ('vorig jaar had ik pijn op de borst')
# is medical history.
_PAST = re.compile(rf"\b({voc.PAST_MARKERS})\b")
_HABITUAL = re.compile(rf"\b({voc.HABITUAL_MARKERS})\b")
# A symptom people live with ('krampen in mijn buik, komt en gaat', 'de laatste twee jaar is
# het veel erger', ''s nachts lig ik wakker van de pijn'), unless something says it is now.
_CHRONIC = re.compile(rf"\b({voc.HABITUAL_MARKERS}|komt en gaat|al jaren|jaren(lang)?|"
                      r"van kleins? af|elke (dag|nacht|week)|'?s nachts|'?s ochtends|"
                      r"aan het eind van de dag|bij stress|de laatste (tijd|\w+ jaar))\b")
_ACUTE = re.compile(r"\b(nu|net|zojuist|op dit moment|plotseling|opeens|sinds (een |\d+ )?"
                    r"(minuut|minuten|kwartier|half uur|uur)|al \d+ minuten|ligt|gevallen|"
                    r"reageert niet|bewusteloos|ambulance|112)\b")
# Someone else: third person as subject of a signal.
_OTHER_SUBJECT = re.compile(
    r"\b(hij|zij|ze|zich|zichzelf|hem|haar|zijn|z'n|zn)\b|\b(mijn|onze|een|m'n|mn) "
    rf"({voc.PEOPLE_AROUND})\b")
_FIRST_PERSON = re.compile(r"\b(ik|me|mij|mezelf|mijzelf|mijn leven)\b")
# Acute medical emergency now: 112 first.
_EMERGENCY = [
    r"\b(pijn|druk|drukkend gevoel|beklemmend gevoel|steek|kramp) (op|in|op de|in de|op mijn|"
    r"in mijn|op zijn|op haar) (de )?borst\b",
    r"\bborst ?pijn\b", r"\bpijn\b.{0,30}\b(straalt|uitstraalt|trekt)\b.{0,20}\b(arm|kaak|nek)\b",
    r"\b(mond|mondhoek|gezicht|kaak)\b.{0,15}\b(hangt|scheef|zakt|afhangt|hangend)\b",
    r"\b(scheve|hangende) (mond|mondhoek|gezicht)\b",
    r"\b(arm|been)\b.{0,15}\b(is |voelt |werd )?(slap|krachteloos|verlamd|gevoelloos)\b",
    r"\b(kan|kon) (zijn|haar|mijn|z'n) (arm|been) niet (meer )?(optillen|bewegen|heffen)\b",
    r"\b(praat|spreekt) (ineens |opeens |plots )?(raar|onduidelijk|wartaal|met dubbele tong|"
    r"niet meer)\b", r"\bdubbele tong\b",
    r"\b(in elkaar gezakt|ingezakt|neergevallen|omgevallen|flauwgevallen|bewusteloos|"
    r"buiten bewustzijn|niet aanspreekbaar)\b",
    # ... not a person who does not answer a mail: 'mijn manager reageert niet op mijn mails'
    r"\breageert (nergens op|niet( meer)?)\b(?! op (\w+ ){0,2}(e-?mails?|mails?|berichten|"
    r"appjes?|apps|telefoontjes|brieven|brief|vragen|verzoek\w*|voorstel\w*|aanvra\w*|klachten)\b)",
    r"\bademt niet\b", r"\b(geen|zonder) (hartslag|ademhaling)\b",
    r"\b(haal|haalt|halen|pak|pakt|gebruik|gebruikt) (\w+ )?(de|een) aed\b(?!-)",
    r"\b(is|wordt|worden|zijn|begint|begonnen|moet|moeten) (\w+ ){0,2}(aan het |te )?reanimeren\b",
    r"\bademt (bijna )?niet meer\b", r"\bis blauw aangelopen\b",
    # spots that do not fade under a glass (with fever): sepsis; seizure after seizure
    r"\b(vlekjes|vlekken|puntjes)\b.{0,60}\bniet weg ?(drukken|gaan|te drukken)\b",
    r"\b(nieuwe|volgende|tweede|derde) aanval\b.{0,40}\b(zonder|niet) (\w+ )?(bij te komen|bijkomen|"
    r"bijkomt|wakker)", r"\baanvallen (achter elkaar|na elkaar)\b",
    r"\b(bloedt|bloed(en)?) (heel |enorm |ontzettend |erg |hevig |zo )?(erg|hevig|veel|"
    r"blijft|stopt niet|houdt niet op)\b", r"\b(heel |zo |enorm )veel bloed\b",
    r"\b(epileptische )?(aanval|insult|stuip\w*)\b.{0,40}\b(stopt niet|houdt niet op|duurt al|"
    r"blijft)\b", r"\bal (\w+ )?minuten (aan het )?(schokken|stuipen)\b",
    r"\b(keel|tong|lippen|gezicht)\b.{0,20}\b(zwelt|zwellen|dik|opgezwollen|dicht)\b",
    r"\b(kan|kon|krijgt|krijg) (bijna )?(geen lucht|niet (meer )?ademen)\b",
    r"\banafylact\w*", r"\bhartaanval\b.{0,20}\b(nu|denk|volgens mij|krijgt|krijg)\b",
    r"\bbel(t)? (nu )?(de )?112\b",
]
# Violence or threat at home.
_VIOLENCE = [
    r"\b(slaat|schopt|mishandelt|wurgt|bedreigt|sloeg|schopte|wurgde|duwde)"
    r" (me|mij)\b", r"\b(heeft|had) (me|mij) (\w+ )?(geslagen|geschopt|gewurgd|bedreigd|"
    r"mishandeld|pijn gedaan)\b",
    r"\b(hij|zij|ze|mijn (man|vrouw|partner|vriend|vriendin|ex|vader|moeder|zoon|broer))\b"
    r".{0,25}\b(me|mij) (\w+ )?(vermoorden|dood ?maken|dood ?maakt|iets aan ?doen|iets aandoen)\b",
    r"\b(ben|voel me) in (acuut )?gevaar\b",
    r"\b(ik|mij|me|wij|ons)\b.{0,40}\bhuiselijk geweld\b", r"\bhuiselijk geweld\b.{0,20}\b(thuis|bij ons)\b",
    r"\bvoel me (thuis )?niet (meer )?veilig\b",
    r"\b(iemand|hij|zij|ze|mijn (man|vrouw|partner|vriend|vriendin|ex|vader|moeder|zoon|broer))"
    r" (thuis )?(doet|deed) (me|mij) (\w+ )?pijn\b",
    r"\bdurf niet (meer )?(naar huis|thuis)\b",
    r"\bbang (voor|van) (mijn )?(man|vrouw|partner|vriend|vriendin|vader|moeder|ex)\b",
    r"\bwil (hem|haar|iemand) (iets )?aandoen\b",
]
_IDIOMS = [
    r"\bdood ?(moe|op|vermoeid|ziek van|normaal|eng|saai|stil|ongelukkig|leuk)\b",
    r"\b(schaam|verveel|schrik|lach|erger|werk|zweet|pieker|vervelen|schrikken|lachen|"
    r"ergeren|werken|zweten) (me|mij|ons|zich|je) (\w+ )?(dood|kapot|een ongeluk)\b",
    r"\b(wordt|worden|is|zijn|wordt nog) (\w+ )?(mijn|m'n|mn|onze|zijn) dood\b",
    r"\bdoodsbang\b", r"\bword gek\b",
    r"\b(ga|gaan|gaat) (nog )?(liever )?(\w+ )?dood (dan|van|aan|als|bij)\b",
    r"\b(vermoordt|vermoorden|vermoord) (me|mij|ons)\b.{0,10}\b(als|wanneer|straks|nog)\b", r"\b(telefoon|laptop|batterij|accu|computer|printer|"
    r"plant|auto)\w* (is |was )?(dood|gestorven|overleden)\b",
    # 'hij kijkt alsof hij me wil vermoorden', 'mijn baas slaat nergens op', 'iemand heeft de
    # printer vermoord' (blind set v6)
    r"\b(kijkt|keek|kijken|aankijkt|aankeek)\b.{0,20}\balsof\b.{0,30}\b(vermoorden|wurgen|"
    r"afmaken|dood ?maken|doden|opvreten)\b",
    r"\b(slaat|sloeg|slaan)\b (\w+ )?(nergens|kant noch wal|de plank( \w+)? mis|door|alarm)\b",
    r"\b(printer|laptop|computer|pc|telefoon|kopieerapparaat|koffie(automaat|machine)|server|"
    r"wifi|netwerk|systeem|app|website)\w* (\w+ )?(vermoord|om zeep geholpen|gesloopt)\b",
    r"\boverdosis (aan )?(koffie|cafeine|suiker|chocola\w*|snoep|werk|vergaderingen|mails|"
    r"informatie|prikkels|zon|tv|netflix|gezelligheid)\b",
    r"\bover mijn lijk\b", r"\bzou (hem|haar|die baas|mijn baas) wel kunnen (vermoorden|"
    r"wurgen|schieten)\b", r"\bdood ?gewoon\b", r"\bdoodleuk\b",
    # 'lately': 'de laatste tijd wordt het erger' read as 0.96 danger ('laatste brief')
    r"\b(de |het )?laatste (tijd|weken|maanden|jaren|jaar|dagen|paar (weken|maanden|jaar))\b",
]
# Saying it is not so: 'ik wil niet dood, wel minder werken'. A real signal elsewhere counts.
_DENIALS = [
    r"\b(wil|ga|zou|hoef|wilt) (echt |zeker |helemaal |heus )?niet dood\b",
    r"\bgeen (zelfmoord|su[iy]cid)\w*", r"\bniet su[iy]cida\w*", r"\bniet (aan )?zelfmoord\b",
    r"\b(ga|zal) (mezelf|mijzelf|me) (echt |heus )?(niks|niets|geen pijn) (aan)?doen\b",
    r"\bniet dat ik (dood|er niet meer) \w+\b",
    # 'ik wil echt nog leven hoor', 'de huisarts vroeg of ik aan zelfdoding denk en ik zei nee'
    r"\bwil (echt |zeker |heus |graag |best |gewoon |wel )*nog (heel graag |graag )?(blijven )?leven\b",
    rf"\bof ik\b.{{0,40}}{voc.SUICIDE_WORDS}\w*.{{0,30}}\b(zei|zeg|antwoordde|heb|moest) (ik )?"
    r"(\w+ )?(eerlijk |gewoon |volmondig |meteen )?nee\b",
]
# Weak or ambiguous: ask directly.
_UNSURE = [
    r"\bhet hoeft (voor mij |van mij )?(allemaal )?niet meer\b", r"\bklaar met (alles|het leven|leven)\b",
    r"\bben er (helemaal |echt )?klaar mee\W*$", r"\bgeen zin meer in (alles|het leven|niks|niets)\b",
    r"\b(wil|zou) (gewoon |het liefst |soms )?(willen )?verdwijnen\b",
    r"\bwil (gewoon |alleen nog maar )?slapen en niet meer\b",
    rf"\b{_MEANS}\b.{{0,40}}\b(in huis|liggen hier|genoeg)\b",
    r"\bhet heeft (allemaal )?geen zin meer\b", r"\bwaarom (zou ik|nog) doorgaan\b",
    r"\bik kan (echt )?niet meer\W*$", r"\bhoe lang (hou|houd) ik dit nog vol\b",
]


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


SUICIDAL_SIGNAL = _compile(_SUICIDAL)
DONE_SIGNAL = _compile(_DONE)
EMERGENCY_SIGNAL = _compile(_EMERGENCY)
VIOLENCE_SIGNAL = _compile(_VIOLENCE)
UNSURE_SIGNAL = _compile(_UNSURE)
IDIOM = _compile(_IDIOMS)
DENIAL = _compile(_DENIALS)
_SENTENCE = re.compile(r"[.!?;\n]+")


def without_idioms(text: str) -> str:
    """Folded text with idioms and denials blanked out: what is left may still signal danger."""
    return DENIAL.sub(" ", IDIOM.sub(" ", fold(text or "")))


def has_idiom_or_denial(text: str) -> bool:
    folded = fold(text or "")
    return bool(IDIOM.search(folded) or DENIAL.search(folded))


def _about_someone_else(sentence: str, match: re.Match[str]) -> bool:
    """The signal's subject is someone else: 'mijn collega zei dat hij er een eind aan wil maken'."""
    before = sentence[max(0, match.start() - 60):match.start()]
    span = match.group(0)
    if re.search(r"\b(zich|zichzelf)\b", span):
        return True
    if _FIRST_PERSON.search(span):
        return False
    return bool(_OTHER_SUBJECT.search(before + " " + span)) and not re.search(
        r"\bik\s+\w*\s*$", before)


# A negation inside a signal ('ik heb nooit zelfmoordgedachten', 'heb mezelf niet gesneden'),
# except the wordings whose negation is the signal ('niet meer leven', 'geen reden meer').
_NEGATED_INSIDE = re.compile(
    r"\b(niet|nie|ni|nooit|geen|niks|niets)\b(?! (meer|langer|reden|zin|uitweg|oplossing|"
    r"toekomst|andere uitweg|veilig|naar huis))")
# A negation right after a signal in its clause: Dutch puts 'niet' after the object ('hij slaat
# me niet', 'ik snij mezelf al lang niet meer'); not 'niet alleen', 'niet elke dag', nor
# Flemish 'niet normaal' (very).
_NEGATED_AFTER = re.compile(
    r"^\s*(?:(?:al|echt|helemaal|zeker|absoluut|heus|nog|ook|toch|gewoon|lang|jaren|nu|hoor|"
    r"eigenlijk)\s+){0,3}(niet|nie|ni|nooit)\b"
    r"(?!\s+(alleen|enkel|eens|zomaar|normaal|elke|iedere|altijd|steeds|zo|heel|erg|diep|"
    r"veel|lang)\b)")
# A body that is *not* in that state: 'mijn arm is niet verlamd', 'mijn mond hangt niet scheef'
# (the emergency signals keep their other negations: 'ademt niet', 'reageert niet').
_NEGATED_STATE = re.compile(
    r"\b(niet|nie|ni|geen|nooit)\s+(\w+\s+)?(verlamd|slap|krachteloos|gevoelloos|scheef|hangt|"
    r"hangend|afhangt|zakt)\b")
# History long ago, said as such ('ik heb ooit een overdosis genomen als tiener', 'vroeger had
# ik zelfmoordgedachten'): no signal by itself, the model reads it. Not when its clause says
# now ('nu', 'vandaag') or the sentence says it is back ('weer', 'opnieuw').
_LONG_AGO = re.compile(
    r"\b(vroeger|ooit|destijds|(\w+ )?ja(ar|ren) geleden|(\w+ )?maanden geleden|vorig jaar|"
    r"als (tiener|puber|student|kind)|in mijn (jeugd|tienertijd|studententijd|studietijd)|"
    r"toen ik (jong|jonger|tiener|puber|student|\d+)|in (19|20)\d\d)\b")
_BACK_NOW = re.compile(r"\b(nu|vandaag|vannacht|vanavond|net|zojuist|zonet|daarnet|sinds)\b")
_RECURS = re.compile(r"\b(weer|opnieuw|nog steeds|nog altijd)\b")
_CLAUSE_BOUNDARY = re.compile(r"[,:;]|\b(maar|nu|tegenwoordig|inmiddels)\b")


def _clause_around(sentence: str, match: re.Match[str]) -> str:
    """The clause a match stands in: from the last boundary before it to the first after it."""
    before = list(_CLAUSE_BOUNDARY.finditer(sentence[:match.start()]))
    start = before[-1].end() if before else 0
    after = _CLAUSE_BOUNDARY.search(sentence, match.end())
    return sentence[start:after.start() if after else len(sentence)]


def _signal(pattern: re.Pattern[str], sentence: str, negation_inside: bool = True,
            history: bool = True) -> Optional[re.Match[str]]:
    """The first match of a signal that is not negated in its clause (just before it, just
    after it or, for wishes and acts, inside it) nor told as history long ago."""
    for match in pattern.finditer(sentence):
        clause = re.split(r"[,:]", sentence[:match.start()])[-1]
        if _NEGATED_BEFORE.search(clause):
            continue
        rest = re.split(r"[,:;]", sentence[match.end():])[0]
        if _NEGATED_AFTER.search(rest):
            continue
        if negation_inside and _NEGATED_INSIDE.search(match.group(0)):
            continue
        if not negation_inside and _NEGATED_STATE.search(match.group(0)):
            continue
        if history:
            around = _clause_around(sentence, match)
            if _LONG_AGO.search(around) and not _BACK_NOW.search(around) \
                    and not _RECURS.search(sentence):
                continue
        return match
    return None


# An attack felt coming, said as what happens then ('als ik een aanval voel aankomen moet ik
# weg van het licht'): the warning signs of a known condition, not an emergency now, whatever
# else the message says is now ('en nu dat verzuimgesprek').
_FELT_COMING = re.compile(r"\b(als|wanneer|zodra) (ik|hij|ze|zij) (\w+ ){0,4}(voel|voelt|merk|merkt)"
                          r" (\w+ ){0,2}aankomen\b")


def chronic_symptom(text: str) -> bool:
    """A bodily complaint described as something that keeps coming back, with nothing that says
    it is happening now: no acute medical emergency."""
    folded = fold(text or "")
    if _FELT_COMING.search(folded):
        return True
    return bool(_CHRONIC.search(folded)) and not _ACUTE.search(folded)


def danger_kinds(text: str) -> List[str]:
    """The kinds of the clear danger signals in the text, most urgent first (an emergency, an
    act already done, a wish or plan, violence); empty when there is none. When there are
    several, the trained model may choose among them (`safety.judge`)."""
    cleaned = without_idioms(text)
    if not cleaned.strip():
        return []
    kinds: List[str] = []
    sentences = [s for s in _SENTENCE.split(cleaned) if s.strip()]
    if any(_signal(EMERGENCY_SIGNAL, s, negation_inside=False, history=False)
           and not _PAST.search(s)
           and not _HABITUAL.search(s)
           for s in sentences):
        kinds.append(EMERGENCY)
    personal = [s for s in sentences if not _TOPIC_TALK.search(s)]
    for signal in (DONE_SIGNAL, SUICIDAL_SIGNAL):
        for sentence in personal:
            match = _signal(signal, sentence)
            if match:
                done = signal is DONE_SIGNAL or bool(DONE_FOR.search(sentence))
                kinds.append(OTHER if _about_someone_else(sentence, match) else
                             DONE if done else SUICIDAL)
                break
    # Violence long ago, said as such ('mijn ex heeft me 3 jaar geleden mishandeld, we zijn
    # gescheiden') is left to the model, like a wish or an act long ago.
    if any(_signal(VIOLENCE_SIGNAL, s) for s in personal):
        kinds.append(VIOLENCE)
    return list(dict.fromkeys(kinds))


def danger_kind(text: str) -> Optional[str]:
    """The kind of a clear danger signal in the text, or None. Most urgent kind first."""
    kinds = danger_kinds(text)
    return kinds[0] if kinds else None


def keyword_kind(text: str) -> Optional[str]:
    """A signal that needs the trained model's agreement, in a personal sentence: the kind it
    would be. Medication taken just now (`DONE_JUST_NOW`), or only a bare word for suicide or
    self-harm."""
    sentences = [s for s in _SENTENCE.split(without_idioms(text)) if s.strip()]
    for signal, own_kind in ((DONE_JUST_NOW, DONE), (KEYWORD_SIGNAL, SUICIDAL)):
        for sentence in sentences:
            if _TOPIC_TALK.search(sentence):
                continue
            match = _signal(signal, sentence)
            if match:
                return OTHER if _about_someone_else(sentence, match) else own_kind
    return None


def weak_signal(text: str) -> bool:
    """A weaker or ambiguous signal ('het hoeft allemaal niet meer'): ask directly."""
    return bool(UNSURE_SIGNAL.search(without_idioms(text)))
