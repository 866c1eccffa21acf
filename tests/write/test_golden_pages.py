"""Visual regression (issue 5): the example's pages, rasterised at 40 dpi in grey, compared with the
golden PNGs in tests/golden-pages/ within a tolerance.

Two measures, both on 0–255 grey levels:
- the **mean difference** over the page (at most 3): catches a page whose whole layout moved, a
  changed font or type size, a theme colour gone wrong;
- the **worst 16×16-pixel tile** (mean difference at most 40): catches a local change the mean
  hides, such as a missing QR code or logo, a paragraph that reflowed, a marker that vanished.
Anti-aliasing differences between FreeType or poppler versions move edges by a fraction of a pixel:
a tile of text then differs by a few levels on average, far below 40.

After a deliberate change of the layout, look at the new pages, then refresh the goldens with
`bash scripts/refresh-golden-pages.sh` and commit them (tests/golden-pages/README.md).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

import brief
from brief import BuildOptions, Layout
from tests.conftest import ROOT, require_tool

EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

GOLDEN = Path(__file__).parents[1] / "golden-pages"
DPI = 40
TILE = 16
MAX_MEAN = 3.0
MAX_TILE = 40.0
REFRESH = os.environ.get("BRIEF_REFRESH_GOLDEN") == "1"


def rasterise(pdf: Path, folder: Path, name: str) -> list[Path]:
    """Render every page of `pdf` as a grey PNG at DPI; return the files in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / name
    subprocess.run(
        [require_tool("pdftoppm"), "-r", str(DPI), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
    )
    return sorted(folder.glob(f"{name}-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))


def difference(actual: Image.Image, golden: Image.Image) -> tuple[float, float]:
    """Return (mean difference over the page, mean difference of the worst tile)."""
    diff = ImageChops.difference(actual.convert("L"), golden.convert("L"))
    mean = ImageStat.Stat(diff).mean[0]
    worst = 0.0
    for top in range(0, diff.height, TILE):
        for left in range(0, diff.width, TILE):
            tile = diff.crop(
                (left, top, min(left + TILE, diff.width), min(top + TILE, diff.height))
            )
            worst = max(worst, ImageStat.Stat(tile).mean[0])
    return mean, worst


def similar(actual: Image.Image, golden: Image.Image) -> bool:
    """Return whether a page matches its golden within the tolerance."""
    if actual.size != golden.size:
        return False
    mean, worst = difference(actual, golden)
    return mean <= MAX_MEAN and worst <= MAX_TILE


@pytest.mark.parametrize(
    ("fixture", "name"),
    [
        ("built_handout_a4", "handout-a4"),
        ("built_handout_letter", "handout-letter"),
        ("built_brief_layout", "brief-a4"),
    ],
)
def test_example_pages_match_the_golden_pngs(
    fixture: str, name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    _compare(request.getfixturevalue(fixture) / "thorn.pdf", name, tmp_path)


GALLERY = sorted(path.parent.name for path in EXAMPLES.glob("gallery/*/brief.yaml"))


@pytest.mark.parametrize("slug", GALLERY)
def test_gallery_handout_pages_match_the_golden_pngs(slug: str, tmp_path: Path) -> None:
    """Every gallery brief's A4 handout: the briefs unlike the example, with logos, other
    languages, right to left, QR codes and the last fit level."""
    options = BuildOptions(formats=("pdf",), out_dir=tmp_path / "out", layout=Layout.HANDOUT)
    result = brief.build(EXAMPLES / "gallery" / slug, options)
    _compare(Path(result.outputs[0].path), f"gallery-{slug}", tmp_path)


def _compare(pdf: Path, name: str, tmp_path: Path) -> None:
    """Compare every page of `pdf` with its golden PNG (or rewrite the goldens when refreshing)."""
    pages = rasterise(pdf, tmp_path / "actual", name)
    if REFRESH:
        for old in GOLDEN.glob(f"{name}-*.png"):
            old.unlink()
        for page in pages:
            Image.open(page).save(GOLDEN / page.name, optimize=True)
    goldens = sorted(GOLDEN.glob(f"{name}-[0-9]*.png"))
    assert goldens, f"no golden pages for {name}: run scripts/refresh-golden-pages.sh"
    assert [page.name for page in pages] == [golden.name for golden in goldens], "page count"
    failures = []
    for page, golden in zip(pages, goldens, strict=True):
        actual, expected = Image.open(page), Image.open(golden)
        if not similar(actual, expected):
            diff = ImageChops.difference(actual.convert("L"), expected.convert("L"))
            diff.point(lambda level: 255 - min(255, level * 4)).save(page.with_suffix(".diff.png"))
            size_note = "" if actual.size == expected.size else f" size {actual.size}"
            scores = difference(actual, expected) if not size_note else (0, 0)
            failures.append(
                f"{page.name}: mean {scores[0]:.1f}, worst tile {scores[1]:.1f}{size_note}; "
                f"actual {page}, diff {page.with_suffix('.diff.png')}"
            )
    assert not failures, "\n".join(failures)


def _golden_page(number: int = 1) -> Image.Image:
    return Image.open(GOLDEN / f"handout-a4-{number}.png").convert("L")


def test_the_comparison_accepts_anti_aliasing_noise() -> None:
    golden = _golden_page()
    noisy = golden.point(lambda level: min(255, level + 6) if level % 2 else max(0, level - 6))
    assert similar(noisy, golden)


def test_the_comparison_rejects_a_missing_block() -> None:
    """A QR code's worth of page (15 mm, about 24 px at 40 dpi) painted white is caught: the
    darkest such square of page 2, which holds the sources' QR codes."""
    golden = _golden_page(2)
    darkest = min(
        (
            (left, top)
            for top in range(0, golden.height - 24, 12)
            for left in range(0, golden.width - 24, 12)
        ),
        key=lambda at: ImageStat.Stat(golden.crop((*at, at[0] + 24, at[1] + 24))).mean[0],
    )
    altered = golden.copy()
    ImageDraw.Draw(altered).rectangle((*darkest, darkest[0] + 24, darkest[1] + 24), fill=255)
    assert not similar(altered, golden)


def test_the_comparison_rejects_a_layout_moved_by_a_line() -> None:
    golden = _golden_page()
    moved = Image.new("L", golden.size, 255)
    moved.paste(golden, (0, 8))  # everything 8 px (about one line at 40 dpi) lower
    assert not similar(moved, golden)


def test_the_comparison_rejects_another_page_size() -> None:
    golden = _golden_page()
    assert not similar(golden.crop((0, 0, golden.width, golden.height - 10)), golden)
