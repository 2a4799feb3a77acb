"""widgets of the desktop app."""
