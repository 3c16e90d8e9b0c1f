"""The window's dialogs: person, responsibility, catalog picker, template chooser, acknowledgment reason.

Each dialog has an ``ask_*`` function that shows it modally and returns
what the person entered, or None when they cancelled; the window calls
these functions only, so a test can replace one with a stub answer.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raci.catalog import Catalog, CatalogEntry
from raci.findings import Finding
from raci.model import KNOWN_TITLES, Responsibility, Side
from raci.templates import TemplateInfo
from raci.ui.details_pane import SIDE_WORDS

EntryRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2  # a template's first sentence, shown after its name
DescriptionRole = Qt.ItemDataRole.UserRole + 3  # its whole description, shown below the list


class _Dialog(QDialog):
    """A dialog with OK/Cancel at the bottom and OK enabled only when ``valid()``."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    def finish(self) -> None:
        self.body.addWidget(self.buttons)
        self.update_ok()

    def valid(self) -> bool:
        return True

    def update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.valid())


class PersonDialog(_Dialog):
    """A person's name and titles: the known titles as check boxes, others as free text."""

    def __init__(self, parent: QWidget | None, title: str, name: str = "", titles: Sequence[str] = ()) -> None:
        super().__init__(parent, title)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setPlaceholderText("Full name")
        self.name_edit.textChanged.connect(self.update_ok)
        known = {t.casefold() for t in KNOWN_TITLES}
        box = QGroupBox("Titles", self)
        grid = QGridLayout(box)
        self.title_boxes: dict[str, QCheckBox] = {}
        for position, known_title in enumerate(KNOWN_TITLES):
            check = QCheckBox(known_title, box)
            check.setChecked(any(t.casefold() == known_title.casefold() for t in titles))
            grid.addWidget(check, position // 3, position % 3)
            self.title_boxes[known_title] = check
        self.other_edit = QLineEdit(", ".join(t for t in titles if t.casefold() not in known), self)
        self.other_edit.setPlaceholderText("Other titles, separated by commas")
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        self.body.addLayout(form)
        self.body.addWidget(box)
        self.body.addWidget(self.other_edit)
        self.finish()

    def valid(self) -> bool:
        return bool(self.name_edit.text().strip())

    def result_value(self) -> tuple[str, list[str]]:
        titles = [title for title, check in self.title_boxes.items() if check.isChecked()]
        titles += [part.strip() for part in self.other_edit.text().split(",") if part.strip()]
        return self.name_edit.text().strip(), list(dict.fromkeys(titles))


def ask_person(parent: QWidget | None, title: str, name: str = "",
               titles: Sequence[str] = ()) -> tuple[str, list[str]] | None:
    """The name and titles entered, or None."""
    dialog = PersonDialog(parent, title, name, titles)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ResponsibilityDialog(_Dialog):
    """A responsibility's title, description, category and side."""

    def __init__(self, parent: QWidget | None, title: str, categories: Sequence[str],
                 row: Responsibility | None = None) -> None:
        super().__init__(parent, title)
        self.title_edit = QLineEdit(row.title if row else "", self)
        self.title_edit.textChanged.connect(self.update_ok)
        self.description_edit = QPlainTextEdit(row.description if row else "", self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)
        self.category_box = QComboBox(self)
        self.category_box.setEditable(True)
        self.category_box.addItems(list(categories))
        self.category_box.setCurrentText(row.category if row else "")
        self.side_box = QComboBox(self)
        for side in Side:
            self.side_box.addItem(SIDE_WORDS[side], side.value)
        self.side_box.setCurrentIndex(list(Side).index(row.side if row else Side.OTHER))
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("Category", self.category_box)
        form.addRow("Side", self.side_box)
        self.body.addLayout(form)
        self.resize(480, self.sizeHint().height())
        self.finish()

    def valid(self) -> bool:
        return bool(self.title_edit.text().strip())

    def result_value(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "category": self.category_box.currentText().strip(),
            "side": Side(self.side_box.currentData()),
        }


def ask_responsibility(parent: QWidget | None, title: str, categories: Sequence[str],
                       row: Responsibility | None = None) -> dict[str, object] | None:
    """The fields entered (title, description, category, side), or None."""
    dialog = ResponsibilityDialog(parent, title, categories, row)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CatalogPicker(_Dialog):
    """The catalog by category, with a search box and a check box per entry."""

    def __init__(self, parent: QWidget | None, catalog: Catalog, present: Collection[str]) -> None:
        super().__init__(parent, "Add responsibilities from the catalog")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, descriptions, tags and authors")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_search)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Responsibility", "Side", "Sources"])
        self.tree.setRootIsDecorated(True)
        self.tree.itemChanged.connect(lambda *_: self.update_ok())
        authors = {source.id: source.author for source in catalog.sources}
        for category, entries in catalog.by_category().items():
            group = QTreeWidgetItem(self.tree, [category])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for entry in entries:
                self._add_entry(group, entry, entry.id in present, authors)
            group.setExpanded(True)
        self.tree.setColumnWidth(0, 430)
        self.tree.setColumnWidth(1, 170)
        note = QLabel("Entries already in the matrix are greyed out.", self)
        note.setObjectName("hint")
        self.body.addWidget(self.search)
        self.body.addWidget(self.tree, 1)
        self.body.addWidget(note)
        self.resize(900, 620)
        self.finish()

    def _add_entry(self, group: QTreeWidgetItem, entry: CatalogEntry, in_team: bool, authors: dict[str, str]) -> None:
        sources = ", ".join(authors.get(source, source) for source in entry.source_ids)
        title = entry.title + (" (in the matrix)" if in_team else "")
        item = QTreeWidgetItem(group, [title, SIDE_WORDS[Side(entry.side)], sources])
        item.setData(0, EntryRole, entry)
        item.setToolTip(0, entry.description + ("\n\nAlready in the matrix." if in_team else ""))
        if in_team:  # disabled, and painted in the palette's disabled text colour in every column
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            for column in range(self.tree.columnCount()):
                item.setForeground(column, grey)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(0, Qt.CheckState.Unchecked)

    def _groups(self) -> list[QTreeWidgetItem]:
        return [item for g in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(g)) is not None]

    def entries(self) -> list[QTreeWidgetItem]:
        return [item for group in self._groups() for c in range(group.childCount())
                if (item := group.child(c)) is not None]

    def apply_search(self, text: str) -> None:
        words = text.casefold().split()
        for group in self._groups():
            shown = 0
            for item in (group.child(position) for position in range(group.childCount())):
                assert item is not None
                entry: CatalogEntry = item.data(0, EntryRole)
                haystack = " ".join((entry.title, entry.description, " ".join(entry.tags), item.text(2))).casefold()
                hidden = not all(word in haystack for word in words)
                item.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def valid(self) -> bool:
        return bool(self.chosen())

    def chosen(self) -> list[CatalogEntry]:
        return [item.data(0, EntryRole) for item in self.entries() if item.checkState(0) == Qt.CheckState.Checked]


