"""`brief draft` on self-written articles: quotes and speakers, figures, dates, sources, the
inputs it reads (text, HTML, PDF), refusing to overwrite, and a brief that `check` accepts."""

from __future__ import annotations

import datetime as dt
import io
import socket
from pathlib import Path
from typing import Any

import pytest
import yaml

import brief
from brief.errors import BriefError
from brief.run.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 12, 1)


def drafted(tmp_path: Path, name: str, **options: Any) -> dict[str, Any]:
    """Draft a fixture article and return the brief as data."""
    done = brief.draft(FIXTURES / name, tmp_path / "out", today=TODAY, **options)
    return yaml.safe_load(done.brief.read_text(encoding="utf-8"))


def quotes_by_speaker(data: dict[str, Any]) -> dict[str, str]:
    names = {person["id"]: person["name"] for person in data.get("people", [])}
    return {
        quote["text"]: names.get(quote["speaker"], quote["speaker"]) for quote in data["quotes"]
    }


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("flood")
    return drafted(folder, "flood-en.txt", published="2024-03-08")


def test_attribution_before_with_a_colon(flood: dict[str, Any]) -> None:
    assert quotes_by_speaker(flood)["We will rebuild the Mill Street bridge before winter."] == (
        "Jane Porter"
    )


def test_attribution_after_inverted_and_with_a_pronoun(flood: dict[str, Any]) -> None:
    speakers = quotes_by_speaker(flood)
    assert speakers["Nobody was hurt"] == "Tom Alvarez"  # "..., said Tom Alvarez"
    assert speakers["The water reached the second floor of the school"] == "Jane Porter"  # she


def test_a_pronoun_speaker_is_marked_for_review(flood: dict[str, Any], tmp_path: Path) -> None:
    text = brief.draft(FIXTURES / "flood-en.txt", tmp_path, today=TODAY).brief.read_text("utf-8")
    before = text.split('text: "The water reached')[0].rsplit("- id:", 1)[0]
    assert "# review: speaker read from a pronoun" in before.rsplit("\n\n", 1)[-1]


def test_a_quote_split_by_its_attribution_is_joined_with_an_ellipsis(
    flood: dict[str, Any],
) -> None:
    joined = "We counted the damage twice … and it is worse than we feared."
    assert quotes_by_speaker(flood)[joined] == "Tom Alvarez"


def test_an_unnamed_speaker_is_kept_as_the_article_describes_them(
    flood: dict[str, Any],
) -> None:
    speakers = quotes_by_speaker(flood)
    assert speakers["The levee held where it was rebuilt"] == "a spokeswoman for the county"


def test_a_fragment_inside_indirect_speech_stays_a_fragment(flood: dict[str, Any]) -> None:
    assert quotes_by_speaker(flood)["a matter of weeks, not months"] == "Jane Porter"


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(
    flood: dict[str, Any],
) -> None:
    speakers = quotes_by_speaker(flood)
    assert speakers["Every house on the river will be inspected."] == "Jane Porter"
    assert speakers["We owe the town that much."] == "Jane Porter"


def test_scare_quotes_are_not_quotations(flood: dict[str, Any]) -> None:
    assert not any("flood tax" in text for text in quotes_by_speaker(flood))


def test_people_have_the_role_the_article_gives(flood: dict[str, Any]) -> None:
    roles = {person["name"]: person.get("role") for person in flood["people"]}
    assert roles == {"Jane Porter": "Mayor", "Tom Alvarez": "a spokesman for the River Authority"}


def test_figures_with_qualifiers_units_words_hedges_and_claimants(flood: dict[str, Any]) -> None:
    figures = {figure["as_reported"]: figure for figure in flood["figures"]}
    assert figures["nearly 1,200 homes"]["qualifier"] == "nearly"
    assert figures["nearly 1,200 homes"]["claimed_by"] == "River Authority"
    money = figures["more than $4.5 million"]
    assert (money["value"], money["currency"], money["qualifier"]) == (4_500_000, "USD", "over")
    assert money["kind"] == "money"
    share = figures["About 30%"]
    assert (share["value"], share["unit"], share["hedges"]) == (30, "%", ["according to"])
    assert figures["Twelve families"]["value"] == 12
    assert figures["At least 300 volunteers"]["qualifier"] == "at least"
    assert figures["At least 300 volunteers"]["counts"] == "volunteers"  # not "arrived"


