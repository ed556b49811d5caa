"""The one vocabulary of the understanding layer: words and word patterns that rules read.

Patterns are regular-expression fragments on folded text (lowercase, accents removed, see
`knowledge.text.fold`) unless a name says otherwise. Every rule in `bot/understanding/`,
`knowledge/situation.py` and `actions/` takes its words from here; no other module keeps
its own word list.
"""
from __future__ import annotations

import re


# --- Safety and medical words (read by crisis_patterns.py and medical.py) ---------------------

# Words people put in between: 'ik wil gewoon dood', 'ik zie het echt niet meer zitten'.
FILLERS = (r"(?:(?:graag|gewoon|echt|liever|het liefst|eigenlijk|soms|zo|ook|al|nu|"
           r"nog|alleen|maar) )*")
# Means of an overdose.
MEANS_OF_HARM = (r"(pillen|pilletjes|tabletten|medicijnen|medicatie|slaappillen|slaapmiddel\w*|"
                 r"paracetamol\w*|oxazepam|temazepam|diazepam|lorazepam|oxycodon\w*|tramadol|"
                 r"morfine|insuline|antidepressiva|pijnstillers|xanax|ibuprofen)")
# 'al mijn', 'een hele strip', 'twintig', '30': an amount far beyond a dose.
LARGE_AMOUNT = (r"(al (mijn|m'n|mn|die|de|zijn|haar)|alle|een (hele |volle )?(strip|doos|doosje|"
                r"pot|potje|fles|flesje|handvol|lading)|strips|handvol|heel veel|te veel|teveel|"
                r"een hoop|veel te veel|\d{2,}|\w+tig|tien|elf|twaalf|vijftien)")
# People around someone at work or at home (the subject of 'wil er een eind aan maken').
PEOPLE_AROUND = (r"collega\w*|partner|man|vrouw|vriend\w*|zoon|dochter|kind\w*|vader|moeder|"
                 r"broer|zus|werknemer\w*|medewerker\w*|personeelslid|buurman|buurvrouw|"
                 r"teamlid|stagiair\w*|leerling|client|klant|schoonmoeder|schoonvader|ex")
# Medicines and treatments: a question about these belongs with a doctor or pharmacist.
MEDICINES = (r"(medicijn\w*|medicatie|pil(len)?|tablet(ten)?|pijnstiller\w*|paracetamol|"
             r"ibuprofen|diclofenac|naproxen|prednison\w*|methotrexaat|mtx|insuline|"
             r"antidepressiva|antidepressivum|ssri\w*|ritalin\w*|morfine|oxycodon\w*|tramadol|"
             r"slaapmiddel\w*|slaappil\w*|biological\w*|humira|adalimumab|dosis|dosering|"
             r"zetpil\w*|spuit(en)?|injectie\w*|inhalator\w*|puffer\w*)")
# Illnesses and symptoms someone may ask a diagnosis for ('heb ik misschien ME?').
ILLNESSES = (r"(burn-?out|depressie|depressief|me|me/cvs|cvs|ms|reuma|fibromyalgie|diabetes|"
             r"suikerziekte|kanker|long ?covid|adhd|add|autisme|artrose|hernia|astma|copd|"
             r"parkinson|epilepsie|migraine|crohn|colitis|overspannen\w*|hartinfarct|"
             r"hartaandoening|ziekte|aandoening|iets ernstigs|iets ergs|tumor|ontsteking|"
             r"lyme|bechterew|psoriasis|angststoornis|bipolair|schizofrenie|dementie|"
             r"allergie|infectie|virus)")
# Symptoms ('wat kan dit zijn, die tintelingen?').
SYMPTOMS = (r"(pijn|tinteling\w*|duizelig\w*|hoofdpijn|klachten|vlekken|bult|zwelling|"
            r"hartkloppingen|koorts|uitslag|jeuk|trillen|trillingen|benauwd\w*)")

# --- Privacy words (read by privacy.py) -------------------------------------------------------

