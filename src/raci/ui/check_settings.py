"""Checks > Check Settings: every check of the rule registry, switched on or off, with its limit where it has one.

The list is the registry itself (:data:`raci.rules.RULES`), so a check
added to the rules appears here with nothing else to change. The dialog
returns the settings chosen; the edit actions turn the ones that differ
from the team's into one undo step, and the team file keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raci.model import RuleSetting, Team
from raci.rules import RULES
from raci.rules.registry import Rule
from raci.ui.commands import normal_setting

MAX_LIMIT = 999
TITLE, LIMIT, ABOUT = range(3)


class CheckSettingsDialog(QDialog):
    """One row per check: a check box with its title, its limit (or nothing), and what it looks for."""

    def __init__(self, parent: QWidget | None, team: Team) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check settings")
        self.rules: list[Rule] = list(RULES)
        self.table = QTableWidget(len(self.rules), 3, self)
        self.table.setObjectName("checkSettings")
        self.table.setHorizontalHeaderLabels(["Check", "Limit", "What it looks for"])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.limits: dict[str, QDoubleSpinBox] = {}
        for row, rule in enumerate(self.rules):
            self._add_rule(row, rule, rule.setting(team))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LIMIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        note = QLabel("Switch a check off when it does not apply to this team; the limits say from when "
                      "a check speaks up. Saved with the team, and one step to undo.", self)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 560)
        self.table.resizeRowsToContents()

    def _add_rule(self, row: int, rule: Rule, setting: RuleSetting) -> None:
        title = QTableWidgetItem(rule.title)
        title.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        title.setCheckState(Qt.CheckState.Checked if setting.enabled else Qt.CheckState.Unchecked)
        title.setToolTip(rule.explanation)
        title.setData(Qt.ItemDataRole.UserRole, rule.id)
        self.table.setItem(row, TITLE, title)
        about = QTableWidgetItem(rule.description)
        about.setFlags(Qt.ItemFlag.ItemIsEnabled)
        about.setToolTip(rule.explanation)
        self.table.setItem(row, ABOUT, about)
        if rule.threshold is None:
            self.table.setItem(row, LIMIT, QTableWidgetItem(""))
            return
        limit = QDoubleSpinBox(self.table)
        limit.setDecimals(0 if float(rule.threshold).is_integer() else 2)
        limit.setRange(0, MAX_LIMIT)
        limit.setValue(setting.threshold if setting.threshold is not None else rule.threshold)
        limit.setToolTip(f"Default: {rule.threshold:g}")
        limit.setAccessibleName(f"Limit of {rule.title}")
        limit.setEnabled(setting.enabled)
        self.limits[rule.id] = limit
        self.table.setCellWidget(row, LIMIT, limit)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == TITLE:
            limit = self.limits.get(item.data(Qt.ItemDataRole.UserRole))
            if limit is not None:
                limit.setEnabled(item.checkState() == Qt.CheckState.Checked)

    def check_item(self, rule_id: str) -> QTableWidgetItem:
        return self._title_item([rule.id for rule in self.rules].index(rule_id))

    def _title_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, TITLE)
        assert item is not None, "every row is made with its title item"
        return item

    def restore_defaults(self) -> None:
        for row, rule in enumerate(self.rules):
            self._title_item(row).setCheckState(Qt.CheckState.Checked)
            if rule.id in self.limits and rule.threshold is not None:
                self.limits[rule.id].setValue(rule.threshold)

    def chosen(self) -> dict[str, RuleSetting | None]:
        """Every check's setting as the dialog shows it (``None``: on, with the default limit)."""
        settings: dict[str, RuleSetting | None] = {}
        for row, rule in enumerate(self.rules):
            enabled = self._title_item(row).checkState() == Qt.CheckState.Checked
            limit = self.limits.get(rule.id)
            threshold = limit.value() if limit is not None and limit.value() != rule.threshold else None
            settings[rule.id] = normal_setting(RuleSetting(enabled, threshold))
        return settings


def ask_rule_settings(parent: QWidget | None, team: Team) -> dict[str, RuleSetting | None] | None:
    """The settings chosen for every check, or None when cancelled."""
    dialog = CheckSettingsDialog(parent, team)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
