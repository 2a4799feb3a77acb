"""Build a synthetic large office for the benchmarks: 100,000 people, 20,000 organisations,
1,000,000 correspondence entries (sizes adjustable), through Core-level bulk inserts.

The ORM would take minutes for this (about 100 s for 100k people with contacts); raw
executemany inside one transaction takes seconds. The search index is filled the same way the
services fill it (text folded by crm.text.fold).
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from crm.db.database import Database
from crm.search.index import KIND_CODES
from crm.text import fold

GIVEN = (
    "Anna Gabriele Jürgen Natalja Ilze Jānis Līga Mārtiņš Björn Åsa Øystein Ingrid Sören Märta "
    "Oleksandr Olena Вікторія Дмитро Zbigniew Małgorzata Łukasz Agnieszka Jiří Eliška Tomáš "
    "Giulia Marco François Hélène Nguyễn Thảo Minh Abebe Tigist Yael Noa Ji-woo Seo-yeon Li Wei "
    "Sophie Thomas Katrin Matthias Ulrike Bernd Sabine Klaus"
).split()
FAMILY = (
    "Goldfuß Müller Schröder Weiß Vecvagare Bērziņš Kalniņa Ozoliņš Åberg Lindqvist Nyström "
    "Sørensen Kowalski Wiśniewska Dvořák Novák Bianchi Dubois Lefèvre Trần Lê Phạm Tesfaye "
    "Mengistu Cohen Levi Kim Park Zhang Wang Шевченко Коваленко Papadopoulos Nikolaidis "
    "Hoffmann Becker Wagner Schulz Krüger Zimmermann Braun Hartmann Lange Werner Schmitt Köhler"
).split()
FUNCTIONS = (
    "Oberbürgermeister",
    "Referatsleiterin",
    "Sachbearbeiter",
    "Protokollchefin",
    "Botschafter",
    "Konsulin",
    "Projektleiter",
    "Vorsitzende",
    "Dolmetscherin",
    "Stadtrat",
    "Rektor",
)
ORG_WORDS = (
    "Stadtverwaltung",
    "Botschaft",
    "Verein",
    "Universität",
    "Stiftung",
    "Kammer",
    "Institut",
    "Theater",
    "Gymnasium",
    "Klinikum",
    "Partnerschaftsverein",
    "Netzwerk",
)
CITIES = (
    "Leipzig",
    "Liepāja",
    "Göteborg",
    "Kraków",
    "Brno",
    "Lyon",
    "Київ",
    "Nanjing",
    "Herzliya",
    "Thessaloniki",
    "Travnik",
    "Houston",
    "Birmingham",
    "Bologna",
    "Gdańsk",
    "Århus",
    "Åbo",
)
SUBJECTS = (
    "Einladung zum Stadtfest",
    "Besuch der Delegation",
    "Projektantrag Mobilität",
    "Jahresbericht Partnerschaft",
    "Dank für die Gastfreundschaft",
    "Terminabstimmung",
    "Schüleraustausch",
    "Klimapartnerschaft",
    "Kulturwoche",
    "Rettungswesen Kooperation",
    "Evaluierung der Städtepartnerschaft",
    "Glückwünsche zum Jubiläum",
    "Fachaustausch Verwaltung",
)


def build(
    path: Path,
    people: int = 100_000,
    organisations: int = 20_000,
    correspondence: int = 1_000_000,
    seed: int = 7,
) -> dict[str, float]:
    """Create the office at ``path``; returns the seconds each stage took."""
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    Database.open(path).close()  # schema via the migrations, as a user's file gets it
    timings: dict[str, float] = {}
    connection = sqlite3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = OFF")  # bulk load only; the app uses FULL
    connection.execute("BEGIN")
    now = datetime.now(UTC).replace(tzinfo=None)

    started = time.perf_counter()
    org_rows = []
    org_fts = []
    for org_id in range(1, organisations + 1):
        name = f"{rng.choice(ORG_WORDS)} {rng.choice(CITIES)} {org_id}"
        org_rows.append((org_id, name, "other", rng.choice(CITIES), fold(name), now, now))
        org_fts.append((org_id * 8 + KIND_CODES["organisation"], fold(name), "", name, ""))
    connection.executemany(
        "INSERT INTO organisations (id, name, kind, city, sort_name, created_at, updated_at, "
        "version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        org_rows,
    )
    connection.executemany(
        "INSERT INTO search_records (rowid, name, body, label, detail) VALUES (?, ?, ?, ?, ?)",
        org_fts,
    )
    timings["organisations"] = time.perf_counter() - started

    started = time.perf_counter()
    person_rows, contacts, affiliations, person_fts = [], [], [], []
    for person_id in range(1, people + 1):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY) + rng.choice(("", "", "-Berg", "ek"))
        function = rng.choice(FUNCTIONS)
        person_rows.append(
            (person_id, given, family, function, "DE", fold(f"{family} {given}"), now, now)
        )
        email = f"{fold(given)}.{fold(family)}{person_id}@example.org".replace(" ", "")
        phone = f"+49341{person_id:07d}"
        contacts.append((person_id, "email", email, email, 1, 0))
        contacts.append((person_id, "phone", phone, phone, 1, 1))
        affiliations.append((person_id, rng.randint(1, organisations), function))
        label = f"{given} {family}"
        person_fts.append(
            (
                person_id * 8 + KIND_CODES["person"],
                fold(label),
                fold(f"{function} {email}"),
                label,
                function,
            )
        )
    connection.executemany(
        "INSERT INTO people (id, given_name, family_name, function, country, sort_name, "
        "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
        person_rows,
    )
    connection.executemany(
        "INSERT INTO contact_points (person_id, kind, value, normalized, is_primary, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        contacts,
    )
    connection.executemany(
        "INSERT INTO affiliations (person_id, organisation_id, function, is_primary) "
        "VALUES (?, ?, ?, 1)",
        affiliations,
    )
    connection.executemany(
        "INSERT INTO search_records (rowid, name, body, label, detail) VALUES (?, ?, ?, ?, ?)",
        person_fts,
    )
    timings["people"] = time.perf_counter() - started

    started = time.perf_counter()
    first_day = date(2000, 1, 1)
    batch: list[tuple[object, ...]] = []
    fts_batch: list[tuple[int, str]] = []
    for entry_id in range(1, correspondence + 1):
        day = first_day + timedelta(days=entry_id * 9600 // correspondence)
        subject = f"{rng.choice(SUBJECTS)} {rng.choice(CITIES)}"
        reference = f"IZ-{day.year}-{entry_id:07d}"
        counterpart = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        batch.append(
            (
                entry_id,
                rng.choice(("incoming", "outgoing")),
                "letter",
                day,
                reference,
                subject,
                counterpart,
                "done",
                now,
                now,
            )
        )
        fts_batch.append((entry_id, fold(f"{reference} {subject} {counterpart}")))
        if len(batch) == 50_000:
            _flush_correspondence(connection, batch, fts_batch)
    _flush_correspondence(connection, batch, fts_batch)
    timings["correspondence"] = time.perf_counter() - started

    started = time.perf_counter()
    connection.execute("COMMIT")
    connection.execute("PRAGMA optimize")
    connection.execute("INSERT INTO search_records(search_records) VALUES ('optimize')")
    connection.execute(
        "INSERT INTO search_correspondence(search_correspondence) VALUES ('optimize')"
    )
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    timings["commit and optimize"] = time.perf_counter() - started
    return timings


def _flush_correspondence(
    connection: sqlite3.Connection,
    batch: list[tuple[object, ...]],
    fts_batch: list[tuple[int, str]],
) -> None:
    connection.executemany(
        "INSERT INTO correspondence (id, direction, channel, date, reference, subject, "
        "counterpart_text, status, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        batch,
    )
    connection.executemany(
        "INSERT INTO search_correspondence (rowid, body) VALUES (?, ?)", fts_batch
    )
    batch.clear()
    fts_batch.clear()
