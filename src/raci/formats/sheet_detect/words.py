"""The words sheets use in their headers, and what each says about a column or a row.

Detection decides from the shape of the data first (see
:mod:`raci.formats.sheet_detect.columns`); these words only tip a close
call: a column headed "Notes" is notes even if its first cells are short,
a corner cell saying "Person" means the people run down the side. All
words are folded (case, accents, spacing) before they are looked up, and a
header matches when its words, or its words without a plural ``s``, are
one of these.
"""

from __future__ import annotations

import re

from raci.letters.text import fold

# Headers of the column that names the responsibilities.
TITLE_WORDS = frozenset({
    "task", "tasks", "activity", "activities", "responsibility", "responsibilities", "step", "steps",
    "action", "actions", "work item", "work items", "item", "items", "process", "processes",
    "decision", "decisions", "duty", "duties", "job", "jobs", "what", "task name", "activity name",
    "task description", "tasks and activities", "work", "topic", "topics", "function", "functions",
    "tache", "taches", "activite", "activites", "responsabilite", "responsabilites", "etape",
    "tarea", "tareas", "actividad", "actividades", "aufgabe", "aufgaben", "tatigkeit", "tatigkeiten",
    "attivita", "compito", "atividade", "tarefa",
})
# Headers of a column that groups the rows.
CATEGORY_WORDS = frozenset({
    "category", "categories", "group", "groups", "phase", "phases", "stage", "stages", "area", "areas",
    "section", "sections", "workstream", "workstreams", "stream", "domain", "theme", "epic", "module",
    "milestone", "milestones", "process area", "key area", "focus area", "part", "chapter", "topic area",
    "categorie", "groupe", "etape du projet", "fase", "bereich", "kategorie", "gruppe", "phase du projet",
})
# Headers of a column that describes each row.
DESCRIPTION_WORDS = frozenset({
    "description", "descriptions", "details", "detail", "deliverable", "deliverables", "output", "outputs",
    "outcome", "outcomes", "artefact", "artefacts", "artifact", "artifacts", "scope", "explanation",
    "definition", "what it means", "livrable", "livrables", "beschreibung", "descripcion", "descrizione",
})
# Headers of a column that holds remarks about each row (kept in the row's description).
NOTES_WORDS = frozenset({
    "note", "notes", "comment", "comments", "remark", "remarks", "status", "state", "progress",
    "remarque", "remarques", "commentaire", "commentaires", "statut", "bemerkung", "kommentar",
    "comentario", "comentarios", "nota", "notas",
})
# Headers of a legend, beside or under the grid.
LEGEND_WORDS = frozenset({
    "key", "legend", "legende", "leyenda", "legenda", "raci key", "raci legend", "key to letters",
    "letter key", "abbreviations",
})
# Words a legend's own little table uses as its headers; never a team's name.
LEGEND_HEADER_WORDS = frozenset({"letter", "letters", "symbol", "symbols", "meaning", "meanings",
                                 "abbreviation", "role", "definition"})
# A corner cell (above the titles, left of the names) that says the people run down the side.
PERSON_WORDS = frozenset({
    "person", "persons", "people", "name", "names", "role", "roles", "team member", "team members",
    "member", "members", "resource", "resources", "stakeholder", "stakeholders", "who", "staff",
    "participant", "participants", "personne", "personnes", "nom", "persona", "personas",
    "nombre", "mitarbeiter", "rolle", "rollen",
})
# Headers that never name a person: totals, checks, counts.
NOT_PERSON_WORDS = frozenset({
    "total", "totals", "sum", "count", "check", "checks", "score", "a's", "r's", "number of a",
    "number of r", "validation", "ok", "issues",
})
# Words that make a row without letters read as a heading of the rows below it.
HEADING_WORDS = frozenset({
    "phase", "stage", "step", "milestone", "section", "part", "sprint", "release", "workstream",
    "stream", "epic", "module", "area", "chapter", "category", "group", "iteration", "wave", "track",
    "fase", "etape", "etapa", "bereich", "gate",
})
# Team names a sheet's title block may hold that name nothing.
GENERIC_NAMES = frozenset({
    "raci", "raci matrix", "raci chart", "rasci", "rasci matrix", "daci", "matrix", "responsibility matrix",
    "responsibility assignment matrix", "ram", "roles and responsibilities", "sheet", "data", "table",
    "matrice raci", "raci-matrix", "matriz raci",
})
_GENERIC_SHEET = re.compile(r"^(sheet|feuil|feuille|tabelle|hoja|foglio|planilha|blad|arkusz|table|sheet ?)\s*\d*$")

# Verbs that open task titles ("Plan the release"), rarely people's names.
TASK_VERBS = frozenset(
    [
        "accept", "adjust", "agree", "align", "analyse", "analyze", "answer", "approve", "arrange", "assess",
        "assign", "audit", "build", "calculate", "carry", "change", "check", "choose", "close", "coach", "collect",
        "communicate", "compile", "complete", "conduct", "configure", "confirm", "consult", "coordinate", "create",
        "decide", "define", "deliver", "demo", "deploy", "design", "detect", "determine", "develop", "document",
        "draft", "drive", "ensure", "escalate", "establish", "estimate", "evaluate", "execute", "facilitate",
        "finalise", "finalize", "fix", "follow", "forecast", "gather", "get", "give", "handle", "hire", "hold",
        "identify", "implement", "improve", "inform", "install", "integrate", "interview", "keep", "kick", "launch",
        "lead", "maintain", "make", "manage", "measure", "meet", "migrate", "monitor", "negotiate", "notify",
        "onboard", "order", "organise", "organize", "own", "perform", "plan", "prepare", "present", "prioritise",
        "prioritize", "procure", "produce", "provide", "publish", "recruit", "refine", "release", "report", "request",
        "research", "resolve", "review", "run", "schedule", "secure", "select", "send", "set", "share", "sign",
        "specify", "sprint", "staff", "submit", "support", "talk", "test", "track", "train", "translate", "turn",
        "update", "upgrade", "validate", "verify", "write",
    ]
)


def words_of(text: str) -> str:
    """``text`` folded, with punctuation other than apostrophes turned into spaces."""
    return " ".join(re.sub(r"[^\w']+", " ", fold(text)).split())


def is_one_of(text: str, vocabulary: frozenset[str]) -> bool:
    """Whether a header says one of ``vocabulary``'s words, as written or without a trailing ``s``."""
    words = words_of(text)
    return bool(words) and (words in vocabulary or words.rstrip("s") in vocabulary)


def mentions(text: str, vocabulary: frozenset[str]) -> bool:
    """Whether any single word of ``text`` is in ``vocabulary``."""
    return any(word in vocabulary or word.rstrip("s") in vocabulary for word in words_of(text).split())


def is_generic_sheet_name(name: str) -> bool:
    """Whether a sheet's name is a program's default ("Sheet1", "Feuil1") or names only the format."""
    folded = words_of(name)
    return not folded or folded in GENERIC_NAMES or bool(_GENERIC_SHEET.match(folded))
