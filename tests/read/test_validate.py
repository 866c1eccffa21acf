"""Validate stage: plain data + positions -> Brief, or every B-code at once
(brief/read/validate.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from brief.dates import PartialDate
from brief.errors import BriefError, Diagnostic
from brief.model import Brief, Layout, Paper, Qualifier
from brief.read.load import load
from brief.read.validate import validate
from tests.conftest import META, write


def valid(folder: Path, body: str = "", meta: str = META) -> Brief:
    """Validate META + body, which must succeed."""
    return validate(load(write(folder, meta + textwrap.dedent(body))))


def diagnostics(folder: Path, body: str = "", meta: str = META) -> tuple[Diagnostic, ...]:
    """Validate META + body, which must fail, and return the diagnostics."""
    with pytest.raises(BriefError) as caught:
        validate(load(write(folder, meta + textwrap.dedent(body))))
    return caught.value.diagnostics


def found(folder: Path, body: str = "", meta: str = META) -> list[str]:
    """Validate META + body, which must fail, and return `CODE line:col` for each diagnostic."""
    return [
        f"{d.code} {d.location.line}:{d.location.column}"
        for d in diagnostics(folder, body, meta)
        if d.location
    ]


def test_a_minimal_brief_is_valid_with_the_documented_defaults(tmp_path: Path) -> None:
    brief = valid(tmp_path)
    assert brief.meta.title == "Thorn and the numbers"
    assert brief.meta.lang == "en"
    assert brief.meta.date == PartialDate(2018, 1, 10)
    assert brief.meta.paper is Paper.A4
    assert brief.meta.layout is Layout.HANDOUT
    assert brief.figures == brief.timeline == brief.sources == ()


def test_the_brief_is_named_after_its_folder_or_its_file(tmp_path: Path) -> None:
    assert validate(load(write(tmp_path / "thorn", META))).name == "thorn"
    assert validate(load(write(tmp_path, META, "kutcher.yaml"))).name == "kutcher"


def test_validation_collects_several_errors_at_once_in_source_order(tmp_path: Path) -> None:
    body = """\
        figures:
          - id: victims-identified
            value: "5,791"
            counts: child victims identified
            qualifer: nearly
          - id: Lives Saved
            counts: lives saved
        sources:
          - id: thorn-report
            kind: blog
        """
    meta = META.replace('"Thorn and the numbers"', "no") + "  paper: a5\n"
    assert found(tmp_path, body, meta) == [
        "B203 3:10",  # title: no
        "B204 6:10",  # paper: a5
        "B203 9:12",  # value: "5,791"
        "B201 11:5",  # qualifer
        "B202 12:5",  # the second figure has no value
        "B203 12:9",  # id: Lives Saved
        "B202 15:5",  # the source has no title
        "B204 16:11",  # kind: blog
    ]


def test_diagnostics_are_sorted_by_line_then_column(tmp_path: Path) -> None:
    body = """\
        theme: {colors: {accent: red}}
        figures:
          - {id: b, value: 1, counts: x, source: nowhere}
        summary: "{fig:nope}"
        """
    located = [(d.location.line, d.location.column) for d in diagnostics(tmp_path, body)]
    assert located == sorted(located)
    assert len(located) == 3


def test_an_unknown_key_suggests_the_closest_name(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path, "figures:\n  - {id: a, value: 1, counts: x, qualifer: over}\n"
    )
    assert diagnostic.code == "B201"
    assert "'qualifer'" in diagnostic.message
    assert diagnostic.hint == "did you mean 'qualifier'?"


def test_an_unknown_key_with_no_close_name_lists_the_allowed_keys(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(tmp_path, "zzzzzz: 1\n")
    assert diagnostic.code == "B201"
    assert diagnostic.hint.startswith("allowed: brief, meta, summary")


def test_a_misspelt_choice_suggests_the_closest_choice(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path, "figures:\n  - {id: a, value: 1, counts: x, qualifier: nearley}\n"
    )
    assert diagnostic.code == "B204"
    assert diagnostic.hint == "did you mean 'nearly'?"


def test_a_dangling_source_suggests_the_closest_id(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        figures:
          - {id: a, value: 1, counts: x, source: thorn-reprot}
        sources:
          - {id: thorn-report, title: Report}
        """,
    )
    assert diagnostic.code == "B302"
    assert diagnostic.hint == "did you mean 'thorn-report'?"


