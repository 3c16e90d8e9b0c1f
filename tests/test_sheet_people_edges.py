"""People read from column headers: a name and the titles written beside it, a team of a known role, and roles
the app does not know written in a few words."""

from __future__ import annotations

import pytest

from raci.formats.sheet_detect import person_from_header

HEADERS = [
    ("Designers team", ("Designers team", ("Designer",))),
    ("Developers team", ("Developers team", ("Developer",))),
    ("Product Managers", ("Product Managers", ("Product Manager",))),
    ("Ann - PM", ("Ann", ("Product Manager",))),
    ("Ann: PM", ("Ann", ("Product Manager",))),
    ("Ann - Bob - PM", ("Ann - Bob", ("Product Manager",))),
    ("PM - Ann", ("Ann", ("Product Manager",))),
    ("PM - Ann - Bob", ("PM - Ann - Bob", ())),
    ("PM - Scrum Master", ("PM", ("Scrum Master",))),
    ("Ann, PM, SM", ("Ann, PM", ("Scrum Master",))),
    ("Engineering Lead", ("Engineering Lead", ("Engineering Lead",))),
    ("Lead", ("Lead", ("Lead",))),
    ("Senior Product Lead Role", ("Senior Product Lead Role", ("Senior Product Lead Role",))),
    ("Product Manager Lead Senior Role", ("Product Manager Lead Senior Role", ())),
    ("Tech Lead 2", ("Tech Lead 2", ())),
    ("Ann Lee", ("Ann Lee", ())),
]


@pytest.mark.parametrize(("header", "person"), HEADERS)
def test_a_header_gives_a_name_and_the_titles_written_with_it(header: str, person: tuple[str, tuple[str, ...]]) -> None:
    assert person_from_header(header) == person
