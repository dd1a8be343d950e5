"""The words of the review report (báo cáo sơ kết / tổng kết), in Vietnamese and English."""

from __future__ import annotations

from ..catalog import N_
from ..presentation import by_lang, by_lang_one

#: The mark of a passage only people can write: visible in the Markdown and in a Word
#: document made from it (an HTML comment would vanish there).
WRITE_MARK = by_lang_one(N_("> **[TO WRITE]**"))

REVIEW_WORDS = by_lang(
    {
        "title": N_("{kind} REVIEW OF THE EMULATION DRIVE"),
        "final": N_("FINAL"),
        "interim": N_("INTERIM"),
        "made": N_(
            "_Skeleton made by `kpi review` from the units' figures. The "
            "passages marked **[TO WRITE]** are for the writer; review it all "
            "before it is issued._"
        ),
        "when_final": N_("Final review: {when} (drive file; the plan, III.1.c: January 2025)."),
        "when_interim": N_("Interim review: {when} (drive file; the plan, III.1.b: June 2024)."),
        "no_review": N_(
            "Round {round} is neither the interim nor the final review's round "
            "of the drive file (calendar.interim_round, calendar.final_round): "
            "an in-between report."
        ),
        "data": N_("Figures used: round {round}{deadline}{estimate}."),
        "deadline": N_(", due {day}"),
        "estimate": N_(", estimates (the drive file says the round is reported as estimates)"),
        "cut_off": N_("Data cut-off: {day} (`--as-of`): reports received after it are left out."),
        "no_cut_off": N_(
            "Data: every file in the folders when the skeleton was made (no "
            "cut-off; give `--as-of` to set one)."
        ),
        "files": N_("Targets file: `{targets}`; drive file: `{drive}`."),
        "s_directing": N_("I. LEADERSHIP, DIRECTION AND ORGANISATION"),
        "w_directing": N_(
            "Leadership and direction, documents issued, communication, "
            "launching the drive; guidance, checks and reminders."
        ),
        "launch": N_(
            "Units' launch documents (the plan, IV.2.a; due {due}): "
            "{sent}/{total} units sent one ({on_time} on time, {late} "
            "late){missing}."
        ),
        "missing": N_("; not sent: {units}"),
        "s_results": N_("II. RESULTS"),
        "s_table": N_("The city's targets"),
        "headline": N_("{city}: {headline}."),
        "h_code": N_("Code"),
        "h_name": N_("Target"),
        "h_target": N_("Plan"),
        "h_value": N_("Figure"),
        "h_percent": N_("% of target"),
        "h_change": N_("Change on {round}"),
        "h_status": N_("Status"),
        "percent_note": N_(
            "_% of target: the figure against the bound, for one-sided targets "
            "(≥, ≤, <, >) only; change on {round}: the difference with the "
            "same round a year before, where the figures have it._"
        ),
        "estimate_all": N_(
            "_The figures of round {round} are estimates, as the drive file's calendar says._"
        ),
        "estimates": N_("_Estimates: {codes}._"),
        "s_not_met": N_("Targets not met"),
        "not_met": N_("- {code} {name}: {value} (target {target}), {status}."),
        "none_not_met": N_("No target with figures is not met."),
        "s_term": N_("Term totals, 2020 - 2025"),
        "term": N_(
            "- {code} {name}: {total} of {goal} {unit} ({percent} %) after {n} "
            "years ({years}); progress: {status}."
        ),
        "provisional": N_("_* not a whole year's figure._"),
        "none_term": N_("No term total yet."),
        "s_progress": N_("Progress toward 2025"),
        "progress": N_(
            "{city}, toward {year} (the UN SDG progress method, see `kpi "
            "progress`): {counts} (of {total} targets)."
        ),
        "progress_mark": N_(
            "Progress toward 2025 (needs figures of two years or more: run "
            "`kpi review` on the whole archive, or write it by hand)."
        ),
        "s_reference": N_("Units' figures beside the city's averages (for reference only)"),
        "reference_intro": N_(
            "_These units set no target of their own for these figures (in a "
            "launch document or one the city assigned): the figures are "
            "recorded, not judged; the city's target is shown beside them for "
            "reference._"
        ),
        "reference": N_("- {code} {name} (city: {plan}): {units}."),
        "s_reports": N_("Units' reports, round {round}"),
        "reports": N_(
            "{received}/{total} units sent their report: {on_time} on time, "
            "{late} late, {unknown} with the day of receipt unknown; "
            "{not_received} not sent{not_due}."
        ),
        "not_due": N_(", {n} not due yet"),
        "late": N_("- Late: {units}."),
        "not_received": N_("- Not sent: {units}."),
        "unknown": N_("- Day of receipt unknown (write it into received.csv): {units}."),
        "unreadable": N_("- File unreadable, to be sent again: {units}."),
        "s_final_reports": N_("Units' final reports"),
        "final_reports": N_(
            "Units' final reports (the plan, IV.2.c; due {due}): "
            "{sent}/{total} units sent one ({on_time} on time, {late} "
            "late){missing}."
        ),
        "s_ranking": N_("Ranking per cluster (for reference)"),
        "s_shortcomings": N_("III. SHORTCOMINGS AND THEIR CAUSES"),
        "w_shortcomings": N_("Shortcomings (the targets not met: section II)."),
        "w_causes": N_("Causes, external and internal."),
        "s_lessons": N_("IV. LESSONS"),
        "w_lessons": N_("Lessons learnt."),
        "s_awards": N_("V. AWARDS (the plan, III.2)"),
        "kind": N_("**{name}** ({plan}): given by {authority}; to: {recipients}."),
        "unit_head": N_(
            "Given by each head of a department, district or commune under "
            "their own authority: `kpi` makes no list for it."
        ),
        "w_unit_head": N_("The {name} given by the departments, districts and communes (if any)."),
        "not_this_review": N_(
            "Not given at this {review} review; at the final review (round {round})."
        ),
        "candidates_intro": N_(
            "A reference list (not a proposal), for the units' deliberation "
            "(the plan, IV.2.c) and the Emulation and Commendation Council's "
            "consideration:"
        ),
        "candidates": N_("- {cluster}: {units}."),
        "no_candidates": N_("- {cluster}: no unit meets the drive file's conditions."),
        "basis": N_("judged on {rounds}"),
        "w_candidates": N_("The units' deliberation and the Council's proposal."),
        "s_next": N_("VI. DIRECTIONS AND TASKS{when}"),
        "next_interim": N_(" FOR THE SECOND HALF OF THE YEAR"),
        "w_next": N_("Directions, tasks and measures ahead; proposals."),
        "nobody": N_("none"),
    }
)
