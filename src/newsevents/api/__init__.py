"""The REST API over a store, and the dashboard it serves (see docs/dashboard.md)."""

from newsevents.api.app import create_app

__all__ = ["create_app"]
