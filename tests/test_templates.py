"""The starter templates: valid team files, drawn from the catalog, written exactly as the app writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.catalog import load_catalog
from raci.letters import RACI, Kind
from raci.model import Person, Side, Size, Team
from raci.resources import data_file
from raci.teamfile import load_team, save_team

TEMPLATES = ("startup", "scrum-team", "scaled", "blank")


def template_path(name: str) -> Path:
    return Path(str(data_file("templates", f"{name}.raci.json")))


@pytest.fixture(scope="module", params=TEMPLATES)
def template(request: pytest.FixtureRequest) -> tuple[str, Team]:
    return request.param, load_team(template_path(request.param))


def test_every_template_loads_and_saves_back_byte_for_byte(template: tuple[str, Team], tmp_path: Path) -> None:
    name, team = template
    copy = tmp_path / f"{name}.raci.json"
    save_team(team, copy)
    assert copy.read_bytes() == template_path(name).read_bytes()


def test_every_template_row_is_a_catalog_entry_with_its_catalog_wording(template: tuple[str, Team]) -> None:
    catalog = load_catalog()
    for row in template[1].responsibilities:
        assert len(row.sources) == 1, row.id
        entry = catalog.entry(row.sources[0])
        if row.id == entry.id:
            assert row.title == entry.title
        else:  # one team's copy of an entry, named after the team
            assert row.id.startswith(f"{entry.id}-") and row.title.startswith(f"{entry.title}: "), row.id
        assert (row.description, row.category) == (entry.description, entry.category)
        assert (row.side.value, row.tags) == (entry.side, entry.tags)


def test_every_template_says_which_articles_it_follows(template: tuple[str, Team]) -> None:
    description = template[1].description
    assert any(author in description for author in ("Nathanson", "Fechter", "Tacit Edge", "Racki", "Cowan"))


def test_the_blank_template_has_every_catalog_entry_and_no_people() -> None:
    team = load_team(template_path("blank"))
    assert [row.id for row in team.responsibilities] == [entry.id for entry in load_catalog().entries]
    assert list(team.people) == []
    assert team.profile.size is Size.MEDIUM


def test_the_startup_template_has_one_person_who_is_both_product_manager_and_product_owner() -> None:
    team = load_team(template_path("startup"))
    both = [p for p in team.people if p.has_title("Product Manager") and p.has_title("Product Owner")]
    assert len(both) == 1
    assert team.profile.size is Size.SMALL and team.profile.delivery_teams == 1
    assert 2 <= sum(p.has_title("Developer") for p in team.people) <= 3
    # The point of the template: the one product person is accountable for vision and backlog alike.
    for row in team.responsibilities:
        if "vision" in row.tags or "backlog" in row.tags:
            assert _owns(team.cell(row.id, both[0].id)), row.id


def test_the_scaled_template_has_one_product_manager_over_three_product_owners() -> None:
    team = load_team(template_path("scaled"))
    assert team.profile.size is Size.LARGE and team.profile.delivery_teams == 3
    assert sum(p.has_title("Product Manager") for p in team.people) == 1
    assert sum(p.has_title("Product Owner") for p in team.people) == 3


@pytest.mark.parametrize("name", ("startup", "scrum-team", "scaled"))
def test_each_row_has_one_accountable_and_someone_responsible(name: str) -> None:
    team = load_team(template_path(name))
    for row in team.responsibilities:
        letters = team.row_letters(row.id).values()
        assert sum(_owns(letter) for letter in letters) == 1, row.id
        assert any(_does(letter) for letter in letters), row.id


def _owns(cell: str | None) -> bool:
    return cell is not None and bool(RACI.kinds(cell) & Kind.OWNS.bit)


def _does(cell: str | None) -> bool:
    return cell is not None and bool(RACI.kinds(cell) & Kind.DOES.bit)


def _accountable(team: Team, row_id: str) -> Person:
    (holder,) = [pid for pid, letter in team.row_letters(row_id).items() if _owns(letter)]
    return team.person(holder)


@pytest.mark.parametrize("name", ("startup", "scrum-team", "scaled"))
def test_manager_rows_rest_with_the_product_manager_and_backlog_rows_with_a_product_owner(name: str) -> None:
    team = load_team(template_path(name))
    has_scrum_master = any(person.has_title("Scrum Master") for person in team.people)
    for row in team.responsibilities:
        person = _accountable(team, row.id)
        if row.side is Side.MANAGER:
            assert person.has_title("Product Manager"), row.id
        elif "process" in row.tags and has_scrum_master:
            # The Scrum Guide gives the events and the team's improvement to the scrum master.
            assert person.has_title("Scrum Master"), row.id
        elif "backlog" in row.tags or row.side is Side.OWNER:
            assert person.has_title("Product Owner"), row.id


@pytest.mark.parametrize("name", ("scrum-team", "scaled"))
def test_the_scrum_master_follows_the_scrum_guide_and_the_role_definition(name: str) -> None:
    # roles.json: the scrum master facilitates the events and coaching, and holds neither vision, roadmap nor backlog.
    team = load_team(template_path(name))
    (master,) = [person.id for person in team.people if person.has_title("Scrum Master")]
    for row in team.responsibilities:
        letter = team.cell(row.id, master)
        if "process" in row.tags:
            assert letter is not None and _owns(letter), row.id
        if {"vision", "roadmap", "backlog"} & set(row.tags):
            assert letter is None or not (_owns(letter) or _does(letter)), row.id


def test_the_scaled_template_shows_how_owners_share_three_teams() -> None:
    team = load_team(template_path("scaled"))
    lead = _accountable(team, "serve-several-sprint-teams")
    assert lead.has_title("Lead Product Owner") and lead.has_title("Product Owner")
    assert _accountable(team, "manage-product-backlog") == lead
    # Each team owner answers for the stories of a bounded part of the product.
    areas = [row for row in team.responsibilities if row.sources == ("own-team-backlog-area",)]
    owners = {_accountable(team, row.id).id for row in areas}
    assert len(areas) == team.profile.delivery_teams == len(owners) == 3
    # Program increments and features with the product manager, stories with the owners.
    for row_id in ("plan-quarterly-increment", "shape-feature-backlog"):
        assert _accountable(team, row_id).has_title("Product Manager"), row_id
    assert _accountable(team, "create-backlog-items") == lead


@pytest.mark.parametrize("name", ("scrum-team", "scaled"))
def test_finance_rows_leave_the_product_owners_out(name: str) -> None:
    team = load_team(template_path(name))
    owners = {p.id for p in team.people if p.has_title("Product Owner") and not p.has_title("Product Manager")}
    for row in team.responsibilities:
        if "finance" in row.tags:
            assert not owners & team.row_letters(row.id).keys(), row.id
