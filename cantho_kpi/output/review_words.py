"""The words of the review report (báo cáo sơ kết / tổng kết), in Vietnamese and English."""

from __future__ import annotations

#: The mark of a passage only people can write: visible in the Markdown and in a Word
#: document made from it (an HTML comment would vanish there).
WRITE_MARK = {"vi": "> **[CẦN VIẾT]**", "en": "> **[TO WRITE]**"}

REVIEW_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BÁO CÁO {kind} PHONG TRÀO THI ĐUA",
        "final": "TỔNG KẾT",
        "interim": "SƠ KẾT",
        "made": "_Khung báo cáo do `kpi review` tạo từ số liệu các đơn vị. Các phần đánh dấu "
        "**[CẦN VIẾT]** do người viết soạn; hãy rà soát toàn bộ trước khi ban hành._",
        "when_final": "Thời điểm tổng kết: {when} (tệp phong trào; Kế hoạch, mục III.1.c: "
        "tháng 01 năm 2025).",
        "when_interim": "Thời điểm sơ kết: {when} (tệp phong trào; Kế hoạch, mục III.1.b: "
        "tháng 6 năm 2024).",
        "no_review": "Đợt {round} không phải đợt sơ kết hay tổng kết của tệp phong trào "
        "(calendar.interim_round, calendar.final_round): báo cáo giữa kỳ.",
        "data": "Số liệu sử dụng: đợt {round}{deadline}{estimate}.",
        "deadline": ", hạn nộp {day}",
        "estimate": ", số ước thực hiện (tệp phong trào ghi đợt này báo cáo ước thực hiện)",
        "cut_off": "Số liệu tính đến ngày: {day} (`--as-of`): báo cáo nhận sau ngày này không "
        "được tính.",
        "no_cut_off": "Số liệu: mọi tệp có trong thư mục khi lập khung (không giới hạn ngày; "
        "dùng `--as-of` để chốt số liệu).",
        "files": "Tệp chỉ tiêu: `{targets}`; tệp phong trào: `{drive}`.",
        "s_directing": "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI",
        "w_directing": "Công tác lãnh đạo, chỉ đạo, ban hành văn bản, tuyên truyền, phát động "
        "thi đua; hướng dẫn, kiểm tra, đôn đốc.",
        "launch": "Văn bản phát động của các đơn vị (Kế hoạch, mục IV.2.a; hạn {due}): "
        "{sent}/{total} đơn vị đã gửi ({on_time} đúng hạn, {late} trễ hạn){missing}.",
        "missing": "; chưa gửi: {units}",
        "s_results": "II. KẾT QUẢ THỰC HIỆN",
        "s_table": "Các chỉ tiêu thi đua của thành phố",
        "headline": "{city}: {headline}.",
        "h_code": "Mã",
        "h_name": "Chỉ tiêu",
        "h_target": "Chỉ tiêu KH",
        "h_value": "Thực hiện",
        "h_percent": "% KH",
        "h_change": "So với {round}",
        "h_status": "Đánh giá",
        "percent_note": "_% KH: thực hiện so với mức chỉ tiêu, chỉ với chỉ tiêu một ngưỡng "
        "(≥, ≤, <, >); so với {round}: chênh lệch với cùng kỳ năm trước khi có số liệu._",
        "estimate_all": "_Số liệu đợt {round} là số ước thực hiện theo lịch của tệp phong trào._",
        "estimates": "_Số ước thực hiện: {codes}._",
        "s_not_met": "Các chỉ tiêu chưa đạt",
        "not_met": "- {code} {name}: {value} (chỉ tiêu {target}), {status}.",
        "none_not_met": "Không có chỉ tiêu nào chưa đạt trong số các chỉ tiêu có số liệu.",
        "s_term": "Lũy kế nhiệm kỳ 2020 - 2025",
        "term": "- {code} {name}: {total}/{goal} {unit} ({percent} %) sau {n} năm ({years}); "
        "tiến độ: {status}.",
        "provisional": "_* số liệu chưa cả năm._",
        "none_term": "Chưa có số liệu lũy kế.",
        "s_progress": "Tiến độ thực hiện đến năm 2025",
        "progress": "{city}, đến năm {year} (phương pháp tiến độ SDG của Liên Hợp Quốc, xem "
        "`kpi progress`): {counts} (trên {total} chỉ tiêu).",
        "progress_mark": "Tiến độ đến năm 2025 (cần số liệu ít nhất hai năm; chạy `kpi review` "
        "trên cả thư mục lưu trữ, hoặc điền tay).",
        "s_reference": "Số liệu của các đơn vị so với chỉ tiêu bình quân của thành phố "
        "(chỉ để tham khảo)",
        "reference_intro": "_Các đơn vị chưa có chỉ tiêu riêng cho các chỉ tiêu này (văn bản "
        "phát động hoặc văn bản thành phố giao): số liệu được ghi nhận, không đánh giá đạt hay "
        "không đạt; chỉ tiêu của thành phố ghi bên cạnh để tham khảo._",
        "reference": "- {code} {name} (thành phố: {plan}): {units}.",
        "s_reports": "Báo cáo của các đơn vị, đợt {round}",
        "reports": "{received}/{total} đơn vị đã gửi báo cáo: {on_time} đúng hạn, {late} trễ "
        "hạn, {unknown} chưa rõ ngày nhận; {not_received} chưa gửi{not_due}.",
        "not_due": ", {n} chưa đến hạn",
        "late": "- Trễ hạn: {units}.",
        "not_received": "- Chưa gửi: {units}.",
        "unknown": "- Chưa rõ ngày nhận (ghi vào sổ nhận received.csv): {units}.",
        "unreadable": "- Tệp không đọc được, đề nghị gửi lại: {units}.",
        "s_final_reports": "Báo cáo tổng kết của các đơn vị",
        "final_reports": "Báo cáo tổng kết của các đơn vị (Kế hoạch, mục IV.2.c; hạn {due}): "
        "{sent}/{total} đơn vị đã gửi ({on_time} đúng hạn, {late} trễ hạn){missing}.",
        "s_ranking": "Xếp hạng thi đua theo cụm, khối (để tham khảo)",
        "s_shortcomings": "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "w_shortcomings": "Tồn tại, hạn chế (các chỉ tiêu chưa đạt: mục II).",
        "w_causes": "Nguyên nhân khách quan, chủ quan.",
        "s_lessons": "IV. BÀI HỌC KINH NGHIỆM",
        "w_lessons": "Bài học kinh nghiệm.",
        "s_awards": "V. KHEN THƯỞNG (Kế hoạch, mục III.2)",
        "kind": "**{name}** ({plan}): {authority} xét tặng; đối tượng: {recipients}.",
        "unit_head": "Do thủ trưởng từng cơ quan, đơn vị, địa phương xét tặng theo thẩm "
        "quyền: `kpi` không lập danh sách cho khen thưởng này.",
        "w_unit_head": "Kết quả khen thưởng {name} của các cơ quan, đơn vị, địa phương (nếu có).",
        "not_this_review": "Không xét ở đợt {review} này; xét vào dịp tổng kết (đợt {round}).",
        "candidates_intro": "Danh sách tham khảo (không phải đề nghị khen thưởng), để các đơn "
        "vị bình xét (Kế hoạch, mục IV.2.c) và Hội đồng Thi đua - Khen thưởng xem xét:",
        "candidates": "- {cluster}: {units}.",
        "no_candidates": "- {cluster}: không có đơn vị đáp ứng điều kiện của tệp phong trào.",
        "basis": "xét trên {rounds}",
        "w_candidates": "Ý kiến bình xét của các đơn vị và đề xuất của Hội đồng Thi đua - "
        "Khen thưởng.",
        "s_next": "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ{when}",
        "next_interim": " 6 THÁNG CUỐI NĂM",
        "w_next": "Phương hướng, nhiệm vụ, giải pháp thời gian tới; đề xuất, kiến nghị.",
        "nobody": "không có",
    },
    "en": {
        "title": "{kind} REVIEW OF THE EMULATION DRIVE",
        "final": "FINAL",
        "interim": "INTERIM",
        "made": "_Skeleton made by `kpi review` from the units' figures. The passages marked "
        "**[TO WRITE]** are for the writer; review it all before it is issued._",
        "when_final": "Final review: {when} (drive file; the plan, III.1.c: January 2025).",
        "when_interim": "Interim review: {when} (drive file; the plan, III.1.b: June 2024).",
        "no_review": "Round {round} is neither the interim nor the final review's round of the "
        "drive file (calendar.interim_round, calendar.final_round): an in-between report.",
        "data": "Figures used: round {round}{deadline}{estimate}.",
        "deadline": ", due {day}",
        "estimate": ", estimates (the drive file says the round is reported as estimates)",
        "cut_off": "Data cut-off: {day} (`--as-of`): reports received after it are left out.",
        "no_cut_off": "Data: every file in the folders when the skeleton was made (no cut-off; "
        "give `--as-of` to set one).",
        "files": "Targets file: `{targets}`; drive file: `{drive}`.",
        "s_directing": "I. LEADERSHIP, DIRECTION AND ORGANISATION",
        "w_directing": "Leadership and direction, documents issued, communication, launching "
        "the drive; guidance, checks and reminders.",
        "launch": "Units' launch documents (the plan, IV.2.a; due {due}): {sent}/{total} units "
        "sent one ({on_time} on time, {late} late){missing}.",
        "missing": "; not sent: {units}",
        "s_results": "II. RESULTS",
        "s_table": "The city's targets",
        "headline": "{city}: {headline}.",
        "h_code": "Code",
        "h_name": "Target",
        "h_target": "Plan",
        "h_value": "Figure",
        "h_percent": "% of target",
        "h_change": "Change on {round}",
        "h_status": "Status",
        "percent_note": "_% of target: the figure against the bound, for one-sided targets "
        "(≥, ≤, <, >) only; change on {round}: the difference with the same round a year "
        "before, where the figures have it._",
        "estimate_all": "_The figures of round {round} are estimates, as the drive file's "
        "calendar says._",
        "estimates": "_Estimates: {codes}._",
        "s_not_met": "Targets not met",
        "not_met": "- {code} {name}: {value} (target {target}), {status}.",
        "none_not_met": "No target with figures is not met.",
        "s_term": "Term totals, 2020 - 2025",
        "term": "- {code} {name}: {total} of {goal} {unit} ({percent} %) after {n} years "
        "({years}); progress: {status}.",
        "provisional": "_* not a whole year's figure._",
        "none_term": "No term total yet.",
        "s_progress": "Progress toward 2025",
        "progress": "{city}, toward {year} (the UN SDG progress method, see `kpi progress`): "
        "{counts} (of {total} targets).",
        "progress_mark": "Progress toward 2025 (needs figures of two years or more: run "
        "`kpi review` on the whole archive, or write it by hand).",
        "s_reference": "Units' figures beside the city's averages (for reference only)",
        "reference_intro": "_These units set no target of their own for these figures (in a "
        "launch document or one the city assigned): the figures are recorded, not judged; the "
        "city's target is shown beside them for reference._",
        "reference": "- {code} {name} (city: {plan}): {units}.",
        "s_reports": "Units' reports, round {round}",
        "reports": "{received}/{total} units sent their report: {on_time} on time, {late} late, "
        "{unknown} with the day of receipt unknown; {not_received} not sent{not_due}.",
        "not_due": ", {n} not due yet",
        "late": "- Late: {units}.",
        "not_received": "- Not sent: {units}.",
        "unknown": "- Day of receipt unknown (write it into received.csv): {units}.",
        "unreadable": "- File unreadable, to be sent again: {units}.",
        "s_final_reports": "Units' final reports",
        "final_reports": "Units' final reports (the plan, IV.2.c; due {due}): {sent}/{total} "
        "units sent one ({on_time} on time, {late} late){missing}.",
        "s_ranking": "Ranking per cluster (for reference)",
        "s_shortcomings": "III. SHORTCOMINGS AND THEIR CAUSES",
        "w_shortcomings": "Shortcomings (the targets not met: section II).",
        "w_causes": "Causes, external and internal.",
        "s_lessons": "IV. LESSONS",
        "w_lessons": "Lessons learnt.",
        "s_awards": "V. AWARDS (the plan, III.2)",
        "kind": "**{name}** ({plan}): given by {authority}; to: {recipients}.",
        "unit_head": "Given by each head of a department, district or commune under their "
        "own authority: `kpi` makes no list for it.",
        "w_unit_head": "The {name} given by the departments, districts and communes (if any).",
        "not_this_review": "Not given at this {review} review; at the final review (round "
        "{round}).",
        "candidates_intro": "A reference list (not a proposal), for the units' deliberation "
        "(the plan, IV.2.c) and the Emulation and Commendation Council's consideration:",
        "candidates": "- {cluster}: {units}.",
        "no_candidates": "- {cluster}: no unit meets the drive file's conditions.",
        "basis": "judged on {rounds}",
        "w_candidates": "The units' deliberation and the Council's proposal.",
        "s_next": "VI. DIRECTIONS AND TASKS{when}",
        "next_interim": " FOR THE SECOND HALF OF THE YEAR",
        "w_next": "Directions, tasks and measures ahead; proposals.",
        "nobody": "none",
    },
}
