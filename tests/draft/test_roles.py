"""A role written before a name and set off by commas ("The hospital's chief executive, Mark
Ruiz, said"): what `brief draft` takes as the person's role, and the look-alikes it must not
(a list of names, a place, a sentence adverb, a date, an organisation)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

import brief
from brief.draft.names import Entity, read_cast
from brief.draft.roles import role_before
from brief.draft.words import words_for


def entity(sentence: str, name: str, lang: str = "en") -> Entity:
    """Read the names of one sentence and return the entity called `name`."""
    cast = read_cast([(0, sentence)], words_for(lang))
    return next(each for each in cast.entities if each.name == name)


ROLES = [
    ("en", "The hospital's chief executive, Mark Ruiz, said the wards were full.", "Mark Ruiz",
     "the hospital's chief executive"),
    ("en", "Its director, Ana Pérez, told reporters the museum would reopen.", "Ana Pérez",
     "its director"),
    ("en", "A spokesman for the county, John Lee, said the road was closed.", "John Lee",
     "a spokesman for the county"),
    ("en", "Ms Ardern's deputy, Grant Robertson, spoke first.", "Grant Robertson",
     "Ms Ardern's deputy"),
    ("en", "Reporters met the city’s deputy mayor, Ana Ruiz, on Monday.", "Ana Ruiz",
     "the city’s deputy mayor"),
    ("en", "The plan was announced by the agency's director, Joe Kelly.", "Joe Kelly",
     "the agency's director"),
    ("en", "The chief of staff to the governor, Ann Wu, resigned.", "Ann Wu",
     "the chief of staff to the governor"),
    ("en", "Officials praised the U.S. ambassador, John Lee, on Friday.", "John Lee",
     "the U.S. ambassador"),
    ("en", "The mayor, Ana Ruiz, met the deputy, John Lee, on Monday.", "Ana Ruiz",
     "the mayor"),  # not "met the deputy": the comma after her name closes her role
    ("en", "On Monday, the town's deputy mayor, Ana Ruiz, resigned.", "Ana Ruiz",
     "the town's deputy mayor"),  # the clause after "On Monday,"
    ("en", "The Health Minister, Patty Hajdu, said more nurses were hired.", "Patty Hajdu",
     "the Health Minister"),
    ("en", "The board that hired the mayor, Lena Park, met again.", "Lena Park", "the mayor"),
    ("es", "La directora del hospital, Ana Pérez, dijo que no hay camas.", "Ana Pérez",
     "la directora del hospital"),
    ("fr", "Le maire de la ville, Jean Dupont, a déclaré que le pont fermerait.", "Jean Dupont",
     "le maire de la ville"),
    ("fr", "L'adjoint au maire, Paul Martin, a précisé les horaires.", "Paul Martin",
     "l'adjoint au maire"),
    ("de", "Die Sprecherin des Ministeriums, Anna Schmidt, sagte nichts.", "Anna Schmidt",
     "die Sprecherin des Ministeriums"),
    ("pt", "O porta-voz da prefeitura, João Silva, disse que a ponte fecha.", "João Silva",
     "o porta-voz da prefeitura"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "name", "role"), ROLES)
def test_a_role_before_the_name_set_off_by_commas(
    lang: str, sentence: str, name: str, role: str
) -> None:
    person = entity(sentence, name, lang)
    assert (person.role, person.kind) == (role, "person")


TRAPS = [
    ("Ana Pérez, Mark Ruiz, and John Lee attended.", {"Mark Ruiz": "", "John Lee": ""}),
    ("In Paris, France, Jean Dupont said the talks had failed.", {"Jean Dupont": ""}),
    ("However, Mark Ruiz said the plan would work.", {"Mark Ruiz": ""}),
    ("On Monday, Mark Ruiz said the plan would work.", {"Mark Ruiz": ""}),
    ("After meeting the mayor, Ana Ruiz left the building.", {"Ana Ruiz": ""}),
    ("The mayor spoke to the press on Monday, Ana Ruiz said.", {"Ana Ruiz": ""}),
    ("The mayor said the minister lied, Ana Ruiz, a teacher, wrote.", {"Ana Ruiz": "a teacher"}),
    ("The mayor of Springfield, Ohio, said.", {"Ohio": ""}),  # a place, not a person
    ("The director of the school that John Lee founded, Ana Ruiz, spoke.", {"Ana Ruiz": ""}),
]


@pytest.mark.parametrize(("sentence", "roles"), TRAPS)
def test_what_only_looks_like_a_role_before_a_name_is_not_one(
    sentence: str, roles: dict[str, str]
) -> None:
    assert {name: entity(sentence, name).role for name in roles} == roles


def test_a_speech_verb_after_an_auxiliary_is_no_apposition() -> None:
    """French "Jean Dupont, a déclaré que …": "a" is the verb's auxiliary, not an article."""
    assert entity("Jean Dupont, a déclaré que le pont fermerait.", "Jean Dupont", "fr").role == ""


def test_an_organisation_after_a_noun_phrase_gets_no_role() -> None:
    fema = entity("The agency, FEMA, said it would help.", "FEMA")
    assert (fema.kind, fema.role) == ("org", "")


def test_a_role_before_the_name_gives_a_gender_from_its_words() -> None:
    assert entity("A spokeswoman for the park, Jo Reyes, said so.", "Jo Reyes").gender == "f"


