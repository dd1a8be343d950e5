"""The skeleton of the drive's review report (báo cáo sơ kết / tổng kết) as Markdown, in
Vietnamese by default: every section is made from the same data as the tables of `kpi check`,
`kpi chase` and `kpi rank`. A string; nothing is written here.

Markdown was chosen over a workbook: a department's review report is a text document that is
pasted into the official template (Word), and Markdown converts to it (pandoc) or pastes as is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..domain import LABEL, ORDER, Lang, Status, round_label
from ..report import (
    PROGRESS_LABEL,
    LaunchStatus,
    ProgressReport,
    Ranking,
    Report,
    RoundStatus,
    Timeliness,
    headline_text,
)
from ..targets import DriveFile
from .drive_data import day_text, rank_markdown, timeliness_text

#: Where the progress statement goes when the files hold fewer than two years (fill it by hand,
#: or run `kpi review` on the whole archive).
PROGRESS_MARK = (
    "<!-- kpi progress: tiến độ đến năm 2025 (cần số liệu ít nhất hai năm; điền tay) -->"
)

_TEXT = {
    "vi": {
        "title": "BÁO CÁO {kind} PHONG TRÀO THI ĐUA",
        "final": "TỔNG KẾT",
        "interim": "SƠ KẾT",
        "made": "_Khung báo cáo do `kpi review` tạo từ số liệu các đơn vị; "
        "hãy rà soát và bổ sung trước khi ban hành._",
        "results": "I. Kết quả thực hiện các chỉ tiêu",
        "round_line": "- Đợt {round}: {files} báo cáo được đánh giá; {good} lượt chỉ tiêu "
        "đạt hoặc vượt trên {total} lượt đánh giá ({counts}).",
        "city": "- {city}: {headline}.",
        "progress_line": "- {city}, đến năm {year} (phương pháp tiến độ SDG của Liên Hợp Quốc, "
        "xem `kpi progress`): {counts} (trên {total} chỉ tiêu).",
        "progress": "II. Tiến độ thực hiện đến năm 2025",
        "late": "III. Đơn vị nộp báo cáo trễ hạn hoặc chưa nộp",
        "none_late": "Tất cả đơn vị nộp báo cáo đúng hạn.",
        "launch": "Văn bản phát động phong trào (hạn {due}):",
        "none_launch": "Tất cả đơn vị đã gửi văn bản phát động đúng hạn.",
        "ranking": "IV. Xếp hạng thi đua theo cụm, khối",
        "awards": "V. Đề nghị khen thưởng",
        "proposal": "- {cluster}: đề nghị tặng {award} cho {units}.",
        "no_proposal": "- {cluster}: không có đơn vị đủ điều kiện đề nghị khen thưởng.",
    },
    "en": {
        "title": "{kind} REVIEW OF THE EMULATION DRIVE",
        "final": "FINAL",
        "interim": "INTERIM",
        "made": "_Skeleton made by `kpi review` from the units' figures; review and complete it._",
        "results": "I. Targets",
        "round_line": "- Round {round}: {files} reports evaluated; {good} target results met or "
        "exceeded out of {total} judged ({counts}).",
        "city": "- {city}: {headline}.",
        "progress_line": "- {city}, toward {year} (the UN SDG progress method, see "
        "`kpi progress`): {counts} (of {total} targets).",
        "progress": "II. Progress toward 2025",
        "late": "III. Units late or missing",
        "none_late": "Every unit reported on time.",
        "launch": "Launch documents (due {due}):",
        "none_launch": "Every unit sent its launch document on time.",
        "ranking": "IV. Ranking per cluster",
        "awards": "V. Award proposals",
        "proposal": "- {cluster}: {award} proposed for {units}.",
        "no_proposal": "- {cluster}: no unit qualifies for an award.",
    },
}


@dataclass(frozen=True, slots=True)
class ReviewData:
    drive: DriveFile
    report: Report  # the round under review only
    rounds: list[RoundStatus]
    launch: list[LaunchStatus]
    ranking: Ranking
    final: bool
    city: str = "Thành phố"
    progress: ProgressReport | None = None  # when the files hold two years or more


def review_markdown(data: ReviewData, lang: Lang = "vi") -> str:
    text = _TEXT[lang]
    kind = text["final" if data.final else "interim"]
    lines = [f"# {text['title'].format(kind=kind)}", "", f"**{data.drive.name}**", ""]
    lines += [text["made"], "", f"## {text['results']}", ""]
    lines += _results(data, lang)
    lines += ["", f"## {text['progress']}", "", _progress(data, lang), ""]
    lines += [f"## {text['late']}", "", *_late(data, lang)]
    lines += ["", f"## {text['ranking']}", "", rank_markdown(data.ranking, lang).rstrip(), ""]
    lines += [f"## {text['awards']}", "", *_awards(data, lang)]
    return "\n".join(lines) + "\n"


def _results(data: ReviewData, lang: Lang) -> list[str]:
    """The round under review: its counts (statuses that judge a figure), and the city's
    headline as `kpi check` gives it."""
    text, report = _TEXT[lang], data.report
    lines = []
    for name in report.rounds:
        mine = [r for r in report.results if r.round == name and r.status in ORDER]
        counts = Counter(r.status for r in mine)
        good = counts[Status.MET] + counts[Status.EXCEEDED]
        files = len({r.file for r in report.results if r.round == name and r.file})
        shown = ", ".join(f"{LABEL[lang][s]} {counts[s]}" for s in ORDER if counts[s])
        lines.append(
            text["round_line"].format(
                round=round_label(name, lang), files=files, good=good, total=len(mine), counts=shown
            )
        )
        found = report.headline(name, report.city_code) if report.city_code else None
        if found is not None:
            lines.append(text["city"].format(city=data.city, headline=headline_text(found, lang)))
    return lines


def _progress(data: ReviewData, lang: Lang) -> str:
    progress = data.progress
    if progress is None:
        return PROGRESS_MARK
    counts = ", ".join(
        f"{n} {PROGRESS_LABEL[lang][status].lower()}"
        for status, n in progress.plan_targets.items()
        if n
    )
    total = sum(progress.plan_targets.values())
    return _TEXT[lang]["progress_line"].format(
        city=data.city, year=progress.term.to, counts=counts, total=total
    )


def _late(data: ReviewData, lang: Lang) -> list[str]:
    text = _TEXT[lang]
    bad = (Timeliness.LATE, Timeliness.NOT_RECEIVED)
    rows = [r for r in data.rounds if r.status in bad]
    lines = [
        f"- {r.unit_code} ({r.unit}), {r.round}: "
        f"{timeliness_text(r.status, r.days_late, lang, r.unreliable)}"
        + (f" ({day_text(r.submitted_on)})" if r.submitted_on else "")
        for r in rows
    ] or [text["none_late"]]
    docs = [d for d in data.launch if d.status in bad]
    if data.launch:
        lines += ["", text["launch"].format(due=day_text(data.launch[0].due)), ""]
        lines += [
            f"- {d.unit_code} ({d.unit}): {timeliness_text(d.status, d.days_late, lang)}"
            + (f" ({day_text(d.received)})" if d.received else "")
            for d in docs
        ] or [text["none_launch"]]
    return lines


def _awards(data: ReviewData, lang: Lang) -> list[str]:
    text = _TEXT[lang]
    lines = []
    for cluster in data.ranking.clusters:
        units = [f"{s.unit} ({s.unit_code})" for s in cluster.ranking if s.proposed]
        if units:
            awards = data.drive.awards
            award = awards.award_vi if data.final else awards.interim_award_vi
            lines.append(
                text["proposal"].format(cluster=cluster.name, award=award, units=", ".join(units))
            )
        else:
            lines.append(text["no_proposal"].format(cluster=cluster.name))
    return lines
