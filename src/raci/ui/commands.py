"""One undo command per kind of edit to a team.

Each command calls one :class:`~raci.model.Team` operation in ``redo`` and
its inverse in ``undo``, and never touches a widget: the team announces the
change and the table model repaints. Removals keep what the team handed
back (:class:`~raci.model.Removal`), so an undo puts the person or row back
at the same place with the same letters. Every command carries the text
the Edit menu shows ("Undo Set 3 cells to A").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoCommand

from raci.letters import Cell, LetterSet
from raci.model import (
    Acknowledgment,
    CellKey,
    LetterSwitch,
    Person,
    Profile,
    Removal,
    Responsibility,
    RuleSetting,
    Team,
    make_id,
)


def rule_title(rule_id: str) -> str:
    """A check's title for menu texts ("Exactly one accountable per row"), never its internal id."""
    from raci.rules import RULES  # loaded long before any check is acknowledged or set

    if rule_id in RULES:
        return RULES[rule_id].title
    return rule_id.replace("-", " ").capitalize()  # a check this version does not know (a newer file's)


def cells_phrase(count: int) -> str:
    """"cell" or "3 cells", for menu texts."""
    return "cell" if count == 1 else f"{count} cells"


def cells_text(changes: Mapping[CellKey, str | None]) -> str:
    """Menu text for a cell edit: "Set 3 cells to A", "Clear 2 cells", "Change 5 cells"."""
    values = set(changes.values())
    noun = cells_phrase(len(changes))
    if values == {None}:
        return f"Clear {noun}"
    if len(values) == 1:
        return f"Set {noun} to {str.__str__(next(iter(values)))}"
    return f"Change {noun}"


class SetCellsCommand(QUndoCommand):
    """Set many cells at once (``None`` clears); one undo step restores them all.

    ``text`` is the menu text, or a function of how many cells actually
    changed ("Set 3 cells to A"); by default it says what was set. Either
    way it is settled on the first redo, when that number is known.
    """

    def __init__(
        self,
        team: Team,
        changes: Mapping[CellKey, str | None],
        text: str | Callable[[int], str] | None = None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text if isinstance(text, str) else "", parent)
        self.team = team
        self.changes = dict(changes)
        self.previous: dict[CellKey, Cell | None] = {}
        self._describe = None if isinstance(text, str) else text

    def redo(self) -> None:
        first = not self.previous
        self.previous = self.team.set_cells(self.changes)
        # A command that changed nothing is dropped by QUndoStack.push.
        self.setObsolete(not self.previous)
        if first and self.previous and not self.text():
            changed = {key: self.changes[key] for key in self.previous}
            self.setText(self._describe(len(changed)) if self._describe else cells_text(changed))

    def undo(self) -> None:
        self.team.set_cells(self.previous)


class SwitchLettersCommand(QUndoCommand):
    """Write the team in another letter set, every cell moved as ``mapping`` says; undo puts back every cell.

    ``mapping`` is what :func:`raci.letters.plan_switch` worked out and the
    person saw (old cell -> new cell, ``None`` for blank).
    """

    def __init__(self, team: Team, letters: LetterSet, mapping: Mapping[Cell, Cell | None] | None = None,
                 text: str = "") -> None:
        super().__init__(text or f"Switch letters to {letters.name}")
        self.team = team
        self.letters = letters
        self.mapping = None if mapping is None else dict(mapping)
        self.replaced: LetterSwitch | None = None

    def redo(self) -> None:
        self.replaced = self.team.set_letter_set(self.letters, self.mapping)

    def undo(self) -> None:
        assert self.replaced is not None
        self.team.restore_letter_set(self.replaced)


class AddPersonCommand(QUndoCommand):
    """Add a person; a redo after an undo brings back the same person (same id)."""

    def __init__(
        self, team: Team, name: str, titles: Iterable[str] = (), index: int | None = None
    ) -> None:
        super().__init__(f"Add person {' '.join(name.split())}")
        self.team = team
        self.name = name
        self.titles = tuple(titles)
        self.index = index
        self.person: Person | None = None

    def redo(self) -> None:
        if self.person is None:
            self.person = self.team.add_person(self.name, self.titles, index=self.index)
            self.index = self.team.person_index(self.person.id)
        else:
            self.team.insert_person(self.person, self.index if self.index is not None else len(self.team.people))

    def undo(self) -> None:
        assert self.person is not None
        self.team.remove_person(self.person.id)


class UpdatePersonCommand(QUndoCommand):
    """Rename a person or change their titles."""

    def __init__(
        self, team: Team, person_id: str, name: str | None = None, titles: Iterable[str] | None = None
    ) -> None:
        person = team.person(person_id)
        verb = "Rename" if titles is None else "Edit"
        super().__init__(f"{verb} person {person.name}")
        self.team = team
        self.person_id = person_id
        self.name = name
        self.titles = None if titles is None else tuple(titles)
        self.old: Person | None = None

    def redo(self) -> None:
        self.old = self.team.update_person(self.person_id, name=self.name, titles=self.titles)

    def undo(self) -> None:
        assert self.old is not None
        self.team.update_person(self.person_id, name=self.old.name, titles=self.old.titles)


