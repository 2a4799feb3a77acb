"""sections/history of the desktop app."""
