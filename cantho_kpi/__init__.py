"""cantho_kpi: track the targets of Cần Thơ's plan 33/KH-UBND (2024) from units' spreadsheets."""

import os

__version__ = "0.1.0.dev0"

# openpyxl takes lxml's XML writer and parser whenever lxml is installed (python-docx needs it):
# keep it on the standard library's, with defusedxml for what it parses, so that a workbook kpi
# writes is the same bytes with or without lxml, and the fallback reader's guard stays the one
# the README names. Set before openpyxl is first imported; a value the user set is kept.
os.environ.setdefault("OPENPYXL_LXML", "False")
