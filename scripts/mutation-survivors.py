"""Write the survivors of the last `make mutation` as the lists in tests/mutation-survivors.md.

Each survivor is either harmless (a pattern below matches it, with the reason it cannot be killed) or a
gap, listed under its function with the line the mutant changes. The reasons live here, next to the
patterns they cover; a survivor no pattern covers is a gap until a test kills it or a reason is written.

    python scripts/mutation-survivors.py [--mutants mutants] > survivors.md
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import re
import runpy
from collections import defaultdict
from pathlib import Path

# What counts as killed or not yet checked is mutation-score.py's to say, so both scripts count the same survivors.
_SCORE = runpy.run_path(str(Path(__file__).with_name("mutation-score.py")), run_name="mutation_score")
KILLED, UNCHECKED = _SCORE["KILLED"], _SCORE["UNCHECKED"]

# (regular expression on the mutant's name, one on the changed line or None for any, the reason it is harmless)
HARMLESS: list[tuple[str, str | None, str]] = [
    (r"raci\.rules\.facts\.x__where__", None,
     "builds the translate tables when raci.rules.facts is imported, before mutmut switches a mutant on; "
     "every rule test fails if it is broken by hand"),
    (r"raci\.rules\.registry\.xǁRegistryǁ(_decorator|row_rule|person_rule|team_rule|retire|add|__init__)__", None,
     "the shipped rules register at import, before mutmut switches a mutant on; "
     "tests/test_rules_registry_edges.py covers a registry built at test time"),
    (r"raci\.formats\.sheet_xml\.x__refuse_unparsed_entity__", None,
     "unreachable: expat hands unparsed entities to the entity-declaration handler, which refuses them first"),
    (r"raci\.formats\.sheet_xml\.x__refuse_external__", None,
     "unreachable: an external entity is refused at its declaration, and external DTDs are never fetched"),
    (r"raci\.formats\.sheet_xml\.x__refuse_entity__", None,
     "changes the exception's arguments only; any EntitiesForbidden gives the same one sentence"),
    (r"raci\.formats\.sheet_xml\.x_column_index__mutmut_(4|5|30)$", None,
     "equivalent: skips or spoils the memo of column letters, so the letters are worked out again: "
     "slower, same column"),
    (r"raci\.formats\.sheet_xml\.xǁ_NamesTargetǁend__mutmut_1$", None,
     "equivalent: a defined name has no child elements, so 'and' and 'or' see the same ends"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁstart__mutmut_4$", None,
     "changes when the element count is reported (every 4,096 or 4,097 elements), not the total the cap adds up"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁstart__mutmut_(35|37)$", None,
     "equivalent: a missing style is None instead of '', and both mean no date style"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁ__init____", None,
     "equivalent: the first cell or row element sets this field before anything reads it"),
    (r"raci\.formats\.sheet_detect\.workbook\.x_choose_sheet__", r">=",
     "equivalent: two sheets never rank equal, the rank ends with the sheet's position"),
    (r"raci\.rules\.wording\.x__one_citation__mutmut_8$", None,
     "equivalent for the shipped catalog: every author in seeds/sources.json has two words"),
    (r"raci\.teamfile\.x__json_type_name__", r"isinstance\(kind, list\)|\" or \"|or \"\.join|names\.get\(k",
     "the list-of-types branch is unreachable: the schema names one type per value"),
    (r"raci\.teamfile\.x__describe__", r"get\(\"(enum|required|properties)\", *(None|\)|\{\}\)|XX)",
     "equivalent: every enum, required and closed object in the schema carries the list this default stands in for"),
    (r"raci\.teamfile\.x__describe__", r"if \(?(missing|extra)\)? or True|XX\?XX",
     "equivalent: a schema error of this kind always names its field, so the '?' fallback is never shown"),
    (r"raci\.rules\.checker\.xǁCheckerǁreport__mutmut_4$", None,
     "equivalent: a cell edit always names both its row and its person, so 'or' and 'and' see the same edits"),
    (r"raci\.formats\.sheet_reader\.x__delimiter__mutmut_(2|3)$", None,
     "the sample's size (64 KiB, 40 lines) is a speed bound: one more character or line reads the same separator"),
    (r"raci\.", r"zip\(.*(strict=(None|False)\)|, \))",
     "equivalent: the fields zipped (a Line's columns, values and kinds; a mapping's keys and values; a "
     "warning's addresses and details; lists built from one another) are always of equal length, so "
     "strict=True never raises"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_inverted_cells__mutmut_(5|9|10)$", None,
     "equivalent: a Line's columns, values and kinds are always built together with equal length"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_inverted_cells__mutmut_(19|26)$", None,
     "equivalent: an inverted read logs not-involved only here, so one group, the key is never shown nor "
     "compared"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_inverted_cells__mutmut_(57|58)$", None,
     "equivalent: an inverted column's letter is always one symbol (checked over every symbol and word of "
     'the built-in sets), so no "/" or space to split'),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_person__mutmut_(5)$", None,
     "equivalent: casefolded words never hold an uppercase X, so the join stays one-to-one and the same "
     "names fold together"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_titles_from__mutmut_(5|8|9)$", None,
     "equivalent: a Line's columns and values have equal length"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_unreadable__mutmut_(5|10|11)$", None,
     'equivalent: that sentence quotes no cell text ("It is in N cells, left blank: B2"), the detail is '
     "never shown"),
    (r"raci\.formats\.sheet_detect\.detect\.x__without_letters__mutmut_(72)$", None,
     "equivalent: a person column must be absent from the profiles while texts[0] is taken from them, so "
     "column == texts[0] never passes either way"),
    (r"raci\.formats\.sheet_detect\.detect\.xǁ_Belowǁ_rows__mutmut_(7|10|11)$", None,
     "equivalent: a Line's columns and kinds have equal length"),
    (r"raci\.formats\.sheet_detect\.detect\.xǁ_Belowǁletters_above__mutmut_(4|6|7)$", None,
     "equivalent: every column asked about holds the letter that heads it, so the default is never used"),
    (r"raci\.formats\.sheet_detect\.detect\.xǁ_Belowǁmay_hold_names__mutmut_(11|13|14)$", None,
     "equivalent: every column asked about holds its heading letter, the default is never used"),
    (r"raci\.formats\.sheet_detect\.columns\.x__other_column__mutmut_(27)$", None,
     "equivalent: span[0] is a person (or the title) column, planned before any other column is looked at,"
     " so column == span[0] never reaches here"),
    (r"raci\.formats\.sheet_detect\.columns\.x__other_column__mutmut_(28)$", None,
     "equivalent: span[1] is a person column, planned before any other column is looked at, never asked about"),
    (r"raci\.formats\.sheet_detect\.columns\.x__other_column__mutmut_(59|75|123)$", None,
     "equivalent: the title column is planned first, so column == title never reaches here"),
    (r"raci\.formats\.sheet_detect\.columns\.x__other_column__mutmut_(124)$", None,
     "equivalent: span[0] is planned already (or is the title when nobody is), so column == span[0] never "
     "reaches here"),
    (r"raci\.formats\.sheet_detect\.rows\.x__following__mutmut_(2)$", None,
     'equivalent: both are "not lettered" and only LETTERED and CATEGORY are ever looked at'),
    (r"raci\.formats\.sheet_detect\.rows\.x__following__mutmut_(12)$", None,
     "equivalent: it can only add an entry under -1, which is no candidate row and is never read "
     "(candidates imply at least one row, so no IndexError)"),
    (r"raci\.formats\.sheet_detect\.rows\.x__following__mutmut_(23)$", None,
     "equivalent: both are neither LETTERED nor CATEGORY, the only states acted on"),
    (r"raci\.formats\.sheet_detect\.rows\.x_heading_like__mutmut_(10)$", None,
     "equivalent: titles come through text_of, which trims, so a title never ends in whitespace"),
    (r"raci\.formats\.sheet_detect\.legend\.x__holds_legend__mutmut_(5|7)$", None,
     "equivalent: a frame keeps no blank cells, so a column with a profile and no IDs/numbers holds "
     "letters or words, and the test is true in both"),
    (r"raci\.formats\.sheet_detect\.legend\.x_starts_legend__mutmut_(2)$", None,
     "equivalent: every caller passes the texts of a row or block that holds at least one non-blank cell, "
     "and a frame's non-blank cells always have text"),
    (r"raci\.formats\.sheet_detect\.legend\.x_starts_legend__mutmut_(5)$", None,
     'equivalent: a text without ":" splits into itself, the same as the original'),
    (r"raci\.formats\.sheet_detect\.legend\.x_legend_count__mutmut_(2)$", None,
     "equivalent: every caller passes a row's or block's texts with at least one non-blank cell, so the "
     "empty case never arises"),
    (r"raci\.formats\.sheet_detect\.rows\.x_heading_text__mutmut_(24)$", None,
     "equivalent: the title cell is blank here (its text is empty, and a frame keeps no blank cells), so "
     "no inside cell sits at the title column"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁturn__mutmut_(26)$", None,
     "equivalent: a blank column turned into an empty Line equals EMPTY_LINE by value, and only from_grid "
     "(never given a turned frame) tests a line's identity"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁturn__mutmut_(4)$", None,
     "equivalent: row numbers are never negative, so an unsigned array holds and bisects the same values"),
    (r"raci\.formats\.sheet_detect\.explain\.x__quoted__mutmut_(19)$", None,
     "equivalent: a layout has one role per row of the frame it was found in, so no category row number "
     "reaches frame.height"),
    (r"raci\.formats\.sheet_detect\.explain\.x__quoted__mutmut_(8)$", None,
     'equivalent: the fallback None or "" is falsy either way and is filtered out before quoting'),
    (r"raci\.formats\.sheet_detect\.layout\.xǁLayoutǁwith_column_role__mutmut_(8)$", None,
     "equivalent: the default plan's role is replaced by the role given on the next line"),
    (r"raci\.formats\.sheet_detect\.warnings\.x_places__mutmut_(9|12|13)$", None,
     "equivalent: WarningLog.add appends an address and a detail together, so the two lists always have "
     "the same length"),
    (r"raci\.formats\.sheet_detect\.warnings\.xǁWarningLogǁadd__mutmut_(1)$", None,
     "equivalent: every kind whose sentence reads the key passes one; NO_TITLE and UNNAMED_PERSON never "
     "read it, so their warnings group the same under any default"),
    (r"raci\.formats\.sheet_detect\.warnings\.xǁWarningLogǁadd__mutmut_(2)$", None,
     "equivalent: every kind whose sentence quotes details or values passes a detail; the default is "
     "stored only for kinds that print bare addresses"),
    (r"raci\.formats\.sheet_detect\.warnings\.xǁWarningLogǁadd__mutmut_(18)$", None,
     "equivalent: the values dict is used as an ordered set; its values are never read"),
    (r"raci\.formats\.sheet_detect\.workbook\.x_choose_sheet__mutmut_(2)$", None,
     "equivalent: first_error is only used through 'or', where \"\" and None are both falsy"),
    (r"raci\.formats\.sheet_detect\.workbook\.x_choose_sheet__mutmut_(23)$", None,
     "equivalent: two sheets never rank equal, the rank ends with the sheet's position"),
    (r"raci\.formats\.sheet_detect\.workbook\.x_choose_sheet__mutmut_(28)$", None,
     "equivalent: LayoutNotFound names 'The sheet' for any falsy sheet name, \"\" or None"),
    (r"raci\.formats\.sheet_reader\.x__check_field_count__mutmut_(3)$", None,
     "equivalent: the pattern only matches quoted fields, so substituting on text without a quote changes "
     "nothing"),
    (r"raci\.formats\.sheet_reader\.x__check_field_count__mutmut_(8)$", None,
     "equivalent: 'XXXX' holds no separator (one of , ; tab |) and no line break, so the count is the same"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁ_number__mutmut_(7)$", None,
     "equivalent: a number's text holding an X is refused by int() and float() alike"),
    (r"raci\.formats\.sheet_detect\.cells\.x__letter_kind__mutmut_(2)$", None,
     "equivalent: reads() refuses any text over 60 characters (letters.reading.MAX_TEXT) itself, so 61 "
     "reads the same"),
    (r"raci\.formats\.sheet_detect\.cells\.x_text_of__mutmut_(15)$", None,
     "equivalent: NaN is classified BLANK and Frame keeps no blank cell, so text_of never sees a NaN from "
     "a grid"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁClassifierǁkind__mutmut_(4)$", None,
     "equivalent: the memo caches a pure function; not using it gives the same kind"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁClassifierǁkind__mutmut_(5)$", None,
     "equivalent: memo.get(None) always misses; the kind is computed again, the same"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(14|15)$", None,
     "equivalent: memo lookup skipped: kind() computes the same value"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(16)$", None,
     "equivalent: memo keys are str; a non-str cell (int, float, bool, date) never equals one, so the "
     "lookup misses as the original's None does"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(17)$", None,
     "equivalent: memo.get(None) always misses; kind() computes the same value"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(18)$", None,
     "equivalent: the lookup is skipped; kind() computes the same value"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(19)$", None,
     "equivalent: memo keys are str; non-str lookups miss, str cells are classified by kind() the same"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁFrameǁfrom_grid__mutmut_(9)$", None,
     "equivalent: column numbers are never negative, and arrays of 'L' and 'l' compare equal element by "
     "element"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁLineǁindex__mutmut_(12)$", None,
     "equivalent: every caller tests the index with < 0, so -2 and -1 mean the same"),
    (r"raci\.formats\.sheet_detect\.header\.x_find_header__mutmut_(105|107|109)$", None,
     "equivalent: next()'s default is unreachable: best < 0 only when a row with letters comes before the "
     "first strong header, so one is found"),
    (r"raci\.formats\.sheet_detect\.words\.x_is_one_of__mutmut_(9)$", None,
     "equivalent: words are folded to lower case, so rstrip(\"XXsXX\") strips exactly what rstrip(\"s\") does"),
    (r"raci\.formats\.sheet_detect\.words\.x_mentions__mutmut_(6)$", None,
     "equivalent: words are folded to lower case, so rstrip(\"XXsXX\") strips exactly what rstrip(\"s\") does"),
    (r"raci\.formats\.sheet_detect\.people\.x_known_title__mutmut_(12|13|14)$", None,
     "equivalent: the third candidate is the second when the words do not end in \" team\" and the first "
     "when they do: never reached with a new value"),
    (r"raci\.formats\.sheet_detect\.people\.x_person_from_header__mutmut_(4)$", None,
     "equivalent: a header that is itself a known title holds no separator or brackets, so the last line "
     "(title_of, which asks known_title) gives the same name and title"),
    (r"raci\.formats\.sheet_detect\.people\.x_title_of__mutmut_(9)$", None,
     "equivalent: with no words, any() over them is False anyway"),
    (r"raci\.formats\.sheet_reader\.x_read_csv__mutmut_(25|32)$", None,
     "equivalent: Python's codec names are case-insensitive"),
    (r"raci\.formats\.sheet_reader\.x_read_csv__mutmut_(62|64)$", None,
     "equivalent: newline=None only turns CR/CRLF inside quoted fields into LF; titles collapse whitespace"
     " and descriptions are split into lines, so the import is the same"),
    (r"raci\.formats\.sheet_reader\.xǁGridBuilderǁadd__mutmut_(22)$", None,
     "equivalent: one more empty row appended, then merged into: old width 0, same row and budget"),
    (r"raci\.formats\.sheet_reader\.xǁCsvBookǁvisible__mutmut_(1)$", None,
     "equivalent: a CSV book has one sheet; with none visible inspect falls back to all sheet names"),
    (r"raci\.formats\.sheet_import\.x_finish__mutmut_(20)$", None,
     "equivalent: a file name is at most 255 bytes, so \"Imported from NAME.\" never reaches 5,000 "
     "characters"),
    (r"raci\.formats\.sheet_import\.x_name_from__mutmut_(21)$", None,
     "equivalent: the team model cuts names at 200 characters itself (a 210-character file name imports "
     "the same)"),
    (r"raci\.formats\.sheet_import\.x_inspect__mutmut_(12|15)$", None,
     "equivalent: the Inspection of a workbook read whole is used through its own result, which carries "
     "the notes; its notes field is read by nobody"),
    (r"raci\.formats\.sheet_import\.x_inspect__mutmut_(34|39)$", None,
     "equivalent: Inspection.sheet is read nowhere in src (the layout carries the sheet's name)"),
    (r"raci\.formats\.sheet_import\.x_open_book__mutmut_(13|15|17|19)$", None,
     "equivalent: without the bytes already read, the reader reads the same file again: same bytes"),
    (r"raci\.formats\.sheet_import\.x_preview__mutmut_(6|8)$", None,
     "equivalent: a programming guard's message (ValueError), never shown to a user: a workbook read whole"
     " is never previewed"),
    (r"raci\.formats\.sheet_import\.x__read_by_pandas__mutmut_(16|17)$", None,
     "equivalent: in an .ods \"opendocument\" sits at offset 60 (\"application/vnd.oasis.\" starts at 38), "
     "well inside 39..120"),
    (r"raci\.formats\.sheet_detect\.rows\.x__after_the_matrix__mutmut_(32)$", None,
     "equivalent: discard(None) for a lone-letter legend row: it only matters if the row is also marked "
     "'#category', and a marked row has the marker cell too, so it never has exactly one column"),
    (r"raci\.formats\.sheet_detect\.rows\.x__after_the_matrix__mutmut_(8)$", None,
     "equivalent: default -2 makes offset -1 visit the last row's role first; the frame drops trailing "
     "blank rows, so that role is never BLANK and nothing changes"),
    (r"raci\.formats\.sheet_detect\.rows\.x__after_the_matrix__mutmut_(9)$", None,
     "equivalent: past_blank None instead of False: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.rows\.x__first_look__mutmut_(20)$", None,
     "equivalent: letters = 1 instead of += 1: letters is only tested for truth"),
    (r"raci\.formats\.sheet_detect\.rows\.x__first_look__mutmut_(21)$", None,
     "equivalent: letters -= 1 gives a non-zero count all the same: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.rows\.x__first_look__mutmut_(22)$", None,
     "equivalent: letters += 2: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.rows\.x__first_look__mutmut_(32)$", None,
     "equivalent: adds non-text values (or, inverted, names) to cell_texts: choose_set drops non-strings, "
     "and inverted sheets choose the set from the header, not cell_texts"),
    (r"raci\.formats\.sheet_detect\.rows\.x__first_look__mutmut_(5)$", None,
     "equivalent: content None instead of False: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(16)$", None,
     "equivalent: next(..., None) default: unreachable, candidates are non-blank rows so a non-blank row "
     "always exists"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(18)$", None,
     "equivalent: next() without default: same, a non-blank row always exists when there are candidates"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(21)$", None,
     "equivalent: default +1 unreachable (a non-blank row always exists)"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(22)$", None,
     "equivalent: default -2 unreachable (a non-blank row always exists)"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(33|34)$", None,
     "equivalent: after_it of the last candidate is only read when a later candidate follows it, which the"
     " last one never has"),
    (r"raci\.formats\.sheet_detect\.rows\.x__headings__mutmut_(38)$", None,
     "equivalent: 'continue' -> 'break' on a candidate missing from _following: every candidate has role "
     "RESPONSIBILITY and is pending, so each is in _following"),
    (r"raci\.formats\.sheet_detect\.rows\.x_assign_rows__mutmut_(12)$", None,
     "equivalent: in_legend None instead of False: only tested for truth ('None or x' is x)"),
    (r"raci\.formats\.sheet_detect\.rows\.x_assign_rows__mutmut_(24)$", None,
     "equivalent: in_legend None instead of False: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.build\.x__column_warnings__mutmut_(26|27)$", None,
     "equivalent: the 'is skipped' fallback is unreachable: every skipped column plan carries a reason "
     "(skip_reason never returns '', a correction by hand sets 'set by hand')"),
    (r"raci\.formats\.sheet_detect\.build\.x__title_block__mutmut_(3)$", None,
     "equivalent: guard against a layout longer than its grid: read_sheet's callers (sheet_import, "
     "build_team) always read the grid the layout was found in, and corrections keep the row count"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_header_people__mutmut_(54)$", None,
     "equivalent: guard against a layout longer than its grid: read_sheet's callers (sheet_import, "
     "build_team) always read the grid the layout was found in, and corrections keep the row count"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁread__mutmut_(6|7)$", None,
     "equivalent: guard against a layout longer than its grid: read_sheet's callers (sheet_import, "
     "build_team) always read the grid the layout was found in, and corrections keep the row count"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁread__mutmut_(9)$", None,
     "equivalent: 'continue' -> 'break' once the row number passes the grid's height: all later rows do "
     "too, and it never happens on any entry point"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ__init____mutmut_(22)$", None,
     "equivalent: column <= title instead of <: a column is never both a category column and the title "
     "column"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_cells__mutmut_(30|37)$", None,
     "equivalent: key None instead of '' for not-involved marks: the key only splits warnings of one kind,"
     " every not-involved finding in a sheet uses the same key, and the sentence never shows it"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_reading__mutmut_(1)$", None,
     "equivalent: skips the per-sheet memo of readings: the same reading is worked out again"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_reading__mutmut_(2)$", None,
     "equivalent: memoises non-text values instead of texts: non-text values (numbers, dates, flags) all "
     "read as the same unreadable cell with no other set, and the warning quotes the value itself, not the"
     " memo"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_reading__mutmut_(3)$", None,
     "equivalent: memo never consulted: same reading worked out again"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_reading__mutmut_(4)$", None,
     "equivalent: memo looked up under None: never found, same reading worked out again"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁ_reading__mutmut_(11)$", None,
     "equivalent: a non-text value read as blank instead of unreadable: _cells then warns it unreadable "
     "through the kind != BLANK branch, with the same key and text, so the warning is identical"),
    (r"raci\.formats\.sheet_detect\.build\.xǁ_RowReaderǁread__mutmut_(16)$", None,
     "equivalent: next(..., None) for a category row with no text: heading None is dropped by the 'if "
     "part' filter just as '' is"),
    (r"raci\.formats\.sheet_detect\.columns\.x__named_but_empty__mutmut_(22|26|27|28)$", None,
     "equivalent: the reason of a person column is shown nowhere: explain lists people without reasons, "
     "warnings quote only skipped columns' reasons, a correction by hand replaces it"),
    (r"raci\.formats\.sheet_detect\.columns\.x_assign_columns__mutmut_(25|27|28)$", None,
     "equivalent: the reason of a person column is shown nowhere: explain lists people without reasons, "
     "warnings quote only skipped columns' reasons, a correction by hand replaces it"),
    (r"raci\.formats\.sheet_detect\.columns\.x_assign_columns__mutmut_(59)$", None,
     "equivalent: described None instead of False: only tested for truth"),
    (r"raci\.formats\.sheet_detect\.columns\.x__title_column__mutmut_(14)$", None,
     "equivalent: column <= first instead of <: first is an assigned column, and assigned columns are "
     "never candidates"),
    (r"raci\.formats\.sheet_detect\.detect\.x__all_rows__mutmut_(13)$", None,
     "equivalent: number <= header.top: the header's top row is one of the header rows, caught by the "
     "branch before"),
    (r"raci\.formats\.sheet_detect\.detect\.x__inverted__mutmut_(21)$", None,
     "equivalent: memo of single letters looked up under None: never found, the same letter worked out "
     "again"),
    (r"raci\.formats\.sheet_detect\.detect\.x__inverted__mutmut_(64|66|67)$", None,
     "equivalent: letter_count default: every symbol column holds at least the header row's own letter, so"
     " the default is never used"),
    (r"raci\.formats\.sheet_detect\.detect\.x__letter_columns__mutmut_(39)$", None,
     "equivalent: words default 1: a column in letters has a count of at least 1, so count >= 1 holds as "
     "count >= 0 does"),
    (r"raci\.formats\.sheet_detect\.columns\.x_assign_columns__mutmut_(80)$", None,
     "equivalent: _named_but_empty without the title: the walk stops at the title column anyway, since the"
     " title's plan is never an empty skipped column"),
    (r"raci\.formats\.sheet_detect\.legend\.x_legend_columns__mutmut_(33)$", None,
     "equivalent: header default 'XXXX' instead of '': neither is a legend word, so an unheaded column is "
     "never headed like a legend either way"),
    (r"raci\.formats\.sheet_detect\.detect\.x_transposed_score__mutmut_(15)$", None,
     "equivalent: number <= first instead of <: the first responsibility row is never a header row"),
    (r"raci\.formats\.sheet_detect\.detect\.x_transposed_score__mutmut_(8)$", None,
     "equivalent: first = the row count instead of the first responsibility: adds only repeated header "
     "rows lower down to the corner, and they repeat the same corner word, which mentions() counts once "
     "(it returns a bool)"),
    (r"raci\.rules\.checker\.x__by_severity__mutmut_(6|19)$", None,
     "equivalent: first=None only sends every group down the per-finding branch, which puts each finding "
     "under its own severity in the same order: same list"),
    (r"raci\.rules\.checker\.x__by_severity__mutmut_(22)$", None,
     "unreachable: no group ever mixes severities (the only per-finding severity, combined-roles, comes "
     "from the team's profile, and a profile edit rebuilds the evaluation; acknowledging keeps the "
     "severity)"),
    (r"raci\.rules\.checker\.x__move__mutmut_(11)$", None,
     "equivalent: walking backwards from bisect_left wraps round through negative indices to the very same"
     " finding (it is always in the group), so the same element is deleted"),
    (r"raci\.rules\.checker\.x__move__mutmut_(29)$", None,
     "equivalent: returning False only marks the rule for a full re-sort, which gives the order the move "
     "would have given"),
    (r"raci\.rules\.checker\.xǁCheckerǁ_on_event__mutmut_(1)$", None,
     "equivalent: it also handles before-events (same cells, or a rebuild) and team renames (a rebuild; "
     "the team name is in no finding): more work, same report"),
    (r"raci\.rules\.checker\.xǁ_Evaluationǁ__init____mutmut_(31)$", None,
     "equivalent: shared=None only makes the first edit re-check every person, after which shared holds "
     "the real value: same findings"),
    (r"raci\.rules\.checker\.xǁ_Evaluationǁ_replace__mutmut_(4)$", None,
     "equivalent: group=None marks every changed rule for a full re-sort, which gives the same order as "
     "moving"),
    (r"raci\.rules\.checker\.xǁ_Evaluationǁ_replace__mutmut_(5)$", None,
     "equivalent: groups.get(None) is None: as 4, a full re-sort with the same order"),
    (r"raci\.rules\.checker\.xǁ_Evaluationǁ_replace__mutmut_(9)$", None,
     "equivalent: group is never None once grouped, so every changed rule is re-sorted: same order as "
     "moving"),
    (r"raci\.rules\.facts\.xǁFactsǁ__init____mutmut_(48)$", None,
     "equivalent: _groups is only read by peers() after shared_state(), which always assigns it together "
     "with _shared"),
    (r"raci\.rules\.facts\.xǁFactsǁ_person_tally__mutmut_(14|17|18)$", None,
     "equivalent: both callers build marked from _PERSON_LISTS, so the lengths always match and strict "
     "only ever checked that"),
    (r"raci\.rules\.registry\.x_run_matrix_rules__mutmut_(5)$", None,
     "equivalent: the only matrix rule (not-started) never reads its threshold"),
    (r"raci\.rules\.registry\.x_run_team_rules__mutmut_(5)$", None,
     "equivalent: no team rule (backlog-unowned, backlog-split, owner-serves-several-teams, vision-"
     "unowned, no-customer-contact) reads its threshold"),
    (r"raci\.rules\.registry\.x_without_superseded__mutmut_(4)$", None,
     "equivalent: the extra cases it lets through add either nothing (no supersedes) or empty covered "
     "sets, which remove nothing: same groups"),
    (r"raci\.rules\.registry\.x_without_superseded__mutmut_(5)$", None,
     "equivalent: rule is never None here (groups hold only active rules' ids), so it differs only for "
     "rules without supersedes, whose loop adds nothing"),
    (r"raci\.rules\.registry\.xǁRuleǁfinding__mutmut_(24|29|34)$", None,
     "equivalent: \"and False\" always copies into a tuple; tuple(tuple) is an equal tuple"),
    (r"raci\.rules\.registry\.xǁRuleǁfinding__mutmut_(26|31|36)$", None,
     "equivalent: type(None) is never tuple, so it always copies; tuple(tuple) is an equal tuple"),
    (r"raci\.rules\.checker\.xǁ_Evaluationǁ_replace__mutmut_(7)$", None,
     "equivalent: group is never None (every row and person rule has a group from the first regroup, which"
     " runs before any update), and a group is re-sorted after every update with each key touched once, so"
     " the extra _move on an already-unsorted rule works on a sorted group and the rule is re-sorted "
     "anyway"),
    (r"raci\.rules\.facts\.xǁFactsǁ__init____mutmut_(26)$", None,
     "equivalent: a casefolded title never contains an upper-case X, so \"XXXX\" is as distinct a key for "
     "the untitled as \"\" (labels use the same key); the groups' order is only compared for equality"),
    (r"raci\.formats\.sheet_import\.x_inspect__mutmut_(4|6|7)$", None,
     "equivalent: a CSV book's one sheet is named \"\", never the data sheet \"_raci\", so read_own returns "
     "None at once"),
    (r"raci\.formats\.sheet_xml\.x_feed__mutmut_(4|5)$", None,
     "equivalent: without buffering expat splits text into more events, but both targets join them (a list"
     " joined, lengths summed)"),
    (r"raci\.formats\.sheet_xml\.x_feed__mutmut_(10)$", None,
     "unreachable: expat hands unparsed entities to the entity-declaration handler, which refuses them "
     "first"),
    (r"raci\.formats\.sheet_xml\.x_feed__mutmut_(11)$", None,
     "unreachable: an external entity is refused at its declaration, and without a handler expat never "
     "fetches one"),
    (r"raci\.formats\.sheet_xml\.x_feed__mutmut_(17)$", None,
     "equivalent: read(None) hands expat the whole part in one piece; the events and results are the same "
     "(memory only)"),
    (r"raci\.formats\.sheet_xml\.x_feed__mutmut_(21)$", None,
     "equivalent: Parse's isfinal defaults to False, which the original passes"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁend__mutmut_(13)$", None,
     "equivalent: None is falsy like False and in_cell is only tested for truth"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁend__mutmut_(50)$", None,
     "equivalent: None is falsy like False and phonetic is only tested for truth"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁend__mutmut_(14)$", None,
     "equivalent: anything an element outside a cell sets (value, formula, inline, text) is reset by the "
     "next <c> start before a cell's value is read"),
    (r"raci\.formats\.sheet_xml\.xǁ_SheetTargetǁstart__mutmut_(59)$", None,
     "equivalent: damaged() shows only the exception's type name, so the ValueError's text never reaches "
     "the sentence"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁLineǁkind__mutmut_(5)$", None,
     "equivalent: -2 is below 0 like -1, so a missing column still reads BLANK"),
    (r"raci\.formats\.sheet_detect\.cells\.xǁLineǁvalue__mutmut_(5)$", None,
     "equivalent: -2 is below 0 like -1, so a missing column still reads None"),
    (r"raci\.formats\.sheet_detect\.cells\.x_text_of__mutmut_(34)$", None,
     "unreachable: every value a reader yields (str, int, float, bool, Decimal, date, time, datetime, "
     "timedelta) has a str() that does not raise"),
    (r"raci\.teamfile\.x__cell_fault__mutmut_(3)$", None,
     "unreachable difference: every cell value reaching _cell_fault already passed the cellRow schema "
     "(type string), so isinstance(value, str) is always true"),
    (r"raci\.teamfile\.x__cell_fault__mutmut_(18)$", None,
     "unreachable: a letter set must hold one owning and one doing letter (validate.py), so no set has a "
     "single symbol"),
    (r"raci\.teamfile\.x__describe__mutmut_(18|107|125|140)$", None,
     "equivalent: ensure_ascii=None is falsy, json's encoder treats it exactly as False"),
    (r"raci\.teamfile\.x__describe__mutmut_(65)$", None,
     "equivalent: the only object rules left at that point fail propertyNames "
     "(type/required/additionalProperties answered above; letters' oneOf is popped before the schema runs)"),
    (r"raci\.teamfile\.x__describe__mutmut_(72|74)$", None,
     "equivalent: a propertyNames failure's definition always holds propertyNames, so the default is never"
     " used"),
    (r"raci\.teamfile\.x__describe__mutmut_(81)$", None,
     "equivalent: the schema's only propertyNames (settings/rules, the id rule) has a pattern, so the "
     "default is never used"),
    (r"raci\.teamfile\.x__describe__mutmut_(83|86)$", None,
     "equivalent: the only propertyNames has a pattern, so the default is never used"),
    (r"raci\.teamfile\.x__describe__mutmut_(87)$", None,
     "equivalent: names.get(None, 64) gives 64, the id rule's maxLength"),
    (r"raci\.teamfile\.x__describe__mutmut_(88|90|94)$", None,
     "equivalent: the only propertyNames has maxLength 64, so the default is never used"),
    (r"raci\.teamfile\.x__describe__mutmut_(91|92|93)$", None,
     "equivalent: the misspelt key falls to the default 64, which is the id rule's maxLength"),
    (r"raci\.teamfile\.x__describe__mutmut_(97)$", None,
     "unreachable default: fastjsonschema failed propertyNames with the same pattern and maxLength, so a "
     "bad key is always found"),
    (r"raci\.teamfile\.x__describe__mutmut_(99)$", None,
     "unreachable default: fastjsonschema failed propertyNames with the same pattern and maxLength, so a "
     "bad key is always found (no StopIteration)"),
    (r"raci\.teamfile\.x__describe__mutmut_(164)$", None,
     "unreachable: the schema's only const is /format, and _check_header refuses any other format before "
     "the schema runs"),
    (r"raci\.teamfile\.x__describe__mutmut_(165|166|167|168|169)$", None,
     "unreachable: the schema's only const is /format, checked by _check_header first"),
    (r"raci\.teamfile\.x__describe__mutmut_(188)$", None,
     "equivalent: split(\" \", 1) of a fastjsonschema message (\"data... must ...\") always gives two parts, "
     "so [+1] is [-1]"),
    (r"raci\.teamfile\.x__dumps__mutmut_(16|30|35|57)$", None,
     "equivalent: ensure_ascii=None is falsy, json's encoder treats it exactly as False"),
    (r"raci\.teamfile\.x__dumps__mutmut_(18|59)$", None,
     "equivalent: allow_nan=None is falsy, json's encoder treats it exactly as False"),
    (r"raci\.teamfile\.x__dumps__mutmut_(22)$", None,
     "equivalent: the head (name, description, profile, letters, people, rows) holds no float: "
     "delivery_teams is an int from the spin box or the integer-checked file; thresholds sit in the tail"),
    (r"raci\.teamfile\.x__dumps__mutmut_(25)$", None,
     "equivalent: the head holds no float (see _dumps 22), so allow_nan never applies"),
    (r"raci\.teamfile\.x__dumps__mutmut_(32)$", None,
     "equivalent: row ids match the id pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$ (ASCII), so escaping changes "
     "nothing"),
    (r"raci\.teamfile\.x__dumps__mutmut_(33)$", None,
     "equivalent: row ids are ASCII by the id pattern, so escaping changes nothing"),
    (r"raci\.teamfile\.x__dumps__mutmut_(37)$", None,
     "equivalent: a row of cells holds ASCII person ids and cells of ASCII symbols (symbol pattern "
     "^[A-Za-z][A-Za-z0-9]{0,2}$), so escaping changes nothing"),
    (r"raci\.teamfile\.x__dumps__mutmut_(38)$", None,
     "equivalent: a row of cells is all ASCII (ids and symbols), so escaping changes nothing"),
    (r"raci\.teamfile\.x__json_type_name__mutmut_(26)$", None,
     "equivalent: without the \"null\" key, names.get(\"null\", \"null\") still gives \"null\" (and the schema has"
     " no null type)"),
    (r"raci\.teamfile\.x__json_type_name__mutmut_(27)$", None,
     "equivalent: without the \"null\" key, names.get(\"null\", \"null\") still gives \"null\""),
    (r"raci\.teamfile\.x__json_type_name__mutmut_(28|29)$", None,
     "unreachable: the schema names no \"null\" type"),
    (r"raci\.teamfile\.x__json_type_name__mutmut_(40)$", None,
     "equivalent: every type the schema names (string, integer, number, boolean, array, object) is a key "
     "of names"),
    (r"raci\.teamfile\.x__letter_set__mutmut_(26)$", None,
     "equivalent: no LetterSetError sentence ends in \"X.\" (they end in a fixed word, a digit, a set list "
     "ending \"raci-vs\"/\"not-involved\", or a closing quote), so stripping X too changes nothing"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(2)$", None,
     "equivalent: LetterSetError sentences start with a fixed word followed by a plain space (or a quote),"
     " so splitting on any whitespace gives the same first word"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(5)$", None,
     "equivalent: [0] of a full split on \" \" is the same first word as of split(\" \", 1)"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(8)$", None,
     "equivalent: [0] of split(\" \", 2) is the same first word as of split(\" \", 1)"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(11)$", None,
     "equivalent: when it differs (a quote followed by more), lowering a quote character leaves the "
     "sentence the same"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(13)$", None,
     "equivalent: no LetterSetError sentence starts with a word beginning with X"),
    (r"raci\.teamfile\.x__lower_first__mutmut_(16)$", None,
     "equivalent: no LetterSetError sentence starts with a two-letter capitalised word (first words: "
     "There, A, The, Letter, a quoted name)"),
    (r"raci\.teamfile\.x__parse__mutmut_(13)$", None,
     "equivalent: Python codec names are case-insensitive (\"UTF-8-SIG\" is utf-8-sig)"),
    (r"raci\.teamfile\.x__semantic_fault__mutmut_(46)$", None,
     "unreachable: Team.from_parts raises only for duplicate ids or cells naming unknown rows/people "
     "(named by the loop above) or a non-cell (refused by _validate first); the schema prevents KeyError"),
    (r"raci\.teamfile\.x__semantic_fault__mutmut_(47|48|49|50|51)$", None,
     "unreachable fallback (see _semantic_fault 46)"),
    (r"raci\.teamfile\.x_loads_team__mutmut_(34)$", None,
     "equivalent: the error is read only by _semantic_fault's fallback, which is unreachable (see "
     "_semantic_fault 46)"),
    (r"raci\.teamfile\.x__validate__mutmut_(34)$", None,
     "equivalent: speed only: a falsy plainly_valid sends every row through the row schema and cell check,"
     " which accept and refuse the same rows"),
    (r"raci\.teamfile\.x__validate__mutmut_(36)$", None,
     "equivalent: speed only: always False, every row takes the full check (same outcome)"),
    (r"raci\.teamfile\.x__validate__mutmut_(38)$", None,
     "equivalent: speed only: issuperset(None) raises TypeError, caught as not plainly valid; every row "
     "takes the full check"),
    (r"raci\.teamfile\.x__validate__mutmut_(39)$", None,
     "equivalent: speed only: as _validate 34"),
    (r"raci\.teamfile\.x_team_to_document__mutmut_(6)$", None,
     "equivalent: the cells are computed but only stored when with_cells, so the document is the same"),
    (r"raci\.model\.x_make_id__", r"\"ASCII\"|strip\(\"XX-XX\"\)",
     "equivalent: codec names ignore case, and a slug holds no 'X' to strip"),
    (r"raci\.model\.x_make_id__", r"isinstance\(taken.*\) (and False|or True)",
     "equivalent: only how 'taken' is looked up changes (a set made of it, or it as given), not the answer"),
    (r"raci\.model\.x_make_id__mutmut_(39|44)$", None,
     "equivalent: with numbers handed out in order both searches find the lowest free one; only the probes differ"),
    (r"raci\.model\.xǁTeamǁmove_(person|responsibility)__", r"inclusive=None",
     "equivalent: None is false, as False is"),
]


def functions_of(text: str) -> dict[str, str]:
    lines = text.splitlines()
    return {node.name: "\n".join(lines[node.lineno - 1:node.end_lineno]) for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


def survivors(mutants: Path) -> list[tuple[str, int, str]]:
    """(mutant name, verdict, the changed line) of every survivor."""
    found = []
    for meta in sorted(mutants.glob("src/**/*.py.meta")):
        verdicts = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        names = [name for name, code in verdicts.items() if code not in KILLED | UNCHECKED]
        if not names:
            continue
        functions = functions_of(meta.with_suffix("").read_text(encoding="utf-8"))
        for name in names:
            short = name.split(".")[-1]
            original = functions.get(short.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "").splitlines()[1:]
            mutant = functions.get(short, "").splitlines()[1:]
            diff = list(difflib.unified_diff(original, mutant, lineterm="", n=0))
            added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
            removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
            found.append((name, verdicts[name], " / ".join(added) or f"(line removed: {' / '.join(removed)})"))
    return found


def shown(text: str, width: int = 110) -> str:
    text = text.replace("|", "\\|").replace("`", "'")
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=Path, default=Path("mutants"), help="mutmut's working folder")
    options = parser.parse_args()
    harmless: dict[str, list[str]] = defaultdict(list)
    gaps: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for name, code, change in survivors(options.mutants):
        reason = next((reason for pattern, line, reason in HARMLESS
                       if re.search(pattern, name) and (line is None or re.search(line, change))), None)
        if reason:
            harmless[reason].append(name)
        else:
            gaps[name.rsplit("__mutmut_", 1)[0]].append((name, code, change))
    print("## Harmless survivors\n")
    for reason, names in harmless.items():
        print(f"- **{reason}** ({len(names)}): " + ", ".join(f"`{name.removeprefix('raci.')}`" for name in names))
    print("\n## Survivors the tests do not catch yet\n")
    print("Each line: the mutant, then what it changes. *No test* means no fast core test reaches the function.\n")
    for function, items in sorted(gaps.items()):
        print(f"### `{function}`\n")
        for name, code, change in items:
            tag = " *(no test)*" if code in (5, 33) else ""  # no test collected, or none reaches it
            print(f"- `{name.rsplit('__mutmut_', 1)[1]}`{tag}: `{shown(change)}`")
        print()


if __name__ == "__main__":
    main()
