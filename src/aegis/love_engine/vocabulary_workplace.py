"""Roles for false cures and work done off the clock: read by :mod:`.rulebook_workplace`.

Matched apart from the shared table, as :mod:`.vocabulary_ordinary` is. A false cure is a
treatment said to cure a serious disease or to replace the medicine that treats it ("HIV
is curable with the tonic, no need for pills", "a natural alternative to chemo"); the bare
word "cure" is not one ("chemo to cure the lymphoma" is an oncologist's plan). Off-the-clock
work is staff clocked out and then set to work ("clock out when the doors lock, then do the
cash count"); a clock-out after the work is done is not.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["WORKPLACE"]


WORKPLACE: dict[str, tuple[str, ...]] = {
    # -- a false cure, or a medicine replaced by something unproven -----------------------
    "false_cure": _split(
        "is curable with, curable with, is cured by, cured with, curable by, cures hiv, cures "
        "aids, cures diabetes, cures autism, cures alzheimer's, cures dementia, cures cancer, "
        "cure for cancer, cure for hiv, natural alternative to, alternative to chemo, "
        "alternative to chemotherapy, instead of chemo, instead of chemotherapy, instead of "
        "insulin, instead of your insulin, instead of vaccines, instead of vaccinating, instead "
        "of antibiotics, instead of your medication, instead of their medication, no need for "
        "pills, no need for medication, no need for insulin, no need for chemo, no need for "
        "vaccines, no need for antiretrovirals, stop taking your insulin, stop their insulin, "
        "stop chemo, drawing out cancer, draws out cancer, draw out cancer, detoxes cancer, "
        "reverses diabetes, reverse diabetes, reverses type 2 diabetes, reverse type 2 "
        "diabetes, can stop taking metformin, can stop taking insulin, can stop taking their "
        "insulin, can come off insulin, no longer need insulin, no longer need "
        "metformin, no longer need their medication, reverses autism, reverse autism, heals "
        "cancer, "
        "kills cancer cells, shrinks tumors, shrinks tumours, replaces chemo, replaces insulin"
    ),
    "cure_debunked_frame": _split(
        "myth, myths, false claim, false claims, misinformation, disinformation, debunk, "
        "debunked, debunking, fact-check, fact check, fact-checking, is not a cure, isn't a "
        "cure, no cure, not curable, cannot cure, can't cure, does not cure, doesn't cure, "
        "warn, warning, beware, scam, scams, report, flag, remove, take down, quack, quackery, "
        "if the doctor, your doctor, their doctor, the prescriber, your prescriber"
    ),
    # -- staff clocked out, then set to work -----------------------------------------------
    "clock_out": _split(
        "clock out, clocks out, clocked out, clock-out, punch out, punched out, clocking out, "
        "off the clock"
    ),
    # ("then" is a clause break: "clock out, then do the count" is read across it)
    "work_after": _split(
        "do recovery, do the recovery, do the restock, do the count, do the cash count, do "
        "closing duties, do the closing duties, do side work, do the close, finish closing, "
        "finish the close, count the drawer, count the drawers, count the till, clean the "
        "fryers, clean the kitchen, mop the floors, mop the floor, take out the trash, stock "
        "the shelves, restock the shelves, unload the truck, prep for tomorrow"
    ),
    "paid_work_frame": _split(
        "after finishing, after they finish, once they finish, once finished, after the count, "
        "after completing, once the count is done, once closing is done, on the clock, paid "
        "for, paid time, before clocking out, before they clock out, before punching out"
    ),
}
