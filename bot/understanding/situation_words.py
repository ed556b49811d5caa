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
        r"\bsloopt me", r"\bopgebrand", r"\bvermoeiend", r"\bgeen puf", r"\bslap\b",
        # 'aan het eind van de dag ben ik op' (not 'ik ben op zoek', 'ben ik op kantoor')
        r"\b(?:ik ben|ben ik) (?:helemaal |echt |compleet |totaal |gewoon )?op\s*(?:[.,;!]|$)"),
    "concentratie": (r"\bconcentr", r"\bgeheugen", r"\bvergeet", r"\bvergeetachtig", r"\bfocus",
                     r"\bprikkel", r"\bhoofd (zit )?vol", r"\bhersenmist", r"\bbrain ?fog",
                     r"\bdraad kwijt", r"\bonthoud", r"\bchemo ?brein", r"\bwazig\b",
                     r"\bmistig\b"),
    "fysieke_belasting": (r"\btill?en\b", r"\bsjouw", r"\bbukken", r"\bstaan\b", r"\blopen\b",
                          r"\blichamelijk", r"\bfysiek", r"\bpijn", r"\brug\b", r"\bgewricht",
                          r"\bzwaar werk", r"\bzware? taken", r"\bknie", r"\bschouder",
                          r"\bhanden\b"),
    "werkdruk": (r"\bwerkdruk", r"\bdruk\b", r"\btempo", r"\bdeadline", r"\bstress",
                 r"\bhectisch", r"\bhaast", r"\bte veel werk", r"\bproductie", r"\bprestatie",
                 r"\bhard werken", r"\bjachtig", r"\bvergader", r"\bmeetings?\b"),
    "werktijden": (r"\buren\b", r"\buur\b", r"\bdienst", r"\bnachtdienst", r"\bavonddienst",
                   r"\bde nachten\b", r"\bnachten (draaien|werken)", r"\bnachtwerk",
                   r"\bonregelmatig", r"\brooster", r"\bfulltime", r"\bparttime", r"\bwerktijd",
                   r"\bploegendienst", r"\b(twee|drie|vier|5)ploegen", r"\bin ploegen", r"\bweekend", r"\blange dagen", r"\bovertijd", r"\bovertuur",
                   r"\bshift", r"\bschema\b", r"\blate (dienst|ploeg)", r"\bslaapritme",
                   # 'laat werken en dan vroeg weer', ''s nachts thuiskomen'
                   r"\blaat (werken|doorwerken|thuis)", r"\bvroeg (weer|beginnen|eruit)",
                   r"'?s nachts (te )?(thuis|werken|door)", r"\btot (\w+ )?uur 's nachts"),
    "woon_werkverkeer": (r"\breis", r"\breiz", r"\bwoon[ -]?werk", r"\bfiles?\b", r"\bov\b",
                         r"\btrein", r"\bbus\b", r"\bautorij", r"\bauto rijden",
                         r"\bnaar (mijn |het )?werk (te )?(komen|fietsen|rijden)",
                         r"\bafstand", r"\bvervoer", r"\bparkeer",
                         # not allowed to drive ('rijbewijs kwijt' after a seizure)
                         r"\brijbewijs", r"\b(mag|kan) (\w+ )?niet (meer )?(auto ?)?rijden"),
    "werkaanpassingen": (r"\bzelf (te )?(bepalen|indelen|regelen|kiezen)", r"\bregelruimte",
                         r"\bvrijheid", r"\binspraak", r"\bautonomie", r"\bflexibel",
                         r"\bthuiswerk", r"\bthuis werken", r"\baanpassing", r"\bander werk",
                         r"\bandere taken", r"\bhulpmiddel", r"\bwerkplek",
                         # the work environment: what a workplace adjustment can change
                         r"\bstof(fig)?\b", r"\blawaai", r"\bherrie", r"\bgeluid",
                         r"\bwarmte\b", r"\bhitte\b", r"\bheet\b", r"\b\d+ graden",
                         r"\bte (warm|koud)\b", r"\bkou\b", r"\bkoud\b", r"\bvrieshal",
                         r"\bkoelcel", r"\bkantoortuin", r"\bopen kantoor", r"\btocht\b",
                         # the work as a whole got too heavy: adjust it, or other work
                         r"\b(werk|baan|functie|job)\b[^.,;?!]{0,40}\b(te )?zwaar",
                         # needs to get away from the work: toilet, breaks
                         r"\btoilet", r"\bwc\b", r"\bpauzes?\b", r"\bniet (zomaar )?weg\b"),
    "werk_zoeken": WITHOUT_WORK + (r"\bsollicit", r"\bwerk zoeken", r"\bwerk vinden",
                                   r"\bbaan zoeken", r"\bbaan vinden", r"\bvacature",
                                   r"\bzonder werk", r"\bafgewezen", r"\bwelk werk",
                                   r"\bwat voor werk", r"\bpassend werk", r"\baan de slag"),
    "steun_werk": PEOPLE_AT_WORK + (r"\bop (het|mijn) werk snapt",),
    "steun_thuis": (r"\bthuisfront", r"\b(steun|hulp|begrip) (van |vanuit )?thuis\b",
                    r"\bthuis (snapt|snappen|begrijpt|begrijpen|steunt|steunen|helpt|"
                    r"helpen|moet|doe|is er|heb)", r"\b(en|maar) thuis\b",
                    r"\bpartner", r"\bmijn man\b", r"\bmijn vrouw\b", r"\bvriend(in)?(en|nen)?\b",
                    r"\bgezin",
                    # own children and parents: a teacher's 'ouders die mailen' are not home
                    r"\b(mijn|m'?n|mn|onze|ons) (kinderen|kids|ouders)\b",
                    r"\bfamilie", r"\bmantelzorg", r"\bhuishouden"),
    "openheid": (r"\bvertellen", r"\bvertel\b(?! (maar|eens|op)\b)", r"\bweten (het )?niet",
                 r"\bgeheim",
                 r"\bopen (zijn )?over", r"\bniemand weet", r"\bverzwijg", r"\bdurf",
                 r"\bweet (\w+ )?niemand\b", r"\bschaam", r"\bhoe (hij|zij|ze|die) (zou|zal) "
                 r"reageren", r"\b(niks|niets) (ge)?(zegd|verteld)\b",
                 r"\b(weet|weten) (er |daar )?van (niks|niets)\b",
                 r"\b(weet|weten) (er|daar) (niks|niets) van\b",
                 # not knowing who knows, afraid someone finds out
                 r"\bwie (het|dat) (al )?(weet|weten)\b", r"\berachter (komt|komen|kwam|kwamen)\b"),
    "overbescherming": (r"\bbetuttel", r"\bbescherm", r"\bontzien", r"\boverbezorgd",
                        r"\bpamper", r"\bte voorzichtig", r"\bniets meer laten doen",
                        r"\bnergens meer voor gevraagd", r"\bniks meer laten doen",
                        # the people around want them to stop, or watch them too closely
                        r"\bwil(len|t)? (dat ik|me laten) stop", r"\bwil(len|t)? niet dat ik "
                        r"(nog )?(werk|ga werken|doorwerk)", r"\bwil(len|t)? dat ik thuis blijf",
                        r"\bbelt (me|mij) \d+ ?(x|keer)", r"\b(te|overdreven) bezorgd\b",
                        r"\bin de gaten\b",
                        # 'mijn vriend vindt dat ik helemaal moet stoppen met werken'
                        # (not 'dat ik moet stoppen met roken')
                        r"\b(vindt|vinden|zegt|zeggen)\b[^.,;?!]{0,20}\bdat ik\b[^.,;?!]{0,15}"
                        r"\b(moet|zou moeten) stoppen\b(?! met (?!(mijn |het )?werk))"),
    "financien": MONEY + BENEFITS + (r"\bschuld", r"\brekening", r"\brondkomen", r"\btoeslag",
                                     r"\bhypotheek", r"\bhuur\b"),
    "rechten_plichten": (r"\brechten\b", r"\bplichten", r"\bpoortwachter", r"\bontslag",
                         r"\beruit (te )?(werken|werkt|gooien|gooit|gegooid|zetten|zet)\b",
                         r"\bcontract", r"\bwet\b", r"\bregels\b", r"\bmag (mijn )?werkgever",
                         r"\bwat mag"),
    "reintegratie": (r"\bre-?integratie", r"\bwie betaalt", r"\barbeidsdeskundige", r"\buwv\b",
                     r"\bterugkeer", r"\bopbouwen", r"\bweer (aan het )?werk",
                     r"\bziek ?gemeld", r"\bziek thuis", r"\bthuis ziek", r"\bverzuim",
                     r"\bvalt (\w+ )?uit\b", r"\buitval"),
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
    r"\bgeen (zorgen|zorg|problemen|probleem|klachten|last|moeite|bijzonderheden)\b",
    # 'geld is niet t probleem'
    r"\b(is|zijn) (niet|geen) (het|t|'t) (probleem|punt)\b",
    # 'geld is het probleem niet', 'daar zit het niet': this topic is not where the problem is
    r"\b(is|zit) (het|hem|daar|dat) (probleem |grootste probleem )?niet\b(?! (zo )?(goed|lekker))",
    r"\bhet probleem niet\b",
    r"\b(moe|zwaar|druk|wisselend) (ben|is|zijn|wordt) (ik|het|dat)? ?niet\b",
    r"\b(niet|ni) (sneller|meer|vaker|erg|zo|echt) (moe|vermoeid)\b|\b(weer )?fit\b",
    r"\bgaat (het )?(veel |een stuk |alweer )?beter\b|\b(dus|verder) nee\b",
    r"\b(merk|last) (ik )?(er )?(eigenlijk )?(bijna )?(niks|niets) (meer )?van\b",
    r"\b(wisselt|schommelt) niet\b",
    r"\b(niks|niets) (te klagen|zwaars|bijzonders)\b|\bniets aan de hand\b",
    r"\b(gaat|gaan|loopt|lopen|is|zijn|zit|zitten|ben|voel) (het |dat |ik )?(eigenlijk |wel |best "
    r"|heel |gewoon |echt |helemaal |allemaal |alles )?(goed|goe|prima|prettig|ok|oke|in orde|"
    r"stabiel|geregeld|normaal|flexibel|te doen)\b",
    r"\b(goed|prima) (te doen|geregeld|hoor)\b|\bkan niet beter\b|\buitstekend\b",
    # 'ik heb op dit moment geen werkgever': no one at work to be supported by
    r"\b(heb|heeft) (\w+ ){0,4}geen (werkgever|baas|leidinggevende|werk)"
    r"(\s*$|\s*[.,;!]|\s+(meer|dus|en)\b)",
    r"\bvalt (eigenlijk |wel |goed |goe )?mee\b",
    r"\bniet (zo |echt |erg |heel |te |extra )?(moe|vermoeid|zwaar|druk)\b",
    r"\b(goede|genoeg|veel|fijne) (steun|hulp|begrip)\b",
    r"(?<!niemand )(?<!nooit )\b(steun(t|en)|help(t|en)|begrijp(t|en)) (me|mij)( goed| heel goed"
    r"| erg goed| heel erg| erg| enorm)?\b(?! niet)",
    r"\b(denkt|denken) (echt |goed |heel goed )?mee\b|\brekening met (me|mij)\b",
    r"\bstaa?t(en)? achter (me|mij)\b|\b(voel me|ben) gesteund\b|\bbegripvol\b",
    r"\b(kom|herstel) (ik )?(prima|goed|snel|goe) (bij|op)?\b",
    r"\b(bepaal|deel|regel) (ik )?zelf\b|\bmag (ik )?zelf\b|\bkan (ik )?(mijn|mn) eigen\b",
    r"(?<!niet )\b(lief|lieve|fijn|toffe?|top|super|geweldig|warm bad)\b(?! (weinig|slecht))",
)
# A 'no' to the question opens the answer: 'nee hoor, werk is prima', 'niks eigenlijk'.
NO_OPENERS = (r"nee", r"neen", r"nope", r"nee hoor", r"niet echt", r"niet zo(veel)?", r"niks",
              r"niets", r"weinig", r"nauwelijks", r"niet dat ik weet", r"zwaar is het niet")