# Others who may hold someone's data: 'mag mijn werkgever mijn gegevens verwijderen?' is a
# question about them, never a command to erase this conversation.
OTHERS_WHO_HOLD_DATA = (r"werkgever|bedrijfsarts|arbodienst|arbo|uwv|leidinggevende|baas|manager|"
                        r"verzekeraar|huisarts|arts|casemanager|gemeente|dossier|verzuimdossier|hr|"
                        r"personeelszaken|collega'?s?")


# --- People, tiredness, money and roles (read by cues.py, situation_words.py) -------------
# These are tuples of fragments. A fragment carries its own word boundaries: \b before a word
# start, \b after a word that must end there ('moe' is not 'moeder'); an open end allows
# inflection ('collega' also finds 'collega's').


def one_of(fragments) -> str:
    """One pattern matching any of the fragments: '(?:a)|(?:b)'."""
    return "|".join(f"(?:{fragment})" for fragment in fragments)


def any_of(fragments, whole_words: bool = False) -> "re.Pattern[str]":
    """The compiled pattern for any of the fragments; with whole_words, only as whole words."""
    pattern = one_of(fragments)
    return re.compile(rf"\b(?:{pattern})\b" if whole_words else pattern)


def whole(*words: str) -> tuple:
    """Fragments for words (or word patterns) that must stand alone."""
    return tuple(rf"\b{word}\b" for word in words)


# Who leads someone's work: also the titles an employer introduces themselves with.
LEADERS = (r"\bleidinggevende", r"\bmanager", r"\bteamleider")
# What workers call the one who leads them ('chef' is also a cook: no employer title).
BOSSES = LEADERS + whole("baas", "chef", "directeur", "directrice", "lg", "ploegbaas",
                         "afdelingshoofd")
EMPLOYER = (r"\bwerkgever",)
STAFF_DEPARTMENT = whole("hr", "p&o")
COLLEAGUES = (r"\bcollega",)
# Everyone at work who supports a worker, or fails to.
PEOPLE_AT_WORK = BOSSES + COLLEAGUES + EMPLOYER + STAFF_DEPARTMENT
# An employer's staff as employers name them ('mijn medewerker').
STAFF = (r"\bmedewerker", r"\bmedewerkster", r"\bwerknemer", r"\bpersoneelslid", r"\bpersoneel")

# Being worn out: tired in words that already say it is bad.
EXHAUSTED = (r"\bdoodmoe", r"uitgeput", r"\bkapot\b", r"\bgesloopt", r"\buitgeteld",
             r"\bafgepeigerd", r"\bbekaf\b")
# Being tired ('moe', 'doodmoe', 'hondsmoe'); EXHAUSTED says it stronger.
TIRED = (r"moe\b", r"\bmoeheid", r"\bvermoeid")

# Money and income.
MONEY = (r"\bgeld", r"\binkomen", r"\binkomsten", r"\bloon\b", r"\bsalaris", r"\bfinancie",
         r"\bminder verdienen")
# Benefits for people without work.
JOBLESS_BENEFITS = (r"\bww\b", r"\bbijstand")
BENEFITS = JOBLESS_BENEFITS + (r"\buitkering", r"\bwia\b", r"\bwajong", r"\bziektewet")
# Having no work, or looking for it.
WITHOUT_WORK = (r"\bwerkloos", r"\bgeen werk\b", r"\bgeen baan", r"\bzoek (naar )?werk",
                r"\bgeen werkgever", r"\b(baan|werk|job) kwijt(geraakt)?\b(?! te raken)",
                r"\bben (ik )?ontslagen",
                r"\bzoek (ik )?(iets anders|ander werk|een (nieuwe |andere )?(baan|job))",
                # nobody hires them: 'niemand neemt me aan', 'ik word nergens aangenomen'
                r"\b(neemt|nemen) (me|mij) (niet |nergens )?aan\b",
                r"\b(word|wordt) (\w+ )?(niet|nergens) aangenomen")

