import pytest

from apps.info_requests.models import Channel, Status
from tests.complaints.factories import ComplaintFactory
from tests.info_requests.factories import InformationRequestFactory
from tests.reports.factories import SurveyResponseFactory, at, decided_request


@pytest.fixture
def year_2026(db, units):
    """Known data for 2026; the expected figures are worked out by hand in
    tests/reports/test_statistics.py. Holidays used: 18-24 March 2026 (Nyepi,
    Idul Fitri and their cuti bersama), 3 April 2026 (Good Friday)."""
    dinkes, bpbd = units["dinkes"], units["bpbd"]
    a = decided_request(  # Mon 2 Mar -> Fri 6 Mar: 3, 4, 5, 6 = 4 working days
        received=at(2026, 3, 2),
        decided=at(2026, 3, 6, 14),
        decision="granted",
        channel=Channel.WEB,
        unit=dinkes,
    )
    b = decided_request(  # Mon 16 Mar -> Wed 25 Mar across the Lebaran week:
        # 17 (1), 18-24 closed, 25 (2) = 2 working days
        received=at(2026, 3, 16),
        decided=at(2026, 3, 25),
        decision="refused",
        refusal_reason="exempt",
        letters=["a", "h"],
        channel=Channel.WHATSAPP,
        unit=dinkes,
    )
    decided_request(  # Tue 10 Mar -> Fri 27 Mar: 11-13 (3), 16-17 (5), 25-27 (8)
        received=at(2026, 3, 10),
        decided=at(2026, 3, 27),
        decision="granted_in_part",
        channel=Channel.WALK_IN,
        unit=bpbd,
    )
    decided_request(  # Mon 6 Apr -> Wed 22 Apr: 7-10 (4), 13-17 (9), 20-22 (12)
        received=at(2026, 4, 6),
        decided=at(2026, 4, 22),
        decision="refused",
        refusal_reason="not_held",
        channel=Channel.WEB,
        unit=bpbd,
        extended_due_date=at(2026, 4, 29).date(),
        extension_reason="Dokumen di beberapa bidang",
    )
    InformationRequestFactory(  # open, not yet assigned
        received_at=at(2026, 7, 1), status=Status.IN_PROCESS, channel=Channel.EMAIL
    )
    InformationRequestFactory(
        received_at=at(2026, 8, 3),
        status=Status.WITHDRAWN,
        channel=Channel.PHONE,
        unit=dinkes,
    )
    # Another year: counted nowhere in 2026 although decided in January 2026.
    decided_request(
        received=at(2025, 12, 30), decided=at(2026, 1, 5), decision="granted"
    )
    ComplaintFactory(received_at=at(2026, 2, 2))
    ComplaintFactory(received_at=at(2026, 2, 3), resolved=True)
    ComplaintFactory(received_at=at(2026, 5, 4), resolved=True)
    ComplaintFactory(received_at=at(2025, 5, 4), resolved=True)
    SurveyResponseFactory(request=a)
    SurveyResponseFactory(
        request=b, u1=3, u2=3, u3=3, u4=3, u5=3, u6=3, u7=3, u8=3, u9=2
    )
    return {"a": a, "b": b}


@pytest.fixture
def signatory(db):
    """The PPID Utama who signs published reports, and the body's city."""
    from apps.core.models import BodyProfile
    from apps.letters.models import Signatory, SignerRole

    BodyProfile.objects.update_or_create(pk=1, defaults={"city": "Sangatta"})
    return Signatory.objects.create(
        role=SignerRole.PPID_UTAMA,
        position="Kepala Dinas Kominfo selaku PPID Utama",
        name="Ahmad Rizali, S.Sos.",
        rank="Pembina Utama Muda (IV/c)",
        nip="197502122000031004",
    )
