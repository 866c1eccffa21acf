"""The German words drafting reads by: speech verbs, pronouns, offices, months, weekdays and
relative days of its own, organisation words, closed words and hedges mostly English.

In: nothing. Out: `GERMAN`, a `Words` table.
"""

from __future__ import annotations

import dataclasses

from brief.draft.words.english import ENGLISH
from brief.draft.words.vocabulary import months, phrases, weekdays, words

GERMAN = dataclasses.replace(
    ENGLISH,
    speech=words(
        "sagte sagt erklärte erklärt betonte betont sagten fügte meinte meint berichtete "
        "berichtet warnte warnt kündigte antwortete antwortet schrieb schreibt"
    ),
    according=("laut", "nach angaben", "zufolge"),
    he=words("er"),
    she=words("sie"),
    it=phrases("das ministerium, die regierung, die organisation, die behörde"),
    closed=ENGLISH.closed
    | words(
        "der die das ein eine und oder aber in im am auf für mit von zu er sie es wir ihr laut nach"
    ),
    connectors=words("von der für und"),
    months=months(
        "januar/jänner februar märz/maerz april mai juni juli august september "
        "oktober november dezember"
    ),
    weekdays=weekdays("montag dienstag mittwoch donnerstag freitag samstag/sonnabend sonntag"),
    hedges=("laut", "angeblich", "zufolge", "nach angaben", "rund", "schätzungsweise"),
    offices=words(
        "minister ministerin präsident präsidentin bürgermeister bürgermeisterin "
        "sprecher sprecherin direktor direktorin chef chefin richter richterin leiter "
        "leiterin vorsitzende vorsitzender geschäftsführer geschäftsführerin"
    ),
    determiners=words("der die das den dem des ein eine einen einem einer sein seine ihr ihre"),
    links=words("des der von für beim im"),
    relative_days={"heute": 0, "gestern": -1, "morgen": 1},
    verb_endings=(),
    nouns_capitalised=True,
    auxiliaries=words(
        "ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können muss soll"
    ),
)
