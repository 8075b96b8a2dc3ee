"""SQLAlchemy storage: engine set-up, mapped tables, migrations and the queries services need."""
