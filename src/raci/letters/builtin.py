"""The letter sets the app knows: RACI (the default), RASCI, DACI, CAIRO and RACI-VS.

Letters are listed in the order each set's name spells them; that order is
the legend's, the menu's and the Space cycle's. RACI's names and meanings
are the words the app has always shown ("Responsible: does the work").
"""

from __future__ import annotations

from raci.letters.kinds import Kind
from raci.letters.sets import LetterDef, LetterSet
from raci.letters.validate import LetterSetError

_R = LetterDef("R", "Responsible", "does the work", Kind.DOES)
_A = LetterDef("A", "Accountable", "owns the outcome and signs it off", Kind.OWNS)
_C = LetterDef("C", "Consulted", "asked before, two-way", Kind.ASKED)
_I = LetterDef("I", "Informed", "told after, one-way", Kind.TOLD)

RACI = LetterSet("raci", "RACI", (_R, _A, _C, _I),
                 description="Responsible, Accountable, Consulted, Informed: the classic matrix.")

RASCI = LetterSet("rasci", "RASCI", (
    _R, _A,
    LetterDef("S", "Support", "helps those responsible do the work", Kind.HELPS),
    _C, _I,
), description="RACI with Support: people who help do the work without being responsible for it.")

DACI = LetterSet("daci", "DACI", (
    LetterDef("D", "Driver", "drives the decision and does the legwork", Kind.DOES),
    LetterDef("A", "Approver", "makes the decision and answers for it", Kind.OWNS),
    LetterDef("C", "Contributor", "gives the input the decision needs", Kind.ASKED),
    LetterDef("I", "Informed", "told once it is decided", Kind.TOLD),
), say_names=True, description="Driver, Approver, Contributor, Informed: a matrix for decisions.")

CAIRO = LetterSet("cairo", "CAIRO", (
    _C, _A, _I, _R,
    LetterDef("O", "Out of the loop", "deliberately not involved", Kind.NOT_INVOLVED),
), description="RACI with Out of the loop: who is deliberately left out is written down too.")

RACI_VS = LetterSet("raci-vs", "RACI-VS", (
    _R, _A, _C, _I,
    # The Verifier checks the result against the agreed criteria. That is
    # work on the deliverable, done beside those responsible rather than
    # asked of someone before it starts, so it *helps*, like RASCI's Support;
    # it is not a second *does*, which "too many responsible" would count.
    LetterDef("V", "Verifier", "checks the result against the agreed criteria", Kind.HELPS),
    # The Signatory signs the verified result off before it goes out. RACI-VS
    # keeps A as the one owner of the outcome, and a row with both an A and
    # an S is the set working as meant, so the Signatory cannot *own* (the
    # checks would report two owners on every such row). Their signature is
    # a say the work must get, two-way and before release: *asked*, like C.
    LetterDef("S", "Signatory", "signs the verified result off before it goes out", Kind.ASKED,
              aliases=("Sign-off", "Signs off")),
), description="RACI with Verifier and Signatory: who checks the result and who signs it off.")

DEFAULT = RACI
# In the order an import prefers them when a sheet's letters fit several.
BUILT_IN: tuple[LetterSet, ...] = (RACI, RASCI, DACI, CAIRO, RACI_VS)
_BY_ID = {letter_set.id: letter_set for letter_set in BUILT_IN}


def builtin(set_id: str) -> LetterSet:
    """The built-in set with this id (``"raci"``, ``"rasci"``, ``"daci"``, ``"cairo"``, ``"raci-vs"``)."""
    try:
        return _BY_ID[set_id]
    except (KeyError, TypeError):
        known = ", ".join(_BY_ID)
        raise LetterSetError(f"There is no built-in letter set '{set_id}'; the built-in sets are {known}.") from None


def is_builtin(letter_set: LetterSet) -> bool:
    """Whether a set is exactly one of the built-in sets (same id and same letters)."""
    return _BY_ID.get(letter_set.id) == letter_set
