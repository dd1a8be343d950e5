"""Scores and the ranking within each cluster (cụm, khối thi đua), and who is proposed for an
award. Pure and deterministic: the same report and drive file give the same ranking.

The rule (``docs/domain.md``, "Scores and ranking"), all of it data in ``data/drive.yaml``:

* each target that applies to the unit in the round scores the points of its status (exceeded
  1.2, met 1, near 0.5, not met, missing and invalid 0 by default), times its weight (1 unless
  set); only these six statuses score, any other (``reported``, ``pending``) is left out;
* the sum is divided by the sum of the weights, so that a department with 4 targets and a
  district with 30 compare fairly; a unit that sent nothing has all its targets missing;
* deductions are subtracted: a late report (or none), a file with errors; the score is rounded
  to 4 decimals (half up);
* units are ordered by score, then by the tie-break keys in order; units equal on all of them
  share a rank (1, 1, 3) and are listed by unit code;
* proposed for an award: ranked ``top`` or better, and meeting the award rule's conditions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..domain import Period, Status
from ..targets import SCORED, Cluster, DriveFile, ReportingUnit, TargetsFile
from .applicable import base_target
from .calendar import RoundStatus, Timeliness, round_name, round_statuses, unit_files, used_file
from .model import Report

PLACES = Decimal("0.0001")


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
    proposed: bool
    timeliness: Timeliness
    file: str | None = None
    submitted_on: date | None = None


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


def rank(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    cluster: str | None = None,
) -> Ranking:
    """Rank the units of each cluster active in ``period`` (a round) by their score."""
    name = round_name(targets, period)
    timely = {
        row.unit_code: row for row in round_statuses(targets, drive, report, periods=[period])
    }
    clusters = []
    for group in drive.clusters:
        if group.active_in(period) and (cluster is None or group.id == cluster):
            clusters.append(_rank_cluster(targets, drive, report, period, group, timely))
    return Ranking(name, clusters)


def _rank_cluster(
    targets: TargetsFile,
    drive: DriveFile,
    report: Report,
    period: Period,
    group: Cluster,
    timely: dict[str, RoundStatus],
) -> ClusterRanking:
    scored = []
    for code in group.members:
        unit = targets.unit(code)
        if unit is not None and unit.active_in(period):
            status = timely.get(code)
            scored.append(_score(targets, drive, report, period, unit, status))
    keys = [_order_key(drive, s) for s in scored]
    standings = []
    for item, key in sorted(zip(scored, keys, strict=True), key=lambda p: (p[1], p[0].unit_code)):
        place = 1 + sum(other < key for other in keys)
        standings.append(_proposed(drive, item, place))
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
        found = [
            r
            for r in report.results
            if r.file == sub.file and r.status in SCORED and r.target is not None
        ]
        pairs = [(r.code, r.status) for r in found]
    else:  # nothing came: every target that applies to the unit is missing
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
    )


def _order_key(drive: DriveFile, s: Standing) -> tuple[Decimal | int, ...]:
    """Smaller is better: the score first, then the tie-break keys in the drive file's order."""
    key: list[Decimal | int] = [-s.score]
    for name in drive.scoring.tie_break:
        if name == "fewer_not_met":
            key.append(s.counts["not_met"])
        elif name == "more_exceeded":
            key.append(-s.counts["exceeded"])
        else:  # earlier_report; no file is last
            key.append(s.submitted_on.toordinal() if s.submitted_on else date.max.toordinal())
    return tuple(key)


def _proposed(drive: DriveFile, s: Standing, place: int) -> Standing:
    rule = drive.awards
    proposed = (
        s.file is not None
        and place <= rule.top
        and (not rule.no_not_met or s.counts["not_met"] == 0)
        and (not rule.on_time or s.timeliness is Timeliness.ON_TIME)
        and (rule.min_score is None or s.score >= rule.min_score)
    )
    return replace(s, rank=place, proposed=proposed)
