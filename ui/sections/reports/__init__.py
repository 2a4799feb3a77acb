"""The Reports section: printed overviews, and the preview, printing and saving they share."""
