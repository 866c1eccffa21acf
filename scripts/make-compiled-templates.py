"""Write templates/compiled/: Jinja2's Python for each template, so builds need not compile them.

Compiling `page.html.j2` and `sections.html.j2` cost every cold build about 0.1 s (issue 15). Each
file starts with the SHA-256 of the template it was made from; `render.PrecompiledLoader` uses it
only while the template is unchanged. Run after editing a template:
`.venv/bin/python scripts/make-compiled-templates.py`; tests/test_compiled_templates.py checks.
"""

from __future__ import annotations

import sys

from brief.compose.render import COMPILED, compiled_header, compiled_path, environment
from brief.resources import template_dir


def main() -> None:
    env = environment()
    (template_dir() / COMPILED).mkdir(exist_ok=True)
    for name in env.list_templates(filter_func=lambda name: name.endswith(".j2")):
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        code = env.compile(source, name, filename, raw=True)
        compiled_path(name).write_text(compiled_header(source) + code, encoding="utf-8")
        sys.stdout.write(f"{compiled_path(name).relative_to(template_dir().parent)}\n")


if __name__ == "__main__":
    main()
