"""Liaison's core library: domain, storage, services, search and command line.

This package never imports PySide6 or ``ui``; a test enforces it.
"""

__version__ = "0.1.0"