def test_a_dangling_figure_reference_suggests_the_closest_figure(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        summary: "About {fig:victim} children."
        figures:
          - {id: victims, value: 1, counts: x}
        """,
    )
    assert diagnostic.code == "B304"
    assert diagnostic.hint == "did you mean 'victims'?"


def test_an_unknown_finding_code_in_covers_suggests_the_closest_code(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        figures:
          - {id: a, value: 1, counts: x}
        caveats:
          - {about: [a], text: Mine., covers: [F-drfit]}
        """,
    )
    assert diagnostic.code == "B305"
    assert diagnostic.hint == "did you mean 'F-drift'?"


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("title: no", "no"),
        ("title: off", "off"),
        ("title: Yes", "Yes"),
        ("title: 12", "12"),
        ("title: 2017-02-15", "2017-02-15"),
        ("version: 1.10", "1.10"),
    ],
)
def test_a_string_field_given_a_yaml_non_string_is_an_error_quoting_what_was_written(
    tmp_path: Path, line: str, written: str
) -> None:
    key = line.split(":")[0]
    meta = META.replace('  title: "Thorn and the numbers"\n', "") + f"  {line}\n"
    if key != "title":
        meta += '  title: "Thorn"\n'
    [diagnostic] = diagnostics(tmp_path, meta=meta)
    assert diagnostic.code == "B203"
    assert f'"{written}"' in diagnostic.hint


def test_a_quoted_no_is_a_fine_title(tmp_path: Path) -> None:
    meta = META.replace('"Thorn and the numbers"', '"no"')
    assert valid(tmp_path, meta=meta).meta.title == "no"


