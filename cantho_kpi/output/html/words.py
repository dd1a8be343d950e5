"""The words of the web page of ``kpi report``, in Vietnamese and English: one table, so that a
message catalog can take them over in one move. Texts with ``{name}`` are filled by
``str.format``; every text is escaped by the template, never here."""

from __future__ import annotations

from ...catalog import C_, N_
from ...presentation import by_lang

PAGE_WORDS = by_lang(
    {
        # the page
        "title": N_("Progress of the emulation targets – plan {plan}"),
        "of_unit": N_("{unit} ({code})"),
        "as_of": N_("Figures up to {year}; term {first}–{last}."),
        "files": N_("Targets file: {targets}; drive file: {drive}."),
        "no_drive": N_("none"),
        "rounds_read": N_("Rounds read: {rounds}."),
        "contents": N_("Contents"),
        "skip": N_("Skip to the targets"),
        # the headline
        "s_headline": C_("page", "Summary"),
        "latest_round": N_("Latest round: {round}."),
        "headline": N_("{unit}: {headline}."),
        "no_headline": N_("{unit} has no figures in this round."),
        "progress_headline": N_(
            "Progress toward {to}, {total} targets of {unit} (each by its weakest figure):"
        ),
        "method_note": N_(
            "Progress is judged by the UN Statistics Division's SDG progress-chart "
            "method: CR is the observed pace over the pace needed to reach the target by "
            "{to}; CR ≥ {on_track}: on track, {fair}–{on_track}: fair (acceleration "
            "needed), {limited}–{fair}: limited, below {limited}: deterioration (the "
            "targets file's thresholds). Targets set “every year” are judged year by "
            "year; term averages and term totals as such. The method: docs/progress.md."
        ),
        "s_overview": N_("The targets"),
        "h_number": N_("No."),
        "h_target_name": N_("Target"),
        "h_progress": N_("Progress (weakest figure)"),
        "h_figures": N_("Figures"),
        "overview_caption": N_("The plan's targets and their progress toward {to}"),
        # a target and its figures
        "target_heading": N_("Target {number}: {title}"),
        "plan_says": N_("The plan: “{text}”"),
        "f_target": N_("Target"),
        "f_own": N_("(the unit's own target)"),
        "f_method": N_("Judged as"),
        "f_latest": N_("Latest figure"),
        "f_status": N_("Status"),
        "f_cr": N_("CR"),
        "f_years": N_("Years met"),
        "f_projection": N_("Projection for {year}"),
        "f_to_date": N_("To date"),
        "f_break": N_("Series break"),
        "no_result": N_(
            "No target applies to this figure of {unit}, or there is no figure yet: no "
            "progress is judged."
        ),
        "projection_text": N_("{value} {unit} – {status} (at the current pace)"),
        "projection_mean": N_("{value} {unit} – {status} (the term's mean at the current pace)"),
        "projection_total": N_("{value} {unit} – {status} (the term's total at the current pace)"),
        "to_date_figure": N_("{value} {unit} in {period} – {status}"),
        "to_date_mean": N_("mean to {period}: {value} {unit} – {status}"),
        "to_date_total": N_("total to the end of {period}: {value} {unit} – {status}"),
        "break_text": N_("{period} ({kind}): {reason}"),
        "break_method": N_("change of method"),
        "break_boundary": N_("change of boundary"),
        "m_cagr": N_("a level to reach by {to}, by compound growth"),
        "m_linear": N_("a level to reach by {to}, by the yearly change"),
        "m_average": N_("the mean of the term's years"),
        "m_average_growth": N_("average (compound) growth over the term"),
        "m_cumulative": N_("a total over the term"),
        "m_every_year": N_("every year: one year missed means the term's target is not achieved"),
        "fallback": N_(" (compound growth undefined for a value ≤ 0: the yearly change is used)"),
        # the data table
        "table_caption": N_("The figures of chart {code} (the table for the chart)"),
        "h_year": N_("Year"),
        "h_value": N_("Value"),
        "h_running": N_("Running total"),
        "h_counted": N_("Counted"),
        "h_year_status": N_("Year's status"),
        "h_note": N_("Note"),
        "h_source": N_("Source"),
        "yes": C_("page", "yes"),
        "no": N_("no"),
        "baseline_row": N_("Baseline {period}"),
        "projection_row": N_("Projection {period}"),
        "mean_row": N_("Mean {first}–{last}"),
        "target_row": N_("Target"),
        "provisional": N_("part-year figure"),
        "estimate": N_("estimate"),
        "reported_in": N_("reported in round {round}"),
        "before_start": N_("before the target's first year"),
        "not_counted_why": N_("not counted"),
        "unit_note": N_("the unit's note: {note}"),
        "at_pace": N_("at the current pace"),
        # the chart
        "chart_title": N_("Chart {code}: {name}"),
        "desc": N_("Figures by year: {series}. Target: {target}"),
        "desc_total": N_("Running total by year: {series}. Target: {target}"),
        "baseline": N_("baseline"),
        "projection": N_("projection"),
        "running_total": N_("running total"),
        "target": N_("target"),
        "mean": N_("mean so far"),
        "mean_so_far": N_("mean {first}–{last}: {value}"),
        "break": N_("break"),
        "legend_counted": N_("counted"),
        "legend_not_counted": N_("not counted"),
        "not_counted": N_("not counted"),
        "none": N_("none"),
        # units
        "s_units": N_("Units: complete and on time, by round"),
        "units_caption": N_("Units reporting, by round"),
        "h_round": C_("page", "Round"),
        "h_expected": N_("Due to report"),
        "h_received": N_("Sent"),
        "h_missing": N_("Not sent"),
        "h_unreadable": N_("Unreadable files"),
        "h_on_time": N_("On time"),
        "h_late": N_("Late"),
        "h_unknown": N_("Day of receipt unknown"),
        "h_deadline": N_("Deadline"),
        "no_deadline": N_("—"),
        "matrix_caption": N_("Each unit's report, by round"),
        "h_unit": N_("Unit"),
        "sent": N_("Sent"),
        "not_sent": N_("Not sent"),
        "unreadable": N_("File unreadable"),
        "not_active": N_("—"),
        "units_note": N_(
            "Timeliness is judged on the day of receipt in each round's log "
            "(received.csv); the day written on a report is only a lower bound of it; a "
            "file's modification time is never used. Deadlines are settings of the drive "
            "file; “—”: the drive file sets no deadline for the round."
        ),
        "no_drive_units": N_(
            "No drive file (drive.yaml) beside the targets file: no deadlines to judge "
            "timeliness by."
        ),
        # ranking
        "s_ranking": N_("Ranking per cluster and block – for the units' deliberation"),
        "ranking_intro": N_(
            "The ranking of round {round} follows the drive file's rule, not the plan's: "
            "plan {plan} has no points, no deductions and no ranking formula. It is a "
            "reference list for the units' deliberation (the plan, IV.2.c), not a "
            "proposal for awards."
        ),
        "ranking_rule": N_(
            "The drive file's scoring: each applicable target scores {points}; the sum is"
            " divided by the sum of the weights; {late} is deducted for a report late or "
            "not sent once due, {invalid} for a file with errors; rounded to 4 places."
        ),
        "ranking_caption": N_("{cluster}, round {round}"),
        "h_rank": N_("Rank"),
        "h_score": N_("Score"),
        "h_points": N_("Points"),
        "h_deducted": N_("Deducted"),
        "h_candidate": N_("Candidate"),
        "candidate_yes": N_("★ yes"),
        "no_ranking_drive": N_("No drive file (drive.yaml) beside the targets file: no ranking."),
        "no_ranking_round": N_(
            "The drive file sets no deadline for round {round}: it is not ranked."
        ),
        "no_ranking_cluster": N_(
            "No cluster or block of the drive file is active in round {round}."
        ),
        "status_counts": N_(
            "▲ exceeded · ✓ met · ≈ near · ✗ not met · · missing · ! invalid · ○ reported"
            " with no target that applies (not scored)"
        ),
        # problems
        "s_problems": N_("Problems in the files"),
        "problems_caption": N_("Errors and warnings met while reading the files"),
        "h_where": N_("Where"),
        "h_code": N_("Code"),
        "h_severity": C_("page", "Severity"),
        "h_message": N_("Message"),
        "error": N_("error"),
        "warning": N_("warning"),
        "no_problems": N_("No errors or warnings."),
        "footer": N_(
            "Page made by kpi report from the units' files; nothing is fetched from the "
            "network. The figures and verdicts are for reference; official documents are "
            "issued by the office."
        ),
    }
)
