"""The import wizard: people and organisations from vCard, CSV and Excel files."""
