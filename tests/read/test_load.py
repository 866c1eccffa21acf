"""Load stage: safe YAML into plain data with a position for every node (brief/read/load.py)."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
import time
from pathlib import Path

import pytest

from brief.errors import BriefError, Location
from brief.read.load import MAX_DEPTH, MAX_INCLUDE_BYTES, MAX_SOURCE_BYTES, Coerced, load
from tests.conftest import META, write


def refused(path: Path) -> list[str]:
    """Load `path`, which must fail, and return its diagnostics as `CODE line:col`."""
    with pytest.raises(BriefError) as caught:
        load(path)
    return [
        f"{d.code} {d.location.line}:{d.location.column}"
        for d in caught.value.diagnostics
        if d.location
    ]


def test_source_map_records_where_every_key_and_value_starts(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        META
        + textwrap.dedent("""\
        summary: |
          Two lines
          of text.
        figures:
          - id: victims-identified
            value: 5791
        """),
    )
    source = load(path)
    where = source.where
    at = str(path)
    assert where.path == at
    assert where.keys[("meta",)] == Location(at, 2, 1)
    assert where.keys[("meta", "lang")] == Location(at, 4, 3)
    assert where.values[("meta", "lang")] == Location(at, 4, 9)
    assert where.values[("meta", "title")] == Location(at, 3, 10)
    assert where.values[("figures", 0)] == Location(at, 10, 5)
    assert where.keys[("figures", 0, "value")] == Location(at, 11, 5)
    assert where.values[("figures", 0, "value")] == Location(at, 11, 12)
    assert where.block[("summary",)] is True
    assert where.block[("meta", "lang")] is False
    assert source.data["summary"] == "Two lines\nof text.\n"


def test_locate_falls_back_to_the_nearest_located_parent(tmp_path: Path) -> None:
    path = write(tmp_path, META)
    where = load(path).where
    assert where.locate("meta", "subtitle") == where.values[("meta",)]
    assert where.locate("nothing", "here") == where.values[()]
    assert where.locate_key("meta", "date") == Location(str(path), 5, 3)
    assert where.locate_key("meta", "subtitle") == where.values[("meta",)]


def test_a_folder_is_read_through_its_brief_yaml(tmp_path: Path) -> None:
    write(tmp_path / "thorn", META)
    source = load(tmp_path / "thorn")
    assert source.file == tmp_path / "thorn" / "brief.yaml"
    assert source.data["meta"]["lang"] == "en"


def test_a_missing_source_is_refused_with_b100(tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.yaml") == ["B100 1:1"]


def test_plain_scalars_keep_their_yaml_types_and_quoted_ones_stay_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        a: no
        b: "no"
        c: 2017-02-15
        d: "2017-02-15"
        e: 2012
        f: 5.5
        g: ~
        h: 'it''s'
        """,
    )
    data = load(path).data
    assert data == {
        "a": False,
        "b": "no",
        "c": dt.date(2017, 2, 15),
        "d": "2017-02-15",
        "e": 2012,
        "f": 5.5,
        "g": None,
        "h": "it's",
    }


def test_an_impossible_unquoted_date_is_kept_as_its_text(tmp_path: Path) -> None:
    data = load(write(tmp_path, "date: 2017-02-30\n")).data
    assert data["date"] == Coerced("2017-02-30", "date")
    assert str(data["date"]) == "2017-02-30"


def test_a_key_yaml_reads_as_a_date_becomes_its_iso_text(tmp_path: Path) -> None:
    assert load(write(tmp_path, "2017-02-15: x\n")).data == {"2017-02-15": "x"}


@pytest.mark.parametrize(
    "tagged",
    [
        'title: !!python/object/apply:os.system ["echo pwned"]',
        "title: !!python/name:os.system ''",
        "title: !foo Thorn",
        "title: !!binary aGVsbG8=",
        "title: !!set {a, b}",
        "!foo {title: Thorn}",
    ],
)
def test_yaml_tags_are_refused(tmp_path: Path, tagged: str) -> None:
    assert [code.split()[0] for code in refused(write(tmp_path, tagged + "\n"))] == ["B102"]


def test_an_explicit_str_tag_is_allowed(tmp_path: Path) -> None:
    assert load(write(tmp_path, "title: !!str 12\n")).data == {"title": "12"}


