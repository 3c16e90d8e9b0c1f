"""Hypothesis strategies for teams in any letter set: the built-in ones and sets a team makes its own.

Holds no tests itself; the round-trip tests of the team file, the workbook
and the CSV export draw their teams from here.
"""

from __future__ import annotations

from hypothesis import strategies as st

from raci.letters import BUILT_IN, Kind, LetterDef, LetterSet
from raci.model import Person, Responsibility, Team

# Symbols a team's own set draws from: letters no built-in set uses, so a sheet's letters say which set it is,
# and one longer symbol that no two others spell.
_OWN_SYMBOLS = ("B", "E", "F", "G", "H", "K", "M", "P", "T", "W", "Q2")
_OTHER_KINDS = tuple(kind for kind in Kind if kind is not Kind.OWNS)
_WORDS = st.text(st.characters(categories=("Lu", "Ll"), max_codepoint=0x17F), min_size=1, max_size=8)


@st.composite
def own_sets(draw: st.DrawFn) -> LetterSet:
    """A set of a team's own: 2 to 7 letters, one owner, at least one doer, any other kinds."""
    size = draw(st.integers(2, 7))
    symbols = draw(st.permutations(_OWN_SYMBOLS))[:size]
    kinds = [Kind.OWNS, Kind.DOES, *(draw(st.sampled_from(_OTHER_KINDS)) for _ in range(size - 2))]
    order = draw(st.permutations(range(size)))
    letters = tuple(LetterDef(symbols[position], f"Word {symbols[position]}", draw(_WORDS), kinds[position])
                    for position in order)
    return LetterSet("ours", draw(st.sampled_from(("Our letters", "Studio", "Équipe"))), letters,
                     say_names=draw(st.booleans()), description=draw(st.sampled_from(("", "Made by the team."))))


def letter_sets() -> st.SearchStrategy[LetterSet]:
    """Any built-in set, or a team's own."""
    return st.one_of(st.sampled_from(BUILT_IN), own_sets())


@st.composite
def teams(draw: st.DrawFn, letter_set: LetterSet | None = None, max_people: int = 5, max_rows: int = 6,
          categories: tuple[str, ...] = ("", "Build")) -> Team:
    """A small team in any set, with any of the set's cells (combinations included) anywhere."""
    letters = letter_set if letter_set is not None else draw(letter_sets())
    people = [Person(f"p{number}", f"Person {chr(65 + number)}{draw(st.sampled_from(('', 'son', 'ez')))}")
              for number in range(draw(st.integers(1, max_people)))]
    category = draw(st.sampled_from(categories))  # one category: the exports keep category blocks together
    rows = [Responsibility(f"r{number}", f"Task number {number + 1}", category=category)
            for number in range(draw(st.integers(1, max_rows)))]
    cell = st.one_of(st.none(), st.sampled_from(letters.all_cells()))
    cells = {}
    for row in rows:
        held = {person.id: value for person in people if (value := draw(cell)) is not None}
        if held:
            cells[row.id] = held
    return Team.from_parts(name="Any letters", people=people, responsibilities=rows, cells=cells, letter_set=letters)
