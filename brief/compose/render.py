"""Render stage: Document → HTML text for each target (Jinja2, autoescape, StrictUndefined).

In: `compose.Document` and a target (`pdf`, `html`, `epub`). Out: strings: one page for PDF and
HTML, one XHTML document per section for EPUB. Source content is data here, never a template.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import MutableMapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from brief.compose.document import Document
from brief.compose.l10n import locale_for
from brief.compose.themes import theme_css
from brief.model import Layout
from brief.read.fonts import family_rules, font_faces
from brief.resources import asset_dir, font_dir, template_dir

#: A note reference as compose writes it (markup.py's resolver and the templates' `noteref`).
NOTEREF = re.compile(r'<a class="noteref" href="#note-(\d+)" role="doc-noteref">\d+</a>')

FONT_FACES = (
    ("Brief Serif", "NotoSerif-Regular.ttf", "normal", "normal"),
    ("Brief Serif", "NotoSerif-Bold.ttf", "bold", "normal"),
    ("Brief Serif", "NotoSerif-Italic.ttf", "normal", "italic"),
    ("Brief Serif", "NotoSerif-BoldItalic.ttf", "bold", "italic"),
    ("Brief Sans", "NotoSans-Regular.ttf", "normal", "normal"),
    ("Brief Sans", "NotoSans-Bold.ttf", "bold", "normal"),
    ("Brief Arabic", "NotoSansArabic-Regular.ttf", "normal", "normal"),
    ("Brief Arabic", "NotoSansArabic-Bold.ttf", "bold", "normal"),
)


PAGE_SIZES = {"a4": "A4", "letter": "letter"}
#: Where the standalone page's @font-face rules go: the HTML writer fills it with the shipped
#: faces cut down to the characters the page uses (it knows them once the page is rendered).
HTML_FONTS = "/* brief: font faces */"


def without_scheme(url: str) -> str:
    """Print a URL as people type it.

    >>> without_scheme("https://www.thorn.org/")
    'www.thorn.org'
    """
    return re.sub(r"^[a-z]+://", "", url).rstrip("/")


def url_breaks(url: str) -> Markup:
    """Print a URL as people type it, breakable only after `/`, `.`, `-`, `?`, `&` or `=` in its
    path and query, never inside its host name (a line break there reads as two addresses; the
    stylesheet breaks a host anywhere only when it is wider than the line).

    >>> print(url_breaks("https://news.example.org/food-bank.html?a=1&b=2").replace("<wbr/>", "|"))
    <span class="host">news.example.org</span>/|food-|bank.|html?|a=|1&amp;|b=|2
    """
    host, slash, path = without_scheme(url).partition("/")
    parts = [part for part in re.split(r"(?<=[/.?&=-])", slash + path) if part]
    return Markup('<span class="host">{}</span>').format(host) + Markup("<wbr/>").join(
        escape(part) for part in parts
    )


def url_host(url: str) -> str:
    """Return the host a URL names, as a short caption (the full address is printed elsewhere).

    >>> url_host("https://www.example.org/2024/a-long-path?x=1"), url_host("example.org")
    ('example.org', 'example.org')
    """
    host = without_scheme(url).partition("/")[0].partition("?")[0].partition("#")[0]
    return host.removeprefix("www.")


def counted(document: Document, key: str, count: int, **values: object) -> str:
    """Return a label that holds a count, in the plural form the language uses for it: the
    catalogue's `KEY_one` (`_two`, `_few`…) when it has one, else `KEY`.

    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(lang="en", labels={"x": "{n} notes", "x_one": "{n} note"})
    >>> counted(doc, "x", 1), counted(doc, "x", 3)  # type: ignore[arg-type]  # a stand-in
    ('1 note', '3 notes')
    """
    form = locale_for(document.lang).plural_form(count)
    return document.labels.get(f"{key}_{form}", document.labels[key]).format(n=count, **values)


def phone_digits(phone: str) -> str:
    """Return a phone number as a `tel:` link needs it: `+` and digits only.

    >>> phone_digits("+1 (555) 010-0199 ext. 2")
    '+155501001992'
    """
    return ("+" if phone.strip().startswith("+") else "") + "".join(c for c in phone if c.isdigit())


def svg_data_url(svg: str) -> str:
    """Return an SVG drawing of ours as a data: URL (the PDF and the standalone HTML page)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode()


def iso_datetime(date_iso: str) -> str:
    """Turn a partial date into the midnight-UTC timestamp metadata needs.

    >>> iso_datetime("2017-02")
    '2017-02-01T00:00:00Z'
    """
    parts = [*date_iso.split("-"), "01", "01"][:3]
    return "-".join(parts) + "T00:00:00Z"


#: Jinja2's Python for each template, shipped beside the templates (`templates/compiled/`, written
#: by scripts/make-compiled-templates.py): compiling them cost every cold build ~0.1 s (issue 15).
COMPILED = "compiled"