# Turns an answer around after a 'no': 'nee, maar de reis is zwaar'.
CONTRASTS = whole("maar", "wel", "alleen", "behalve", "toch", "behalve dat")
# A bare yes to 'ben je vaak moe?' / 'maak je je zorgen?': a concern without words for it.
AFFIRMATIVES = (r"(ja+|jep|zeker|soms+|af en toe|best wel|vaak|regelmatig|wisselend|het wisselt|"
                r"wisselt|een beetje|beetje|alles)( (wel|hoor|zeker|erg|heel erg|vaak|eigenlijk|"
                r"soms))*",)
# Words that make a concern strong.
INTENSIFIERS = whole("heel", "erg", "zo", "enorm", "ontzettend", "vreselijk", "super", "echt",
                     "altijd", "steeds", "constant", "continu", "elke dag", "iedere dag")
STRONG_PROBLEMS = EXHAUSTED + (
    r"\bniet meer\b", r"\b(veel )?te (veel|zwaar|druk|weinig|lang)\b",
    r"\b(geen|weinig|niet echt|niet genoeg|te weinig)( echt)?( veel| genoeg)? "
    r"(steun|begrip|hulp|energie|geld|inkomen)\b", r"\bsnap(t|pen) (het|er) (echt )?niets?\b",
    r"\bbegrijp(t|en) (het|me|mij) niet\b", r"\bbang\b", r"\bgrote zorgen\b", r"\bpaniek")
