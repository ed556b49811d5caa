"""The vocabulary's chapter on a worker's situation, read by `knowledge/situation.py`: the words
per knowledge theme, and the words that skip a question, say all is fine, or make a concern
strong. Shared words (people at work, tiredness, money) come from `vocabulary.py`.

Fragments are regular expressions on folded text, with their own word boundaries: word starts
are anchored with \\b so 'moe' does not fire inside 'moeder'; endings are left open for
inflection unless a \\b closes them.
"""
from __future__ import annotations

from typing import Dict, Tuple

from bot.understanding.vocabulary import (BENEFITS, EXHAUSTED, MONEY, PEOPLE_AT_WORK, TIRED,
                                          WITHOUT_WORK, whole)

# Words per knowledge theme ('factor'): a clause that has one is about that theme.
FACTOR_WORDS: Dict[str, Tuple[str, ...]] = {
    "vermoeidheid": TIRED + EXHAUSTED + (
        r"\benergie", r"\bbatterij", r"\bfut\b", r"futloos", r"lusteloos", r"\buitgeblust",
        r"\bbijkomen", r"\bbij te komen", r"\bherstel", r"\brust(en)? nodig", r"\bslaap",
        r"\bop aan het eind", r"\bleeg\b", r"\bkrachten?\b", r"\bwisselt", r"\bwisselend",
        r"\bgoede en slechte dagen", r"\bslechte dagen", r"\bbreken? me op", r"\bbreekt me op",
        r"\bsloopt me", r"\bopgebrand", r"\bvermoeiend", r"\bgeen puf", r"\bslap\b"),
    "concentratie": (r"\bconcentr", r"\bgeheugen", r"\bvergeet", r"\bvergeetachtig", r"\bfocus",
                     r"\bprikkel", r"\bhoofd (zit )?vol", r"\bhersenmist", r"\bbrain ?fog"),
    "fysieke_belasting": (r"\btill?en\b", r"\bsjouw", r"\bbukken", r"\bstaan\b", r"\blopen\b",
                          r"\blichamelijk", r"\bfysiek", r"\bpijn", r"\brug\b", r"\bgewricht",
                          r"\bzwaar werk", r"\bzware? taken", r"\bknie", r"\bschouder",
                          r"\bhanden\b"),
    "werkdruk": (r"\bwerkdruk", r"\bdruk\b", r"\btempo", r"\bdeadline", r"\bstress",
                 r"\bhectisch", r"\bhaast", r"\bte veel werk", r"\bproductie", r"\bprestatie",
                 r"\bhard werken", r"\bjachtig"),
    "werktijden": (r"\buren\b", r"\buur\b", r"\bdienst", r"\bnachtdienst", r"\bavonddienst",
                   r"\bonregelmatig", r"\brooster", r"\bfulltime", r"\bparttime", r"\bwerktijd",
                   r"\bploeg", r"\bweekend", r"\blange dagen", r"\bovertijd", r"\bovertuur"),
    "woon_werkverkeer": (r"\breis", r"\breiz", r"\bwoon[ -]?werk", r"\bfile\b", r"\bov\b",
                         r"\btrein", r"\bbus\b", r"\bautorij", r"\bauto rijden",
                         r"\bnaar (mijn |het )?werk (te )?(komen|fietsen|rijden)",
                         r"\bafstand", r"\bvervoer", r"\bparkeer"),
    "werkaanpassingen": (r"\bzelf (te )?(bepalen|indelen|regelen|kiezen)", r"\bregelruimte",
                         r"\bvrijheid", r"\binspraak", r"\bautonomie", r"\bflexibel",
                         r"\bthuiswerk", r"\bthuis werken", r"\baanpassing", r"\bander werk",
                         r"\bandere taken", r"\bhulpmiddel", r"\bwerkplek"),
    "werk_zoeken": WITHOUT_WORK + (r"\bsollicit", r"\bwerk zoeken", r"\bwerk vinden",
                                   r"\bbaan zoeken", r"\bbaan vinden", r"\bvacature",
                                   r"\bzonder werk", r"\bafgewezen"),
    "steun_werk": PEOPLE_AT_WORK + (r"\bop (het|mijn) werk snapt",),
    "steun_thuis": (r"\bthuisfront", r"\b(steun|hulp|begrip) (van |vanuit )?thuis\b",
                    r"\bthuis (snapt|snappen|begrijpt|begrijpen|steunt|steunen|helpt|"
                    r"helpen|moet|doe|is er|heb)", r"\b(en|maar) thuis\b",
                    r"\bpartner", r"\bmijn man\b", r"\bmijn vrouw\b", r"\bvriend", r"\bgezin",
                    r"\bkinderen", r"\bfamilie", r"\bouders", r"\bmantelzorg", r"\bhuishouden"),
    "openheid": (r"\bvertellen", r"\bvertel\b", r"\bweten (het )?niet", r"\bgeheim",
                 r"\bopen (zijn )?over", r"\bniemand weet", r"\bverzwijg", r"\bdurf"),
    "overbescherming": (r"\bbetuttel", r"\bbescherm", r"\bontzien", r"\boverbezorgd",
                        r"\bpamper", r"\bte voorzichtig", r"\bniets meer laten doen",
                        r"\bnergens meer voor gevraagd", r"\bniks meer laten doen"),
    "financien": MONEY + BENEFITS + (r"\bschuld", r"\brekening", r"\brondkomen", r"\btoeslag",
                                     r"\bhypotheek", r"\bhuur\b"),
    "rechten_plichten": (r"\brechten\b", r"\bplichten", r"\bpoortwachter", r"\bontslag",
                         r"\bcontract", r"\bwet\b", r"\bregels\b", r"\bmag (mijn )?werkgever",
                         r"\bwat mag"),
    "reintegratie": (r"\bre-?integratie", r"\bwie betaalt", r"\barbeidsdeskundige", r"\buwv\b",
                     r"\bterugkeer", r"\bopbouwen", r"\bweer (aan het )?werk",
                     r"\bziek ?gemeld", r"\bziek thuis", r"\bthuis ziek", r"\bverzuim"),
}

