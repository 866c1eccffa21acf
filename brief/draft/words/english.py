"""The English words drafting reads by, written out in full (the base of French and German).

In: nothing. Out: `ENGLISH`, a `Words` table.
"""

from __future__ import annotations

from brief.draft.words.vocabulary import Words, words

_EN_SPEECH = (
    "said says say saying told tells added adds explained explains stated noted "
    "wrote writes asked asks answered replied replies responded responds recalled recalls "
    "affirmed affirms insisted insists argued argues claimed declared declares "
    "announced announces warned warns continued continues began begins concluded concludes "
    "admitted admits acknowledged acknowledges confirmed confirms commented "
    "remarked testified testifies urged urges stressed stresses emphasized "
    "emphasised elaborates elaborated observed observes suggested suggests predicted "
    "tweeted posted joked cautioned vowed promised agreed"
)
_EN_CLOSED = (
    "a an the this that these those it its he she his her they their them we our us you your "
    "i my me and or but nor so yet for of in on at by to from with without into onto over "
    "under after before during since until while when where why how what which who whom "
    "whose if then than as also about across against along among around because despite "
    "though although however meanwhile moreover instead still just even only not no yes "
    "there here all any both each every few many most other some such more less last next "
    "new one two three four five six seven eight nine ten first second third according "
    "say what's let view read see click share follow watch listen subscribe sign"
)

ENGLISH = Words(
    speech=frozenset(_EN_SPEECH.split()),
    according=("according to",),
    he=frozenset({"he"}),
    she=frozenset({"she"}),
    it=frozenset(
        {
            "it",
            "they",
            "the organization",
            "the organisation",
            "the company",
            "the agency",
            "the group",
            "the department",
            "the ministry",
            "the charity",
            "the foundation",
            "the nonprofit",
            "the office",
            "the government",
        }
    ),
    male=frozenset(
        [
            "mr",
            "mr.",
            "sir",
            "lord",
            "king",
            "prince",
            "father",
            "brother",
            "son",
            "husband",
            "spokesman",
            "chairman",
            "actor",
            "businessman",
            "congressman",
            "sr.",
            "señor",
        ]
    ),
    female=frozenset(
        [
            "mrs",
            "mrs.",
            "ms",
            "ms.",
            "miss",
            "lady",
            "dame",
            "queen",
            "princess",
            "mother",
            "sister",
            "daughter",
            "wife",
            "spokeswoman",
            "chairwoman",
            "actress",
            "businesswoman",
            "congresswoman",
        ]
    ),
    org=frozenset(
        [
            "department",
            "ministry",
            "agency",
            "organization",
            "organisation",
            "council",
            "association",
            "university",
            "college",
            "school",
            "hospital",
            "inc",
            "inc.",
            "ltd",
            "ltd.",
            "corp",
            "corp.",
            "company",
            "police",
            "service",
            "services",
            "office",
            "commission",
            "committee",
            "foundation",
            "institute",
            "bureau",
            "party",
            "government",
            "union",
            "bank",
            "fund",
            "program",
            "programme",
            "news",
            "times",
            "post",
            "press",
            "network",
            "court",
            "senate",
            "congress",
            "parliament",
            "administration",
            "authority",
            "church",
            "army",
            "navy",
            "force",
            "forces",
            "group",
            "center",
            "centre",
            "society",
            "trust",
            "club",
            "nations",
            "un",
            "fbi",
            "cdc",
            "who",
            "capital",
            "county",
            "district",
            "partners",
            "board",
            "house",
        ]
    ),
    closed=frozenset(_EN_CLOSED.split()),
    connectors=frozenset(["of", "for", "the", "and", "&", "de", "la", "del"]),
    months={
        name: number
        for number, names in enumerate(
            (
                "january jan",
                "february feb",
                "march mar",
                "april apr",
                "may",
                "june jun",
                "july jul",
                "august aug",
                "september sept sep",
                "october oct",
                "november nov",
                "december dec",
            ),
            start=1,
        )
        for name in names.split()
    },
    weekdays={
        name: number
        for number, name in enumerate(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        )
    },
    hedges=(
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "according to",
        "is said to",
        "are said to",
        "is believed to",
        "are believed to",
        "claimed",
        "estimated",
        "an estimated",
    ),
    age_words=("aged", "age", "-year-old", " years old", "-years-old"),
    told=(
        "told",
        "said in an interview with",
        "in an interview with",
        "reported by",
        "according to",
        "as reported by",
        "said to",
    ),
    offices=words(
        "secretary director administrator president minister senator governor mayor chief "
        "commissioner chairman chairwoman chair spokesman spokeswoman spokesperson dr professor "
        "judge attorney ambassador general officer captain sheriff superintendent manager "
        "representative rep sen gov ceo founder co-founder engineer economist analyst lawyer "
        "scientist researcher nurse coach editor reporter inspector agent detective "
        "lieutenant sergeant colonel major deputy executive head adviser advisor aide counsel "
        "leader prosecutor lawmaker legislator councillor councilor councilman councilwoman "
        "premier chancellor dean principal treasurer commander coordinator official"
    ),
    determiners=words("the a an its his her their our"),
    links=words("of for at to in"),
    relative_days={"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0},
    verb_endings=("ed", "ly"),
    auxiliaries=words(
        "am is are was were be been being has have had do does did will would "
        "shall should can could might must"
    ),
)
