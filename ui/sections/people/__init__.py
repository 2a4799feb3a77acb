"""sections/people of the desktop app."""
