"""The words drafting reads by, per language: speech verbs, pronouns, titles, organisation
words, months and weekdays, and the closed-class words that never start a name.

In: a language tag. Out: a `Words` table. English and Spanish are written out in full; French,
German and Portuguese have their own speech verbs, pronouns, offices, months, weekdays and
relative days over the English (or Spanish) rest; Arabic falls back to English words.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field


def words(text: str) -> frozenset[str]:
    """Return the set of space-separated words of `text`."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Words:
    """The vocabulary of one language, lower-cased."""

    speech: frozenset[str]  # verb forms introducing speech: said, says, told, dijo
    according: tuple[str, ...]  # "according to", "según"
    he: frozenset[str]  # subject pronouns for a man
    she: frozenset[str]
    it: frozenset[str]  # pronouns and phrases for an organisation
    male: frozenset[str]  # titles and nouns marking a man: mr, spokesman
    female: frozenset[str]
    org: frozenset[str]  # words that make a name an organisation's
    closed: frozenset[str]  # words that never begin a name
    connectors: frozenset[str]  # lower-case words inside names: of, de
    months: dict[str, int]
    weekdays: dict[str, int]  # Monday is 0
    hedges: tuple[str, ...]
    age_words: tuple[str, ...]  # "aged", "-year-old"
    told: tuple[str, ...]  # verbs crediting an outlet: "told CBS"
    offices: frozenset[str] = frozenset()  # titles before a name: secretary, director
    relative_days: dict[str, int] = field(default_factory=dict)  # today: 0, yesterday: -1
    verb_endings: tuple[str, ...] = ()  # after a counted noun, a word ending so is a verb or adverb


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
_ES_SPEECH = (
    "dijo dice decía afirmó afirma declaró declara explicó explica añadió añade agregó "
    "agrega aseguró asegura señaló señala indicó indica manifestó manifiesta sostuvo "
    "sostiene comentó comenta advirtió advierte recordó recuerda insistió insiste "
    "preguntó pregunta respondió responde contestó contesta admitió admite reconoció "
    "reconoce apuntó apunta destacó destaca subrayó subraya expresó expresa escribió "
    "escribe anunció anuncia denunció denuncia aclaró aclara concluyó concluye"
)
_ES_CLOSED = (
    "el la los las un una unos unas lo al del de en y o u pero sino que como con sin por "
    "para sobre entre desde hasta según durante tras ante bajo contra hacia mientras "
    "cuando donde porque aunque si este esta estos estas ese esa esos esas aquel él ella "
    "ellos ellas su sus nosotros yo tú mi no sí también además sin embargo ya más menos "
    "todo todos toda todas cada otro otra otros otras uno dos tres primer primera"
)

_EN = Words(
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
        "lieutenant sergeant colonel major deputy"
    ),
    relative_days={"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0},
    verb_endings=("ed", "ly"),
)

