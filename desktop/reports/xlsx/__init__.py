"""Excel output (openpyxl, write-only): the audit workbook."""

from desktop.reports.xlsx.audit_workbook import SHEETS, AuditWorkbook, write_audit_workbook

__all__ = ["SHEETS", "AuditWorkbook", "write_audit_workbook"]
