"""`check --format sarif` validates against the OASIS SARIF 2.1.0 schema (tests/vendor)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

SCHEMA = json.loads((Path(__file__).parents[1] / "vendor" / "sarif-2.1.0-rtm.5.json").read_text())

BROKEN = "brief: 1\nmeta:\n  titel: x\n  lang: en\n  date: 2020-01-01\n"


def test_sarif_of_the_example_is_valid_sarif_2_1_0(
    run_cli: Callable[..., tuple[int, str, str]], example_path: Path
) -> None:
    _, out, _ = run_cli("check", str(example_path), "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1


def test_sarif_of_a_broken_source_names_the_yaml_line(
    run_cli: Callable[..., tuple[int, str, str]], write_brief: Callable[[str], Path]
) -> None:
    code, out, _ = run_cli("check", str(write_brief(BROKEN)), "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert code == 2
    first = log["runs"][0]["results"][0]
    assert first["ruleId"] == "B201"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 3}