class RemovePersonCommand(QUndoCommand):
    """Remove a person with their letters; undo puts them back in their column."""

    def __init__(self, team: Team, person_id: str) -> None:
        super().__init__(f"Remove person {team.person(person_id).name}")
        self.team = team
        self.person_id = person_id
        self.removal: Removal | None = None

    def redo(self) -> None:
        self.removal = self.team.remove_person(self.person_id)

    def undo(self) -> None:
        assert self.removal is not None
        self.team.restore(self.removal)


class MovePersonCommand(QUndoCommand):
    """Move a person to another column."""

    def __init__(self, team: Team, person_id: str, index: int) -> None:
        super().__init__(f"Move person {team.person(person_id).name}")
        self.team = team
        self.person_id = person_id
        self.index = index
        self.old_index = team.person_index(person_id)

    def redo(self) -> None:
        self.old_index = self.team.move_person(self.person_id, self.index)

    def undo(self) -> None:
        self.team.move_person(self.person_id, self.old_index)


class AddResponsibilitiesCommand(QUndoCommand):
    """Add one or many responsibilities (e.g. picked from the catalog) as one step.

    A row whose id the team already uses (the same catalog entry added
    twice) gets a fresh id on the first redo; redo after undo reuses it.
    """

    def __init__(self, team: Team, rows: Sequence[Responsibility], index: int | None = None) -> None:
        count = len(rows)
        text = f"Add responsibility '{rows[0].title}'" if count == 1 else f"Add {count} responsibilities"
        super().__init__(text)
        self.team = team
        self.rows = list(rows)
        self.index = index
        self.added: list[Responsibility] = []

    def redo(self) -> None:
        if not self.added:
            taken = {row.id for row in self.team.responsibilities}
            for row in self.rows:
                if row.id in taken:
                    row = replace(row, id=make_id(row.title, taken, "responsibility"))
                taken.add(row.id)
                self.added.append(row)
        start = len(self.team.responsibilities) if self.index is None else self.index
        for offset, row in enumerate(self.added):
            self.team.insert_responsibility(row, start + offset)

    def undo(self) -> None:
        for row in reversed(self.added):
            self.team.remove_responsibility(row.id)

    @property
    def ids(self) -> list[str]:
        """The ids the rows got in the team (known after the first redo)."""
        return [row.id for row in self.added]


class UpdateResponsibilityCommand(QUndoCommand):
    """Change a responsibility's title, description, category, side, tags or sources."""

    def __init__(self, team: Team, rid: str, **changes: Any) -> None:
        title = team.responsibility(rid).title
        verb = "Rename" if set(changes) == {"title"} else "Edit"
        super().__init__(f"{verb} responsibility '{title}'")
        self.team = team
        self.rid = rid
        self.changes = changes
        self.old: Responsibility | None = None

    def redo(self) -> None:
        self.old = self.team.update_responsibility(self.rid, **self.changes)

    def undo(self) -> None:
        assert self.old is not None
        self.team.update_responsibility(self.rid, **{name: getattr(self.old, name) for name in self.changes})


class RemoveResponsibilityCommand(QUndoCommand):
    """Remove a responsibility with its letters; undo puts it back in its row."""

    def __init__(self, team: Team, rid: str) -> None:
        super().__init__(f"Remove responsibility '{team.responsibility(rid).title}'")
        self.team = team
        self.rid = rid
        self.removal: Removal | None = None

    def redo(self) -> None:
        self.removal = self.team.remove_responsibility(self.rid)

    def undo(self) -> None:
        assert self.removal is not None
        self.team.restore(self.removal)


class MoveResponsibilityCommand(QUndoCommand):
    """Move a responsibility to another row."""

    def __init__(self, team: Team, rid: str, index: int, parent: QUndoCommand | None = None) -> None:
        super().__init__(f"Move responsibility '{team.responsibility(rid).title}'", parent)
        self.team = team
        self.rid = rid
        self.index = index
        self.old_index = team.responsibility_index(rid)

    def redo(self) -> None:
        self.old_index = self.team.move_responsibility(self.rid, self.index)

    def undo(self) -> None:
        self.team.move_responsibility(self.rid, self.old_index)


class SetProfileCommand(QUndoCommand):
    """Replace the product profile (size, delivery teams, notes)."""

    def __init__(self, team: Team, profile: Profile) -> None:
        super().__init__("Change product profile")
        self.team = team
        self.profile = profile
        self.old = team.profile

    def redo(self) -> None:
        self.old = self.team.set_profile(self.profile)

    def undo(self) -> None:
        self.team.set_profile(self.old)