# Words that name an interview topic: 'mijn antwoord over geld klopt niet'.
TOPIC_NAMES = {
    "aandoening": (r"aandoening", r"ziekte", r"diagnose", r"ziek\b"),
    "energie": (r"energie",) + TIRED,
    "werkbelasting": (r"\bwerk\b", r"werkbelasting", r"belasting", r"zwaar"),
    "steun": (r"steun", r"thuis") + PEOPLE_AT_WORK,
    "financien": MONEY + BENEFITS,
}

# 'Who are you' answers without a role word from the lookup table ('ik werk als kok'), per
# role, the first that matches wins. Matched as whole words.
ROLE_PHRASES = {
    "werkgever": (r"personeel", r"werknemers in dienst", r"eigen (bedrijf|zaak)", r"eigenaar",
                  r"ondernemer", r"directeur") + LEADERS + STAFF_DEPARTMENT,
    "werkzoekende": WITHOUT_WORK + JOBLESS_BENEFITS + (r"zoek (naar )?een baan",
                                                       r"werkzoekend", r"sollicit\w*"),
    "werkende": (r"ik werk", r"werk als", r"werk bij", r"werk in", r"werknemer", r"in dienst",
                 r"heb (een )?(baan|job|werk)"),
}
# A question an employer asks: about their staff, as employer, or what it costs them.
EMPLOYER_ASKS = (rf"\b(?:mijn|onze|een) (?:{one_of(STAFF)})s?\b",
                 rf"\bals (?:{one_of(EMPLOYER + LEADERS)})\b",
                 r"\bwat kost\b.*\bmij\b",
                 # 'kleine wg hier', 'ik ben werkgever', 'ik wil iemand met diabetes aannemen'
                 r"\b(?:wg|werkgever) hier\b", r"\b(?:ik ben|wij zijn|als) (?:een )?(?:kleine )?wg\b",
                 r"\biemand\b.{0,25}\baan(?:nemen|te nemen)\b",
                 # 'een wn met reuma' (a worker never calls themself 'wn'), a job applicant
                 r"\b(?:mijn|onze|een|die|deze) wn\b", r"\b(?:een|onze|de) sollicitant",
                 # 'ik heb een schoonmaakbedrijf met 25 mensen', 'een van mijn vaste krachten'
                 r"\b(?:ik heb|wij hebben|we hebben|ik run|ik leid|eigenaar van) (?:een|ons|mijn)"
                 r" (?:klein )?\w*(?:bedrijf|zaak|winkel|bakkerij|onderneming|firma)\b",
                 r"\b(?:een|een van|eentje van|één van) (?:mijn|onze) (?:mensen|vaste krachten|"
                 r"krachten|jongens|meiden|operators|monteurs|chauffeurs)\b",
                 r"\b(?:mijn|onze) vaste krachte?n?\b",
                 r"\b\d+ (?:mensen|man|medewerkers|werknemers) in dienst\b")
# A professional introducing themself: 'BA: ...', 'als VA ...', 'ik ben arbeidsdeskundige'.
PROFESSIONAL_SELF = (r"^\W*(?:ba|va|ad)\s*[:,]", r"\b(?:als|ik ben|wij zijn|hier) (?:een )?"
                     r"(?:ba|va|ad|bedrijfsarts|verzekeringsarts|arbeidsdeskundige|"
                     r"casemanager|re-?integratiedeskundige)\b",
                     r"\b(?:ba|va|ad|bedrijfsarts|verzekeringsarts|arbeidsdeskundige) hier\b")
# Words of the profession itself: 'is daar evidence voor binnen de arbeidsgeneeskunde?' is a
# professional's question, also when it says 'een werknemer met long covid'.
PROFESSIONAL_WORDS = (r"\bevidence\b", r"\barbeidsgeneesk\w*", r"\bverzekeringsgeneesk\w*",
                      r"\bmijn spreekuur\b", r"\bop (het|mijn) spreekuur\b", r"\bbewijsniveau",
                      r"\bniveau [123]\b", r"\bprobleemanalyse\b", r"\bfml\b")
