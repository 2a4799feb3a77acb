"""Storage: typed models, migrations and opening a database."""
