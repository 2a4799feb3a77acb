"""People and organisations as vCards (3.0, RFC 2426, or 4.0, RFC 6350), many in one .vcf.

Written line by line here rather than with vobject (ten times slower, and it holds every card
as objects); tests read the files back with vobject.

Names. ``N`` and ``FN`` carry the name as the record keeps it (family and given name, the
title as honorific prefix): what the office reads and searches for. The full name in the
person's own script and its Latin transliteration, where the record has them, go along:
- in vCard 4.0 as alternative representations of ``FN`` (RFC 6350 ALTID): the record's name
  with ``PREF=1``, the own-script name with the person's preferred language
  (``LANGUAGE=uk``), the transliteration with that language in Latin script
  (``LANGUAGE=uk-Latn``; ``und-Latn`` when the language is not known);
- in both versions as ``X-LIAISON-NAME-ORIGINAL`` and ``X-LIAISON-NAME-LATIN``, so nothing is
  lost when Liaison reads its own cards back, whatever the version.
Phonetic fields (``X-PHONETIC-*``) are not used: they hold how a name is pronounced, given and
family name apart, which the record does not know for a transliteration of the whole name.

Every phone, mobile and fax is a ``TEL`` with its type (voice, cell, fax) and work or home
(a contact labelled private or home is home, the rest work); 4.0 writes a stored international
number as a ``tel:`` URI. Every email is an ``EMAIL`` (3.0 adds INTERNET), web addresses are
``URL``. The primary one of each carries PREF. ``ORG`` is the organisation (and department),
``TITLE`` the function, ``ADR`` each postal address with the country's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from crm import __version__
from crm.io.export_contacts import AddressLine, ContactLine
from crm.io.export_lines import content_line, escape, stable_uid, structured
from crm.io.export_organisations import OrganisationCard
from crm.io.export_people import PersonCard
from crm.io.export_values import Labels

PRODID = f"-//Liaison//Liaison {__version__}//EN"
_TEL_TYPES = {"phone": "voice", "mobile": "cell", "fax": "fax"}


class VCardWriter:
    def __init__(self, stream: IO[str], version: str, office: str, labels: Labels) -> None:
        self.stream = stream
        self.version = version
        self.office = office
        self.labels = labels
        self.v4 = version == "4.0"

    def _types(self, *types: str, pref: bool = False) -> str:
        """The TYPE parameter (and preference) in the version's spelling."""
        if self.v4:
            text = "TYPE=" + ",".join(types)
            return text + ";PREF=1" if pref else text
        return "TYPE=" + ",".join(t.upper() for t in (*types, *(("pref",) if pref else ())))

    def _begin(self, kind: str, record_id: int) -> list[str]:
        return [
            "BEGIN:VCARD\r\n",
            f"VERSION:{self.version}\r\n",
            content_line("PRODID", escape(PRODID)),
            content_line("UID", "urn:uuid:" + stable_uid(self.office, kind, record_id)),
        ]

    def _names(
        self, main: str, original: str | None, latin: str | None, language: str | None
    ) -> list[str]:
        lines = []
        others = [
            (text, tag)
            for text, tag in (
                (original, language),
                (latin, f"{language or 'und'}-Latn"),
            )
            if text and text != main
        ]
        if self.v4 and others:
            lines.append(content_line("FN", escape(main), "ALTID=1", "PREF=1"))
            for text, tag in others:
                lines.append(
                    content_line("FN", escape(text), "ALTID=1", f"LANGUAGE={tag}" if tag else "")
                )
        else:
            lines.append(content_line("FN", escape(main)))
        if original:
            lines.append(content_line("X-LIAISON-NAME-ORIGINAL", escape(original)))
        if latin:
            lines.append(content_line("X-LIAISON-NAME-LATIN", escape(latin)))
        return lines

    def _contacts(self, contacts: Iterable[ContactLine], organisation: bool) -> list[str]:
        lines = []
        seen: set[str] = set()
        for contact in contacts:
            place = "home" if contact.private and not organisation else "work"
            pref = contact.primary and contact.kind not in seen
            seen.add(contact.kind)
            if contact.kind in _TEL_TYPES:
                types = [place, _TEL_TYPES[contact.kind]]
                if contact.kind == "mobile" and not self.v4:
                    types.append("voice")
                if self.v4 and contact.normalized and contact.normalized.startswith("+"):
                    uri = "tel:" + contact.text.replace(" ", "-")
                    lines.append(
                        content_line("TEL", uri, "VALUE=uri", self._types(*types, pref=pref))
                    )
                else:
                    lines.append(
                        content_line("TEL", escape(contact.text), self._types(*types, pref=pref))
                    )
            elif contact.kind == "email":
                types = [place] if self.v4 else ["internet", place]
                lines.append(
                    content_line("EMAIL", escape(contact.text), self._types(*types, pref=pref))
                )
            elif contact.kind == "web":
                lines.append(content_line("URL", escape(contact.text)))
        return lines

    def _addresses(self, addresses: Iterable[AddressLine], organisation: bool) -> list[str]:
        lines = []
        for index, address in enumerate(addresses):
            place = "home" if address.private and not organisation else "work"
            value = structured(
                None,
                None,
                address.street,
                address.city,
                address.region,
                address.postcode,
                self.labels.country(address.country),
            )
            lines.append(content_line("ADR", value, self._types(place, pref=index == 0)))
        return lines

    def _end(self, updated: object) -> list[str]:
        lines = []
        if updated is not None:
            lines.append(f"REV:{updated:%Y%m%d}T000000Z\r\n" if self.v4 else f"REV:{updated}\r\n")
        lines.append("END:VCARD\r\n")
        return lines

    def person(self, card: PersonCard) -> None:
        lines = self._begin("person", card.id)
        if self.v4:
            lines.append("KIND:individual\r\n")
        lines += self._names(
            card.display_name, card.name_original, card.name_latin, card.preferred_language
        )
        lines.append(
            content_line("N", structured(card.family_name, card.given_name, None, card.title, None))
        )
        if card.organisation:
            parts = (
                (card.organisation, card.department) if card.department else (card.organisation,)
            )
            lines.append(content_line("ORG", structured(*parts)))
        if card.function:
            lines.append(content_line("TITLE", escape(card.function)))
        lines += self._contacts(card.contacts, organisation=False)
        lines += self._addresses(card.addresses, organisation=False)
        if self.v4 and card.preferred_language:
            lines.append(content_line("LANG", escape(card.preferred_language), "PREF=1"))
        lines += self._end(card.updated)
        self.stream.write("".join(lines))

    def organisation(self, card: OrganisationCard) -> None:
        lines = self._begin("organisation", card.id)
        if self.v4:
            lines.append("KIND:org\r\n")
        lines += self._names(card.name, None, card.name_latin, None)
        if not self.v4:
            lines.append("N:;;;;\r\n")  # required in 3.0; empty for an organisation
            lines.append("X-ABSHOWAS:COMPANY\r\n")  # Apple Contacts: show it as a company
        lines.append(content_line("ORG", structured(card.name)))
        if card.short_name:
            lines.append(content_line("NICKNAME", escape(card.short_name)))
        lines += self._contacts(card.contacts, organisation=True)
        lines += self._addresses(card.addresses, organisation=True)
        lines += self._end(card.updated)
        self.stream.write("".join(lines))
