"""Exchange with other programs: import and export of lists, contacts and calendars."""
