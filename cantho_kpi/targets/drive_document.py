"""The review as an administrative document (``kpi review -o FILE.docx``), in the form of
Nghị định 30/2020/NĐ-CP, appendix I: who issues it, its number, the place it is issued at, who
signs it and to whom it goes. The ``document`` key of the drive file; every key is optional,
and what is not set is a highlighted place to write in the document. Pure: no I/O."""

from __future__ import annotations

from pydantic import Field

from .fields import Strict, Text

#: Where the number goes in ``document.number``: the office's clerk (văn thư) writes it when
#: the report is issued, so the document leaves it blank.
NUMBER_MARK = "{number}"
#: The most recipients ("Nơi nhận") a document lists.
MAX_RECIPIENTS = 100


class ReviewDocument(Strict):
    """The settings of the review as a Word document."""

    parent: Text | None = Field(
        default=None,
        description="Tên cơ quan chủ quản trực tiếp, above the issuer (in capitals)",
    )
    issuer: Text | None = Field(
        default=None, description="Tên cơ quan ban hành: ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    )
    number: Text | None = Field(
        default=None,
        description="Số, ký hiệu after 'Số:', with {number} where the clerk writes the "
        "number: {number}/BC-UBND",
    )
    place: Text | None = Field(default=None, description="Địa danh: Cần Thơ")
    signer_authority: Text | None = Field(
        default=None, description="Quyền hạn của người ký: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
    )
    signer_title: Text | None = Field(default=None, description="Chức vụ: CHỦ TỊCH")
    signer_name: Text | None = Field(default=None, description="Họ và tên người ký")
    recipients: list[Text] = Field(
        default_factory=list,
        max_length=MAX_RECIPIENTS,
        description="Nơi nhận, one per line, the last usually 'Lưu: VT, ...'",
    )
