"""`brief new`: a folder that shows every section of the format, with comments, and that checks
and builds as it is, whatever the folder is called."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import brief
from brief import BuildOptions, schema
from brief.run.scaffold import scaffold


def test_the_scaffold_shows_every_section_of_the_format(tmp_path: Path) -> None:
    text = (scaffold(tmp_path / "pantry-facts") / "brief.yaml").read_text(encoding="utf-8")
    shown = set(re.findall(r"^(?:# )?([a-z_]+):", text, re.MULTILINE))
    assert set(schema.BRIEF) <= shown


def test_the_scaffold_checks_clean_and_builds(tmp_path: Path) -> None:
    folder = scaffold(tmp_path / "pantry-facts")
    report = brief.check(folder)
    assert not [d for d in report.findings if d.code.startswith("B")]
    result = brief.build(folder, BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    page = (tmp_path / "out" / "pantry-facts.html").read_text(encoding="utf-8")
    assert result.outputs
    assert "<h1>Pantry Facts</h1>" in page
    assert "Alex Example" in page


@pytest.mark.parametrize("name", ['say "hi"', "back\\slash", "colon: yes", "# hash", "{brace}"])
def test_any_folder_name_makes_a_valid_brief(tmp_path: Path, name: str) -> None:
    folder = scaffold(tmp_path / name)
    assert brief.check(folder).findings is not None  # loads: no BriefError