# A question a professional asks: about the guideline, evidence, clients or patients.
PROFESSIONAL_ASKS = whole("richtlijn", "evidence", "bewijs", "bewezen", "effectief",
                          "aanbeveling", "niveau", r"interventie\w*", r"client\w*",
                          r"patient\w*", "werknemers met", "werkenden met", r"risicogroep\w*",
                          "behandelaar opvragen", "gedeelde besluitvorming", "samen beslissen")
# The writer has the illness themself ('kreeg ik reuma', 'door mijn ms'): a worker or job
# seeker, whatever else the message names (a care worker's 'cliënt' makes no professional).
OWN_ILLNESS = (rf"\b(?:ik heb|heb ik|ik kreeg|kreeg ik|ik lijd aan|sinds mijn|door mijn|"
               rf"met mijn)\b.{{0,15}}\b{ILLNESSES}",
               # 'Crohn patient hier', 'ik ben zelf patiënt', 'als patiënt'
               r"\bpatiente?\s+hier\b", r"\b(?:ik ben|als|zelf)\b.{0,12}\bpatiente?\b",
               # speaks of their own work: 'op mijn werk', 'mijn leidinggevende'
               r"\b(?:op|naar) (?:mijn|m'?n|mn) werk\b",
               r"\b(?:mijn|m'?n|mn) (?:baas|leidinggevende|teamleider|manager|werkgever)\b")
# Asking where to go rather than what to do: organisations, coaches, fellow patients.
WHERE_TO_GO = (r"organisatie", r"vereniging", r"lotgeno", r"\bcoach\b", r"coach die zelf",
               r"stichting", r"instantie", r"waar kan ik (terecht|heen)", r"bij wie kan ik",
               r"wie kan (mij|me) helpen", r"\bclub\b", r"\bmet wie kan ik\b",
               r"\bwaar (vind|haal|lees) ik\b.{0,25}\b(info|informatie|hulp|steun)\b",
               r"\bwebsite")
# After the plan: which of it comes first ('wat eerst?', 'waar begin ik?', 'wat is het
# belangrijkste?').
FIRST_STEP = (r"\bwat (eerst|als eerste|het eerst)\b", r"\bwaar (moet ik |zal ik )?(mee )?"
              r"(begin|beginnen|starten|start) ?(ik|ik mee|mee)?\b",
              r"\bwat is (nu )?het belangrijkste\b", r"\bwat moet ik nu (eerst |als eerste )?doen\b",
              r"\bwat (moet|kan|zal|ga|doe) ik (nu )?(eerst|als eerste|het eerst)\b",
              r"\beerste stap\b", r"\bwat kan ik (nu )?het (beste|best) (eerst )?doen\b")
# Asking what to do, with no object of its own: 'wat kan ik als leidinggevende concreet doen?',
# 'hoe pak ik dit aan?' (after the plan: its advice not shown yet is the answer).
WHAT_TO_DO = (r"\bwat (kan|kun|moet|zou|mag) (ik|je|we|u)( \w+){0,4} doen\b\W*$",
              r"\bwat (ik|je|we|u)( \w+){0,4} (kan|kun|moet|zou|mag) doen\b\W*$",
              r"\bhoe (pak|ga) (ik|je|we|u) (dit|dat|het) (nu )?aan\b\W*$")
# A message that opens with yes ('ja, graag. vooral over ...'): the answer to an offer, with
# what they want most after it (cues.after_yes).
OPENS_WITH_YES = (r"^\W*(?:ja+|jaa+|jawel|jazeker|graag|oke?|okay|prima|zeker|doe maar|yes|yep|"
                  r"top)\b(?:\W+(?:graag|hoor|zeker|prima|dan|doe maar|please|svp|"
                  r"alsjeblieft|natuurlijk))*\W*")
# Asking for more of what was just given: 'wat kan ik nog meer doen?', 'nog andere tips?'.
ASKS_MORE = (r"\b(wat|welke?) (kan|moet|zou) ik (als \w+ )?(nog )?(meer|verder|anders)\b",
             r"\bnog (meer|andere|een paar) (tips|ideeen|ideetjes|adviezen|advies|dingen|opties)\b",
             r"\b(is|zijn) er nog (iets|meer|andere)\b", r"\bwat (nog|verder) nog\b",
             r"\bheb (je|u) nog (meer|andere|iets)\b", r"\bwat nog meer\b")