def test_a_role_already_given_is_kept() -> None:
    text = "Mayor Ana Ruiz opened the bridge. Its director, Ana Ruiz, cut the ribbon."
    assert entity(text, "Ana Ruiz").role == "Mayor"


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("The county's chief engineer, ", ", said", "the county's chief engineer"),
        ("The county's chief engineer, ", " said", ""),  # no comma closes the apposition
        ("The county's chief engineer ", ", said", ""),  # no comma before the name
        ("The county's chief engineer, ", "", "the county's chief engineer"),  # quote follows
        ("Officials praised deputy mayor, ", ".", "deputy mayor"),  # not "praised"
    ],
)
def test_role_before_needs_commas_around_the_name(before: str, after: str, expected: str) -> None:
    assert role_before(before, after, words_for("en")) == expected


def test_the_drafted_brief_gives_the_speaker_the_role_before_their_name(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "The hospital's chief executive, Mark Ruiz, said on Tuesday: “We have no beds left "
        "for anyone who arrives tonight.”\n",
        encoding="utf-8",
    )
    done = brief.draft(article, tmp_path / "out", today=dt.date(2026, 12, 1))
    data = yaml.safe_load(done.brief.read_text(encoding="utf-8"))
    assert data["people"] == [
        {"id": "mark-ruiz", "name": "Mark Ruiz", "role": "the hospital's chief executive"}
    ]
    assert data["quotes"][0]["speaker"] == "mark-ruiz"


@pytest.mark.slow
def test_a_long_paragraph_of_names_is_read_in_bounded_time() -> None:
    """Each name looks only at the words near it: a 200,000-character line of 8,000 names took
    130 s when the role, office and number checks each searched the whole line before a name."""
    line = "The mayor, Ana Ruiz, met the deputy, John Lee, and " * 4000
    started = time.perf_counter()
    cast = read_cast([(0, line)], words_for("en"))
    assert time.perf_counter() - started < 15
    assert [entity.role for entity in cast.entities] == ["the mayor", "the deputy"]


#: A name followed by a comma and words that are no role: a verb's clause, a place's apposition,
#: a name after an article. Phrasings from the corpus (DOJ, FEMA, USAID releases) and alike.
NO_ROLE_AFTER = [
    ("en", "James Smith, 64, of Midlothian, Virginia, were convicted of conspiracy to commit "
     "wire fraud.", "Virginia"),
    ("en", "Brian Bridge, 46, of London, England, a fugitive, was also charged.", "England"),
    ("en", "In response to the drought in the Horn of Africa, the United States, through USAID, "
     "is providing aid.", "Horn of Africa"),
    ("en", "U.S. Attorney G. Zachary Terwilliger of the Eastern District of Virginia, Inspector in "
     "Charge Delany De Leon-Colón of the U.S. Postal Inspection Service, announced the verdict.",
     "Eastern District of Virginia"),  # a list of officials: the next one's title is no role
    ("en", "St. Clair Public School is in Blue Earth County, a tornado-prone area in southern "
     "Minnesota.", "Blue Earth County"),  # a county is a place and a government, not a person
    ("en", "Mark Ruiz, was elected mayor of the town in 2019.", "Mark Ruiz"),
    ("en", "Ana Pérez, has been the director of the museum since May.", "Ana Pérez"),
    ("en", "Mark Ruiz, the United Nations said.", "Mark Ruiz"),
    ("es", "En Lima, Perú, fueron detenidos tres directores del banco.", "Perú"),
    ("fr", "Jean Dupont, est le maire de la ville.", "Jean Dupont"),
    ("de", "Anna Schmidt, wurde zur Sprecherin des Ministeriums ernannt.", "Anna Schmidt"),
    ("pt", "João Silva, foi o porta-voz da prefeitura.", "João Silva"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "name"), NO_ROLE_AFTER)
def test_a_clause_or_a_place_after_a_name_is_no_role(lang: str, sentence: str, name: str) -> None:
    assert entity(sentence, name, lang).role == ""


ROLE_AFTER = [
    ("en", "Ana Ruiz, a teacher at the school, said so.", "Ana Ruiz", "a teacher at the school"),
    ("en", "Tom Alvarez, a spokesman for the River Authority, said so.", "Tom Alvarez",
     "a spokesman for the River Authority"),
    ("en", "Lee, the mayor of Springfield, said so.", "Lee", "the mayor of Springfield"),
    ("es", "Ana Pérez, directora del hospital, dijo que no.", "Ana Pérez",
     "directora del hospital"),
    ("fr", "Jean Dupont, maire de la ville, a déclaré que non.", "Jean Dupont",
     "maire de la ville"),
    ("de", "Anna Schmidt, Sprecherin des Ministeriums, sagte nichts.", "Anna Schmidt",
     "Sprecherin des Ministeriums"),
    ("pt", "João Silva, porta-voz da prefeitura, disse que não.", "João Silva",
     "porta-voz da prefeitura"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "name", "role"), ROLE_AFTER)
def test_a_role_after_a_name_is_still_taken(lang: str, sentence: str, name: str, role: str) -> None:
    person = entity(sentence, name, lang)
    assert (person.role, person.kind) == (role, "person")
