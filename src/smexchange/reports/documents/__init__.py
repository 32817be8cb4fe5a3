"""Report files: PDF and HTML from one template with the charts embedded, XLSX with the data behind them."""

from smexchange.reports.documents.render import render_report

__all__ = ["render_report"]
