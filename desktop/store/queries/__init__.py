"""The queries the services need that depend on the storage technology: the contractor search index (SQLite
FTS5), bulk inserts and id sequences, constraint errors by name, and SQLite files (copies, checks).

A service composes plain ORM selects of the mapped models itself; anything that speaks a dialect's own
language (SQL text, PRAGMAs, FTS5 match strings, sequences, the driver's errors) lives here.
"""