STRONG = INTENSIFIERS + STRONG_PROBLEMS
# Words that make what is left of a 'fine' answer a concern after all.
PROBLEMS = whole("zwaar(der)?", "moeilijk(er)?", "lastig(er)?", "probleem", "problemen", "zorgen",
                 "bang", "stress", "pijn", "moe", "valt tegen", "te veel", "te druk", "slechte?r?",
                 "erger", "ben (ik )?(helemaal |echt |compleet )?op", "(niks|niets) meer over",
                 "(val|lig) (ik )?(compleet |helemaal |gewoon )?(stil|plat)", "ni(et)? normaal meer", "kapot", "niet te doen", "krap", "schulden",
                 "tekort", "kan beter", "spannend", "eng", "dreig\\w*", "alleen voor",
                 "doe[tn]? er (niks|niets) mee", "snap\\w* (er )?(niks|niets|weinig) van",
                 "verdien\\w* (ik )?(dan )?(gewoon )?(niks|niets|minder|weinig)",
                 # being protected too much is a problem in itself ('lief maar overbezorgd')
                 "overbezorgd", "betuttel\\w*", "(be)?scherm\\w* (me|mij) te veel")
# 'energie is het probleem niet, het is de pijn': this topic is fine, whatever follows.
# ('ni', 'nie': Flemish 'niet')
NOT_HERE = (r"\b(is|zit) (het|hem|daar|dat) (probleem |grootste probleem )?(niet|nie|ni)\b",
            r"\bhet probleem (niet|nie|ni)\b", r"\b(is|zit) (niet|nie|ni) het (grootste )?probleem",
            r"\b(moe|zwaar|druk) (ben|is) (ik|het) niet\b")
