"""The product profile: size, number of delivery teams and notes, which some checks weigh.

The panel only reports what the person chose (:attr:`ProfilePanel.profileEdited`);
the window turns that into one undoable SetProfileCommand and re-checks.
:meth:`ProfilePanel.set_profile` shows a team's profile without emitting.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from raci.model import Profile, Size

SIZE_LABELS = {Size.SMALL: "Small", Size.MEDIUM: "Medium", Size.LARGE: "Large"}
SIZES = tuple(SIZE_LABELS)
MAX_DELIVERY_TEAMS = 99


class ProfilePanel(QWidget):
    """Size, delivery teams and notes of the product."""

    profileEdited = Signal(object)  # the new Profile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout.addRow("Product size", self.size_box)
        layout.addRow("Delivery teams", self.teams_box)
        layout.addRow("Notes", self.notes_box)
        layout.addRow(hint)
        self._shown = Profile()
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

    def profile(self) -> Profile:
        """The profile as the controls show it."""
        return Profile(SIZES[self.size_box.currentIndex()], self.teams_box.value(), self.notes_box.text().strip())

    def _edited(self) -> None:
        chosen = self.profile()
        if chosen != self._shown:
            self._shown = chosen
            self.profileEdited.emit(chosen)
