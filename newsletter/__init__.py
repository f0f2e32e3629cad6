"""newsletter: an offline, printable crisis-newsletter generator."""

__version__ = "0.1.0"
