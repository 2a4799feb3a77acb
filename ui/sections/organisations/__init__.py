"""sections/organisations of the desktop app."""
