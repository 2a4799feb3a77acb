"""The Settings section."""
