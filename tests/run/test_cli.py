"""The command line in-process: exit codes 0/1/2, diagnostics on stderr, outputs listed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import brief

RunCli = Callable[..., tuple[int, str, str]]

BROKEN = """\
brief: 1
meta:
  titel: Typo
  lang: en
  date: 2020-01-01
"""

UNVERIFIED = """\
brief: 1
meta: {title: Quotes, lang: en, date: 2020-01-01}
quotes:
  - id: q1
    text: "Words nobody said"
    speaker: Someone
    source: copy
sources:
  - id: copy
    title: Local copy
    publisher: Example
    text: copy.txt
"""


def test_version_prints_the_package_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "brief", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"brief {brief.__version__}"


def test_check_of_the_example_exits_zero_and_prints_a_summary(
    run_cli: RunCli, example_path: Path
) -> None:
    code, out, err = run_cli("check", str(example_path))
    assert code == 0, err
    assert "errors" in out.splitlines()[-1]


def test_check_names_file_line_and_column_and_exits_two(
    run_cli: RunCli, write_brief: Callable[[str], Path]
) -> None:
    folder = write_brief(BROKEN)
    code, _, err = run_cli("check", str(folder))
    assert code == 2
    assert "brief.yaml:3:3: error B201: unknown key 'titel'" in err
    assert "did you mean 'title'?" in err
    assert "B202" in err  # the missing title is reported in the same run
    assert "Traceback" not in err


def test_check_json_goes_to_stdout_even_on_exit_two(
    run_cli: RunCli, write_brief: Callable[[str], Path]
) -> None:
    code, out, _ = run_cli("check", str(write_brief(BROKEN)), "--format", "json")
    payload = json.loads(out)
    assert code == 2
    assert payload["version"] == 1
    assert payload["summary"]["error"] == len(payload["findings"]) >= 2
    first = payload["findings"][0]
    assert set(first) == {"code", "severity", "message", "hint", "subjects", "location"}
    assert set(first["location"]) == {"path", "line", "column"}


def test_build_failure_leaves_the_output_folder_untouched(
    run_cli: RunCli, write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    out_dir = tmp_path / "dist"
    code, _, _ = run_cli("build", str(write_brief(BROKEN)), "-o", str(out_dir))
    assert code == 2
    assert not out_dir.exists()


def test_an_unverified_quote_is_an_error_finding_with_exit_one(
    run_cli: RunCli, write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(UNVERIFIED)
    (folder / "copy.txt").write_text("Somebody said other words entirely.", encoding="utf-8")
    code, out, _ = run_cli("check", str(folder))
    assert code == 1
    assert "Q-unverified" in out
    code, _, _ = run_cli("build", str(folder), "-o", str(tmp_path / "dist"))
    assert code == 1
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


def test_build_writes_and_lists_the_requested_formats(
    run_cli: RunCli, example_path: Path, tmp_path: Path
) -> None:
    code, out, err = run_cli("build", str(example_path), "-f", "epub,html", "-o", str(tmp_path))
    assert code == 0, err
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "thorn.epub",
        "thorn.html",
        "thorn.report.json",
    ]
    assert len(out.splitlines()) == 2
    assert "bytes" in out


def test_unknown_format_is_a_usage_error(run_cli: RunCli, example_path: Path) -> None:
    code, _, _ = run_cli("build", str(example_path), "-f", "docx")
    assert code == 2


def test_new_scaffolds_a_brief_that_checks_clean(run_cli: RunCli, tmp_path: Path) -> None:
    code, _, _ = run_cli("new", str(tmp_path / "my-brief"))
    assert code == 0
    code, out, err = run_cli("check", str(tmp_path / "my-brief"))
    assert code == 0, out + err
    code, _, err = run_cli("new", str(tmp_path / "my-brief"))
    assert code == 2
    assert "already exists" in err


def test_schema_prints_a_json_schema_naming_every_top_level_key(run_cli: RunCli) -> None:
    code, out, _ = run_cli("schema")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["properties"]) == set(brief.schema.BRIEF)
    assert schema["required"] == ["brief", "meta"]


@pytest.mark.slow  # builds outputs
def test_check_and_epub_builds_never_import_weasyprint(example_path: Path, tmp_path: Path) -> None:
    script = (
        "import sys, brief\n"
        f"brief.check({str(example_path)!r})\n"
        f"brief.build({str(example_path)!r}, brief.BuildOptions(out_dir=__import__('pathlib')"
        f".Path({str(tmp_path)!r}), formats=('epub', 'html')))\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


@pytest.mark.slow  # builds outputs
def test_a_batch_builds_every_brief_and_exits_with_the_worst_code(
    run_cli: RunCli, example_path: Path, write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    broken = write_brief(BROKEN, name="broken")
    out = tmp_path / "dist"
    code, stdout, err = run_cli(
        "build", str(example_path), str(broken), "-f", "html", "-j", "2", "-o", str(out)
    )
    assert code == 2
    assert "thorn.html" in stdout
    assert "broken/brief.yaml:3:3" in err
    report = json.loads((out / "batch.report.json").read_text())
    assert [item["exit_code"] for item in report["briefs"]] == [0, 2]
    assert report["exit_code"] == 2


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e-6", "0.001", "1e9", "soon"])
def test_a_time_limit_that_is_no_usable_number_of_seconds_is_refused_cleanly(
    value: str, run_cli: RunCli, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run_cli("build", "examples/thorn", "--time-limit", value)
    printed = capsys.readouterr().err  # argparse prints its usage errors itself
    assert code == 2
    assert "--time-limit" in printed
    assert "Traceback" not in printed


def test_control_characters_in_a_folder_name_are_never_printed_or_written(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    folder = tmp_path / "food\x1b[31mbank\nerror B999: fake"
    folder.mkdir()
    (folder / "brief.yaml").write_text("brief: 1\nmeta: {title: x}\n", encoding="utf-8")
    code, out, err = run_cli("build", str(folder), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "\x1b" not in out + err
    assert all(
        line.startswith(("    hint", "/", "brief")) or ": " in line for line in err.splitlines()
    )
    assert "food?[31mbank?error B999" in err
    folder.joinpath("brief.yaml").write_text(
        "brief: 1\nmeta: {title: x, lang: en, date: 2024-01-01}\n", encoding="utf-8"
    )
    code, out, err = run_cli("build", str(folder), "-o", str(tmp_path / "out"), "-f", "html")
    assert code == 0, err
    assert [path.name for path in (tmp_path / "out").iterdir() if path.suffix == ".html"] == [
        "food-[31mbank-error B999: fake.html"
    ]


def test_check_reports_every_source_not_only_the_first_broken_one(run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "check",
        "/nonexistent-brief",
        "tests/cases/refused/033-markdown-javascript-link",
        "examples/thorn",
    )
    assert code == 2
    assert "B100" in err  # the missing one
    assert "B307" in err  # the broken one after it
    assert "7 warnings" in out  # and the good one after both


ONE_SOURCE = """\
brief: 1
meta: {title: Gift, lang: en, date: 2024-01-01}
figures:
  - {id: a, value: 100, unit: USD, counts: dollars given, source: s, period: "2009"}
  - {id: b, value: 3, counts: years of giving, source: s, period: "2009"}
  - {id: c, value: 40, counts: charities helped, source: s, period: "2009"}
  - {id: d, value: 7, counts: staff hired, source: t, period: "2023"}
