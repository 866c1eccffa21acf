"""One number reader for a figure's `as_reported` and for prose: what a number is, not only its
digits ("$100m (£48.8m)", "over three years", "from 1,000 to 17,000 tests per week", "hundreds").

In: a text and the language it is written in. Out: `Reading`s, each with the values the words
allow, its kind (a count, money, a share, a change, a rate, a duration; or a year, age, time,
ordinal or label that callers skip), currency, unit, qualifier, vague or range bounds, a bracketed
conversion and a change's two ends. Number words come from the `text2num` library (en, es, fr,
de, pt, it); Arabic number words and the vague quantities are small tables here (docs/findings.md,
"How numbers are read"). Pure and linear in the text's length: every pattern is anchored on a
number found once.

The modules, in the order a text goes through them:

- `scan` finds the numbers (`Atom`s): `digits` ("6,000", "2.5m"), `words` ("twelve million",
  in six languages and Arabic), `vague` ("hundreds", "a few thousand", "half a dozen",
  "3 in 10");
- `reader` reads each in its context: `skipped` (labels, clock times, ordinals, ages, years;
  `months` for the day of a date), `units` (percentages, changes, durations, rates, units of
  measure), `currency`, `qualifiers` ("about", "more than", "or more") and the bounds they give;
- `join` joins ranges, changes with two ends and bracketed conversions;
- `reading` holds the data (`Kind`, `Reading`, `Atom`), `regex` a helper the patterns share.
"""

from brief.analyse.numbers.reader import read_numbers
from brief.analyse.numbers.reading import Kind, Reading

__all__ = ["Kind", "Reading", "read_numbers"]
