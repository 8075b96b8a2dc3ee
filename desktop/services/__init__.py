"""Use cases, each one transaction: they validate, write the audit trail, and raise ItakuError subclasses."""
