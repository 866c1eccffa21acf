"""Claims without a number (issue 12): loaded, verified in the source copy, printed with the
figures in every format and the reader's language, and citable from prose as {claim:id}."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

import brief
from brief import BuildOptions
from brief.errors import BriefError

COPY = "The trust called it the largest gift in the city's history, a spokeswoman said.\n"

BRIEF = """\
brief: 1
meta: {title: Gift, lang: es, date: 2024-01-01}
summary: "La fundación habla de {claim:largest} [@s]."
people:
  - {id: trust, name: Harbour Trust, kind: organization, aliases: [the trust]}
claims:
  - id: largest
    text: la mayor donación de la historia de la ciudad
    claimant: the trust
    source: s
    as_reported: "the largest gift in the city's history"
    locator: paragraph 1
sources:
  - {id: s, title: The gift, publisher: Harbour Trust, published: 2023-06-01, text: copy.txt}
"""


def _folder(write_brief: Callable[[str], Path], text: str = BRIEF) -> Path:
    folder = write_brief(text)
    (folder / "copy.txt").write_text(COPY, encoding="utf-8")
    return folder


def test_a_claim_loads_with_its_claimants(write_brief: Callable[[str], Path]) -> None:
    report = brief.check(_folder(write_brief))
    (claim,) = report.brief.claims
    assert claim.claimant == ("the trust",)
    assert report.brief.claimant_names(claim) == ("Harbour Trust",)
    assert not [f for f in report.findings if f.code in ("F-unverified", "S-uncited")]


def test_a_claim_citing_an_unknown_source_or_an_unknown_claim_is_refused(
    write_brief: Callable[[str], Path],
) -> None:
    text = BRIEF.replace("source: s\n", "source: nowhere\n").replace(
        "{claim:largest}", "{claim:largets}"
    )
    with pytest.raises(BriefError) as caught:
        brief.check(_folder(write_brief, text))
    codes = {d.code: d for d in caught.value.diagnostics}
    assert set(codes) == {"B302", "B304"}
    assert "did you mean 'largest'?" in codes["B304"].hint


@pytest.mark.slow  # builds outputs or runs long
def test_a_claim_prints_with_the_figures_in_every_format_in_the_readers_language(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "dist"
    result = brief.build(_folder(write_brief), BuildOptions(out_dir=out))
    assert not result.stopped
    html = (out / "case.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="claims-h">Otras afirmaciones</h3>', html)
    assert re.search(r'<li id="largest">.*la mayor donación.*Harbour Trust', html)
    assert 'href="#largest"' in html  # {claim:largest} in the summary links to it
    with zipfile.ZipFile(out / "case.epub") as epub:
        figures = next(n for n in epub.namelist() if n.endswith("figures.xhtml"))
        assert "Otras afirmaciones" in epub.read(figures).decode()
    pdf = " ".join(page.extract_text() for page in pypdf.PdfReader(out / "case.pdf").pages)
    assert "Otras afirmaciones" in pdf
    assert "la mayor donación de la historia" in pdf.replace("\n", " ")
    report = json.loads((out / "case.report.json").read_text(encoding="utf-8"))
    (claim,) = report["claims"]
    assert claim["claim"] == "largest"
    assert claim["line"] == 1
    assert claim["selector"]["exact"] == "the largest gift in the city's history"


def test_a_handout_at_its_last_fit_level_prints_the_key_claims_and_points_to_the_rest(
    write_brief: Callable[[str], Path],
) -> None:
    from brief.analyse import analyse
    from brief.compose.assemble import compose
    from brief.compose.render import KEY_FIGURES_FIT, printed_claims, render_page

    many = "".join(f"  - {{id: c{n}, text: claim number {n}, source: s}}\n" for n in range(12))
    text = BRIEF.replace("claims:\n", "claims:\n" + many).replace("lang: es", "lang: en")
    report = brief.check(_folder(write_brief, text))
    document = compose(report.brief, analyse(report.brief))
    assert len(printed_claims(document, "pdf", 0)) == 13  # as designed: every claim
    assert len(printed_claims(document, "html", KEY_FIGURES_FIT)) == 13
    assert printed_claims(document, "pdf", KEY_FIGURES_FIT) == ("largest",)  # cited in prose
    page = render_page(document, "pdf", KEY_FIGURES_FIT)
    assert "12 more claims are in the full brief and the ebook." in page
    assert "claim number 3" not in page
