"""Find the numbers in a text, before their context is read.

In: a text and its language. Out: the `Atom`s of the text in order, none overlapping another:
shares in words and dozens first, then digits, compound vague amounts ("tens of thousands"),
number words and single vague words ("hundreds"), each where no earlier one was found.
"""

from __future__ import annotations

from brief.analyse.numbers.digits import digit_atoms
from brief.analyse.numbers.reading import Atom
from brief.analyse.numbers.vague import VAGUE, dozen_atoms, fraction_atoms, vague_atoms
from brief.analyse.numbers.words import word_atoms


def find_atoms(text: str, lang: str) -> list[Atom]:
    """Return the numbers in a text: digits first, then "tens of thousands", number words, and
    single vague words ("hundreds"), each where no earlier one was read; linear in the text."""
    vague = list(vague_atoms(text))
    layers = [
        list(fraction_atoms(text)),
        list(dozen_atoms(text)),
        list(digit_atoms(text, lang)),
        [atom for atom in vague if atom.extra.get("compound")],
        [
            atom
            for atom in word_atoms(text, lang)
            if text[atom.start : atom.end].lower() not in VAGUE
        ],
        [atom for atom in vague if not atom.extra.get("compound")],
    ]
    taken = bytearray(len(text) + 1)
    atoms = []
    for layer in layers:
        for atom in layer:
            if taken.find(1, atom.start, atom.end) == -1:
                taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
                atoms.append(atom)
    return sorted(atoms, key=lambda atom: atom.start)