# Negations that make an answer without a problem word a concern: 'niemand snapt het'.
NEGATIONS = whole("niet", "geen", "niemand", "nooit", "nergens")

# Words that open a question ('hoe', 'mag', 'heb ik recht'), and that end one ('tips').
QUESTION_OPENERS = ("hoe", "wat", "wie", "waar", "wanneer", "waarom", "welke?", "mag", "moet",
                    "kan", "kun", "kunnen", "heb ik recht", "is het", "zijn er", "bestaat")
ASKING_ENDS = ("tips?", "advies")
# A story that ends in a question without a question mark: '..., wat kan ik doen'. The last
# sentence or clause opens with one of these (stronger than QUESTION_OPENERS: 'wat ik merk
# is ...' opens a sentence too).
LAST_CLAUSE_ASKS = (r"hoe (kan|moet|pak|ga|zorg|hou|houd|zeg|leg|vertel|krijg|vraag|gaan|gaat|doen|"
                    r"doet|regel|regelen|plan|plannen|los|lossen|zit)", r"waarom \w+",
                    r"wat (kan|moet|doe|zou|mag|kunnen|moeten) (ik|we|je)",
                    r"wat (nu|te doen|moet ik hiermee|kan ik hiermee)", r"wie (kan|moet|betaalt)",
                    r"waar (kan|moet) ik", r"welke \w+ (kan|moet|heb)", r"heb ik recht",
                    r"(mag|moet|kan) ik", r"(kun|kan|kunnen) (je|jullie|u)",
                    r"is (dat|het) (normaal|slim|verstandig|erg)", r"klopt (dat|het)")
