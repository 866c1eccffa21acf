"""The output cache: an unchanged rebuild re-publishes identical bytes; any change rebuilds."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import brief
from brief import BuildOptions
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)


def test_an_unchanged_rebuild_comes_from_the_cache_with_identical_bytes(tmp_path: Path) -> None:
    options = BuildOptions(
        out_dir=tmp_path / "one", formats=("pdf", "html"), cache_dir=tmp_path / "cache"
    )
    first = brief.build(EXAMPLE, options)
    second = brief.build(
        EXAMPLE,
        BuildOptions(
            out_dir=tmp_path / "two", formats=("pdf", "html"), cache_dir=tmp_path / "cache"
        ),
    )
    assert not first.cached
    assert second.cached
    assert [o.sha256 for o in first.outputs] == [o.sha256 for o in second.outputs]
    assert second.outputs[0].path == str(tmp_path / "two" / "thorn.pdf")
    for name in ("thorn.pdf", "thorn.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_changed_source_or_option_is_built_again(tmp_path: Path) -> None:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    cache = tmp_path / "cache"
    brief.build(folder, BuildOptions(out_dir=tmp_path / "a", formats=("html",), cache_dir=cache))
    other_option = brief.build(
        folder,
        BuildOptions(
            out_dir=tmp_path / "b", formats=("html",), cache_dir=cache, paper=brief.Paper.LETTER
        ),
    )
    assert not other_option.cached
    summary = folder / "summary.md"
    summary.write_text(summary.read_text() + "\nOne more sentence.\n")
    changed = brief.build(
        folder, BuildOptions(out_dir=tmp_path / "c", formats=("html",), cache_dir=cache)
    )
    assert not changed.cached
    assert "One more sentence." in (tmp_path / "c" / "thorn.html").read_text()


def test_no_cache_option_always_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    from brief.run.cli import main

    assert main(["build", str(EXAMPLE), "-f", "html", "-o", str(tmp_path / "a"), "-q"]) == 0
    assert (tmp_path / "xdg" / "brief").is_dir()
    assert (
        main(["build", str(EXAMPLE), "-f", "html", "-o", str(tmp_path / "b"), "-q", "--no-cache"])
        == 0
    )


def test_a_cached_pdf_rebuild_never_imports_weasyprint(tmp_path: Path) -> None:
    import subprocess
    import sys

    cache = tmp_path / "cache"
    brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path / "one", formats=("pdf",), cache_dir=cache))
    script = (
        "import sys, brief\n"
        "from pathlib import Path\n"
        f"options = brief.BuildOptions(out_dir=Path({str(tmp_path / 'two')!r}),"
        f" formats=('pdf',), cache_dir=Path({str(cache)!r}))\n"
        f"result = brief.build({str(EXAMPLE)!r}, options)\n"
        "print(result.cached, 'weasyprint' in sys.modules)\n"
    )
    reply = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert reply.split() == ["True", "False"]
    assert (tmp_path / "two" / "thorn.pdf").read_bytes() == (
        tmp_path / "one" / "thorn.pdf"
    ).read_bytes()


# --- The cache is untrusted: hashes checked, bad entries are misses, the index names no path ---


def _options(out: Path, cache: Path, formats: tuple[str, ...] = ("html",)) -> BuildOptions:
    return BuildOptions(out_dir=out, formats=formats, cache_dir=cache)


def _cache_files(cache: Path) -> list[Path]:
    return sorted(path for path in cache.rglob("*") if path.is_file())


def _index_files(cache: Path, outputs: list[bytes]) -> list[Path]:
    """Every cached file that is not an output's bytes: the index, whatever the layout."""
    return [path for path in _cache_files(cache) if path.read_bytes() not in outputs]


def _report_hashes(out: Path, name: str = "thorn") -> dict[str, tuple[int, str]]:
    report = json.loads((out / f"{name}.report.json").read_text())
    return {o["format"]: (o["size"], o["sha256"]) for o in report["outputs"]}


