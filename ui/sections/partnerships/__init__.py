"""sections/partnerships of the desktop app."""
