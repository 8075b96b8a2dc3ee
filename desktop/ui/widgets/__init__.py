"""Reusable input widgets of the record forms: dates that may be empty, text lists, field errors, schema forms."""
