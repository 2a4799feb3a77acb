"""search of the desktop app."""
