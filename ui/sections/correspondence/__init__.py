"""sections/correspondence of the desktop app: the correspondence register."""
