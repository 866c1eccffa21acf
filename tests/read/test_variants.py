"""Variants: one brief and a table give one checked brief and one set of outputs per row."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from brief import BuildOptions
from brief.errors import BriefError, ExitCode
from brief.read.variants.fill import markdown_text, parse_number
from brief.run.api import check, check_all
from brief.run.batch import BatchItem, Job, build_many
from brief.run.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "variants-alabama-poverty"

BRIEF = """brief: 1
variants:
  table: {table}
  key: name
  lang: lang
  columns: [place, rate, words]
meta:
  title: "Hunger in {{row:place}}"
  lang: en
  date: 2024-05-15
summary: "In {{row:place}}, {{fig:rate}} of households went hungry. {{row:words}}"
figures:
  - id: rate
    value: "{{row:rate}}"
    unit: "%"
    counts: "households in {{row:place}} that were food insecure"
    as_reported: "{{row:rate}} percent"
    period: "2022"
    source: survey
sources:
  - id: survey
    title: "A survey"
    kind: dataset
"""

ROWS = (
    "name,place,rate,words,lang\n"
    "north,North County,12.5,Plain words.,en\n"
    "south,South County,9,Otras palabras.,es\n"
    "east,East County,7.25,More words.,en\n"
)


def _brief(tmp_path: Path, rows: str = ROWS, table: str = "places.csv") -> Path:
    folder = tmp_path / "hunger"
    folder.mkdir()
    (folder / "brief.yaml").write_text(BRIEF.format(table=table))
    (folder / table).write_text(rows)
    return folder


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_every_row_is_checked_as_its_own_brief(tmp_path: Path) -> None:
    reports = check_all(_brief(tmp_path))
    assert [report.brief.name for report in reports] == ["north", "south", "east"]
    assert [report.brief.meta.title for report in reports] == [
        "Hunger in North County",
        "Hunger in South County",
        "Hunger in East County",
    ]
    assert [report.brief.figures[0].value for report in reports] == [12.5, 9, 7.25]
    assert [report.brief.meta.lang for report in reports] == ["en", "es", "en"]


def test_a_bad_cell_is_an_error_in_the_table_and_the_other_rows_are_checked(
    tmp_path: Path,
) -> None:
    folder = _brief(tmp_path, ROWS.replace("South County,9,", "South County,n/a,"))
    reports = check_all(folder)
    assert not isinstance(reports[0], BriefError)
    assert not isinstance(reports[2], BriefError)
    refused = reports[1]
    assert isinstance(refused, BriefError)
    (problem,) = refused.diagnostics
    assert problem.code == "B424"
    assert str(problem.location).endswith("places.csv:3:20")
    assert "variant 'south'" in problem.message


def test_findings_are_located_in_the_table_and_name_the_variant(tmp_path: Path) -> None:
    folder = _brief(tmp_path, ROWS.replace("es\n", "xx-nowhere\n"))
    refused = check_all(folder)[1]
    assert isinstance(refused, BriefError)
    codes = {(item.code, str(item.location).rsplit("/", 1)[-1]) for item in refused.diagnostics}
    assert ("B204", "places.csv:3:38") in codes


def test_a_placeholder_must_name_a_listed_column(tmp_path: Path) -> None:
    folder = _brief(tmp_path)
    source = folder / "brief.yaml"
    source.write_text(source.read_text().replace("{row:words}", "{row:secret}"))
    refused = check_all(folder)[0]
    assert isinstance(refused, BriefError)
    assert refused.diagnostics[0].code == "B422"
    assert "brief.yaml:11:10" in str(refused.diagnostics[0].location)


def test_two_rows_with_one_key_are_refused(tmp_path: Path) -> None:
    folder = _brief(tmp_path, ROWS + "North,Elsewhere,1,x,en\n")
    with pytest.raises(BriefError) as caught:
        check_all(folder)
    (problem,) = caught.value.diagnostics
    assert problem.code == "B423"
    assert str(problem.location).endswith("places.csv:5:1")
    assert "line 2" in problem.message


def test_a_table_without_a_used_column_is_refused(tmp_path: Path) -> None:
    folder = _brief(tmp_path, ROWS.replace("words,", "wordz,", 1))
    with pytest.raises(BriefError) as caught:
        check_all(folder)
    assert caught.value.diagnostics[0].code == "B422"
    assert "no column 'words'" in caught.value.diagnostics[0].message


@pytest.mark.parametrize(
    ("cell", "code", "why"),
    [
        ('"two\nlines"', "B421", "line break"),
        ("x" * 2_001, "B421", "more than 2,000"),
        ("a\x1b[31mb", "B105", "U+001B"),  # refused in the whole file, as in any file a brief reads
    ],
)
def test_a_cell_holds_one_line_of_printable_text(
    tmp_path: Path, cell: str, code: str, why: str
) -> None:
    folder = _brief(tmp_path, ROWS.replace("Plain words.", cell))
    with pytest.raises(BriefError) as caught:
        check_all(folder)
    assert caught.value.diagnostics[0].code == code
    assert why in caught.value.diagnostics[0].message
    assert "places.csv:2:2" in str(caught.value.diagnostics[0].location)  # the cell, or its ESC


def test_the_table_is_capped_in_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("brief.read.variants.records.MAX_ROWS", 2)
    with pytest.raises(BriefError) as caught:
        check_all(_brief(tmp_path))
    assert "more than 2 rows" in caught.value.diagnostics[0].message


def test_json_lines_keep_numbers_as_written(tmp_path: Path) -> None:
    rows = "".join(
        json.dumps({"name": name, "place": place, "rate": rate, "words": "w", "lang": "en"}) + "\n"
        for name, place, rate in (("a", "A", 12.5), ("b", "B", 10))
    )
    folder = _brief(tmp_path, rows, table="places.jsonl")
    reports = check_all(folder)
    assert [report.brief.figures[0].value for report in reports] == [12.5, 10]
    (tmp_path / "bad").mkdir()
    nested = _brief(tmp_path / "bad", '{"name": [[1]]}\n', table="places.jsonl")
    with pytest.raises(BriefError) as caught:
        check_all(nested)
    assert caught.value.diagnostics[0].code == "B421"


@pytest.mark.slow  # builds outputs or runs long
def test_cells_print_as_text_never_as_markup_formula_or_reference(tmp_path: Path) -> None:
    hostile = (
        '"=HYPERLINK(""http://x.test"") **bold** <script>alert(1)</script> {fig:rate} [@survey]"'
    )
    folder = _brief(tmp_path, ROWS.replace("Plain words.", hostile))
    code, _, err = _run(["build", str(folder), "-f", "html", "-o", str(tmp_path / "out")])
    assert code == ExitCode.OK, err
    page = (tmp_path / "out" / "north.html").read_text()
    written = "=HYPERLINK(&quot;http://x.test&quot;) **bold** &lt;script&gt;alert(1)&lt;/script&gt;"
    assert written in page
    assert "{fig:rate} [@survey]" in page
    assert "<script>alert" not in page


def test_markdown_text_escapes_what_markdown_would_read() -> None:
    assert markdown_text("- 1. =A1") == "\\- 1. =A1"
    assert markdown_text("1. x") == "1\\. x"
    assert parse_number("12,345.5") == 12345.5
    assert parse_number("12.5%") is None


def test_a_cell_naming_a_file_never_opens_it(tmp_path: Path) -> None:
    folder = _brief(tmp_path, ROWS.replace("Plain words.", "secret.md"))
    (folder / "secret.md").write_text("THE SECRET")
    source = folder / "brief.yaml"
    source.write_text(
        source.read_text().replace('summary: "', 'summary: {file: "{row:words}"}\nx: "')
    )
    with pytest.raises(BriefError) as caught:
        check(folder)
    assert all("THE SECRET" not in str(item) for item in caught.value.diagnostics)


@pytest.mark.slow
def test_keys_become_plain_file_names_inside_the_output_folder(tmp_path: Path) -> None:
    folder = _brief(tmp_path, ROWS.replace("north,", "../../North/x,", 1))
    out = tmp_path / "out"
    code, _, err = _run(["build", str(folder), "-f", "html", "-o", str(out)])
    assert code == ExitCode.OK, err
    assert sorted(path.name for path in out.iterdir() if path.suffix == ".html") == [
        "-..-North-x.html",
        "east.html",
        "south.html",
    ]
    assert not (tmp_path / "North").exists()


@pytest.mark.slow
def test_build_writes_one_set_per_row_and_one_batch_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = _run(["build", str(_brief(tmp_path)), "-f", "html,epub", "-o", str(out)])
    assert code == ExitCode.OK, err
    for name in ("north", "south", "east"):
        assert (out / f"{name}.html").is_file()
        assert (out / f"{name}.epub").is_file()
        assert (out / f"{name}.report.json").is_file()
    assert '<html lang="es"' in (out / "south.html").read_text()
    report = json.loads((out / "batch.report.json").read_text())
    assert [entry["variant"] for entry in report["briefs"]] == ["north", "south", "east"]
    assert "[3/3]" in err  # plain progress lines when not on a terminal


def test_only_builds_the_keys_given_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    folder, out = _brief(tmp_path), tmp_path / "out"
    code, _, err = _run(["build", str(folder), "-f", "html", "-o", str(out), "--only", "east"])
    assert code == ExitCode.OK, err
    assert sorted(path.name for path in out.glob("*.html")) == ["east.html"]
    code, _, err = _run(["build", str(folder), "-f", "html", "-o", str(out), "--only", "west"])
    assert code == ExitCode.INPUT_ERROR
    assert "B425" in err


def test_check_lists_every_variants_findings(tmp_path: Path) -> None:
    code, printed, _ = _run(["check", str(_brief(tmp_path)), "--format", "json"])
    findings = json.loads(printed)["findings"]
    assert code == ExitCode.OK
    named = {item["message"].split(":")[0] for item in findings}
    assert named == {"variant 'north'", "variant 'south'", "variant 'east'"}


def test_a_rerun_rebuilds_only_what_is_missing(tmp_path: Path) -> None:
    folder = _brief(tmp_path)
    options = BuildOptions(formats=("html",), out_dir=tmp_path / "out", cache_dir=tmp_path / "c")
    first = build_many([folder], options, only=["south"])
    assert [item.cached for item in first] == [False]
    again = build_many([folder], options)
    assert [(item.variant, item.cached) for item in again] == [
        ("north", False),
        ("south", True),
        ("east", False),
    ]


def _dies_on_south(job: Job, options: BuildOptions) -> BatchItem:
    from brief.run.batch import build_one

    if job.row is not None and job.row.key == "south":
        os._exit(3)
    return build_one(job, options)


@pytest.mark.slow  # builds outputs or runs long
def test_a_killed_variant_never_stops_the_others(tmp_path: Path) -> None:
    options = BuildOptions(formats=("html",), out_dir=tmp_path / "out")
    items = build_many([_brief(tmp_path)], options, jobs=2, worker=_dies_on_south)
    assert [(item.variant, item.exit_code) for item in items] == [
        ("north", ExitCode.OK),
        ("south", ExitCode.INPUT_ERROR),
        ("east", ExitCode.OK),
    ]
    assert items[1].diagnostics[0].code == "B503"
    assert (tmp_path / "out" / "east.html").is_file()


def test_the_committed_example_has_two_dozen_clean_rows() -> None:
    reports = check_all(EXAMPLE)
    assert len(reports) >= 24
    assert all(not isinstance(report, BriefError) for report in reports)
    assert not any(
        report.fails(strict=True) for report in reports if not isinstance(report, BriefError)
    )
    assert len(
        {report.brief.name for report in reports if not isinstance(report, BriefError)}
    ) == len(reports)


def test_a_worker_needs_no_shared_disk(tmp_path: Path) -> None:
    from brief.run.batch import build_one, plan

    folder = _brief(tmp_path)
    jobs = [job for job in plan([folder]) if isinstance(job, Job)]
    folder.rename(tmp_path / "gone")  # as on a cluster's machine that never saw the folder
    options = BuildOptions(formats=("html",), out_dir=tmp_path / "out")
    item = build_one(jobs[1], options)
    assert item.exit_code == ExitCode.OK, item.diagnostics
    assert sorted(item.files) == ["south.html", "south.report.json"]
    assert not (tmp_path / "out").exists()  # the worker returns bytes; the client publishes


def test_an_output_folder_that_cannot_be_written_stops_the_batch_before_building(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "out"
    blocked.write_text("a file, not a folder")
    built: list[Job] = []

    def never(job: Job, options: BuildOptions) -> BatchItem:
        built.append(job)
        raise AssertionError("nothing should be built")

    with pytest.raises(BriefError) as caught:
        build_many(
            [_brief(tmp_path)], BuildOptions(formats=("html",), out_dir=blocked), worker=never
        )
    assert caught.value.diagnostics[0].code == "B410"
    assert built == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_shows_a_bar_with_counts_instead_of_plain_lines(tmp_path: Path) -> None:
    out, err = io.StringIO(), _Terminal()
    argv = ["build", str(_brief(tmp_path)), "-f", "html", "-o", str(tmp_path / "out")]
    assert main(argv, out, err) == ExitCode.OK
    shown = err.getvalue()
    assert "/3" in shown  # rich's count column: 0/3 … 3/3
    assert "[3/3]" not in shown  # the plain lines are for logs


def test_editors_accept_a_whole_cell_as_a_figures_value_and_nothing_else() -> None:
    import jsonschema
    import yaml

    from brief.read.jsonschema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    source = yaml.load((EXAMPLE / "brief.yaml").read_text(), Loader=yaml.BaseLoader)  # all text
    figure = source["figures"][0]
    assert figure["value"] == "{row:poverty_pct}"
    assert not list(validator.iter_errors({"figures": [figure]} | _meta()))
    figure["value"] = "12 percent"
    assert list(validator.iter_errors({"figures": [figure]} | _meta()))


def _meta() -> dict[str, object]:
    return {"brief": 1, "meta": {"title": "t", "lang": "en", "date": "2024-01-01"}}