def test_a_refused_tag_is_located_where_it_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, META.replace('"Thorn and the numbers"', "!foo Thorn"))
    assert refused(path) == ["B102 3:10"]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: 2\n",
        "a: &x [1, 2]\nb: *x\n",
        "base: &base {lang: en}\nmeta:\n  <<: *base\n",
        'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: [*b, *b]\n',
    ],
)
def test_anchors_and_aliases_are_refused(tmp_path: Path, text: str) -> None:
    [found] = refused(write(tmp_path, text))
    assert found.startswith("B103 1:")


def test_a_duplicate_key_is_refused_at_the_second_one_naming_the_first(tmp_path: Path) -> None:
    path = write(tmp_path, "meta:\n  title: a\n  lang: en\n  title: b\n")
    with pytest.raises(BriefError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "B104"
    assert (diagnostic.location.line, diagnostic.location.column) == (4, 3)
    assert "line 2" in diagnostic.message


def test_a_duplicate_key_written_differently_is_still_a_duplicate(tmp_path: Path) -> None:
    assert refused(write(tmp_path, 'title: a\n"title": b\n')) == ["B104 2:1"]


def test_a_source_over_two_megabytes_is_refused_with_b403(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(META.encode() + b"# " + b"x" * MAX_SOURCE_BYTES + b"\n")
    assert refused(path) == ["B403 1:1"]


def test_a_source_of_exactly_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    head = META.encode() + b"# "
    path.write_bytes(head + b"x" * (MAX_SOURCE_BYTES - len(head) - 1) + b"\n")
    assert path.stat().st_size == MAX_SOURCE_BYTES
    assert load(path).data["brief"] == 1


def test_an_included_file_over_its_cap_is_refused_where_it_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, META + "summary: {file: summary.md}\n")
    (tmp_path / "summary.md").write_bytes(b"x" * (MAX_INCLUDE_BYTES + 1))
    assert refused(path) == ["B403 6:17"]


def test_a_byte_order_mark_is_accepted_and_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + META.encode())
    source = load(path)
    assert source.data["meta"]["title"] == "Thorn and the numbers"
    assert source.where.values[("brief",)] == Location(str(path), 1, 8)


def test_invalid_utf8_is_refused_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"brief: 1\nmeta:\n  title: Caf\xe9\n")
    assert refused(path) == ["B105 3:13"]


def test_a_nul_byte_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(b"brief: 1\nmeta:\n  title: ab\x00cd\n")
    assert refused(path) == ["B105 3:12"]


def test_a_document_that_is_not_a_mapping_is_refused_with_b107(tmp_path: Path) -> None:
    assert [code.split()[0] for code in refused(write(tmp_path, "- brief: 1\n"))] == ["B107"]
    assert [code.split()[0] for code in refused(write(tmp_path, ""))] == ["B107"]
    assert [code.split()[0] for code in refused(write(tmp_path, "just text\n"))] == ["B107"]


def test_a_second_document_is_refused_at_its_marker(tmp_path: Path) -> None:
    assert refused(write(tmp_path, META + "---\nbrief: 1\n")) == ["B101 6:1"]


def test_explicit_document_markers_around_one_document_are_accepted(tmp_path: Path) -> None:
    assert load(write(tmp_path, "---\n" + META + "...\n")).data["brief"] == 1