# At the start of a message: asking why a question is asked, or what it means.
ASKS_WHY = (r"wat bedoel je", r"hoe bedoel je", r"waarom (vraag|wil) je dat", r"hoezo",
            r"wat moet ik (hier )?(zeggen|invullen|antwoorden)")
# At the start of a message: asking what a word means or who someone is.
ASKS_MEANING = (r"wat (is|zijn|betekent|betekenen|doet|doen|houdt) ", r"wie (is|zijn) ",
                r"wat wordt (er )?bedoeld met ")
# The situation words (knowledge themes, skips, concern) are in situation_words.py.

# --- Safety: words that change what a danger word means (crisis_patterns.py) -----------------

# The words for suicide and self-harm themselves; a signal only in a personal sentence.
SUICIDE_WORDS = r"(zelfmoord\w*|su[iy]cid\w*|zelfdoding\w*|zelfbeschadig\w*)"
# Talking about the topic rather than about oneself or someone now.
TOPIC_TALK = (r"preventie|beleid|protocol|richtlijn|signalen|signaal|herken\w*|training|cursus|"
              r"folder|voorlichting|informatie over|bespreekbaar|omgaan met|wat zegt|wat moet ik "
              r"als werkgever|hoe ga ik om|hoe begeleid|hoe ondersteun|in het algemeen|"
              r"onderzoek|statistiek\w*|cijfers|meldcode|procedure|"
              # fiction and the news: 'in de serie pleegt een personage zelfmoord'
              r"personage|hoofdpersoon|hoofdrolspeler|acteur|actrice|docu\w*|"
              r"in (de|die|een|het|dat) (serie|film|boek|roman|toneelstuk|krantenartikel)")
# A sentence about the past is history, not an emergency now.
PAST_MARKERS = (r"vorig\w*|toen|destijds|geleden|gehad|had|vroeger|ooit|in \d{4}|"
                r"vorige (week|maand|keer)|afgelopen (jaar|maand)")
# Something that happens now and then is no emergency now ('ik heb soms pijn op de borst').
HABITUAL_MARKERS = (r"soms|vaak|regelmatig|af en toe|elke keer|meestal|wel eens|weleens|altijd|"
                    r"(elke|iedere) (maand|week|menstruatie|ongesteldheid)")

# --- Asking what to do (cues.asks_for_action; knowledge search prefers advice then) ----------
ASKS_ACTION = (r"\bwat (kan|kun|moet|zou|mag) (ik|je|we|jij|u)\b.{0,20}\b(doen|regelen|aanpakken)",
               r"\bhoe (pak|kan|moet|ga|zorg) (ik|je|we|u)\b", r"\bwat (helpt|werkt)\b",
               r"\btips?\b", r"\badvies\b", r"\bwat (raad|adviseer) (je|jij|u)\b",
               r"\bwaar begin ik\b", r"\bwat als\b", r"\bwat nu\b", r"\bwat moet ik\b",
               # options, solutions, recommendations or interventions asked for by name
               r"\b(mijn|de|welke|wat voor|zijn er|is er een) (opties|mogelijkheden|oplossing)",
               r"\boplossingen\b", r"\baanbeveling", r"\bwelke (interventie|maatregel|aanpak)",
               r"\bwat raadt?\b", r"\bhoe (plan|werk|hou|houd|regel) (ik|je|we|u)\b")

