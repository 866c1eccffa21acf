"""The Spanish words drafting reads by, written out in full (the base of Portuguese).

In: nothing. Out: `SPANISH`, a `Words` table.
"""

from __future__ import annotations

from brief.draft.words.vocabulary import Words, words

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

SPANISH = Words(
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
        "embajadora fiscal vocero vocera gerente consejero consejera concejal concejala "
        "delegado delegada coordinador coordinadora responsable rector rectora decano decana "
        "asesor asesora subdirector subdirectora vicepresidente vicepresidenta"
    ),
    determiners=words("el la los las un una su sus"),
    links=words("de del en para"),
    relative_days={"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2},
    verb_endings=("aron", "ieron", "aban", "ían", "ó", "ará", "erá", "irá"),
    auxiliaries=words(
        "es son era eran fue fueron será serán sería está están estaba "
        "estaban estuvo ha han había habían habrá"
    ),
)