def _actual(out: Path, fmt: str, name: str = "thorn") -> tuple[int, str]:
    data = (out / f"{name}.{fmt}").read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def test_a_cached_output_edited_in_place_is_rebuilt_and_reported_truly(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = brief.build(EXAMPLE, _options(tmp_path / "one", cache, ("pdf", "html")))
    good = (tmp_path / "one" / "thorn.pdf").read_bytes()
    edited = [path for path in _cache_files(cache) if path.read_bytes() == good]
    assert edited
    for path in edited:
        path.write_bytes(good.replace(b"Thorn", b"Th0rn") + b"%% edited in the cache\n")
    second = brief.build(EXAMPLE, _options(tmp_path / "two", cache, ("pdf", "html")))
    assert not second.cached
    assert (tmp_path / "two" / "thorn.pdf").read_bytes() == good
    assert _report_hashes(tmp_path / "two")["pdf"] == _actual(tmp_path / "two", "pdf")
    assert [o.sha256 for o in second.outputs] == [o.sha256 for o in first.outputs]
    third = brief.build(EXAMPLE, _options(tmp_path / "three", cache, ("pdf", "html")))
    assert third.cached  # the bad entry was replaced
    assert (tmp_path / "three" / "thorn.pdf").read_bytes() == good


def test_a_missing_cached_output_is_a_miss(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    brief.build(EXAMPLE, _options(tmp_path / "one", cache))
    page = (tmp_path / "one" / "thorn.html").read_bytes()
    for path in _cache_files(cache):
        if path.read_bytes() == page:
            path.unlink()
    again = brief.build(EXAMPLE, _options(tmp_path / "two", cache))
    assert not again.cached
    assert (tmp_path / "two" / "thorn.html").read_bytes() == page


CORRUPT_INDEXES = [
    b"",
    b"\x00\xff\xfe garbage \x80",
    b"[" * 100_000,
    b"null",
    b"42",
    b'"outputs"',
    b"[]",
    b"{}",
    b"[1, 2]",
    b'[{"format": "html"}]',
    b'[{"format": 1, "path": [], "size": "x", "sha256": null}]',
    b'{"version": 4, "files": []}',
    b'{"version": 4, "files": {"html": "not a mapping"}}',
    b'{"version": 4, "files": {"html": {"sha256": 5, "pages": null, "fit": null}}}',
    json.dumps({"version": 4, "files": {"html": {"sha256": "0" * 64, "pages": "1"}}}).encode(),
]


@pytest.mark.parametrize("raw", CORRUPT_INDEXES, ids=range(len(CORRUPT_INDEXES)))
def test_a_corrupt_index_is_a_miss_and_is_replaced(tmp_path: Path, raw: bytes) -> None:
    cache = tmp_path / "cache"
    brief.build(EXAMPLE, _options(tmp_path / "one", cache))
    page = (tmp_path / "one" / "thorn.html").read_bytes()
    indexes = _index_files(cache, [page])
    assert indexes
    for path in indexes:
        path.write_bytes(raw)
    again = brief.build(EXAMPLE, _options(tmp_path / "two", cache))
    assert not again.cached
    assert (tmp_path / "two" / "thorn.html").read_bytes() == page
    assert brief.build(EXAMPLE, _options(tmp_path / "three", cache)).cached


HOSTILE_NAMES = [
    "../x.html",
    "../../x",
    ".bashrc",
    "/tmp/brief-cache-attack",
    "thorn.pdf/../../x",
    "",
    ".",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_forged_index_never_names_an_output(tmp_path: Path, name: str) -> None:
    """The issue's attack on the old layout (`<cache>/<key>/outputs.json` naming the files to
    publish) and the same names in every field of the current index."""
    cache = tmp_path / "cache"
    brief.build(EXAMPLE, _options(tmp_path / "one", cache))
    page = (tmp_path / "one" / "thorn.html").read_bytes()
    digest = hashlib.sha256(b"export EVIL=1\n").hexdigest()
    entry = {"format": "html", "path": name, "size": 14, "sha256": digest}
    indexes = _index_files(cache, [page])
    for path in indexes:
        forged = {
            "version": 4,
            "files": {
                name: {
                    "sha256": name,
                    "pages": None,
                    "fit": None,
                    "quotes_shown": None,
                    "figures_shown": None,
                }
            },
        }
        forged["files"]["html"] = {"sha256": name or "0", **_NO_COUNTS}
        path.write_text(json.dumps(forged))
    for key in {path.stem for path in indexes} | {path.parent.name for path in indexes}:
        if len(key) != 64:
            continue
        old = cache / key
        old.mkdir(exist_ok=True)
        (old / "outputs.json").write_text(json.dumps([entry]))
        with contextlib.suppress(OSError):
            (old / Path(name).name).write_bytes(b"export EVIL=1\n")
    out = tmp_path / "deep" / "er" / "out"
    result = brief.build(EXAMPLE, _options(out, cache))
    assert sorted(p.name for p in out.iterdir()) == ["thorn.html", "thorn.report.json"]
    assert not result.cached
    assert (out / "thorn.html").read_bytes() == page
    assert not (tmp_path / "deep" / "er" / "x.html").exists()
    assert not (tmp_path / "deep" / "x").exists()
    assert not Path("/tmp/brief-cache-attack").exists()


def test_the_index_names_no_file_and_blobs_are_named_by_their_hash(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    brief.build(EXAMPLE, _options(tmp_path / "one", cache, ("html", "epub")))
    for path in _cache_files(cache):
        if path.parent.name == "blobs":
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name
        else:
            assert path.parent.name == "index"
            assert re.fullmatch(r"[0-9a-f]{64}\.json", path.name)
            assert b"thorn" not in path.read_bytes()


# --- Property: any index bytes give a miss or a valid hit, never an exception or a path ---

_NO_COUNTS = {"pages": None, "fit": None, "quotes_shown": None, "figures_shown": None}
_HEX = hashlib.sha256(b"<html><body>page</body></html>").hexdigest()
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
_NAMES = st.sampled_from(["html", "pdf", "print.html", *HOSTILE_NAMES]) | st.text(max_size=12)
_ENTRY = st.fixed_dictionaries(
    {
        "sha256": st.sampled_from([_HEX, _HEX.upper(), "0" * 64, *HOSTILE_NAMES]) | _JSON,
        "pages": st.none() | st.integers() | _JSON,
        "fit": st.none() | st.integers() | _JSON,
        "quotes_shown": st.none() | st.integers() | _JSON,
        "figures_shown": st.none() | st.integers() | _JSON,
    }
)
_INDEX = st.fixed_dictionaries(
    {"version": st.sampled_from([4, 3, "4", None]), "files": st.dictionaries(_NAMES, _ENTRY)}
)
_RAW = st.one_of(
    st.binary(max_size=200),
    _JSON.map(json.dumps).map(str.encode),
    _INDEX.map(json.dumps).map(str.encode),
)


@settings(
    max_examples=int(os.environ.get("BRIEF_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=_RAW)
@example(raw=json.dumps({"version": 4, "files": {"html": {"sha256": _HEX}}}).encode())
@example(
    raw=json.dumps(
        {
            "version": 4,
            "files": {
                "html": {
                    "sha256": _HEX,
                    "pages": None,
                    "fit": None,
                    "quotes_shown": None,
                    "figures_shown": None,
                }
            },
        }
    ).encode()
)
def test_any_index_is_a_miss_or_a_valid_hit(tmp_path: Path, raw: bytes) -> None:
    from brief.run.cache import CacheKey, lookup

    cache = tmp_path / "cache"
    (cache / "blobs").mkdir(parents=True, exist_ok=True)
    (cache / "blobs" / _HEX).write_bytes(b"<html><body>page</body></html>")
    key = CacheKey("a" * 64, "thorn", frozenset({"html"}))
    (cache / "index").mkdir(exist_ok=True)
    (cache / "index" / f"{key}.json").write_bytes(raw)
    before = _cache_files(tmp_path)
    hit = lookup(cache, key)
    assert _cache_files(tmp_path) == before  # a look-up writes nothing
    if hit is None:
        return
    assert [(o.format, o.path) for o in hit.outputs] == [("html", "thorn.html")]
    assert list(hit.files) == ["thorn.html"]
    assert hashlib.sha256(hit.files["thorn.html"]).hexdigest() == hit.outputs[0].sha256 == _HEX
