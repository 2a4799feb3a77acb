"""Projects and events: projects with partnership, theme, funder, budget and period; events."""
