"""Links that open a quote's source at the quoted words (URL text fragments, `#:~:text=`).

In: a `Brief` and one of its `Quote`s. Out: the link (the source's URL with a text directive) and
its QR code as a data URI, or two empty strings when the source has no URL. Pure: reads no file.
"""

from __future__ import annotations

from urllib.parse import quote as quote_url

from brief.compose.qr import qr_data_uri
from brief.model import Brief, Quote


def quote_link(brief: Brief, quote: Quote) -> tuple[str, str]:
    """Return a link that opens the quote's source at the quoted words, and its QR code."""
    source = brief.source(quote.source) if quote.source else None
    if not source or not source.url:
        return "", ""
    link = source.url.split("#")[0] + "#:~:text=" + text_fragment(quote.text)
    return link, qr_data_uri(link)


def text_fragment(text: str, words: int = 4) -> str:
    """Return a URL text directive for `text`: whole when short, else its first and last words.

    >>> text_fragment("We were the last line of defense — an actor and his foundation.")
    'We%20were%20the%20last,actor%20and%20his%20foundation.'
    """
    parts = text.split()
    if len(parts) <= 2 * words:
        return _fragment_quote(" ".join(parts))
    return (
        _fragment_quote(" ".join(parts[:words])) + "," + _fragment_quote(" ".join(parts[-words:]))
    )


def _fragment_quote(text: str) -> str:
    # A text directive reserves "-", "," and "&"; everything else is percent-encoded as usual.
    return quote_url(text, safe="").replace("-", "%2D")