def test_ages_years_times_streets_ordinals_and_durations_are_not_figures(
    flood: dict[str, Any],
) -> None:
    values = sorted(figure["value"] for figure in flood["figures"])
    assert values == [12, 30, 300, 1200, 4_500_000]  # not 54, 7, 3:30, 12 Mill St, third, 3 h


def test_a_date_without_a_year_is_resolved_from_published_and_marked(
    flood: dict[str, Any], tmp_path: Path
) -> None:
    dates = {str(event["date"]) for event in flood["timeline"]}
    assert {"2024-03-03", "2019", "2024-03-05"} <= dates  # March 3; since 2019; on Tuesday
    text = brief.draft(
        FIXTURES / "flood-en.txt", tmp_path, published="2024-03-08", today=TODAY
    ).brief.read_text("utf-8")
    assert "# review: resolved: the year 2024 was taken from the publication date" in text


def test_without_a_publication_date_no_year_is_invented(tmp_path: Path) -> None:
    data = drafted(tmp_path, "flood-en.txt")
    assert [str(event["date"]) for event in data["timeline"]] == ["2019"]
    text = (tmp_path / "out" / "brief.yaml").read_text("utf-8")
    assert '"March 3" (line 8) has no year' in text


def test_sources_hold_the_article_with_its_copy_and_the_outlets_it_credits(
    flood: dict[str, Any],
) -> None:
    article, *credited = flood["sources"]
    assert article["text"] == "article.txt"
    assert article["title"] == "River town counts the cost of the March flood"
    assert str(article["published"]) == "2024-03-08"
    assert [source["publisher"] for source in credited] == ["Herald"]


def test_summary_and_key_points_are_prompts_not_prose(flood: dict[str, Any]) -> None:
    assert flood["summary"].startswith("TO WRITE:")
    assert all(point.startswith("TO WRITE:") for point in flood["key_points"])
    assert all(event["event"].startswith("TO WRITE:") for event in flood["timeline"])


def test_the_draft_passes_check_with_every_quote_and_figure_verified(tmp_path: Path) -> None:
    done = brief.draft(FIXTURES / "flood-en.txt", tmp_path, published="2024-03-08", today=TODAY)
    report = brief.check(done.folder)  # raises BriefError on any B-error
    codes = {finding.code for finding in report.findings}
    assert "Q-unverified" not in codes
    assert "F-unverified" not in codes  # every drafted as_reported is the article's own words
    drafted = yaml.safe_load(done.brief.read_text(encoding="utf-8"))
    found = [match.kind for match in report.analysis.matches]
    assert found.count("quote") == len(drafted["quotes"]) == 8
    assert found.count("figure") == len(drafted["figures"])


def test_spanish_article(tmp_path: Path) -> None:
    data = drafted(
        tmp_path, "riada-es.txt", lang="es", published="2024-03-05", url="https://example.org/r"
    )
    assert data["sources"][0]["url"] == "https://example.org/r"
    assert quotes_by_speaker(data) == {
        "Vamos a reconstruir el puente antes del invierno": "Ana Ruiz",
        "El agua llegó al segundo piso de la escuela": "Ana Ruiz",
        "Nadie resultó herido en el barrio": "Ana Ruiz",  # ella
    }
    assert data["people"][0]["role"] == "alcaldesa"
    figures = {figure["as_reported"]: figure for figure in data["figures"]}
    assert figures["casi 1.200 viviendas"]["qualifier"] == "nearly"
    assert figures["más de 4,5 millones de euros"]["currency"] == "EUR"
    assert {str(event["date"]) for event in data["timeline"]} == {"2024-03-03", "2019"}
    brief.check(tmp_path / "out")


def test_refuses_to_overwrite_a_brief_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "brief.yaml").write_text("brief: 1\n", encoding="utf-8")
    with pytest.raises(BriefError, match="B412"):
        brief.draft(FIXTURES / "flood-en.txt", tmp_path)
    assert (tmp_path / "brief.yaml").read_text(encoding="utf-8") == "brief: 1\n"
    brief.draft(FIXTURES / "flood-en.txt", tmp_path, force=True)
    assert "TO WRITE:" in (tmp_path / "brief.yaml").read_text(encoding="utf-8")


def test_the_command_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = str(tmp_path / "d")
    argv = ["draft", str(FIXTURES / "flood-en.txt"), "-o", target, "--published", "2024-03"]
    assert main(argv, out, err) == 0
    assert "8 quotes" in out.getvalue()
    assert main(argv, out, err) == 2
    assert "B412" in err.getvalue()
    assert "--force" in err.getvalue()
    assert main([*argv, "--force"], io.StringIO(), io.StringIO()) == 0
    assert main(["draft", str(FIXTURES / "flood-en.txt"), "--published", "2024-13"], out, err) == 2
    assert "B205" in err.getvalue()


