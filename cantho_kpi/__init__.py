"""cantho_kpi: track the targets of Cần Thơ's plan 33/KH-UBND (2024) from units' spreadsheets."""

__version__ = "0.1.0.dev0"
