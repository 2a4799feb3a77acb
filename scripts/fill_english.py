"""English is the source language: its catalog repeats each message, so it is complete."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(path: Path) -> None:
    with path.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        if not message.id:
            continue
        message.string = message.id  # a tuple (singular, plural) for plural messages
        message.flags.discard("fuzzy")
    with path.open("wb") as stream:
        write_po(stream, catalog, width=100, omit_header=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
