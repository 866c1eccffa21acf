"""Stage 1, reading the source: a brief's folder read and checked, trusting nothing.

In: a path. Out: a `load.Source` (YAML with positions, its Markdown includes, local copies, checked
image and font bytes) and, through `validate`, the frozen `model.Brief`, or a BriefError naming
file:line:col. Files (`files`), fonts (`fonts`), images and SVG (`images`, `svg`, `svgstyle`),
Markdown (`markup`), references between items (`references`), variants tables (`variants`) and
the JSON Schema of the format (`jsonschema`) live here.
"""
