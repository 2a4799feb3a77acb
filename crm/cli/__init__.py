"""The ``liaison`` command line: the desktop app without a subcommand, scripts and tests with one.

Start-up stays light: SQLAlchemy, Alembic and the rest are imported inside the commands.
"""
