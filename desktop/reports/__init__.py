"""Read-only outputs: PDF registers (reportlab) and Excel workbooks (openpyxl), fed by service queries."""
