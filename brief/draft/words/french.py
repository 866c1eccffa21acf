"""The French words drafting reads by: speech verbs, pronouns, offices, months, weekdays and
relative days of its own, organisation words, closed words and hedges mostly English.

In: nothing. Out: `FRENCH`, a `Words` table.
"""

from __future__ import annotations

import dataclasses

from brief.draft.words.english import ENGLISH
from brief.draft.words.vocabulary import months, phrases, weekdays, words

#: French, German and Portuguese: the words attribution and dates need; organisation words,
#: closed words and hedges are the English ones with a few of their own.
FRENCH = dataclasses.replace(
    ENGLISH,
    speech=words(
        "dit déclaré déclare affirmé affirme expliqué explique ajouté ajoute souligné "
        "souligne indiqué indique précisé précise estimé estime assuré assure confié confie "
        "raconté raconte répondu répond averti avertit"
    ),
    according=("selon", "d'après", "d’après"),
    he=words("il"),
    she=words("elle"),
    it=phrases("l'organisation, l’organisation, le ministère, le gouvernement, l'agence"),
    closed=ENGLISH.closed
    | words(
        "le la les un une des du de et ou mais dans sur pour par avec il "
        "elle ils elles ce cette ces son sa ses selon"
    ),
    connectors=words("de du des la le et"),
    months=months(
        "janvier février/fevrier mars avril mai juin juillet août/aout "
        "septembre octobre novembre décembre/decembre"
    ),
    weekdays=weekdays("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    hedges=("selon", "d'après", "d’après", "environ", "présumé", "apparemment"),
    offices=words(
        "ministre président présidente maire directeur directrice porte-parole "
        "secrétaire juge docteur professeur adjoint adjointe chef conseiller conseillère "
        "préfet préfète délégué déléguée responsable sénateur sénatrice député députée "
        "procureur avocat avocate patron patronne"
    ),
    determiners=words("le la les l' l’ un une son sa ses leur leurs"),
    links=words("de du des d' d’ à au aux pour chez"),
    relative_days={"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1},
    verb_endings=(),
    auxiliaries=words(
        "est sont était étaient fut furent sera seront serait a ont avait avaient aura auront"
    ),
)
