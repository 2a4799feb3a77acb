"""Builder part: organisations, people with their contact points, partner cities, themes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from crm.db.models import (
    Address,
    Affiliation,
    ContactPoint,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
)
from crm.demo.base import BuilderBase, Contact, PostalAddress
from crm.services.contact_points import normalise_contact
from crm.text import fold, join_nonempty


class DirectoryMixin(BuilderBase):
    """Organisations, people and partnerships."""

    def _contact_points(self, contacts: Sequence[Contact]) -> list[ContactPoint]:
        points = []
        primary_kinds: set[str] = set()
        for position, contact in enumerate(contacts):
            kind, value = contact[0], contact[1]
            label = contact[2] if len(contact) == 3 else None
            points.append(
                ContactPoint(
                    kind=kind,
                    value=value.strip(),
                    normalized=normalise_contact(kind, value, self.profile.country),
                    label=label,
                    is_primary=kind not in primary_kinds,
                    position=position,
                )
            )
            primary_kinds.add(kind)
        return points

    @staticmethod
    def address_list(address: PostalAddress | None) -> list[Address]:
        if address is None:
            return []
        street, postcode, city, country = address
        return [
            Address(street=street, postcode=postcode, city=city, country=country, is_primary=True)
        ]

    def org(
        self,
        key: str,
        name: str,
        kind: str,
        *,
        city: str | None = None,
        country: str | None = None,
        name_latin: str | None = None,
        short_name: str | None = None,
        notes: str | None = None,
        contacts: Sequence[Contact] = (),
        address: PostalAddress | None = None,
    ) -> Organisation:
        organisation = Organisation(
            name=name,
            name_latin=name_latin,
            short_name=short_name,
            kind=kind,
            city=city,
            country=country,
            notes=notes,
            sort_name=fold(name),
            contact_points=self._contact_points(contacts),
            addresses=self.address_list(address),
        )
        self.session.add(organisation)
        self.orgs[key] = organisation
        return organisation

    def person(
        self,
        key: str,
        family_name: str,
        given_name: str | None,
        *,
        title: str | None = None,
        original: str | None = None,
        latin: str | None = None,
        function: str | None = None,
        org: str | None = None,
        department: str | None = None,
        address_form: str | None = None,
        salutation: str | None = None,
        languages: str | None = None,
        preferred: str | None = None,
        country: str | None = None,
        notes: str | None = None,
        contacts: Sequence[Contact] = (),
        address: PostalAddress | None = None,
        since: date | None = None,
    ) -> Person:
        person = Person(
            title=title,
            given_name=given_name,
            family_name=family_name,
            name_original=original,
            name_latin=latin,
            function=function,
            form_of_address=address_form,
            salutation=salutation,
            languages=languages,
            preferred_language=preferred or (languages.split(",")[0] if languages else None),
            country=country,
            notes=notes,
            sort_name=fold(join_nonempty(family_name, given_name)),
            contact_points=self._contact_points(contacts),
            addresses=self.address_list(address),
        )
        if org is not None:
            person.affiliations = [
                Affiliation(
                    organisation=self.orgs[org],
                    function=function,
                    department=department,
                    start_date=since,
                    is_primary=True,
                )
            ]
        self.session.add(person)
        self.people[key] = person
        return person

    def partnership(
        self,
        key: str,
        city: str,
        country: str,
        kind: str,
        *,
        native: str | None = None,
        latin: str | None = None,
        region: str | None = None,
        population: int | None = None,
        local_party: str | None = None,
        since: int | None = None,
        since_date: date | None = None,
        agreement: str | None = None,
        document: str | None = None,
        renewal: date | None = None,
        status: str = "active",
        rating: str | None = None,
        association: str | None = None,
        officer: str | None = None,
        last_evaluation: date | None = None,
        next_evaluation: date | None = None,
        themes: Iterable[str] = (),
        funders: Iterable[str] = (),
        notes: str | None = None,
    ) -> Partnership:
        partner_city = PartnerCity(
            name=city,
            name_native=native,
            name_latin=latin,
            country=country,
            region=region,
            population=population,
            sort_name=fold(city),
        )
        partnership = Partnership(
            partner_city=partner_city,
            kind=kind,
            local_party=local_party,
            since_year=since if since is not None else (since_date.year if since_date else None),
            since_date=since_date,
            agreement_kind=agreement,
            agreement_document=document,
            renewal_date=renewal,
            status=status,
            activity_rating=rating,
            association=self.orgs[association] if association else None,
            responsible_officer=self.people[officer] if officer else None,
            last_evaluation=last_evaluation,
            next_evaluation=next_evaluation,
            notes=notes,
            themes=[self.theme(name) for name in sorted(set(themes))],
            funders=[self.orgs[funder] for funder in funders],
        )
        self.session.add(partnership)
        self.partnerships[key] = partnership
        return partnership
