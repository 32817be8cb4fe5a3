"""SME Exchange: the platform of an alliance of SME trade associations."""

__version__ = "0.1.0"
