"""The words of the review as a Word document that the Markdown has not: the frame of an
administrative document (Nghị định 30/2020/NĐ-CP, appendix I), in Vietnamese and English. The
review's own words are in :mod:`.review_words`."""

from __future__ import annotations

DOCX_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: ",
        "date": "{place}, ngày {day} tháng {month} năm {year}",
        "type": "BÁO CÁO",
        "summary": "{kind} {name}",
        "interim": "Sơ kết",
        "final": "Tổng kết",
        "recipients": "Nơi nhận:",
        "mark": "[CẦN VIẾT]",
        # places to write, for the settings the drive file's 'document' leaves out
        "p_issuer": "[TÊN CƠ QUAN BAN HÀNH]",
        "p_number": "{number}/BC-......",
        "p_place": "[Địa danh]",
        "p_authority": "[QUYỀN HẠN NGƯỜI KÝ]",
        "p_title": "[CHỨC VỤ NGƯỜI KÝ]",
        "p_name": "[Họ và tên]",
        "p_recipients": "[Nơi nhận]",
        "p_archive": "Lưu: VT",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "number": "No.: ",
        "date": "{place}, {day}/{month}/{year}",
        "type": "REPORT",
        "summary": "{kind}: {name}",
        "interim": "Interim review",
        "final": "Final review",
        "recipients": "Recipients:",
        "mark": "[TO WRITE]",
        "p_issuer": "[ISSUING BODY]",
        "p_number": "{number}/BC-......",
        "p_place": "[Place]",
        "p_authority": "[ON BEHALF OF]",
        "p_title": "[SIGNER'S TITLE]",
        "p_name": "[Full name]",
        "p_recipients": "[Recipients]",
        "p_archive": "Archived: VT",
    },
}
