"""Scores and the ranking within each cluster (cụm, khối thi đua), and the reference list of
candidates for the city's award at the final review. Pure and deterministic: the same report
and drive file give the same ranking.

The plan (33/KH-UBND) has no points, no deductions and no ranking formula: the rule is the drive
file's (``docs/domain.md``, "Scores and ranking"), all of it data in ``data/drive.yaml``:

* each target that applies to the unit in the round scores the points of its status (exceeded
  1.2, met 1, near 0.5, not met, missing and invalid 0 by default), times its weight (1 unless
  set); only these six statuses score, any other (``reported``, ``pending``) is left out; a
  file from which nothing could be read has every target ``invalid``;
* the sum is divided by the sum of the weights, so that a department with 4 targets and a
  district with 30 compare fairly; a unit that sent nothing has all its targets missing;
* deductions are subtracted: a late report (or none once it is due; never one whose day of
  receipt is unknown), a file with errors; the score is rounded to 4 decimals (half up);
* units are ordered by score, then by the tie-break keys in order; units equal on all of them
  share a rank (1, 1, 3) and are listed by unit code;
* candidates (for the award the drive file names, given by the city at the final review): only
  in the round the drive file names as the final review's, ranked ``top`` or better, with no
  target not met (``near`` counting as not met unless ``near_is_met``) in any year of the term
  the report holds, and the other conditions set. Elsewhere nobody is a candidate: the ranking
  is for reference.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..domain import Period, Status
from ..submissions import DateSource
from ..targets import SCORED, AwardGiven, Cluster, DriveFile, ReportingUnit, TargetsFile
from .applicable import AppliedTarget, base_target
from .calendar import RoundStatus, Timeliness, round_name, round_statuses, unit_files, used_file
from .model import Report, Result

PLACES = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class Reference:
    """A figure the unit reported with no target of its own or assigned to it (a city
    average): shown beside the plan's figure for reference, never scored."""

    code: str
    value: Decimal | None
    plan: AppliedTarget


@dataclass(frozen=True, slots=True)
class TermRecord:
    """What the candidate rule saw over the term: the year rounds of the unit the report holds
    (the final round included), and the figures not met in them (``near`` too, unless the
    drive file counts it as met)."""

    rounds: tuple[str, ...]
    not_met: tuple[tuple[str, str], ...]  # (round, code)