def compiled_path(name: str) -> Path:
    """Return where the compiled Python of template `name` is kept."""
    return template_dir() / COMPILED / (name.replace("/", "-") + ".py.txt")


def compiled_header(source: str) -> str:
    """Return the first line of a compiled template: the SHA-256 of the source it was made from."""
    return f"# sha256 {hashlib.sha256(source.encode()).hexdigest()}\n"


class PrecompiledLoader(jinja2.FileSystemLoader):
    """Templates from our folder, their code read from `templates/compiled/` when it was made
    from the same source (the same HTML either way); a template changed since is compiled."""

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        path = compiled_path(name)
        header = compiled_header(source)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = ""
        if not text.startswith(header):
            return super().load(environment, name, globals)
        code = compile(text[len(header) :], filename, "exec")
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


@cache
def environment() -> jinja2.Environment:
    """Return the Jinja2 environment; templates come only from our own folder."""
    env = jinja2.Environment(
        loader=PrecompiledLoader(template_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["without_scheme"] = without_scheme
    env.filters["url_breaks"] = url_breaks
    env.filters["url_host"] = url_host
    env.globals["counted"] = counted
    env.filters["phone_digits"] = phone_digits
    env.filters["svg_data_url"] = svg_data_url
    env.filters["iso_datetime"] = iso_datetime
    return env


@cache
def _css_file(name: str) -> str:
    return (asset_dir() / "css" / name).read_text(encoding="utf-8")


def font_css(prefix: str, faces: Sequence[tuple[str, str, str, str]] = FONT_FACES) -> str:
    """Return @font-face rules whose URLs start with `prefix` (a folder URL ending in /)."""
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: url("{prefix}{file}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, file, weight, style in faces
    )


#: The URL scheme under which the PDF renderer is handed the theme's checked font bytes.
THEME_FONT_SCHEME = "brief-font"


def theme_font_urls(document: Document, target: str) -> dict[str, str]:
    """Return each theme font file's URL in a target: served by our fetcher to WeasyPrint, a
    file inside the EPUB, or a data: URL in the self-contained HTML page."""
    urls = {}
    for role, font in document.theme_fonts.items():
        if target == "pdf":
            urls[role] = f"{THEME_FONT_SCHEME}:{role}"
        elif target == "epub":
            urls[role] = f"fonts/{theme_font_name(role, font.extension)}"
        else:
            encoded = base64.b64encode(font.data).decode()
            urls[role] = f"data:{font.media_type};base64,{encoded}"
    return urls


def pdf_resources(document: Document) -> dict[str, tuple[bytes, str]]:
    """Return the checked bytes the PDF writer serves, by the exact URLs the print HTML uses: the
    theme's font files, the logo and the pictures. Nothing of the brief's folder is read while
    rendering."""
    resources = {
        f"{THEME_FONT_SCHEME}:{role}": (font.data, font.media_type)
        for role, font in document.theme_fonts.items()
    }
    if document.logo_file:  # an SVG logo is drawn as SVG: no other decoder may try it first
        resources[document.logo] = (document.logo_file.data, document.logo_file.media_type)
    for picture in document.pictures:
        resources[picture.url] = (picture.file.data, picture.file.media_type)
    return resources


def theme_font_name(role: str, extension: str) -> str:
    """Return the file name of a theme font inside the EPUB."""
    return f"theme-{role.replace('_', '-')}.{extension}"


def theme_fonts_css(document: Document, target: str) -> str:
    """Return the @font-face rules and family choices of the theme's fonts."""
    faces = font_faces(document.fonts, theme_font_urls(document, target))
    return "\n".join(part for part in (faces, family_rules(document.fonts)) if part)


def stylesheet(
    document: Document,
    target: str,
    font_prefix: str,
    faces: Sequence[tuple[str, str, str, str]] = FONT_FACES,
) -> str:
    """Return the whole CSS for a target: fonts, theme variables, shared and print rules."""
    parts = [
        font_css(font_prefix, faces),
        theme_css(document.theme, document.labels, print_rules=target == "pdf"),
        _css_file("base.css"),
        theme_fonts_css(document, target),
    ]
    if target == "pdf":
        parts.append(_css_file("print.css"))
        parts.append(f"@page {{ size: {PAGE_SIZES[document.paper.value]}; }}")
    if document.large_print and target != "epub":
        parts.append(_css_file("large-print.css"))
    return "\n".join(parts)


def footnotes_for_print(html: str, document: Document) -> str:
    """Turn each source's first reference into a page footnote (`float: footnote`).

    Later references to the same source print its number and link to the sources list, so a page
    never repeats one note.
    """
    notes = {note.number: note for note in document.notes}
    seen: set[int] = set()

    def footnote(match: re.Match[str]) -> str:
        note = notes[int(match.group(1))]
        if note.number in seen:
            return f'<a class="noteref" href="#note-{note.number}">{note.number}</a>'
        seen.add(note.number)
        url = f" {without_scheme(note.url)}" if note.url else ""
        body = f"{note.html}{Markup.escape(url)}"
        return f'<span class="footnote" data-note="{note.number}">{body}</span>'

    return NOTEREF.sub(footnote, html)


#: The handout's fit levels that print fewer quotes, and that move the timeline and quotes to the
#: ebook and web page (`write.pdf.write_pdf` steps through them).
FEWER_QUOTES_FIT = 3
MOVED_FIT = 4
#: The last fit level: the figures table cut to its key rows (the callouts and the rows a caveat
#: is about, at most MAX_KEY_ROWS) with a pointer to the rest, rather than no handout at all.
KEY_FIGURES_FIT = 5
MAX_KEY_ROWS = 8


def printed_quotes(document: Document, target: str, fit: int = 0) -> tuple[str, ...]:
    """Return the ids of the quotes a page prints: all of them, except on a handout, which
    prints those that fit its budget, fewer at fit level 3 and none at level 4 (they move)."""
    if target != "pdf" or document.layout is not Layout.HANDOUT:
        return tuple(quote.id for quote in document.quotes)
    if fit >= MOVED_FIT:
        return ()
    return document.handout_quotes_short if fit >= FEWER_QUOTES_FIT else document.handout_quotes


def printed_figures(document: Document, target: str, fit: int = 0) -> tuple[str, ...]:
    """Return the ids of the figures a page prints: all of them, except on a handout at the
    last fit level, which prints its key rows and points to the rest."""
    every = tuple(row.id for row in document.figures)
    handout = target == "pdf" and document.layout is Layout.HANDOUT
    if not handout or fit < KEY_FIGURES_FIT:
        return every
    key = {row.id for row in document.callouts} | {
        row.id for row in document.figures if row.markers
    }
    return tuple(figure_id for figure_id in every if figure_id in key)[:MAX_KEY_ROWS]


def printed_pictures(document: Document, target: str, fit: int = 0) -> tuple[str, ...]:
    """Return the ids of the pictures a page prints: all of them, except on a handout from the
    fit level that prints fewer quotes on, where they move to the ebook and web page."""
    handout = target == "pdf" and document.layout is Layout.HANDOUT
    if handout and fit >= FEWER_QUOTES_FIT:
        return ()
    return tuple(picture.id for picture in document.pictures)


def printed_claims(document: Document, target: str, fit: int = 0) -> tuple[str, ...]:
    """Return the ids of the claims a page prints: all of them, except on a handout at the last
    fit level (as for figures), which prints those cited in prose or with a caveat, at most
    MAX_KEY_ROWS, and points to the rest."""
    every = tuple(row.id for row in document.claims)
    handout = target == "pdf" and document.layout is Layout.HANDOUT
    if not handout or fit < KEY_FIGURES_FIT:
        return every
    key = tuple(row.id for row in document.claims if row.cited or row.markers)
    return key[:MAX_KEY_ROWS]


def render_page(document: Document, target: str, fit: int = 0) -> str:
    """Render the one-page HTML for `pdf` (handed to WeasyPrint) or `html` (standalone).

    `fit` is the handout's fit level (see `write.pdf.write_pdf`); 0 prints as designed.
    """
    if target == "html":
        parts = [
            HTML_FONTS,
            theme_css(document.theme, document.labels),
            _css_file("base.css"),
            "body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }",
            theme_fonts_css(document, target),
        ]
        if document.large_print:
            parts += [_css_file("large-print.css"), "body.large-print { max-width: 62rem; }"]
        css = "\n".join(parts)
    else:
        css = stylesheet(document, target, font_dir().as_uri() + "/")
    html = (
        environment()
        .get_template("page.html.j2")
        .render(
            doc=document,
            target=target,
            css=Markup(css),
            fit=fit,
            moved=fit >= MOVED_FIT and target == "pdf" and document.layout is Layout.HANDOUT,
            shown=printed_quotes(document, target, fit),
            shown_figures=printed_figures(document, target, fit),
            pictures=printed_pictures(document, target, fit),
            shown_claims=printed_claims(document, target, fit),
        )
    )
    if target == "pdf" and document.layout is not Layout.HANDOUT:
        return footnotes_for_print(html, document)
    return html  # a handout's note marks link to its sources list: each source printed once


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def ebook_faces(texts: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """Return the shipped faces an EPUB embeds, as WOFF files (stored, not compressed again).

    The Arabic faces are embedded only when some text uses the Arabic script.
    """
    arabic = any(_ARABIC.search(text) for text in texts)
    return [
        (family, Path(file).stem + ".woff", weight, style)
        for family, file, weight, style in FONT_FACES
        if arabic or family != "Brief Arabic"
    ]
