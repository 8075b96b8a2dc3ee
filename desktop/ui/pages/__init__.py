"""The window's pages: the dashboard, the five registers and the audit log."""
