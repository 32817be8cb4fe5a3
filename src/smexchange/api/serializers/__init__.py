"""Serializers, one module per resource area."""
