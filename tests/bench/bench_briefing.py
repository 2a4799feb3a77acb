"""Benchmark: the delegation briefing of a 30-member delegation with a 3-day, 25-item programme.

    .venv/bin/python tests/bench/bench_briefing.py [--runs N] [--keep PDF]

Builds the office in a temporary database (members named in Latin, Cyrillic, Greek, Hebrew,
Arabic, Chinese, Japanese, Korean and Ethiopic script, every one with phones, fax and email),
then, in a fresh process, times the first briefing (importing ReportLab and registering the
fonts it needs included) and then N more, after the fonts are loaded.

Budget (issue 4): 150 ms per briefing once the fonts are loaded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

BUDGET_MS = 150.0
MEMBERS = 30
PROGRAMME = 25

NAMES = (
    ("Jānis", "Ķēniņš", None),
    ("Olena", "Kovalenko", "Олена Коваленко"),
    ("Giorgos", "Papadopoulos", "Γιώργος Παπαδόπουλος"),
    ("Avi", "Levi", "אבי לוי"),
    ("Layla", "Haddad", "ليلى حداد"),
    ("Lihua", "Wang", "王丽华"),
    ("Hanako", "Tanaka", "田中花子"),
    ("Min-jun", "Kim", "김민준"),
    ("Selam", "Tesfaye", "ሰላም ተስፋዬ"),
    ("Łukasz", "Wiśniewski", None),
)


def build_office(path: Path) -> int:
    """The office with the benchmark delegation; returns the delegation's id."""
    from crm.db.database import Database
    from crm.services.contact_points import ContactPointInput
    from crm.services.delegations import (
        DelegationInput,
        GiftInput,
        MemberInput,
        ProgrammeItemInput,
        create_delegation,
    )
    from crm.services.office import OfficeProfile, save_profile
    from crm.services.organisations import OrganisationInput, create_organisation
    from crm.services.partnerships import PartnershipInput, create_partnership
    from crm.services.people import AffiliationInput, PersonInput, create_person

    db = Database.open(path)
    try:
        save_profile(db, OfficeProfile("Referat Internationale Zusammenarbeit", "Leipzig"))
        partnership, _c = create_partnership(
            db,
            PartnershipInput(
                city_name="Liepāja", country="LV", since_year=1990, themes=["Kultur", "Jugend"]
            ),
        )
        organisation, _c = create_organisation(db, OrganisationInput(name="Müller & Söhne <GmbH>"))
        members = []
        for index in range(MEMBERS):
            given, family, original = NAMES[index % len(NAMES)]
            person, _c = create_person(
                db,
                PersonInput(
                    family_name=f"{family} {index}",
                    given_name=given,
                    name_original=f"{original} {index}" if original else None,
                    function="Deputy head of the department for international relations",
                    form_of_address=f"Dear {given} {family}",
                    languages="en,de",
                    contact_points=[
                        ContactPointInput("phone", f"+371 6340 {4700 + index}"),
                        ContactPointInput("mobile", f"+371 2900 {1000 + index}"),
                        ContactPointInput("fax", f"+371 6340 {5700 + index}"),
                        ContactPointInput("email", f"member.{index}@partner-city.example.org"),
                    ],
                    affiliations=[AffiliationInput(organisation, is_primary=True)],
                ),
            )
            members.append(
                MemberInput(
                    person, "Member of the delegation", index + 1, dietary_needs="Vegetarian"
                )
            )
        ours = []
        for index in range(6):
            person, _c = create_person(
                db,
                PersonInput(
                    family_name=f"Becker {index}",
                    given_name="Jonas",
                    function="Protocol officer",
                    contact_points=[
                        ContactPointInput("phone", f"+49 341 123 {2030 + index}"),
                        ContactPointInput("fax", "+49 341 123 2055"),
                        ContactPointInput("email", f"protocol.{index}@leipzig.de"),
                    ],
                ),
            )
            ours.append(person)
        start = datetime(2026, 9, 7, 7, tzinfo=UTC)
        programme = [
            ProgrammeItemInput(
                starts_at=start + timedelta(days=index // 9, hours=index % 9, minutes=15),
                ends_at=start + timedelta(days=index // 9, hours=index % 9 + 1),
                title=f"Appointment {index + 1}: meeting with the department of culture",
                venue="Neues Rathaus, Martin-Luther-Ring 4–6, Raum 122",
                dress_code="Business" if index % 3 == 0 else None,
                participant_ids=[ours[index % len(ours)], ours[(index + 1) % len(ours)]],
            )
            for index in range(PROGRAMME)
        ]
        delegation, _c = create_delegation(
            db,
            DelegationInput(
                title="Delegation from Liepāja: culture and youth exchange",
                start_date=date(2026, 9, 7),
                end_date=date(2026, 9, 9),
                partnership_id=partnership,
                purpose="Culture and youth exchange",
                status="confirmed",
                host_person_id=ours[0],
                hotel="Hotel Fürstenhof, Tröndlinring 8, 04105 Leipzig",
                transport="Train from Berlin",
                interpreters="Ms Ozola (Latvian–German)",
                languages="lv,de",
                members=members,
                programme=programme,
                gifts=[GiftInput("given", "Porcelain plate", date(2026, 9, 7))],
            ),
        )
        return delegation
    finally:
        db.close()


def measure(path: Path, delegation: int, runs: int, keep: str | None) -> dict[str, float]:
    """In a fresh process: the first briefing, then ``runs`` more."""
    started = time.perf_counter()
    from crm.db.database import Database
    from crm.reports import ReportRequest, build_report

    db = Database.open(path)
    opened = time.perf_counter()
    request = ReportRequest("briefing", language="en", delegation_id=delegation)
    first = build_report(db, request)
    first_done = time.perf_counter()
    times = []
    for _run in range(runs):
        began = time.perf_counter()
        pdf = build_report(db, request)
        times.append((time.perf_counter() - began) * 1000)
    db.close()
    if keep:
        Path(keep).write_bytes(pdf)
    return {
        "open_ms": (opened - started) * 1000,
        "first_ms": (first_done - opened) * 1000,
        "median_ms": statistics.median(times),
        "best_ms": min(times),
        "worst_ms": max(times),
        "bytes": float(len(first)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", help="save the briefing to this PDF file")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        figures = measure(Path(args.measure[0]), int(args.measure[1]), args.runs, args.keep)
        print(json.dumps(figures))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        delegation = build_office(path)
        command = [sys.executable, __file__, "--measure", str(path), str(delegation)]
        command += ["--runs", str(args.runs)] + (["--keep", args.keep] if args.keep else [])
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    print(f"briefing: {MEMBERS} members, {PROGRAMME} appointments over 3 days")
    print(
        f"first run (imports, fonts, first build): {figures['first_ms']:.0f} ms "
        f"(+ {figures['open_ms']:.0f} ms importing the core and opening the database)"
    )
    print(
        f"after fonts are loaded: median {figures['median_ms']:.1f} ms, best "
        f"{figures['best_ms']:.1f} ms, worst {figures['worst_ms']:.1f} ms over {args.runs} runs "
        f"(budget {BUDGET_MS:.0f} ms); {figures['bytes'] / 1024:.0f} KB"
    )
    within = figures["median_ms"] <= BUDGET_MS
    print("within budget" if within else "OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
