"""C-stale: an author's caveat `covers` a finding code that answers no finding any more.

In: a `Brief` and the other checks' findings. Out: findings about the author's caveats. A caveat
answers a finding when `covers` names its code and `about` names every one of its subjects
(the rule `caveats.plan_caveats` uses to let the caveat replace the automatic one).
"""

from __future__ import annotations

from collections.abc import Sequence

from brief.analyse import Finding, run_checks
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Caveat


def answers(caveat: Caveat, finding: Diagnostic) -> bool:
    """Return whether an author's caveat answers (and so replaces) a finding."""
    return finding.code in caveat.covers and set(finding.subjects) <= set(caveat.about)


def _partly(caveat: Caveat, code: str, findings: Sequence[Diagnostic]) -> list[str]:
    """Return the subjects missing from `about` for findings of `code` it partly names."""
    missing: list[str] = []
    for finding in findings:
        if finding.code == code and set(finding.subjects) & set(caveat.about):
            missing += [s for s in finding.subjects if s not in caveat.about and s not in missing]
    return missing


def find_stale_caveats(
    caveats: Sequence[Caveat], findings: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """C-stale: a code in a caveat's `covers` that answers none of the findings."""
    found: list[Diagnostic] = []
    for caveat in caveats:
        for index, code in enumerate(caveat.covers):
            if any(answers(caveat, f) for f in findings if f.code == code):
                continue
            missing = _partly(caveat, code, findings)
            about = ", ".join(caveat.about) or "its subjects"
            why = (
                f"the {code} finding now also concerns {', '.join(missing)}"
                if missing
                else f"no {code} finding concerns {about} any more"
            )
            found.append(
                Finding(
                    "C-stale",
                    Severity.WARNING,
                    f"this caveat covers {code}, but it answers no finding: {why}",
                    caveat.locate(f"covers.{index}"),
                    f"add {', '.join(missing)} to `about:`"
                    if missing
                    else f"remove {code} from `covers:`, or the caveat if it no longer applies",
                    caveat.about,
                )
            )
    return found


def check_stale_caveats(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """C-stale, as a registered check: runs the other checks first, then compares."""
    return find_stale_caveats(brief.caveats, run_checks(brief, as_of))
