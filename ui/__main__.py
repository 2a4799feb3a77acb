"""``python -m ui [DATABASE]`` opens the desktop app (the ``liaison`` command does the same)."""

from __future__ import annotations

import sys

from ui.app import run_app

if __name__ == "__main__":
    sys.exit(run_app(sys.argv[1] if len(sys.argv) > 1 else None, sys.argv[:1]))