def test_an_id_given_an_unquoted_date_is_an_error(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(tmp_path, "sources:\n  - id: 2017-02-15\n    title: Report\n")
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == ("B203", 7, 9)
    assert '"2017-02-15"' in diagnostic.hint


def test_an_id_that_is_not_a_slug_says_how_to_write_one_in_its_hint(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(tmp_path, 'sources:\n  - id: "Has Spaces"\n    title: Report\n')
    assert diagnostic.code == "B203"
    assert "'Has Spaces' is not an id" in diagnostic.message
    assert diagnostic.hint == "use lowercase letters, digits, - and _, such as 'has-spaces'"


def test_a_number_written_with_separators_is_an_error_with_a_hint(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(tmp_path, 'figures:\n  - {id: a, value: "5,791", counts: x}\n')
    assert diagnostic.code == "B203"
    assert "as_reported" in diagnostic.hint


@pytest.mark.parametrize(
    "value",
    ["1e25", "1.0e+25", "-1e15", "1e15", "1" + "0" * 400, "-1" + "0" * 400, "0x" + "f" * 300],
)
def test_a_figure_value_out_of_range_is_refused_where_it_is_written(
    tmp_path: Path, value: str
) -> None:
    [diagnostic] = diagnostics(
        tmp_path, f"figures:\n  - id: a\n    value: {value}\n    counts: x\n"
    )
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == (
        "B203",
        8,
        12,
    )
    assert "out of range" in diagnostic.message
    assert len(diagnostic.message) < 200  # a 400-digit number is not repeated back
    assert "larger unit" in diagnostic.hint


@pytest.mark.parametrize("value", ["999999999999999", "-999999999999999", "0.5e15", "1e-300"])
def test_a_figure_value_just_in_range_is_accepted(tmp_path: Path, value: str) -> None:
    brief = valid(tmp_path, f"figures:\n  - id: a\n    value: {value}\n    counts: x\n")
    assert brief.figures[0].value == float(value)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("timeline:\n  - {id: e, date: '0001', approx: true, event: x}\n", (7, 19)),
        ("timeline:\n  - {id: e, date: 0005-01-01, event: x}\n", (7, 19)),
        ("timeline:\n  - {id: e, date: 2012, end: '9999', event: x}\n", (7, 30)),
        ("figures:\n  - {id: f, value: 1, counts: x, period: '0999/2012'}\n", (7, 42)),
        ("people:\n  - {id: p, name: x, born: '0217'}\n", (7, 28)),
    ],
)
def test_a_year_out_of_range_is_refused_where_it_is_written_with_a_hint(
    tmp_path: Path, body: str, where: tuple[int, int]
) -> None:
    [diagnostic] = diagnostics(tmp_path, body)
    assert diagnostic.code == "B205"
    assert (diagnostic.location.line, diagnostic.location.column) == where
    assert "out of range" in diagnostic.message
    assert diagnostic.hint.endswith("with a year from 1000 to 2999")


def test_a_brief_dated_in_year_5_is_refused_at_meta_date(tmp_path: Path) -> None:
    meta = META.replace("date: 2018-01-10", "date: 0005-01-01")
    assert found(tmp_path, meta=meta) == ["B205 5:9"]


def test_date_fields_accept_years_months_and_unquoted_days(tmp_path: Path) -> None:
    brief = valid(
        tmp_path,
        """\
        timeline:
          - {id: year, date: 2012, event: A year.}
          - {id: year-quoted, date: "2013", event: A quoted year.}
          - {id: month, date: "2017-02", event: A month.}
          - {id: month-plain, date: 2017-03, event: A plain month.}
          - {id: day, date: 2017-02-15, event: A day., approx: true}
          - {id: day-quoted, date: "2017-02-16", event: A quoted day., end: 2017-05}
        """,
    )
    dates = {event.id: event.date for event in brief.timeline}
    assert dates == {
        "year": PartialDate(2012),
        "year-quoted": PartialDate(2013),
        "month": PartialDate(2017, 2),
        "month-plain": PartialDate(2017, 3),
        "day": PartialDate(2017, 2, 15),
        "day-quoted": PartialDate(2017, 2, 16),
    }
    assert brief.timeline[4].approx is True
    assert brief.timeline[5].end == PartialDate(2017, 5)


@pytest.mark.parametrize(
    ("date", "code"),
    [
        ("2017-02-30", "B205"),
        ('"2017-02-30"', "B205"),
        ("2017-13", "B205"),
        ("2017-13-01", "B205"),
        ("2017-2", "B205"),
        ("tomorrow", "B205"),
        ("yes", "B205"),
        ("2017-02-15 10:30:00", "B205"),
        ("0000", "B205"),
        ("[2017]", "B205"),
    ],
)
def test_a_bad_date_is_refused_where_it_is_written(tmp_path: Path, date: str, code: str) -> None:
    body = f"timeline:\n  - id: e\n    date: {date}\n    event: x\n"
    assert found(tmp_path, body) == [f"{code} 8:11"]


@pytest.mark.parametrize(
    "field",
    [
        "timeline:\n  - {id: e, date: 2018-02, event: x}\n",
        "timeline:\n  - {id: e, date: 2017, end: 2019, event: x}\n",
        "quotes:\n  - {id: q, text: x, speaker: y, date: 2018-01-11}\n",
        "people:\n  - {id: p, name: x, born: 2019}\n",
        "sources:\n  - {id: s, title: x, published: 2018-06}\n",
        "sources:\n  - {id: s, title: x, accessed: 2018-01-11}\n",
        "figures:\n  - {id: f, value: 1, counts: x, period: 2019}\n",
    ],
)
def test_a_date_after_the_briefs_own_date_is_refused(tmp_path: Path, field: str) -> None:
    assert [d.code for d in diagnostics(tmp_path, field)] == ["B206"]


def test_a_date_within_the_briefs_own_month_or_year_is_accepted(tmp_path: Path) -> None:
    brief = valid(tmp_path, "timeline:\n  - {id: e, date: 2018-01-10, event: x}\n")
    assert brief.timeline[0].date == PartialDate(2018, 1, 10)


@pytest.mark.parametrize(
    ("written", "qualifier"),
    [
        ("around", Qualifier.ABOUT),
        ("approximately", Qualifier.ABOUT),
        ("about", Qualifier.ABOUT),
        ("almost", Qualifier.NEARLY),
        ("more than", Qualifier.OVER),
        ("at least", Qualifier.AT_LEAST),
        ("up to", Qualifier.UP_TO),
        ("exact", Qualifier.EXACT),
    ],
)
def test_qualifier_aliases_are_read_as_their_canonical_qualifier(
    tmp_path: Path, written: str, qualifier: Qualifier
) -> None:
    brief = valid(tmp_path, f"figures:\n  - {{id: a, value: 1, counts: x, qualifier: {written}}}\n")
    assert brief.figures[0].qualifier is qualifier


def test_a_figure_without_a_qualifier_is_exact(tmp_path: Path) -> None:
    brief = valid(tmp_path, "figures:\n  - {id: a, value: 5791, counts: x, period: 2012/2017}\n")
    figure = brief.figures[0]
    assert figure.qualifier is Qualifier.EXACT
    assert figure.value == 5791
    assert figure.period == (PartialDate(2012), PartialDate(2017))
    assert figure.period_text == "2012/2017"


def test_a_summary_include_is_read_and_located_in_its_own_file(tmp_path: Path) -> None:
    write(tmp_path, "Thorn says its tool helped\nidentify {fig:victims} children.\n", "summary.md")
    brief = valid(
        tmp_path,
        """\
        summary: {file: summary.md}
        figures:
          - {id: victims, value: 5791, counts: child victims identified}
        """,
    )
    assert brief.summary is not None
    assert brief.summary.markdown == (
        "Thorn says its tool helped\nidentify {fig:victims} children.\n"
    )
    assert Path(brief.summary.location.path).name == "summary.md"


def test_diagnostics_inside_an_included_summary_name_that_file_and_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Thorn says its tool helped\nidentify {fig:victim} children\nand cites [@nowhere].\n",
        "summary.md",
    )
    problems = diagnostics(
        tmp_path,
        """\
        summary: {file: summary.md}
        figures:
          - {id: victims, value: 5791, counts: child victims identified}
        """,
    )
    assert [(d.code, Path(d.location.path).name, d.location.line) for d in problems] == [
        ("B304", "summary.md", 2),
        ("B303", "summary.md", 3),
    ]


