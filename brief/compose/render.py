"""Render stage: Document → HTML text for each target (Jinja2, autoescape, StrictUndefined).

In: `compose.Document` and a target (`pdf`, `html`, `epub`). Out: strings: one page for PDF and
HTML, one XHTML document per section for EPUB. Source content is data here, never a template.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from brief.compose.document import Document
from brief.compose.l10n import locale_for
from brief.compose.marks import Marks, MarkStyle
from brief.compose.themes import theme_css
from brief.compose.urls import url_breaks, url_host, without_scheme
from brief.model import Layout
from brief.read.fonts import family_rules, font_faces
from brief.resources import asset_dir, font_dir, template_dir

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


@dataclass(frozen=True)
class PrintPage:
    """The print HTML and its stylesheet, apart: the PDF writer parses the stylesheet once for
    every fit level and every brief of a warm process (`write.pdf.PdfRenderer`)."""

    html: str
    css: str


def render_page(document: Document, target: str, fit: int = 0) -> str:
    """Render the one-page HTML for `html` (standalone) or `pdf` (as WeasyPrint reads it, with
    its stylesheet inside, as `--keep-html` writes it).

    `fit` is the handout's fit level (see `write.pdf.write_pdf`); 0 prints as designed.
    """
    css = _page_css(document) if target == "html" else print_css(document)
    return _render(document, target, fit, css)


def render_print(document: Document, fit: int = 0) -> PrintPage:
    """Render the print HTML at a fit level without its stylesheet, and the stylesheet."""
    return PrintPage(_render(document, "pdf", fit, None), print_css(document))


def print_css(document: Document) -> str:
    """Return the print stylesheet, its fonts read from our own folder."""
    return stylesheet(document, "pdf", font_dir().as_uri() + "/")


def _page_css(document: Document) -> str:
    parts = [
        HTML_FONTS,
        theme_css(document.theme, document.labels),
        _css_file("base.css"),
        "body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }",
        theme_fonts_css(document, "html"),
    ]
    if document.large_print:
        parts += [_css_file("large-print.css"), "body.large-print { max-width: 62rem; }"]
    return "\n".join(parts)


def _render(document: Document, target: str, fit: int, css: str | None) -> str:
    footnotes = target == "pdf" and document.layout is not Layout.HANDOUT
    return (
        environment()
        .get_template("page.html.j2")
        .render(
            doc=document,
            marks=Marks(document, MarkStyle.FOOTNOTE if footnotes else MarkStyle.LINK),
            target=target,
            css=None if css is None else Markup(css),
            fit=fit,
            moved=fit >= MOVED_FIT and target == "pdf" and document.layout is Layout.HANDOUT,
            shown=printed_quotes(document, target, fit),
            shown_figures=printed_figures(document, target, fit),
            pictures=printed_pictures(document, target, fit),
            shown_claims=printed_claims(document, target, fit),
        )
    )


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
