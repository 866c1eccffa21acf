"""Render stage, web addresses as printed: without their scheme, breakable, as a short host.

In: URLs from the source (already checked to be http(s)). Out: text and safe HTML for the templates.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape


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
