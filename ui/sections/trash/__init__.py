"""sections/trash of the desktop app."""
