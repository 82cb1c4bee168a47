"""Organisation profile: defaults an authority sets once, applied by GeoPublier to new records."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .model import Identifier, Record, ResponsibleParty, _from_dict


@dataclass
class OrganisationProfile:
    """Default organisation, contact, role, licence, keywords and identifier namespace."""

    organisation: str = ""
    email: str = ""
    role: str = "pointOfContact"
    phone: str = ""
    url: str = ""
    licence: str = "lov2"
    keywords: list[str] = field(default_factory=list)
    identifier_namespace: str = ""
    metadata_contact: ResponsibleParty = field(default_factory=ResponsibleParty)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (stored in the plugin settings)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrganisationProfile:
        """Build a profile from `to_dict` output."""
        return _from_dict(cls, data)

    def responsible_party(self) -> ResponsibleParty:
        """Return the organisation as the record's responsible party."""
        return ResponsibleParty(
            organisation=self.organisation,
            email=self.email,
            phone=self.phone,
            url=self.url,
            role=self.role or "pointOfContact",
        )

    def contact(self) -> ResponsibleParty:
        """Return the metadata point of contact (falls back to the organisation itself)."""
        contact = dataclasses.replace(self.metadata_contact)
        if not contact.organisation:
            contact.organisation = self.organisation
        if not contact.email:
            contact.email = self.email
        contact.role = "pointOfContact"
        return contact


def apply_profile(record: Record, profile: OrganisationProfile) -> Record:
    """Return a copy of `record` with the profile's defaults where the user typed nothing."""
    result = dataclasses.replace(record)
    if not result.responsible_parties and profile.organisation:
        result.responsible_parties = [profile.responsible_party()]
    if not result.metadata_contacts and (profile.organisation or profile.metadata_contact.email):
        result.metadata_contacts = [profile.contact()]
    if not result.licence and profile.licence:
        result.licence = profile.licence
    known = {k.casefold() for k in result.free_keywords}
    extra = [k for k in profile.keywords if k.strip() and k.casefold() not in known]
    result.free_keywords = list(result.free_keywords) + extra
    if not result.identifier.namespace and profile.identifier_namespace:
        result.identifier = Identifier(
            code=result.identifier.code, namespace=profile.identifier_namespace
        )
    return result
