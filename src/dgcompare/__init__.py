"""dgcompare: compare national digital-government principle sets."""

__version__ = "0.1.0"