# An indirect question anywhere in the message: '... maar heb geen idee waar ik advies over
# zulke aanpassingen haal', 'ik vraag me af of dat mag'.
INDIRECT_ASKS = (r"(geen|weinig|geen flauw) idee (waar|hoe|wat|wie|welke|wanneer)\b",
                 r"weet (ik )?(niet|nie) (goed )?(waar|hoe(?! lang)|wat|wie|welke|wanneer)\b",
                 r"vraag (ik )?me af\b",
                 r"(wil|zou) (ik )?(graag )?(willen )?weten (hoe|wat|waar|wie|welke|of)\b",
                 r"benieuwd (hoe|wat|waar|wie|welke|of|naar)\b",
                 # a belief put up for checking: 'ik dacht dat dat pas was als je lang ziek bent'
                 r"dacht (altijd |eigenlijk |juist )?dat (dat|dit|het|je|dat je|die|de \w+)\b"
                 r"[^.!?]{0,40}\b(pas|alleen|mag|mocht|moet|moest|hoeft|hoefde|verplicht)\b")
# A short follow-up that narrows the last answer: 'en bij NAH?', 'geldt dat ook voor MS?'.
FOLLOW_UP_OPENERS = (r"(en|maar|ook)\s+(bij|voor|als|met|over|in|na)", r"wat als",
                     r"(geldt|werkt|helpt) dat ook", r"en hoe zit (dat|het)",
                     # 'wat kost het mij?', 'wie betaalt dat?': the cost of what was just said.
                     r"(en )?wat kost (het|dat|dit)", r"(en )?wie betaalt (het|dat|dit)")
# Words that link the clauses of a story ('ik ben moe en mijn baas snapt het niet').
CLAUSE_LINKS = ("en", "maar", "want", "omdat", "terwijl", "dus", "ook")

# The job itself at risk ('bang dat ik mijn werk kwijtraak als ik niet meer mag rijden'): the
# sources' route for work that no longer fits (another function, training) belongs in the plan.
JOB_AT_RISK = (r"\b(werk|baan|job) (kwijt|verlies|verliezen)", r"\bontslagen\b",
               r"\bontslag (krijg|krijgen|dreigt)",
               r"\bniet meer (mag|mogen|kan|kunnen) (rijden|werken)",
               r"\b(mijn|dit|het) (werk|vak|beroep|functie|job) niet meer (kan|kunnen|doen|aan)",
               r"\bkan (mijn|dit|het) (werk|vak|beroep|functie|job) niet meer")
