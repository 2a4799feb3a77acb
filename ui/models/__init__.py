"""models of the desktop app."""
