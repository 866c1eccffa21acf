"""Stage 3, composing: the checked brief and its findings become one `document.Document`.

In: a `model.Brief` and an `analyse.Analysis`. Out: the document every output shares
(`assemble.compose`), with its caveats for readers (`caveats`), its source notes (`notes`), its
logo and pictures (`media`) and links to each quote in its source (`quotelinks`), in the brief's
language (`l10n`), in its theme (`themes`), with a chart of the figures (`chart`) and QR codes
(`qr`); `render` turns it into the print and web HTML, `ebook` into the EPUB's sections.
"""
