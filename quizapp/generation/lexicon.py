"""General English word lists the rules rely on (not tied to any topic)."""

# Ordinal words, in order ("first" is 1).
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
)  # fmt: skip
# People who study the past (or a people) rather than act in it: "the historian X", "archaeologists found".
SCHOLARS = frozenset(
    {"historian", "scholar", "archaeologist", "economist", "egyptologist", "assyriologist", "sinologist",
     "anthropologist", "researcher", "epigrapher", "philologist", "antiquarian", "orientalist", "papyrologist",
     "numismatist", "historiographer", "demographer"}
)  # fmt: skip
# Titles of peers, who are named by them ("Lord Glasgow", "the Earl of Derby"): the word after is often a place.
PEERAGES = frozenset(
    {"lord", "lady", "earl", "duke", "duchess", "marquess", "marquis", "viscount", "baron", "baroness"}
)
# Titles and roles that stand before a name ("Foreign Minister Rathenau", "the pirate Klaus"); abbreviations without
# their full stop ("Capt. Thomas": compare ``word.rstrip(".")``).
TITLES = frozenset(
    {
        "general",
        "gen",
        "col",
        "capt",
        "lt",
        "commodore",
        "doctor",
        "prof",
        "ms",
        "judge",
        "reverend",
        "rev",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "admiral",
        "marshal",
        "sergeant",
        "minister",
        "commissar",
        "commissioner",
        "president",
        "chancellor",
        "king",
        "queen",
        "emperor",
        "tsar",
        "czar",
        "prince",
        "princess",
        "duke",
        "count",
        "baron",
        "lord",
        "sir",
        "mr",
        "mrs",
        "dr",
        "professor",
        "pope",
        "bishop",
        "secretary",
        "ambassador",
        "governor",
        "mayor",
        "senator",
        "premier",
        "pilot",
        "engineer",
        "inventor",
        "architect",
        "commander",
        "officer",
        "envoy",
        "representative",
        "leader",
        "chief",
        "dictator",
        "explorer",
        "writer",
        "historian",
        "pirate",
        "merchant",
        "diplomat",
        "viceroy",
        "sultan",
        "khan",
        "shah",
        "pharaoh",
        "caliph",
        "poet",
        "painter",
        "scientist",
        "philosopher",
        "priest",
        "monk",
        "saint",
        "rebel",
        "soldier",
        "physician",
        "composer",
        "author",
        "journalist",
        "activist",
        "missionary",
        "navigator",
        "contractor",
        "banker",
        "industrialist",
        "economist",
        "statesman",
        "politician",
        "regent",
    }
)

# Nouns that name a person by what they are or do, beyond TITLES ("a church member", "the reforming official"); an
# agent ending ("organiser", "geologist", "lieutenant") says a person too (see ``candidates.matching``).
PERSON_NOUNS = frozenset(
    {
        "member", "head", "official", "boy", "girl", "man", "woman", "dauphin", "radical", "noble",
        "courtier", "clerk", "scholar", "student", "pupil", "monarch", "ruler", "sheikh", "emir", "chieftain",
        "nun", "abbot", "abbess", "cardinal", "deacon", "friar", "knight", "squire", "serf", "slave", "captive",
        "nurse", "doctor", "surgeon", "chemist", "curate", "vicar", "rabbi", "imam", "bard", "guide", "judge",
        "consul", "tribune", "legate", "nuncio", "delegate", "deputy", "aide", "agent", "spy", "scout", "cook",
        "chef", "tailor", "smith", "mason", "sculptor", "orphan", "veteran", "recruit", "cadet",
    }
)  # fmt: skip

# Words of kinship: "the daughter of X" says whose child someone was, not what they did.
KINSHIP = frozenset(
    {
        "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "widow", "widower",
        "grandson", "granddaughter", "grandfather", "grandmother", "nephew", "niece", "uncle", "aunt", "cousin",
        "child", "children", "stepson", "stepdaughter", "stepfather", "stepmother", "heir", "sibling", "parent",
    }
)  # fmt: skip

