"""``python -m crm``: the same as the ``liaison`` command."""

from crm.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