class SetRuleSettingCommand(QUndoCommand):
    """Turn a check off or on, or change its threshold (``None`` resets it)."""

    def __init__(self, team: Team, rule_id: str, setting: RuleSetting | None) -> None:
        super().__init__(f"Change check \u201c{rule_title(rule_id)}\u201d")
        self.team = team
        self.rule_id = rule_id
        self.setting = setting
        self.old: RuleSetting | None = None

    def redo(self) -> None:
        self.old = self.team.set_rule_setting(self.rule_id, self.setting)

    def undo(self) -> None:
        self.team.set_rule_setting(self.rule_id, self.old)


def normal_setting(setting: RuleSetting | None) -> RuleSetting | None:
    """``None`` for a setting that says nothing (on, default limit); the setting otherwise."""
    return None if setting is None or (setting.enabled and setting.threshold is None) else setting


def rule_settings_commands(team: Team, chosen: Mapping[str, RuleSetting | None]) -> list[SetRuleSettingCommand]:
    """One command per check whose setting differs from the team's (``None``: back to the default)."""
    return [SetRuleSettingCommand(team, rule_id, normal_setting(setting)) for rule_id, setting in chosen.items()
            if normal_setting(team.rule_settings.get(rule_id)) != normal_setting(setting)]


class RenameTeamCommand(QUndoCommand):
    """Change the team's name (and optionally its description)."""

    def __init__(self, team: Team, name: str, description: str | None = None) -> None:
        super().__init__("Rename team" if description in (None, team.description) else "Edit team details")
        self.team = team
        self.name = name
        self.description = description
        self.old = (team.name, team.description)

    def redo(self) -> None:
        self.old = (self.team.name, self.team.description)
        self.team.rename(self.name, self.description)

    def undo(self) -> None:
        self.team.rename(*self.old)


class AcknowledgeCommand(QUndoCommand):
    """Record that a finding is intended, with the team's reason."""

    def __init__(self, team: Team, acknowledgment: Acknowledgment) -> None:
        super().__init__(f"Acknowledge \u201c{rule_title(acknowledgment.rule)}\u201d")
        self.team = team
        self.acknowledgment = acknowledgment

    def redo(self) -> None:
        self.team.add_acknowledgment(self.acknowledgment)

    def undo(self) -> None:
        self.team.remove_acknowledgment(self.acknowledgment)


class WithdrawAcknowledgmentCommand(QUndoCommand):
    """Withdraw an acknowledgment; undo puts it back at the same place in the list."""

    def __init__(self, team: Team, acknowledgment: Acknowledgment) -> None:
        super().__init__(f"Withdraw acknowledgment of \u201c{rule_title(acknowledgment.rule)}\u201d")
        self.team = team
        self.acknowledgment = acknowledgment
        self.position = -1

    def redo(self) -> None:
        self.position = self.team.remove_acknowledgment(self.acknowledgment)

    def undo(self) -> None:
        self.team.add_acknowledgment(self.acknowledgment, self.position)


class PlaceResponsibilitiesCommand(QUndoCommand):
    """Put rows next to another row and into its category (a drag, or a move past a category's edge).

    The rows land before ``anchor_id`` (after it when ``after``), in the
    given order; each row whose category differs takes the anchor's. The
    moves are worked out on the first redo, one after the other, since each
    changes where the next one goes; undo replays them backwards.
    """

    def __init__(self, team: Team, rids: Sequence[str], anchor_id: str, after: bool, text: str = "") -> None:
        moving = [rid for rid in dict.fromkeys(rids) if rid != anchor_id]
        default = (f"Move responsibility '{team.responsibility(moving[0]).title}'" if len(moving) == 1
                   else f"Move {len(moving)} responsibilities")
        super().__init__(text or default)
        self.team = team
        self.rids = moving
        self.anchor_id = anchor_id
        self.after = after
        self.steps: list[tuple[str, int, int, str, str]] = []  # rid, old index, new index, old/new category

    def redo(self) -> None:
        if self.steps:
            for rid, _, new, was, now in self.steps:
                self.team.move_responsibility(rid, new)
                if was != now:
                    self.team.update_responsibility(rid, category=now)
            return
        anchor, after = self.anchor_id, self.after
        for rid in self.rids:
            self.steps.append(self._place(rid, anchor, after))
            anchor, after = rid, True
        self.setObsolete(not self.changed)

    @property
    def changed(self) -> bool:
        """Whether the first redo moved or recategorised anything (readable after the stack drops the command)."""
        return any(old != new or was != now for _, old, new, was, now in self.steps)

    def _place(self, rid: str, anchor_id: str, after: bool) -> tuple[str, int, int, str, str]:
        team = self.team
        old, target = team.responsibility_index(rid), team.responsibility_index(anchor_id)
        if after:
            new = target if old < target else target + 1
        else:
            new = target - 1 if old < target else target
        team.move_responsibility(rid, new)
        was, now = team.responsibility(rid).category, team.responsibility(anchor_id).category
        if was != now:
            team.update_responsibility(rid, category=now)
        return rid, old, new, was, now

    def undo(self) -> None:
        for rid, old, _, was, now in reversed(self.steps):
            if was != now:
                self.team.update_responsibility(rid, category=was)
            self.team.move_responsibility(rid, old)
