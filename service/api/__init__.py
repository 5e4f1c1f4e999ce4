"""The HTTP API: one blueprint per resource, registered under `/api/v1` by the app factory."""