sources:
  - {id: s, title: The gift, publisher: Example}
  - {id: t, title: Staff, publisher: Other}
"""


def test_check_prints_one_line_per_source_for_single_source_and_stale_notes(
    run_cli: RunCli, write_brief: Callable[[str], Path]
) -> None:
    folder = write_brief(ONE_SOURCE)
    _, out, _ = run_cli("check", str(folder))
    single = [line for line in out.splitlines() if "F-single-source" in line]
    stale = [line for line in out.splitlines() if "F-stale" in line]
    assert len(single) == 2  # source s (a, b and c) and source t (d)
    assert "“The gift”" in single[0]
    assert all(f"“{number}" in single[0] for number in ("$100", "3 ", "40"))
    assert len(stale) == 1
    assert "(2009)" in stale[0]
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 7 notes"  # every finding still counted


def test_check_prints_one_line_per_source_for_figures_taken_as_of_its_publication(
    run_cli: RunCli, write_brief: Callable[[str], Path]
) -> None:
    text = ONE_SOURCE.replace(', period: "2009"', "").replace(
        "publisher: Example}", "publisher: Example, published: 2007}"
    )
    _, out, _ = run_cli("check", str(write_brief(text)))
    undated = [line for line in out.splitlines() if "F-undated" in line]
    assert len(undated) == 1
    assert "taken as of 2007, when “The gift” [s] was published" in undated[0]
    assert out.splitlines()[-1] == "0 errors, 0 warnings, 10 notes"


def test_check_json_keeps_one_finding_per_figure(
    run_cli: RunCli, write_brief: Callable[[str], Path]
) -> None:
    folder = write_brief(ONE_SOURCE)
    _, out, _ = run_cli("check", "--format", "json", str(folder))
    codes = [finding["code"] for finding in json.loads(out)["findings"]]
    assert codes.count("F-single-source") == 4
    assert codes.count("F-stale") == 3


def test_check_counts_the_errors_of_a_refused_source(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "brief.yaml").write_text(
        "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01}\nfigures: 3\n", encoding="utf-8"
    )
    code, out, err = run_cli("check", str(folder))
    assert code == 2
    assert "B203" in err
    assert out.strip().splitlines()[-1].startswith("1 error,")  # never "0 errors" beside one
