"""The skeleton of the drive's review report (báo cáo sơ kết / tổng kết) as Markdown, in
Vietnamese by default: every section is made from the same data as the tables of `kpi check`,
`kpi chase` and `kpi rank`. A string; nothing is written here.

Markdown was chosen over a workbook: a department's review report is a text document that is
pasted into the official template (Word), and Markdown converts to it (pandoc) or pastes as is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..domain import LABEL, Lang, Status
from ..report import LaunchStatus, Ranking, Report, RoundStatus, Timeliness
from ..targets import DriveFile
from .drive_data import day_text, rank_markdown, timeliness_text

#: Where `kpi progress` (built separately) will put its statement; replace it by hand until then.
PROGRESS_MARK = "<!-- kpi progress: tiến độ đến năm 2025 (chưa có; điền tay) -->"

_TEXT = {
    "vi": {
        "title": "BÁO CÁO {kind} PHONG TRÀO THI ĐUA",
        "final": "TỔNG KẾT",
        "interim": "SƠ KẾT",
        "made": "_Khung báo cáo do `kpi review` tạo từ số liệu các đơn vị; "
        "hãy rà soát và bổ sung trước khi ban hành._",
        "results": "I. Kết quả thực hiện các chỉ tiêu",
        "round_line": "- Kỳ {round}: {files} báo cáo được đánh giá; {good} lượt chỉ tiêu "
        "đạt hoặc vượt trên {total} lượt đánh giá ({counts}).",
        "city": "- Thành phố (báo cáo {file}): đạt hoặc vượt {good}/{total} chỉ tiêu.",
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
        "exceeded out of {total} ({counts}).",
        "city": "- The city (report {file}): {good}/{total} targets met or exceeded.",
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
    report: Report
    rounds: list[RoundStatus]
    launch: list[LaunchStatus]
    ranking: Ranking
    final: bool


def review_markdown(data: ReviewData, lang: Lang = "vi") -> str:
    text = _TEXT[lang]
    kind = text["final" if data.final else "interim"]
    lines = [f"# {text['title'].format(kind=kind)}", "", f"**{data.drive.name}**", ""]
    lines += [text["made"], "", f"## {text['results']}", ""]
    lines += _results(data.report, lang)
    lines += ["", f"## {text['progress']}", "", PROGRESS_MARK, ""]
    lines += [f"## {text['late']}", "", *_late(data, lang)]
    lines += ["", f"## {text['ranking']}", "", rank_markdown(data.ranking, lang).rstrip(), ""]
    lines += [f"## {text['awards']}", "", *_awards(data, lang)]
    return "\n".join(lines) + "\n"


def _results(report: Report, lang: Lang) -> list[str]:
    text = _TEXT[lang]
    lines = []
    for period in report.periods:
        mine = [r for r in report.results if r.period == period]
        counts = Counter(r.status for r in mine)
        good = counts[Status.MET] + counts[Status.EXCEEDED]
        files = len({r.file for r in mine})
        shown = ", ".join(f"{LABEL[lang][s]} {counts[s]}" for s in Status if counts[s])
        lines.append(
            text["round_line"].format(
                round=period, files=files, good=good, total=len(mine), counts=shown
            )
        )
        city = [r for r in mine if r.unit_code == "CT"]
        if city:
            met = sum(r.status in (Status.MET, Status.EXCEEDED) for r in city)
            name = (city[0].file or "").replace("\\", "/").rsplit("/", 1)[-1]
            lines.append(text["city"].format(file=name, good=met, total=len(city)))
    return lines


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
            award = data.drive.awards.award_vi
            lines.append(
                text["proposal"].format(cluster=cluster.name, award=award, units=", ".join(units))
            )
        else:
            lines.append(text["no_proposal"].format(cluster=cluster.name))
    return lines
