"""Issuing an official document: number, signer, verification code and QR, the PDF
and its SHA-256, stored once and never changed.

`issue_document(kind=..., render=...)` reserves the letter number, fixes the
signer (a copy of the Signatory), makes the verification code, asks `render` for
the PDF with all of that (LetterMeta) and stores the result. Called outside a
transaction, the number is reserved in a short transaction of its own so no
PDF is rendered while the sequence row is locked; a render that fails then
leaves a gap in the numbers, as a cancelled letter does in the agenda book.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import segno

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Unit
from apps.core.errors import ApplicationError
from apps.core.models import BodyProfile
from apps.letters.models import DocumentKind, IssuedDocument, Signatory, SignerRole
from apps.letters.numbering import next_letter_number

# The role that signs each kind by default (a unit's PPID Pelaksana signs for the
# unit when one is set, see default_signatory).
SIGNER_OF_KIND = {
    DocumentKind.OBJECTION_ANSWER: SignerRole.ATASAN_PPID,
    DocumentKind.DISPOSITION: SignerRole.PPID_UTAMA,
}


@dataclass(frozen=True)
class LetterMeta:
    """What every letter prints besides its body."""

    kind: str
    number: str
    issued_at: dt.datetime
    place: str
    signer_position: str
    signer_name: str
    signer_rank: str
    signer_nip: str
    verification_code: str
    verification_url: str
    qr_data_uri: str

    @property
    def code_display(self) -> str:
        return display_code(self.verification_code)


def display_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def new_verification_code() -> str:
    """16 characters of base32 (80 random bits), unambiguous when read aloud."""
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def verification_url(code: str) -> str:
    return settings.SITE_URL + reverse("letters:verify", args=[code])


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=3, border=1)


def place_of_letters() -> str:
    profile = BodyProfile.load()
    return profile.city or profile.region or profile.name


def default_signatory(kind: str, unit: Unit | None) -> Signatory | None:
    active = Signatory.objects.filter(is_active=True)
    role = SIGNER_OF_KIND.get(kind)
    if role is not None:
        return active.filter(role=role).first()
    if unit is not None:
        own = active.filter(role=SignerRole.PPID_PELAKSANA, unit=unit).first()
        if own is not None:
            return own
    return active.filter(role=SignerRole.PPID_UTAMA).first()


def signatories_for(kind: str, unit: Unit | None):
    """The officials who may sign `kind` for `unit` (offered when issuing)."""
    active = Signatory.objects.filter(is_active=True)
    role = SIGNER_OF_KIND.get(kind)
    if role is not None:
        return active.filter(role=role)
    allowed = active.filter(role=SignerRole.PPID_UTAMA)
    if unit is not None:
        allowed = allowed | active.filter(role=SignerRole.PPID_PELAKSANA, unit=unit)
    return allowed


def issue_document(
    *,
    kind: str,
    subject: str,
    render: Callable[[LetterMeta], bytes],
    case=None,
    unit: Unit | None = None,
    signatory: Signatory | None = None,
    actor=None,
    when: dt.datetime | None = None,
    filename: str = "",
) -> IssuedDocument:
    when = when or timezone.now()
    if signatory is None:
        signatory = default_signatory(kind, unit)
    elif not signatories_for(kind, unit).filter(pk=signatory.pk).exists():
        raise ApplicationError(
            _("%(name)s may not sign this document.") % {"name": signatory.name},
            code="signer_not_allowed",
        )
    if signatory is None:
        raise ApplicationError(
            _(
                "No signing official is set for this document. The PPID Utama sets "
                "them under Official letters → Signing officials."
            ),
            code="no_signatory",
        )
    with transaction.atomic():
        number = next_letter_number(kind, unit=unit, when=when)
    code = new_verification_code()
    url = verification_url(code)
    meta = LetterMeta(
        kind=kind,
        number=number,
        issued_at=when,
        place=place_of_letters(),
        signer_position=signatory.position,
        signer_name=signatory.name,
        signer_rank=signatory.rank,
        signer_nip=signatory.nip,
        verification_code=code,
        verification_url=url,
        qr_data_uri=qr_data_uri(url),
    )
    pdf = render(meta)
    document = IssuedDocument(
        kind=kind,
        number=number,
        issued_at=when,
        place=meta.place,
        subject=subject[:300],
        unit=unit,
        signatory=signatory,
        signer_position=signatory.position,
        signer_name=signatory.name,
        signer_rank=signatory.rank,
        signer_nip=signatory.nip,
        verification_code=code,
        sha256=hashlib.sha256(pdf).hexdigest(),
        issued_by=actor if getattr(actor, "pk", None) else None,
    )
    if case is not None:
        document.content_type = ContentType.objects.get_for_model(case)
        document.object_id = case.pk
    name = filename or f"{kind}-{code}.pdf"
    with transaction.atomic():
        document.file.save(name, ContentFile(pdf), save=False)
        document.save()
    return document
