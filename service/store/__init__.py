"""The data layer: tables, the engine and sessions, migrations, loading and export, read queries, demand
counts and the load history. Knows nothing of HTTP requests."""
