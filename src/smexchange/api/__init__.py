"""The REST API under /api/v1/: read the platform's data, send and answer meeting requests."""