def test_a_yaml_syntax_error_is_located_and_explained(tmp_path: Path) -> None:
    path = write(tmp_path, 'brief: 1\nmeta:\n  title: "Thorn" and more\n')
    with pytest.raises(BriefError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "B101"
    assert (diagnostic.location.line, diagnostic.location.column) == (3, 18)
    assert diagnostic.message.startswith("YAML syntax: ")
    assert diagnostic.hint


def test_tab_indentation_is_refused_with_a_hint_about_tabs(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text('brief: 1\nmeta:\n  title: "Thorn"\n\tlang: en\n', encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "B101"
    assert (diagnostic.location.line, diagnostic.location.column) == (4, 1)
    assert "tab" in diagnostic.hint.lower()


def test_ten_thousand_nested_lists_are_refused_quickly_with_b106(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(BriefError) as caught:  # a RecursionError would escape and fail the test
        load(path)
    assert time.perf_counter() - started < 2
    assert [d.code for d in caught.value.diagnostics] == ["B106"]
    assert caught.value.diagnostics[0].location.line == 1


def test_ten_thousand_nested_mappings_are_refused_quickly_with_b106(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text("brief: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(BriefError) as caught:
        load(path)
    assert time.perf_counter() - started < 2
    assert [d.code for d in caught.value.diagnostics] == ["B106"]


def test_block_nesting_just_under_the_cap_is_read_and_over_it_refused(tmp_path: Path) -> None:
    def nested(levels: int) -> str:
        return "".join("  " * level + "a:\n" for level in range(levels)) + "  " * levels + "b\n"

    assert load(write(tmp_path, nested(MAX_DEPTH // 2), "ok.yaml")).data["a"] is not None
    with pytest.raises(BriefError) as caught:
        load(write(tmp_path, nested(MAX_DEPTH + 1), "deep.yaml"))
    assert [d.code for d in caught.value.diagnostics] == ["B106"]


def test_an_include_is_read_with_windows_line_ends_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, META + "summary: {file: texts/summary.md}\n")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "summary.md").write_bytes(b"One\r\ntwo [@x]\r\n")
    assert load(path).files == {"texts/summary.md": "One\ntwo [@x]\n"}


def test_a_source_text_copy_is_read_as_an_include(tmp_path: Path) -> None:
    path = write(tmp_path, META + "sources:\n  - {id: a, title: t, text: a.txt}\n")
    (tmp_path / "a.txt").write_text("the words", encoding="utf-8")
    assert load(path).files == {"a.txt": "the words"}


@pytest.mark.parametrize(
    "name",
    ["../outside.md", "/etc/passwd", "sub/../../outside.md", "C:/outside.md", "..\\outside.md"],
)
def test_an_include_outside_the_folder_is_refused_with_b401(tmp_path: Path, name: str) -> None:
    (tmp_path / "outside.md").write_text("secret", encoding="utf-8")
    path = write(tmp_path / "brief", META + f"summary:\n  file: '{name}'\n")
    assert refused(path) == ["B401 7:9"]


def test_an_include_through_a_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("secret", encoding="utf-8")
    path = write(tmp_path / "brief", META + "summary: {file: link.md}\n")
    os.symlink(tmp_path / "outside.md", tmp_path / "brief" / "link.md")
    with pytest.raises(BriefError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line) == ("B401", 6)
    assert "secret" not in str(caught.value)


def test_an_include_through_a_symlinked_folder_leaving_the_folder_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "summary.md").write_text("secret", encoding="utf-8")
    path = write(tmp_path / "brief", META + "summary: {file: texts/summary.md}\n")
    os.symlink(tmp_path / "elsewhere", tmp_path / "brief" / "texts")
    assert [code.split()[0] for code in refused(path)] == ["B401"]


def test_a_symlink_that_stays_inside_the_folder_is_followed(tmp_path: Path) -> None:
    path = write(tmp_path, META + "summary: {file: link.md}\n")
    write(tmp_path, "Inside.\n", "texts/real.md")
    os.symlink(Path("texts") / "real.md", tmp_path / "link.md")
    assert load(path).files == {"link.md": "Inside.\n"}


def test_a_missing_include_is_refused_with_b402_where_it_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, META + "summary: {file: nowhere.md}\n")
    assert refused(path) == ["B402 6:17"]


def test_every_bad_include_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        META
        + textwrap.dedent("""\
        summary: {file: nowhere.md}
        sources:
          - {id: a, title: t, text: ../outside.txt}
          - {id: b, title: t, text: missing.txt}
        """),
    )
    assert refused(path) == ["B402 6:17", "B401 8:29", "B402 9:29"]


def test_an_include_that_is_not_utf8_is_refused_in_that_file(tmp_path: Path) -> None:
    path = write(tmp_path, META + "summary: {file: summary.md}\n")
    (tmp_path / "summary.md").write_bytes(b"fine\nnot \xff fine\n")
    with pytest.raises(BriefError) as caught:
        load(path)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "B105"
    assert Path(diagnostic.location.path).name == "summary.md"
    assert (diagnostic.location.line, diagnostic.location.column) == (2, 5)


def test_a_bad_byte_after_accented_letters_is_located_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes("brief: 1\nmeta:\n  title: été ".encode() + b"\xff\n")
    assert refused(path) == ["B105 3:14"]  # as an editor counts: é is one column, not two