def ask_catalog_entries(parent: QWidget | None, catalog: Catalog, present: Collection[str]) -> list[CatalogEntry]:
    """The catalog entries checked (those whose ids are in ``present`` cannot be), or an empty list."""
    dialog = CatalogPicker(parent, catalog, present)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []


def first_sentence(text: str) -> str:
    """The text up to its first full stop (the whole text when it has none)."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


class _TemplateLine(QStyledItemDelegate):
    """A template as one line: its name in bold, then the first sentence of its description, muted and elided."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        name, summary = index.data(Qt.ItemDataRole.DisplayRole), index.data(SummaryRole) or ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, option.widget)
        painter.save()
        rect = option.rect.adjusted(8, 0, -8, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setFont(bold)
        painter.setPen(option.palette.color(text_role))
        name_width = min(QFontMetrics(bold).horizontalAdvance(name), rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, rect.width()))
        rest = rect.adjusted(name_width + 12, 0, 0, 0)
        if rest.width() > 20:
            painter.setFont(option.font)
            painter.setPen(option.palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText))
            painter.drawText(rest, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             option.fontMetrics.elidedText(summary, Qt.TextElideMode.ElideRight, rest.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), option.fontMetrics.height() + 10)


class TemplateChooser(_Dialog):
    """The starter templates by name, one line each; the one selected is described in full below."""

    def __init__(self, parent: QWidget | None, templates: Sequence[TemplateInfo], current: str = "") -> None:
        super().__init__(parent, "New team")
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setItemDelegate(_TemplateLine(self.list))
        self.list.setUniformItemSizes(True)
        for info in templates:
            item = QListWidgetItem(info.name)
            item.setData(EntryRole, info.id)
            item.setData(SummaryRole, first_sentence(info.description))
            item.setData(DescriptionRole, info.description)
            item.setToolTip(info.description)
            self.list.addItem(item)
        self.details = QLabel(self)
        self.details.setObjectName("templateDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 7)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        chosen = next((row for row, info in enumerate(templates) if info.id == current), 0 if templates else -1)
        self.list.setCurrentRow(chosen)
        rows = max(len(templates), 3)
        self.list.setFixedHeight(rows * (self.list.fontMetrics().height() + 10) + 8)
        self.body.addWidget(QLabel("Start from a template:", self))
        self.body.addWidget(self.list)
        self.body.addWidget(self.details, 1)
        self.resize(640, 420)
        self.finish()
        self._show_current()

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.details.setText("")
        else:
            self.details.setText(f"<b>{html.escape(item.text(), quote=False)}</b><br>"
                                 f"{html.escape(item.data(DescriptionRole), quote=False)}")
        self.update_ok()

    def valid(self) -> bool:
        return self.list.currentItem() is not None

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(EntryRole) if item is not None else None


def ask_template(parent: QWidget | None, templates: Sequence[TemplateInfo], current: str = "") -> str | None:
    """The id of the template chosen, or None."""
    dialog = TemplateChooser(parent, templates, current)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReasonDialog(_Dialog):
    """Why a finding is intended: the reason is required and saved with the team."""

    def __init__(self, parent: QWidget | None, finding: Finding) -> None:
        super().__init__(parent, "Acknowledge finding")
        message = QLabel(finding.message, self)
        message.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(
            "Why this is intended, e.g. \u201cSmall team: Ana covers both roles until June.\u201d")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.textChanged.connect(self.update_ok)
        self.body.addWidget(message)
        self.body.addWidget(QLabel("Reason (kept in the team file):", self))
        self.body.addWidget(self.reason_edit)
        self.resize(460, 240)
        self.finish()

    def valid(self) -> bool:
        return bool(self.reason_edit.toPlainText().strip())


def ask_reason(parent: QWidget | None, finding: Finding) -> str | None:
    """The reason entered for acknowledging ``finding``, or None."""
    dialog = ReasonDialog(parent, finding)
    return dialog.reason_edit.toPlainText().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
