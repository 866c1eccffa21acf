"""SARIF 2.1.0 output of `brief check --format sarif`, so code hosts annotate the YAML line.

In: diagnostics. Out: a SARIF log as JSON text (one run, one rule per code, one result per finding).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from brief.errors import Diagnostic, Severity
from brief.version import __version__

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[diagnostic.severity],
        "message": {
            "text": diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
        },
    }
    if diagnostic.location:
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": diagnostic.location.path.replace("\\", "/"),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": {
                        "startLine": diagnostic.location.line,
                        "startColumn": diagnostic.location.column,
                    },
                }
            }
        ]
    if diagnostic.subjects:
        result["properties"] = {"subjects": list(diagnostic.subjects)}
    return result


def format_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """Return a SARIF 2.1.0 log of the diagnostics."""
    codes = sorted({diagnostic.code for diagnostic in diagnostics})
    index = {code: position for position, code in enumerate(codes)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "brief",
                        "version": __version__,
                        "informationUri": "https://brief.invalid/docs/findings",
                        "rules": [
                            {
                                "id": code,
                                "shortDescription": {"text": code},
                                "helpUri": "https://brief.invalid/docs/findings#" + code.lower(),
                            }
                            for code in codes
                        ],
                    }
                },
                "results": [
                    _result(diagnostic, index[diagnostic.code]) for diagnostic in diagnostics
                ],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
