"""Write brief/analyse/monthnames.py: the month names the number reader knows, taken from Babel.

Loading six more locales' data from Babel costs every `brief check` and `brief build` about 0.07 s
(issue 15), for a table that only changes with Babel's CLDR data. Run after upgrading Babel:
`.venv/bin/python scripts/make-month-names.py`; tests/analyse/test_monthnames.py checks that the
table is still exactly what Babel gives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from brief.analyse.numbers.months import month_names_from_babel

TARGET = Path(__file__).resolve().parents[1] / "brief" / "analyse" / "monthnames.py"


def main() -> None:
    lines = [
        '"""Month names in the languages of `numbers.months.MONTH_LANGUAGES`, lower case, without',
        "a final full stop, made from Babel's data by scripts/make-month-names.py (do not edit).",
        '"""',
        "",
    ]
    for width in ("wide", "abbreviated"):
        names = sorted(month_names_from_babel(width))
        lines.append(f"{width.upper()} = frozenset(")
        lines.append("    {")
        lines += [f"        {json.dumps(name, ensure_ascii=False)}," for name in names]
        lines.append("    }")
        lines.append(")")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write(f"{TARGET.name}: {sum(1 for _ in lines)} lines\n")


if __name__ == "__main__":
    main()