# --- Asking about rules, rights and schemes (cues.asks_about_rules; the laws and schemes the
# sources name are shown with the answer) ------------------------------------------------------
ASKS_RULES = (r"\bregeling", r"\bwet(ten|geving)?\b", r"\bregelgeving", r"\brecht op\b",
              r"\bmijn rechten\b", r"\bplichten\b", r"\bverplicht", r"\bpolis", r"\bverzeker",
              r"\bpoortwachter",
              r"\bwia\b", r"\bziektewet", r"\bwie betaalt\b", r"\bvergoed",
              # what absence costs an employer, and insuring against it
              r"\bwat kost", r"\bverzuimkosten", r"\bkosten van (het )?verzuim", r"\bindekken",
              r"\bloondoorbetaling", r"\bdoorbetal")

# --- Saying goodbye (rules: 'goodbye' needs one of these; 'ik heb MS' was read as goodbye) ---
GOODBYE_WORDS = (r"\bdoei", r"\bdoeg\b", r"\bdag\b", r"\bdaa+g",
                 r"\btot (ziens|later|de volgende|morgen|kijk|straks|nog)", r"\bik ben weg\b",
                 r"\baju", r"\blog uit\b", r"\bspreek je\b", r"\bbye\b", r"\bciao\b",
                 r"\bhoudoe\b", r"\bgroet", r"\bfijne (dag|avond|middag)", r"\bklaar\b",
                 r"\bgenoeg\b", r"\bervandoor\b", r"\bik (ga|stop|moet)\b", r"\bafsluiten",
                 r"\bdat was (het|alles)\b", r"\bbedankt\b", r"\bdank je\b", r"\bdanku\b",
                 r"\bslaap lekker\b", r"\bsalu", r"\bhoi hoi\b", r"\bbest(e)? wensen\b",
                 r"\bbeterschap\b", r"\btot (een|gauw)\b", r"\bsluit af\b", r"\bhou je goed\b",
                 r"\bga je goed\b", r"\bprettige\b", r"\bfijn weekend\b", r"\bgoe(i|d)e nacht\b",
                 r"\bwelterusten\b", r"\bvandoor\b", r"^\W*later\b", r"\bba+i+\b", r"\badios\b",
                 r"\bgedag\b", r"\bde mazzel\b")
# Goodbye words that also mean something else in a longer message ('de chemo is vorig jaar
# klaar', 'ik ga naar de bedrijfsarts'): a goodbye only in a short message.
GOODBYE_WEAK = (r"\bklaar\b", r"\bgenoeg\b", r"\bik (ga|stop|moet)\b", r"\bbedankt\b",
                r"\bdank je\b", r"\bdanku\b", r"\bprettige\b", r"\bvandoor\b")
GOODBYE_STRONG = tuple(w for w in GOODBYE_WORDS if w not in GOODBYE_WEAK)

# --- Correcting an earlier interview answer (rules: 'correct' needs these words) -------------
CORRECTION_WORDS = (r"\bantwoord", r"\bvergis", r"\bverkeerd", r"\bfout", r"\bbedoelde\b",
                    r"\bcorrigeer", r"\bcorrigeren\b", r"\bwijzig", r"\bingevuld\b",
                    r"\bgetypt\b", r"\btypfout", r"\banders invullen\b",
                    r"\bwat ik\b.{0,30}\b(zei|gezegd|schreef|antwoordde|invulde)\b",
                    r"\b(moet|moest) (het|dat) anders\b", r"\bhad ik (moeten|willen) zeggen\b",
                    r"\bklopt niet wat ik\b")

# --- The assistant's own domain: a message with these words is never out of scope ----------
DOMAIN_WORDS = (r"\brichtlijn", r"\bwerk", r"\bbaan\b", r"\bjob\b", r"\bbedrijfsarts",
                r"\barbo", r"\bre-?integr", r"\buitkering", r"\bwia\b", r"\bziektewet",
                r"\bcollega", r"\bleidinggevende", r"\bwerkgever", r"\bwerknemer",
                r"\bmedewerker", r"\bjobcoach", r"\binterventie", r"\bsupported employment",
                r"\bips\b", r"\baanpassing", r"\bverzuim", r"\bziek", r"\bklachten",
                r"\bbeperking", r"\bchronisch", r"\barbeidsdeskundige", r"\bverzekeringsarts",
                rf"\b{ILLNESSES}\b")