# Last words that make a name a route, a structure or an object: "the Sacred Way", "the Bayeux Tapestry", "the
# Ishtar Gate". Such a name is neither a settlement nor a person, whatever the model read.
ROUTE_AND_OBJECT_WORDS = frozenset(
    {
        "way", "road", "street", "avenue", "lane", "boulevard", "highway", "trail", "route", "path", "gate", "gates",
        "bridge", "wall", "walls", "aqueduct", "canal", "railway", "railroad", "tapestry", "altarpiece", "codex",
        "manuscript", "chronicle", "chronicles", "stone", "stele", "map", "mechanism", "mosaic", "fresco", "statue",
        "tablet", "tablets", "scroll", "scrolls", "book", "bible", "gospels", "psalter", "cylinder", "papyrus", "sword",
        "crown", "throne", "vase", "helmet", "hoard", "treasure", "inscription", "column", "obelisk", "arch",
    }
)  # fmt: skip

# Heads of names of buildings and sites: "the British Museum", "Christiansborg Castle" are where things happen.
FACILITY_WORDS = frozenset(
    {
        "museum", "library", "gallery", "archive", "archives", "hospital", "observatory", "theatre", "theater",
        "prison", "castle", "palace", "cathedral", "abbey", "house", "hall", "dockyard", "yard", "station", "fort",
        "fortress", "tower", "bridge", "harbour", "harbor", "port", "airfield", "camp", "base", "works", "factory",
        "school", "university", "college", "church", "square", "grounds", "park", "office", "gaol", "jail", "field",
    }
)  # fmt: skip


# Nouns naming a place where work is done: only these are compared by field below ("tank production in X"
# and "a tank school in Y" are no rival accounts of one place).
FACILITY_HEADS = frozenset(
    {
        "school",
        "academy",
        "college",
        "course",
        "institute",
        "base",
        "camp",
        "centre",
        "center",
        "site",
        "plant",
        "factory",
        "works",
        "shipyard",
        "yard",
        "mine",
        "airfield",
        "aerodrome",
        "airport",
        "harbour",
        "harbor",
        "port",
        "station",
        "laboratory",
        "range",
        "ground",
        "depot",
        "arsenal",
        "workshop",
        "facility",
        "garrison",
    }
)

# What a facility works on, as its modifiers say it ("a poison gas factory", "the chemical base", "a flying
# school"): two accounts that each place one facility of a field somewhere else disagree on where it was.
# Fields of state, military and industrial history, not of any one article.
FACILITY_FIELDS: dict[str, str] = {
    **dict.fromkeys(("chemical", "gas", "poison", "toxic", "nerve", "mustard"), "chemical"),
    **dict.fromkeys(
        ("air", "aviation", "aircraft", "aeroplane", "airplane", "flight", "fly", "flying", "pilot", "aerial"),
        "aviation",
    ),
    **dict.fromkeys(("tank", "armoured", "armored", "panzer", "armour", "armor"), "armour"),
    **dict.fromkeys(("naval", "submarine", "navy", "shipbuilding", "torpedo"), "naval"),
    **dict.fromkeys(("nuclear", "atomic", "uranium", "plutonium"), "nuclear"),
    **dict.fromkeys(("rocket", "missile", "ballistic"), "rocketry"),
    **dict.fromkeys(("biological", "bacteriological", "germ"), "biological"),
    **dict.fromkeys(("artillery", "gunnery", "munitions", "ammunition", "explosives"), "artillery"),
}

# Words that say what a law's or an event's name names ("the Treaty of Rapallo", "the Civil War").
LAW_WORDS = frozenset(
    {
        "Treaty",
        "Pact",
        "Agreement",
        "Accord",
        "Accords",
        "Convention",
        "Protocol",
        "Act",
        "Charter",
        "Declaration",
        "Peace",
        "Edict",
        "Concordat",
        "Armistice",
    }
)
EVENT_WORDS = frozenset(
    {
        "War",
        "Battle",
        "Revolution",
        "Uprising",
        "Rebellion",
        "Crisis",
        "Siege",
        "Conference",
        "Congress",
        "Putsch",
        "Coup",
        "Revolt",
        "Campaign",
        "Offensive",
        "Operation",
        "Invasion",
        "Massacre",
    }
)
