"""The logo and the pictures, as each output shows them.

In: a `Brief` (its checked `images`). Out: for the logo, the fields of `Document` that name it;
for the pictures, `PictureRow`s: a URL of ours the PDF writer serves the checked bytes under
(print HTML), a data URI (web HTML) and a path inside the EPUB. Pure: reads no file.
"""

from __future__ import annotations

import base64

from brief.compose.document import PictureRow
from brief.model import Brief

#: The logo's URL in the print HTML; the PDF writer serves the checked bytes under it.
LOGO_URL = "brief-image:logo"


def logo(brief: Brief) -> dict[str, object]:
    """Return the logo for each output: a URL of ours (PDF), a data URI (HTML), an EPUB path,
    and the checked file they all show."""
    organization = brief.meta.organization
    image = brief.images.get(organization.logo) if organization and organization.logo else None
    if not organization or image is None:
        return {}
    data = base64.b64encode(image.data).decode()
    return {
        "logo": LOGO_URL,
        "logo_alt": organization.logo_alt,
        "logo_uri": f"data:{image.media_type};base64,{data}",
        "logo_epub": f"images/logo.{image.extension}",
        "logo_file": image,
    }


#: The scheme of a picture's URL in the print HTML (`brief-image:picture-ID`).
PICTURE_URL = "brief-image:picture-"


def pictures(brief: Brief) -> tuple[PictureRow, ...]:
    """Return the pictures with the URL, data URI and EPUB path each output shows them by."""
    rows = []
    for picture in brief.pictures:
        image = brief.images.get(picture.file)
        if image is None:
            continue
        data = base64.b64encode(image.data).decode()
        rows.append(
            PictureRow(
                id=picture.id,
                url=PICTURE_URL + picture.id,
                uri=f"data:{image.media_type};base64,{data}",
                epub=f"images/picture-{picture.id}.{image.extension}",
                alt=picture.alt,
                caption=picture.caption,
                credit=picture.credit,
                place=picture.place,
                file=image,
            )
        )
    return tuple(rows)