# Sounds that may open a skip ('eh, geen idee').
HESITATIONS = ("dat", "eh", "uh", "hmm", "sorry", "nou", "tja", "pff")
# A whole answer that passes on the question: 'weet ik niet', 'sla over', 'geen idee'.
SKIPS = (r"weet (ik )?(het |dat )?(nog |echt )?niet( goed)?", r"wet ik niet", r"geen idee",
         r"sla (deze )?(vraag )?over", r"overslaan", r"skip", r"pass", r"volgende( vraag)?",
         r"(wil|zeg) ik (liever )?niet( zeggen)?", r"liever niet( zeggen)?", r"geen antwoord",
         r"niet van toepassing", r"n\.?v\.?t\.?")

# A whole answer that says a topic is fine: 'nee', 'gaat goed', 'geen zorgen'.
FINE_ANSWERS = (r"nee", r"neen", r"nope", r"nee hoor", r"niet echt", r"nauwelijks",
                r"valt (wel )?mee", r"gaat (wel|goed|prima)", r"prima", r"goed", r"top", r"geen",
                r"niets", r"niks", r"helemaal niet", r"niet", r"nooit", r"niets bijzonders",
                r"niks bijzonders", r"geen problemen", r"geen zorgen")
# Phrases inside an answer that say it is fine ('niet zo moe', 'goede steun'), in the order
# they are taken out of the answer.
FINE_PHRASES = (
    r"\bgeen (zorgen|problemen|probleem|klachten|last|moeite|bijzonderheden)\b",
    r"\b(gaat|gaan|loopt) (eigenlijk |wel |best |heel )?(goed|prima|prettig)\b",
    r"\bvalt (eigenlijk |wel )?mee\b",
    r"\bniet (zo |echt |erg |heel |te |extra )?(moe|vermoeid|zwaar|druk)\b",
    r"\b(goede|genoeg|veel|fijne) (steun|hulp|begrip)\b",
    r"\b(steunen|helpen|begrijpen) (me|mij)( goed| heel goed| erg goed)?\b(?! niet)",
    r"\bniets bijzonders\b|\bniks bijzonders\b|\bniets aan de hand\b",
)
# Words that make a concern strong.
STRONG = whole("heel", "erg", "zo", "enorm", "ontzettend", "vreselijk", "super", "echt",
               "altijd", "steeds", "constant", "continu", "elke dag", "iedere dag") + EXHAUSTED + (
    r"\bniet meer\b", r"\b(veel )?te (veel|zwaar|druk|weinig|lang)\b",
    r"\bgeen (steun|begrip|hulp)\b", r"\bsnap(t|pen) (het|er) (echt )?niets?\b",
    r"\bbegrijp(t|en) (het|me|mij) niet\b", r"\bbang\b", r"\bgrote zorgen\b", r"\bpaniek")
# Words that make what is left of a 'fine' answer a concern after all.
PROBLEMS = whole("zwaar", "moeilijk", "lastig", "probleem", "zorgen", "bang", "stress", "pijn",
                 "moe", "valt tegen", "te veel", "te druk")

# Words that open a question ('hoe', 'mag', 'heb ik recht'), and that end one ('tips').
QUESTION_OPENERS = ("hoe", "wat", "wie", "waar", "wanneer", "waarom", "welke?", "mag", "moet",
                    "kan", "kun", "kunnen", "heb ik recht", "is het", "zijn er", "bestaat")
ASKING_ENDS = ("tips?", "advies")
# A story that ends in a question without a question mark: '..., wat kan ik doen'. The last
# sentence or clause opens with one of these (stronger than QUESTION_OPENERS: 'wat ik merk
# is ...' opens a sentence too).
LAST_CLAUSE_ASKS = (r"hoe (kan|moet|pak|ga|zorg|hou|houd|zeg|leg|vertel|krijg|vraag)",
                    r"wat (kan|moet|doe|zou|mag|kunnen|moeten) (ik|we|je)",
                    r"wat (nu|te doen|moet ik hiermee|kan ik hiermee)", r"wie (kan|moet|betaalt)",
                    r"waar (kan|moet) ik", r"welke \w+ (kan|moet|heb)", r"heb ik recht",
                    r"(mag|moet|kan) ik", r"(kun|kan|kunnen) (je|jullie|u)",
                    r"is (dat|het) (normaal|slim|verstandig|erg)", r"klopt (dat|het)")
# A short follow-up that narrows the last answer: 'en bij NAH?', 'geldt dat ook voor MS?'.
FOLLOW_UP_OPENERS = (r"(en|maar|ook)\s+(bij|voor|als|met|over|in|na)", r"wat als",
                     r"(geldt|werkt|helpt) dat ook", r"en hoe zit (dat|het)",
                     # 'wat kost het mij?', 'wie betaalt dat?': the cost of what was just said.
                     r"(en )?wat kost (het|dat|dit)", r"(en )?wie betaalt (het|dat|dit)")
# Words that link the clauses of a story ('ik ben moe en mijn baas snapt het niet').
CLAUSE_LINKS = ("en", "maar", "want", "omdat", "terwijl", "dus", "ook")