_ES = Words(
    speech=frozenset(_ES_SPEECH.split()),
    according=("según", "de acuerdo con", "de acuerdo a"),
    he=frozenset({"él"}),
    she=frozenset({"ella"}),
    it=frozenset(
        {
            "la organización",
            "la empresa",
            "la agencia",
            "el ministerio",
            "el gobierno",
            "la fundación",
            "el grupo",
        }
    ),
    male=frozenset(
        [
            "sr",
            "sr.",
            "señor",
            "don",
            "portavoz",
            "presidente",
            "ministro",
            "actor",
            "padre",
            "hijo",
        ]
    ),
    female=frozenset(
        [
            "sra",
            "sra.",
            "señora",
            "doña",
            "portavoz",
            "presidenta",
            "ministra",
            "actriz",
            "madre",
            "hija",
        ]
    ),
    org=frozenset(
        [
            "ministerio",
            "agencia",
            "organización",
            "organizacion",
            "consejo",
            "asociación",
            "universidad",
            "colegio",
            "hospital",
            "empresa",
            "policía",
            "servicio",
            "oficina",
            "comisión",
            "comité",
            "fundación",
            "instituto",
            "partido",
            "gobierno",
            "unión",
            "banco",
            "fondo",
            "programa",
            "tribunal",
            "senado",
            "congreso",
            "parlamento",
            "ejército",
            "grupo",
            "centro",
            "sociedad",
            "naciones",
            "onu",
            "fao",
            "cruz",
            "confederación",
            "federación",
            "ayuntamiento",
            "junta",
            "diputación",
            "sindicato",
        ]
    ),
    closed=frozenset(_ES_CLOSED.split()),
    connectors=frozenset(["de", "del", "la", "las", "los", "y", "para"]),
    months={
        name: number
        for number, name in enumerate(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            start=1,
        )
    }
    | {"setiembre": 9},
    weekdays={
        name: number
        for number, name in enumerate(
            ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
        )
    },
    hedges=("supuestamente", "al parecer", "según", "presuntamente", "se estima", "estimado"),
    age_words=("de edad", " años de edad", "-años"),
    told=("dijo a", "declaró a", "en una entrevista con", "según", "informó"),
    offices=words(
        "secretario secretaria director directora administrador presidente presidenta "
        "ministro ministra senador senadora gobernador gobernadora alcalde alcaldesa jefe "
        "jefa portavoz doctor doctora dr dra profesor profesora juez jueza embajador "
        "embajadora fiscal"
    ),
    relative_days={"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2},
    verb_endings=("aron", "ieron", "aban", "ían", "ó", "ará", "erá", "irá"),
)


@functools.cache
def _phrases(text: str) -> frozenset[str]:
    """Return the comma-separated phrases of `text`."""
    return frozenset(part.strip() for part in text.split(","))


def _months(names: str) -> dict[str, int]:
    """Number the months named in order, several spellings of one month joined by `/`."""
    return {
        name: number
        for number, month in enumerate(names.split(), start=1)
        for name in month.split("/")
    }


def _weekdays(names: str) -> dict[str, int]:
    return {name: number for number, day in enumerate(names.split()) for name in day.split("/")}


#: French, German and Portuguese: the words attribution and dates need; organisation words,
#: closed words and hedges are the English ones with a few of their own.
_FR = dataclasses.replace(
    _EN,
    speech=words(
        "dit déclaré déclare affirmé affirme expliqué explique ajouté ajoute souligné "
        "souligne indiqué indique précisé précise estimé estime assuré assure confié confie "
        "raconté raconte répondu répond averti avertit"
    ),
    according=("selon", "d'après", "d’après"),
    he=words("il"),
    she=words("elle"),
    it=_phrases("l'organisation, l’organisation, le ministère, le gouvernement, l'agence"),
    closed=_EN.closed
    | words(
        "le la les un une des du de et ou mais dans sur pour par avec il "
        "elle ils elles ce cette ces son sa ses selon"
    ),
    connectors=words("de du des la le et"),
    months=_months(
        "janvier février/fevrier mars avril mai juin juillet août/aout "
        "septembre octobre novembre décembre/decembre"
    ),
    weekdays=_weekdays("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    hedges=("selon", "d'après", "d’après", "environ", "présumé", "apparemment"),
    offices=words(
        "ministre président présidente maire directeur directrice porte-parole "
        "secrétaire juge docteur professeur"
    ),
    relative_days={"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1},
    verb_endings=(),
)
_DE = dataclasses.replace(
    _EN,
    speech=words(
        "sagte sagt erklärte erklärt betonte betont sagten fügte meinte meint berichtete "
        "berichtet warnte warnt kündigte antwortete antwortet schrieb schreibt"
    ),
    according=("laut", "nach angaben", "zufolge"),
    he=words("er"),
    she=words("sie"),
    it=_phrases("das ministerium, die regierung, die organisation, die behörde"),
    closed=_EN.closed
    | words(
        "der die das ein eine und oder aber in im am auf für mit von zu er sie es wir ihr laut nach"
    ),
    connectors=words("von der für und"),
    months=_months(
        "januar/jänner februar märz/maerz april mai juni juli august september "
        "oktober november dezember"
    ),
    weekdays=_weekdays("montag dienstag mittwoch donnerstag freitag samstag/sonnabend sonntag"),
    hedges=("laut", "angeblich", "zufolge", "nach angaben", "rund", "schätzungsweise"),
    offices=words(
        "minister ministerin präsident präsidentin bürgermeister bürgermeisterin "
        "sprecher sprecherin direktor direktorin chef chefin richter richterin"
    ),
    relative_days={"heute": 0, "gestern": -1, "morgen": 1},
    verb_endings=(),
)
_PT = dataclasses.replace(
    _ES,
    speech=words(
        "disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta "
        "ressaltou ressalta destacou destaca informou informa contou conta respondeu responde "
        "alertou alerta garantiu garante"
    ),
    according=("segundo", "de acordo com", "conforme"),
    he=words("ele"),
    she=words("ela"),
    it=_phrases("a organização, o ministério, o governo, a agência"),
    closed=_ES.closed
    | words(
        "o a os as um uma e ou mas em no na nos nas do da dos das com "
        "por para ele ela eles elas seu sua segundo"
    ),
    connectors=words("de do da dos das e"),
    months=_months(
        "janeiro fevereiro março/marco abril maio junho julho agosto setembro "
        "outubro novembro dezembro"
    ),
    weekdays=_weekdays(
        "segunda-feira/segunda terça-feira/terça quarta-feira/quarta "
        "quinta-feira/quinta sexta-feira/sexta sábado domingo"
    ),
    hedges=("segundo", "supostamente", "aparentemente", "cerca de", "estimado"),
    offices=words(
        "ministro ministra presidente prefeito prefeita diretor diretora "
        "porta-voz secretário secretária juiz juíza"
    ),
    relative_days={"hoje": 0, "ontem": -1, "amanhã": 1},
    verb_endings=("aram", "eram", "iram", "ou", "eu", "iu"),
)


def words_for(lang: str) -> Words:
    """Return the vocabulary for a BCP 47 tag (its primary language), English by default."""
    tables = {"es": _ES, "fr": _FR, "de": _DE, "pt": _PT}
    return tables.get(lang.split("-")[0].lower(), _EN)
