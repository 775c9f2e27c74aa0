"""DRF plumbing every API module shares: parsers, throttles, pagination and the
exception handler (the case apps import these, never apps.api)."""