@dataclass(frozen=True, slots=True)
class Standing:
    """One unit's place in its cluster, with everything that produced it."""

    rank: int
    unit_code: str
    unit: str
    score: Decimal
    points: Decimal  # the normalised points, before deductions
    counts: dict[str, int]
    deductions: dict[str, Decimal]
    candidate: bool
    timeliness: Timeliness
    file: str | None = None
    submitted_on: date | None = None
    date_source: DateSource | None = None
    term: TermRecord | None = None  # at the final review only
    reported: int = 0  # figures reported with no target that applies to the unit
    reference: tuple[Reference, ...] = ()
    awards_given: tuple[AwardGiven, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class ClusterRanking:
    id: str
    name: str
    kind: str
    ranking: list[Standing]


@dataclass(frozen=True, slots=True)
class Ranking:
    round: str
    clusters: list[ClusterRanking]
    #: Whether the round is the one the drive file names as the final review's (named
    #: ``final_round``): only then are there candidates.
    final: bool = False
    final_round: str = ""
    plan: str = ""  # the plan's id (33/KH-UBND), named where the rule is said not to be its


def rank(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    cluster: str | None = None,
    as_of: date | None = None,
) -> Ranking:
    """Rank the units of each cluster active in ``period`` (a round) by their score, as of
    ``as_of`` (a report not received before its deadline is not due yet)."""
    name = round_name(targets, period)
    rows = round_statuses(targets, drive, report, as_of, periods=[period])
    timely = {row.unit_code: row for row in rows}
    final = drive.calendar.is_final(period)
    clusters = []
    for group in drive.clusters:
        if group.active_in(period) and (cluster is None or group.id == cluster):
            clusters.append(_rank_cluster(targets, drive, report, period, group, timely, final))
    final_round = round_name(targets, drive.calendar.review_round(final=True))
    return Ranking(name, clusters, final, final_round, targets.plan.id)


def _rank_cluster(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    group: Cluster,
    timely: dict[str, RoundStatus],
    final: bool,
) -> ClusterRanking:
    scored = []
    for code in group.members:
        unit = targets.unit(code)
        if unit is not None and unit.active_in(period):
            status = timely.get(code)
            standing = _score(targets, drive, report, period, unit, status)
            if final:
                standing = replace(standing, term=_term(targets, drive, report, unit, period))
            scored.append(standing)
    keys = [_order_key(drive, s, timely) for s in scored]
    standings = []
    for item, key in sorted(zip(scored, keys, strict=True), key=lambda p: (p[1], p[0].unit_code)):
        place = 1 + sum(other < key for other in keys)
        standings.append(_candidate(drive, item, place, final))
    return ClusterRanking(group.id, group.name, group.kind.value, standings)


def _score(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    unit: ReportingUnit,
    timely: RoundStatus | None,
) -> Standing:
    rule = drive.scoring
    sub = used_file(unit_files(report, targets, unit.code, period))
    if sub is not None:
        # only the figures a target applies to score (a figure reported without one does not)
        mine = [r for r in report.results if r.file == sub.file]
        pairs = [(r.code, r.status) for r in mine if r.status in SCORED and r.target is not None]
    else:  # nothing came: every target that applies to the unit is missing
        mine = []
        pairs = [
            (i.code, Status.MISSING)
            for i in targets.indicators_for(unit)
            if base_target(targets, unit.code, i) is not None
        ]
    weight = sum((rule.weight(code) for code, _ in pairs), Decimal(0))
    points = sum((rule.point(status) * rule.weight(code) for code, status in pairs), Decimal(0))
    normalised = (points / weight).quantize(PLACES, ROUND_HALF_UP) if weight else Decimal(0)
    status = timely.status if timely else Timeliness.UNKNOWN
    deductions = {
        "late_report": rule.late_report
        if status in (Timeliness.LATE, Timeliness.NOT_RECEIVED)
        else Decimal(0),
        "invalid_file": rule.invalid_file if sub is not None and not sub.valid else Decimal(0),
    }
    counts = Counter(s.value for _, s in pairs)
    score = (normalised - sum(deductions.values(), Decimal(0))).quantize(PLACES, ROUND_HALF_UP)
    return Standing(
        0,
        unit.code,
        unit.name,
        score,
        normalised,
        {s.value: counts[s.value] for s in SCORED},
        deductions,
        False,
        status,
        sub.file if sub else None,
        sub.submitted_on if sub else None,
        sub.date_source if sub else None,
        reported=sum(r.status is Status.REPORTED for r in mine),
        reference=tuple(_references(mine)),
        awards_given=tuple(drive.awards.given_to(unit.code)),
    )


def _references(results: list[Result]) -> list[Reference]:
    return [
        Reference(r.code, r.value, r.reference)
        for r in results
        if r.status is Status.REPORTED and r.reference is not None
    ]


def _term(
    targets: TargetsFile, drive: DriveFile, report: Report, unit: ReportingUnit, period: Period
) -> TermRecord:
    """The unit's rounds of the term in the report: each earlier year's, then the final round
    itself; and the figures not met in them."""
    term = targets.plan.term
    first = term.from_ if term is not None else period.year
    bad = {Status.NOT_MET} | (set() if drive.awards.near_is_met else {Status.NEAR})
    rounds: list[str] = []
    not_met: list[tuple[str, str]] = []
    for when in [*(Period.quarter(y, 4) for y in range(first, period.year)), period]:
        sub = used_file(unit_files(report, targets, unit.code, when))
        if sub is None:
            continue
        name = round_name(targets, when)
        rounds.append(name)
        not_met += [
            (name, r.code)
            for r in report.results
            if r.file == sub.file and r.status in bad and r.target is not None
        ]
    return TermRecord(tuple(rounds), tuple(not_met))


def _order_key(
    drive: DriveFile, s: Standing, timely: dict[str, RoundStatus]
) -> tuple[Decimal | int, ...]:
    """Smaller is better: the score first, then the tie-break keys in the drive file's order."""
    key: list[Decimal | int] = [-s.score]
    for name in drive.scoring.tie_break:
        if name == "fewer_not_met":
            key.append(s.counts["not_met"])
        elif name == "more_exceeded":
            key.append(-s.counts["exceeded"])
        else:  # earlier_report
            key.append(_receipt_key(s, timely.get(s.unit_code)))
    return tuple(key)


def _receipt_key(s: Standing, timely: RoundStatus | None) -> int:
    """The day of receipt, for the tie-break: a report whose day is unknown counts as received
    on its deadline (never late: it costs nothing); a late one by the day known (written or
    received); no report is last."""
    if s.file is None or timely is None:
        return date.max.toordinal()
    if s.date_source is DateSource.RECEIVED_LOG and s.submitted_on is not None:
        return s.submitted_on.toordinal()
    if timely.status is Timeliness.LATE and s.submitted_on is not None:
        return s.submitted_on.toordinal()
    return timely.deadline.toordinal()


def _candidate(drive: DriveFile, s: Standing, place: int, final: bool) -> Standing:
    """A candidate of the reference list: at the final review only, by the drive file's rule."""
    rule = drive.awards
    term = s.term
    candidate = (
        final
        and s.file is not None
        and place <= rule.top
        and (not rule.no_not_met or (term is not None and not term.not_met))
        and (not rule.on_time or s.timeliness is Timeliness.ON_TIME)
        and (rule.min_score is None or s.score >= rule.min_score)
    )
    return replace(s, rank=place, candidate=candidate)
