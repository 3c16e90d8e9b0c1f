"""Where this app's workbook puts things: shared by the writer and the import, which reads them back.

The RACI sheet (rows): 1 team name, 2 profile line, 3 legend, 4 hidden ids
row, 5 names, 6 titles, 7 on: category rows and responsibility rows.
Columns: A responsibilities, then one per person, then the check column (a
formula counting each row's A's), then a hidden column of row ids.

The ids row and ids column carry this app's ids beside the visible text,
so when someone edits the sheet in Excel (renames, inserts or deletes rows
and columns, changes letters), an import still knows which row and person
each cell belongs to. The markers below let the import find them.
"""

from __future__ import annotations

SHEET = "RACI"
TITLE_ROW, PROFILE_ROW, LEGEND_ROW, IDS_ROW, NAMES_ROW, TITLES_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5, 6, 7
IDS_MARKER = "#raci-ids"  # column A of the ids row
CHECK_MARKER = "#check"  # the check column, in the ids row
ROW_ID_MARKER = "#row-id"  # the ids column, in the ids row
NAMES_MARKER, TITLES_MARKER, CATEGORY_MARKER = "#names", "#titles", "#category"  # in the ids column

# The hidden sheet with the team file minus its letters, as JSON over cells.
DATA_SHEET = "_raci"
DATA_MARKER = "#raci-team-data"
DATA_VERSION = 1