def test_a_reference_in_a_literal_block_is_located_on_its_line(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        summary: |
          First line.
          Second {fig:nope} line.
        """,
    )
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == (
        "B304",
        8,
        10,
    )


def test_a_reference_in_a_folded_block_is_located_on_its_line(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        summary: >
          First line,
          second line,
          third {fig:nope} line.
        """,
    )
    assert (diagnostic.code, diagnostic.location.line) == ("B304", 9)


def test_a_reference_in_a_multiline_plain_scalar_is_located_on_its_line(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        summary: First line,
          second {fig:nope} line.
        """,
    )
    assert (diagnostic.code, diagnostic.location.line) == ("B304", 7)


def test_references_are_checked_in_every_markdown_text(tmp_path: Path) -> None:
    problems = diagnostics(
        tmp_path,
        """\
        summary: "[@a]"
        key_points: ["[@b]"]
        timeline:
          - {id: e, date: 2012, event: "[@c]"}
        caveats:
          - {text: "{fig:d}"}
        """,
        meta=META + "  content_warning: '[@e]'\n",
    )
    assert sorted(d.message.split(" ")[0] for d in problems) == [
        "[@a]",
        "[@b]",
        "[@c]",
        "[@e]",
        "{fig:d}",
    ]


def test_duplicate_ids_across_lists_are_refused_at_the_second(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path,
        """\
        figures:
          - {id: shared, value: 1, counts: x}
        quotes:
          - {id: shared, text: x, speaker: y}
        """,
    )
    assert (diagnostic.code, diagnostic.location.line) == ("B301", 9)
    assert "line 7" in diagnostic.message


def test_same_as_naming_itself_is_refused(tmp_path: Path) -> None:
    [diagnostic] = diagnostics(
        tmp_path, "timeline:\n  - {id: e, date: 2012, event: x, same_as: e}\n"
    )
    assert diagnostic.code == "B302"


def test_a_caveat_about_a_known_quote_or_event_is_valid(tmp_path: Path) -> None:
    brief = valid(
        tmp_path,
        """\
        timeline:
          - {id: founded, date: 2012, event: Founded.}
        quotes:
          - {id: q, text: words, speaker: someone}
        caveats:
          - {about: [founded, q], text: Mine., covers: [T-imprecise], severity: warning}
        """,
    )
    assert brief.caveats[0].about == ("founded", "q")
    assert brief.caveats[0].covers == ("T-imprecise",)


@pytest.mark.parametrize("lang", ["en", "es", "ar", "pt-BR", "en-GB", "zh-Hant"])
def test_known_languages_are_accepted(tmp_path: Path, lang: str) -> None:
    assert valid(tmp_path, meta=META.replace("lang: en", f"lang: {lang}")).meta.lang == lang


@pytest.mark.parametrize("lang", ["xx-invalid-123", "zz", "english", "e"])
def test_unknown_languages_are_refused_at_meta_lang(tmp_path: Path, lang: str) -> None:
    assert found(tmp_path, meta=META.replace("lang: en", f"lang: {lang}")) == ["B204 4:9"]


@pytest.mark.parametrize(
    "value",
    [
        '"red; background: url(x)"',
        '"#12345g"',
        "red",
        '"#fff} body {display:none"',
        "'url(javascript:x)'",
    ],
)
def test_a_theme_colour_that_is_not_a_hex_colour_is_refused(tmp_path: Path, value: str) -> None:
    assert found(tmp_path, f"theme:\n  colors:\n    accent: {value}\n") == ["B212 8:13"]


def test_a_hex_theme_colour_is_accepted(tmp_path: Path) -> None:
    brief = valid(tmp_path, "theme:\n  colors:\n    accent: '#1f4e79'\n    text: '#000'\n")
    assert brief.theme.colors == {"accent": "#1f4e79", "text": "#000"}


@pytest.mark.parametrize(
    "url", ["ftp://x", "javascript:alert(1)", "example.org", "http://", "https://exa mple.org"]
)
def test_a_url_that_is_not_a_web_address_is_refused(tmp_path: Path, url: str) -> None:
    body = f"sources:\n  - id: s\n    title: x\n    url: '{url}'\n"
    assert found(tmp_path, body) == ["B203 9:10"]


def test_an_unsupported_format_version_is_refused(tmp_path: Path) -> None:
    assert found(tmp_path, meta=META.replace("brief: 1", "brief: 2")) == ["B208 1:8"]


def test_a_required_key_left_empty_names_the_item_by_id_and_says_it_is_empty(
    tmp_path: Path,
) -> None:
    problems = diagnostics(
        tmp_path,
        """
        figures:
          - {id: gift, value: null, counts: dollars given}
        """,
    )
    assert [problem.code for problem in problems] == ["B202"]
    message = problems[0].message
    assert "figures item 'gift' has 'value' but it is empty" in message
    assert "`value:`" in problems[0].hint


def test_an_item_without_an_id_is_named_by_its_position_counted_from_one(
    tmp_path: Path,
) -> None:
    problems = diagnostics(
        tmp_path,
        """
        sources:
          - {id: s, title: One}
          - {publisher: Two}
        """,
    )
    assert "sources item 2 needs 'id'" in problems[0].message
    assert "sources item 2" in problems[1].message  # and its title


def test_claimed_by_takes_one_name_as_before_or_a_list_of_several(tmp_path: Path) -> None:
    brief = valid(
        tmp_path,
        """
        people:
          - {id: fao, name: Food and Agriculture Organization, kind: organization,
             aliases: [FAO, the U.N. food agency]}
          - {id: voice, name: a spokeswoman for FAO, kind: unnamed, speaks_for: fao}
        figures:
          - {id: one, value: 1, counts: appeals, claimed_by: the U.N. food agency}
          - {id: two, value: 2, counts: appeals, claimed_by: [fao, Oxfam, fao]}
        """,
    )
    assert brief.figures[0].claimed_by == ("the U.N. food agency",)
    assert brief.figures[1].claimed_by == ("fao", "Oxfam")
    assert brief.claimant_names(brief.figures[0]) == ("Food and Agriculture Organization",)
    assert brief.people[0].kind == "organization"
    assert brief.people[1].speaks_for == "fao"
    assert brief.identities("voice") == (
        "a spokeswoman for FAO",
        "Food and Agriculture Organization",
        "FAO",
        "the U.N. food agency",
    )
    assert brief.speaker_name("THE U.N.  FOOD AGENCY") == "Food and Agriculture Organization"


def test_a_list_of_claimants_must_hold_names(tmp_path: Path) -> None:
    assert found(tmp_path, "figures:\n  - {id: a, value: 1, counts: x, claimed_by: [1]}\n") == [
        "B203 7:46"  # at the item of the list
    ]


def test_an_event_may_have_no_date_and_a_date_its_sources_words(tmp_path: Path) -> None:
    brief = valid(
        tmp_path,
        """
        timeline:
          - {id: later, event: Repairs began.}
          - {id: vote, date: 2017-10-17, as_written: on Tuesday, event: The council voted.}
        """,
    )
    assert brief.timeline[0].date is None
    assert brief.timeline[1].as_written == "on Tuesday"


def test_a_wrong_value_names_the_item_that_holds_it(tmp_path: Path) -> None:
    problems = diagnostics(
        tmp_path,
        """
        figures:
          - {id: gift, value: "2.5m", counts: dollars given}
          - {value: 3, counts: years, qualifier: roughly}
        """,
    )
    assert problems[0].message.startswith("figures item 'gift': 'value': expected a number")
    assert "figures item 2" in problems[1].message  # no id: its position, from one
    assert problems[-1].message == "figures item 2: 'qualifier' cannot be 'roughly'"


def test_a_wrong_entry_of_a_list_names_the_item_and_the_list(tmp_path: Path) -> None:
    (problem,) = diagnostics(
        tmp_path, "figures:\n  - {id: gift, value: 1, counts: x, hedges: [reportedly, 3]}\n"
    )
    assert problem.message.startswith("figures item 'gift': 'hedges': expected text")
