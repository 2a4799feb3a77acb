"""sections of the desktop app."""
