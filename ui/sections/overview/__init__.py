"""sections/overview of the desktop app: the first screen."""
