"""Plain Python: value types, validation and the compliance rules. No Qt, no SQL."""
