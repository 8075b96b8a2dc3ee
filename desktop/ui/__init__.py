"""The PySide6 window: it talks to services only (see desktop.app.build_services)."""