HTML = """<!DOCTYPE html><html lang="en"><head><title>Dam repairs begin | Valley Post</title>
<meta name="author" content="Ruth Okafor"><meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2023-06-14T08:00:00Z">
<link rel="stylesheet" href="https://cdn.example.org/style.css">
<script src="https://tracker.example.org/t.js"></script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam repairs begin</h1>
<p>Engineers began repairing the Cold Creek dam on Monday, the county said.</p>
<p>“The spillway will be closed for about six weeks,” said Ruth Mendez, the county engineer.</p>
<p>The work will cost nearly $2.3 million, according to the county, and employ 45 workers.</p>
<p>The dam was built in 1962 and last repaired in 1998, when the reservoir held 40% less water.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def test_an_html_page_keeps_its_metadata_and_fetches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("drafting tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    data = yaml.safe_load(brief.draft(page, tmp_path / "out", today=TODAY).brief.read_text("utf-8"))
    article = data["sources"][0]
    assert (article["author"], article["publisher"], str(article["published"])) == (
        "Ruth Okafor",
        "Valley Post",
        "2023-06-14",
    )
    assert "Dam repairs begin" in article["title"]
    copy = (tmp_path / "out" / "article.txt").read_text("utf-8")
    assert "Subscribe" not in copy
    assert "Home" not in copy
    assert quotes_by_speaker(data) == {
        "The spillway will be closed for about six weeks": "Ruth Mendez"
    }
    assert data["people"][0]["role"] == "the county engineer"
    assert {str(event["date"]) for event in data["timeline"]} >= {"2023-06-12", "1962", "1998"}
    brief.check(tmp_path / "out")


def test_a_pdf_report_gives_page_and_line_locators(tmp_path: Path) -> None:
    import weasyprint

    pdf = tmp_path / "report.pdf"
    body = "".join(f"<p>Line {n} of the report.</p>" for n in range(1, 4))
    weasyprint.HTML(
        string="<html><head><title>Annual water report</title></head><body>"
        f"{body}<p style='page-break-before: always'>"
        "The utility served more than 14,000 households in 2022.</p>"
        "<p>“Demand is rising,” said Carla Diaz, the utility’s director.</p></body></html>"
    ).write_pdf(pdf)
    data = yaml.safe_load(brief.draft(pdf, tmp_path / "out", today=TODAY).brief.read_text("utf-8"))
    figure = data["figures"][0]
    assert (figure["value"], figure["qualifier"]) == (14_000, "over")
    assert figure["locator"] == "page 2, line 1"
    assert data["quotes"][0]["locator"] == "page 2, line 2"
    assert data["sources"][0]["kind"] == "report"
    assert data["sources"][0]["title"] == "Annual water report"
    brief.check(tmp_path / "out")


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ntrailer <<>>\n",
            "B415",
        ),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "B415"),
        ("empty.html", b"<!DOCTYPE html><html><body><script>x()</script></body></html>", "B415"),
    ],
)
def test_a_hostile_or_empty_input_is_a_clear_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(BriefError) as caught:
        brief.draft(source, tmp_path / "out")
    assert said in str(caught.value)
    assert name in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_an_input_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import brief.draft.read as reader

    monkeypatch.setattr(reader, "MAX_INPUT_BYTES", 1_000)
    source = tmp_path / "long.txt"
    source.write_text("A sentence of a long article. " * 100, encoding="utf-8")
    with pytest.raises(BriefError, match="B403"):
        brief.draft(source, tmp_path / "out")


def test_drafting_is_deterministic(tmp_path: Path) -> None:
    first = brief.draft(FIXTURES / "flood-en.txt", tmp_path / "a", today=TODAY)
    second = brief.draft(FIXTURES / "flood-en.txt", tmp_path / "b", today=TODAY)
    assert first.brief.read_bytes() == second.brief.read_bytes()


def test_a_date_without_a_year_takes_the_year_nearest_the_publication_date(
    tmp_path: Path,
) -> None:
    article = tmp_path / "court.txt"
    article.write_text(
        "The jury returned its verdict on Dec. 30. Sentencing is set for Jan. 12, "
        "and a hearing on the appeal for June 3.\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(
        brief.draft(article, tmp_path / "out", published="2021-01-04", today=TODAY).brief.read_text(
            "utf-8"
        )
    )
    assert [str(event["date"]) for event in data["timeline"]] == [
        "2020-12-30",  # last year: a week before publication
        "2021-01-12",  # coming: days after publication, the same year
        "2021-06-03",  # a coming hearing, not one a year before
    ]


@pytest.mark.slow  # builds outputs or runs long
def test_a_long_article_drafts_a_brief_check_accepts(tmp_path: Path) -> None:
    from brief.draft.compose import MAX_ITEMS

    article = tmp_path / "long.txt"
    article.write_text((FIXTURES / "flood-en.txt").read_text("utf-8") * 60, encoding="utf-8")
    done = brief.draft(article, tmp_path / "out", published="2024-03-08", today=TODAY)
    data = yaml.safe_load(done.brief.read_text("utf-8"))
    assert len(data["quotes"]) == MAX_ITEMS
    assert f"Only the first {MAX_ITEMS} quotations are drafted: 480 were found." in (
        done.brief.read_text("utf-8")
    )
    brief.check(done.folder)


def test_a_dateline_and_reference_marks_are_not_figures_nor_events(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "Storm closes the coast road\n"
        "Friday, May 17, 2024\n"
        "Crews cleared 14 fallen trees today [1], the highway agency said. Earlier reports had "
        "put the number at 20 (80%).\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(brief.draft(article, tmp_path / "out", today=TODAY).brief.read_text())
    assert [figure["value"] for figure in data["figures"]] == [14, 20, 80]
    assert [str(event["date"]) for event in data["timeline"]] == ["2024-05-17"]  # today, line 3
    assert data["timeline"][0]["locator"] == "line 3"


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "date"),
    [
        (
            "fr",
            "« Nous reconstruirons le pont », a déclaré la maire Claire Martin le 3 mars.",
            "Claire Martin",
            "2024-03-03",
        ),
        (
            "de",
            "„Wir bauen die Brücke wieder auf“, sagte Bürgermeisterin Anna Weber am 3. März.",
            "Anna Weber",
            "2024-03-03",
        ),
        (
            "pt",
            "“Vamos reconstruir a ponte”, disse a prefeita Ana Costa em 3 de março.",
            "Ana Costa",
            "2024-03-03",
        ),
    ],
)
def test_speakers_and_dates_in_other_shipped_languages(
    tmp_path: Path, lang: str, text: str, speaker: str, date: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    done = brief.draft(article, tmp_path / "out", lang=lang, published="2024-03-05", today=TODAY)
    data = yaml.safe_load(done.brief.read_text("utf-8"))
    assert list(quotes_by_speaker(data).values()) == [speaker]
    assert [str(event["date"]) for event in data["timeline"]] == [date]


def test_an_attribution_in_the_short_sentence_after_a_quotation(tmp_path: Path) -> None:
    article = tmp_path / "q.txt"
    article.write_text(
        "Council member Dana Reyes spoke first.\n“Is the bridge safe?” Reyes asked. "
        "Nobody answered.\n2019 was the wettest year on record; the report is dated 2023-04-11.\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(brief.draft(article, tmp_path / "out", today=TODAY).brief.read_text())
    assert quotes_by_speaker(data) == {"Is the bridge safe?": "Dana Reyes"}
    assert [str(event["date"]) for event in data["timeline"]] == ["2019", "2023-04-11"]


def test_a_quotation_given_to_an_outlet_names_it_as_via(tmp_path: Path) -> None:
    article = tmp_path / "q.txt"
    article.write_text(
        "In an interview with 60 Minutes, Mayor Lee Park said: “We will not sell the harbour.”\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(brief.draft(article, tmp_path / "out", today=TODAY).brief.read_text())
    assert data["quotes"][0]["via"] == "60-minutes"
    assert data["sources"][1]["publisher"] == "60 Minutes"
    assert data["people"] == [{"id": "lee-park", "name": "Lee Park", "role": "Mayor"}]
    brief.check(tmp_path / "out")


def test_an_unknown_language_or_a_missing_input_is_refused_before_writing(
    tmp_path: Path,
) -> None:
    with pytest.raises(BriefError, match="B204"):
        brief.draft(FIXTURES / "flood-en.txt", tmp_path / "out", lang="xx")
    with pytest.raises(BriefError, match="B203"):
        brief.draft(FIXTURES / "flood-en.txt", tmp_path / "out", url="javascript:alert(1)")
    with pytest.raises(BriefError, match="B402") as caught:
        brief.draft(tmp_path / "missing.txt", tmp_path / "out")
    assert "give the article's file" in caught.value.diagnostics[0].hint
    assert not (tmp_path / "out").exists()


def test_a_count_before_a_capitalised_noun_is_a_figure_but_a_numbered_name_is_not(
    tmp_path: Path,
) -> None:
    article = tmp_path / "n.txt"
    article.write_text(
        "Rescuers reached 46 Britons and 300 Syrians, the 60 Minutes team reported from "
        "Highway 9 (PDF, 238 KB).\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(brief.draft(article, tmp_path / "out", today=TODAY).brief.read_text())
    assert [figure["value"] for figure in data["figures"]] == [46, 300]


@pytest.mark.parametrize(
    ("published", "dates"),
    [
        ("2009", ["2008-11", "2009-03"]),  # last year's November; March of the year
        ("2009-02-10", ["2008-11", "2009-03"]),
        ("2009-11-20", ["2008-11", "2010-03"]),  # "in March": the nearer one, next year
        (None, []),  # no publication date: no year, nothing invented
    ],
)
def test_a_month_without_a_day_takes_its_year_from_the_publication_date(
    tmp_path: Path, published: str | None, dates: list[str]
) -> None:
    article = tmp_path / "m.txt"
    article.write_text(
        "Cases have been counted since November last year. Schools may reopen in March.\n",
        encoding="utf-8",
    )
    done = brief.draft(article, tmp_path / "out", published=published, today=TODAY)
    data = yaml.safe_load(done.brief.read_text("utf-8"))
    assert [str(event["date"]) for event in data.get("timeline", [])] == dates


def test_wire_style_attributions(tmp_path: Path) -> None:
    data = drafted(tmp_path, "wire-en.txt")
    assert quotes_by_speaker(data) == {
        "We’re seeing a surge": "Amy Chen",
        "It’s not over.": "Amy Chen",  # the next quotation of the paragraph
        "stretched to the limit.": "Amy Chen",  # a fragment after "Chen added that"
        "We will do whatever it takes": "Patty Hajdu",
        "Staff are exhausted.": "Mark Ruiz",
        "I can’t sleep": "one nurse",  # unnamed, as described
        "This is the worst week since the pandemic began": "the ministry",  # no Ministry named
        "Not this month.": "Mark Ruiz",  # "he": the last person named
    }
    roles = {person["name"]: person.get("role") for person in data["people"]}
    assert roles["Amy Chen"] == "an epidemiologist at the University of Toronto"
    assert roles["Patty Hajdu"] == "Health Minister"


def test_vague_amounts_ranges_conversions_and_changes_use_the_format_s_keys(
    tmp_path: Path,
) -> None:
    article = tmp_path / "v.txt"
    article.write_text(
        "Thousands of people fled. The road runs 95 kilometres (60 miles) to the coast. "
        "The charity gave $100m (£48.8m). Tests rose from 1,000 to 17,000 per week.\n",
        encoding="utf-8",
    )
    data = yaml.safe_load(brief.draft(article, tmp_path / "out", today=TODAY).brief.read_text())
    figures = {figure["as_reported"]: figure for figure in data["figures"]}
    assert figures["Thousands of people"]["value"] == [2000, 9999]
    assert figures["95 kilometres"]["also"] == [
        {"value": 60, "unit": "miles", "as_reported": "60 miles"}
    ]
    assert figures["95 kilometres"]["unit"] == "kilometres"
    gift = figures["$100m"]
    assert (gift["currency"], gift["also"][0]["currency"], gift["also"][0]["value"]) == (
        "USD",
        "GBP",
        48_800_000,
    )
    brief.check(tmp_path / "out")


def test_a_measured_span_of_time_is_a_figure_and_an_adverb_of_time_is_not(tmp_path: Path) -> None:
    article = tmp_path / "orbit.txt"
    article.write_text(
        "Probe shortens a moon's orbit\n"
        "Over the past two weeks, telescopes watched the small moon for 12 nights.\n"
        "The impact altered its orbit by 32 minutes, the agency said on Tuesday.\n"
        "The agency had called a change of 73 seconds or more a success.\n",
        encoding="utf-8",
    )
    done = brief.draft(article, tmp_path / "out", published="2022-10-11", today=TODAY)
    figures = yaml.safe_load(done.brief.read_text(encoding="utf-8"))["figures"]
    reported = {figure["as_reported"]: figure for figure in figures}
    assert set(reported) == {"32 minutes", "73 seconds or more"}
    assert reported["73 seconds or more"]["qualifier"] == "at least"
    assert reported["32 minutes"]["unit"] == "minutes"
