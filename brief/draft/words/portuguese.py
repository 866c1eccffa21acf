"""The Portuguese words drafting reads by: speech verbs, pronouns, offices, months, weekdays and
relative days of its own over the Spanish rest.

In: nothing. Out: `PORTUGUESE`, a `Words` table.
"""

from __future__ import annotations

import dataclasses

from brief.draft.words.spanish import SPANISH
from brief.draft.words.vocabulary import months, phrases, weekdays, words

PORTUGUESE = dataclasses.replace(
    SPANISH,
    speech=words(
        "disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta "
        "ressaltou ressalta destacou destaca informou informa contou conta respondeu responde "
        "alertou alerta garantiu garante"
    ),
    according=("segundo", "de acordo com", "conforme"),
    he=words("ele"),
    she=words("ela"),
    it=phrases("a organização, o ministério, o governo, a agência"),
    closed=SPANISH.closed
    | words(
        "o a os as um uma e ou mas em no na nos nas do da dos das com "
        "por para ele ela eles elas seu sua segundo"
    ),
    connectors=words("de do da dos das e"),
    months=months(
        "janeiro fevereiro março/marco abril maio junho julho agosto setembro "
        "outubro novembro dezembro"
    ),
    weekdays=weekdays(
        "segunda-feira/segunda terça-feira/terça quarta-feira/quarta "
        "quinta-feira/quinta sexta-feira/sexta sábado domingo"
    ),
    hedges=("segundo", "supostamente", "aparentemente", "cerca de", "estimado"),
    offices=words(
        "ministro ministra presidente prefeito prefeita diretor diretora "
        "porta-voz secretário secretária juiz juíza governador governadora assessor "
        "assessora coordenador coordenadora chefe gerente vereador vereadora deputado "
        "deputada senador senadora"
    ),
    determiners=words("o a os as um uma seu sua seus suas"),
    links=words("de do da dos das em no na para"),
    relative_days={"hoje": 0, "ontem": -1, "amanhã": 1},
    verb_endings=("aram", "eram", "iram", "ou", "eu", "iu"),
    auxiliaries=words(
        "é são era eram foi foram será serão seria está estão estava estavam tem têm tinha tinham"
    ),
)
