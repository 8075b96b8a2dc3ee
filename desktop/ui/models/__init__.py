"""Table models of the registers, each fed by a service query (see base.py for the roles they share)."""
