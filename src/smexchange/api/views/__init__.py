"""API views, one module per resource area; the token settings page is the one HTML page here."""
