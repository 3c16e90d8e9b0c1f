"""The team panel: the team's name and description, and the product profile some checks weigh.

The panel only reports what the person chose (:attr:`ProfilePanel.teamEdited`,
:attr:`ProfilePanel.profileEdited`); the window turns each into one
undoable command and re-checks. :meth:`ProfilePanel.set_profile` and
:meth:`ProfilePanel.set_team_details` show a team without emitting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from raci.model import Profile, Size

SIZE_LABELS = {Size.SMALL: "Small", Size.MEDIUM: "Medium", Size.LARGE: "Large"}
SIZES = tuple(SIZE_LABELS)
MAX_DELIVERY_TEAMS = 99
DESCRIPTION_LINES = 4


class DescriptionEdit(QPlainTextEdit):
    """A few lines of plain text that report an edit when the person leaves them, as a line edit does."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class ProfilePanel(QWidget):
    """Name and description of the team; size, delivery teams and notes of the product."""

    profileEdited = Signal(object)  # the new Profile
    teamEdited = Signal(str, str)  # the name and description as the fields show them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_box = QLineEdit(self)
        self.name_box.setObjectName("teamName")
        self.name_box.setPlaceholderText("The team's name")
        self.description_box = DescriptionEdit(self)
        self.description_box.setObjectName("teamDescription")
        self.description_box.setPlaceholderText("What this team does and how it works")
        self.description_box.setTabChangesFocus(True)
        line = self.description_box.fontMetrics().lineSpacing()
        self.description_box.setFixedHeight(line * DESCRIPTION_LINES + 12)
        self.size_box = QComboBox(self)
        self.size_box.setObjectName("profileSize")
        self.size_box.addItems(list(SIZE_LABELS.values()))
        self.size_box.setToolTip("How big the product is: the articles expect the two product roles "
                                 "to be split once a product grows past small.")
        self.teams_box = QSpinBox(self)
        self.teams_box.setObjectName("profileTeams")
        self.teams_box.setRange(1, MAX_DELIVERY_TEAMS)
        self.teams_box.setKeyboardTracking(False)  # one change when typing "12", not "1" then "12"
        self.teams_box.setToolTip("How many delivery (Scrum) teams build the product")
        self.notes_box = QLineEdit(self)
        self.notes_box.setObjectName("profileNotes")
        self.notes_box.setPlaceholderText("Anything the team should remember about the product")
        self.notes_box.setClearButtonEnabled(True)
        hint = QLabel("Changing the size or the number of teams re-runs the checks.", self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow("Team name", self.name_box)
        layout.addRow("Description", self.description_box)
        layout.addRow("Product size", self.size_box)
        layout.addRow("Delivery teams", self.teams_box)
        layout.addRow("Notes", self.notes_box)
        layout.addRow(hint)
        self._shown = Profile()
        self._details = ("", "")
        self.name_box.editingFinished.connect(self._team_edited)
        self.description_box.editingFinished.connect(self._team_edited)
        self.size_box.currentIndexChanged.connect(self._edited)
        self.teams_box.valueChanged.connect(self._edited)
        self.notes_box.editingFinished.connect(self._edited)

    def set_profile(self, profile: Profile) -> None:
        """Show ``profile`` (after a new document or an undo) without emitting profileEdited."""
        self._shown = profile
        for widget in (self.size_box, self.teams_box, self.notes_box):
            widget.blockSignals(True)
        self.size_box.setCurrentIndex(SIZES.index(profile.size))
        self.teams_box.setValue(profile.delivery_teams)
        if self.notes_box.text() != profile.notes:
            self.notes_box.setText(profile.notes)
            self.notes_box.setCursorPosition(0)  # show the start of a long note, not its end
        for widget in (self.size_box, self.teams_box, self.notes_box):
            widget.blockSignals(False)

    def set_team_details(self, name: str, description: str) -> None:
        """Show the team's name and description without emitting teamEdited."""
        self._details = (name, description)
        if self.name_box.text() != name:
            self.name_box.setText(name)
            self.name_box.setCursorPosition(0)
        if self.description_box.toPlainText() != description:
            self.description_box.setPlainText(description)

    def focus_name(self) -> None:
        self.name_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_box.selectAll()

    def profile(self) -> Profile:
        """The profile as the controls show it."""
        return Profile(SIZES[self.size_box.currentIndex()], self.teams_box.value(), self.notes_box.text().strip())

    def _edited(self) -> None:
        chosen = self.profile()
        if chosen != self._shown:
            self._shown = chosen
            self.profileEdited.emit(chosen)

    def _team_edited(self) -> None:
        name = self.name_box.text()
        if not name.strip():  # a team needs a name: show the one it has again
            self.name_box.setText(self._details[0])
            return
        chosen = (name.strip(), self.description_box.toPlainText().strip())
        if chosen != self._details:
            self._details = chosen
            self.teamEdited.emit(*chosen)
