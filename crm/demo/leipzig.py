"""The Leipzig demo office: Referat Internationale Zusammenarbeit der Stadt Leipzig.

Facts from the seeds: the partnerships with kinds, years and the A/AA/AAA ratings of the
2020 evaluation, the SKEW-funded development partnerships, the 3rd Asia conference, and
Dr. Gabriele Goldfuß's contact block. People, visits and letters are invented but plausible.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from crm.demo.base import OfficeSpec
from crm.demo.builder import DemoBuilder
from crm.demo.leipzig_orgs import add_organisations
from crm.demo.leipzig_partners import add_partner_people
from crm.demo.leipzig_partnerships import add_partnerships, add_projects_and_events, add_tags
from crm.demo.leipzig_people import add_leipzig_people
from crm.demo.leipzig_register import add_register
from crm.demo.leipzig_visits import add_visits
from crm.demo.leipzig_visits_past import add_past_and_later_visits
from crm.services.office import OfficeProfile

SPEC = OfficeSpec(
    profile=OfficeProfile(
        office_name="Referat Internationale Zusammenarbeit",
        city="Leipzig",
        country="DE",
        reference_prefix="IZ",
        language="de",
    ),
    timezone="Europe/Berlin",
    utc_offset_hours=1,
)


def populate(session: Session) -> None:
    b = DemoBuilder(session, SPEC)
    add_organisations(b)
    add_leipzig_people(b)
    add_partner_people(b)
    add_partnerships(b)
    add_visits(b)
    add_past_and_later_visits(b)
    add_register(b)
    add_projects_and_events(b)
    add_tags(b)
    b.finish()
