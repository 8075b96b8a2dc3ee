"""The compliance read model and the service that keeps it (see `model.py`, `service.py`).

Importing the package imports nothing of SQLAlchemy: the window's first paint uses `preview` and `model`
before the storage layer is loaded; `service` is imported by the composition root.
"""
