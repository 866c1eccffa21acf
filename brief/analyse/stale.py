"""C-stale: an author's caveat `covers` a finding code that answers no finding any more.

In: a `Brief` and the other checks' findings. Out: findings about the author's caveats. A caveat
answers a finding when `covers` names its code and `about` names every one of its subjects
(the rule `caveats.plan_caveats` uses to let the caveat replace the automatic one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from brief.analyse.findings import Finding
from brief.analyse.limits import is_limit_note
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Caveat


def answers(caveat: Caveat, finding: Diagnostic) -> bool:
    """Return whether an author's caveat answers (and so replaces) a finding."""
    if is_limit_note(finding):  # about the analysis, not the brief: nothing to answer
        return False
    return finding.code in caveat.covers and set(finding.subjects) <= set(caveat.about)


class FindingIndex:
    """Findings by code and subject, so that each caveat meets only the findings it names.

    Comparing every caveat with every finding grew with the square: 20,000 caveats and as many
    findings made 400 million comparisons.
    """

    def __init__(self, findings: Sequence[Diagnostic]) -> None:
        self.findings = findings
        self.by_subject: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.unnamed: dict[str, list[int]] = defaultdict(list)
        for number, finding in enumerate(findings):
            for subject in dict.fromkeys(finding.subjects):
                self.by_subject[(finding.code, subject)].append(number)
            if not finding.subjects:
                self.unnamed[finding.code].append(number)

    def naming(self, code: str, about: Sequence[str]) -> list[int]:
        """Return the findings of `code` with a subject in `about`, in order."""
        found = {n for subject in about for n in self.by_subject.get((code, subject), ())}
        return sorted(found)

    def answered_by(self, caveat: Caveat, code: str) -> list[int]:
        """Return the findings of `code` that `caveat` answers, in order."""
        candidates = self.naming(code, caveat.about) + self.unnamed.get(code, [])
        return sorted(n for n in candidates if answers(caveat, self.findings[n]))


def _partly(caveat: Caveat, code: str, index: FindingIndex) -> list[str]:
    """Return the subjects missing from `about` for findings of `code` it partly names."""
    missing: list[str] = []
    for number in index.naming(code, caveat.about):
        subjects = index.findings[number].subjects
        missing += [s for s in subjects if s not in caveat.about and s not in missing]
    return missing


def find_stale_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> list[Diagnostic]:
    """C-stale: a code in a caveat's `covers` that answers none of the other findings."""
    caveats = brief.caveats
    index = FindingIndex(findings)
    found: list[Diagnostic] = []
    for caveat in caveats:
        for position, code in enumerate(caveat.covers):
            if index.answered_by(caveat, code):
                continue
            missing = _partly(caveat, code, index)
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
                    caveat.locate(f"covers.{position}"),
                    f"add {', '.join(missing)} to `about:`"
                    if missing
                    else f"remove {code} from `covers:`, or the caveat if it no longer applies",
                    caveat.about,
                )
            )
    return found
