import pytest

from django.core.management import call_command

from apps.registers.models import (
    Announcement,
    Category,
    Document,
    ExemptInformation,
    InformationItem,
)


@pytest.mark.django_db
def test_demo_registers(client):
    call_command("load_demo")
    counts = (
        InformationItem.objects.count(),
        Document.objects.count(),
        ExemptInformation.objects.count(),
        Announcement.objects.count(),
    )
    call_command("load_demo")
    assert counts == (
        InformationItem.objects.count(),
        Document.objects.count(),
        ExemptInformation.objects.count(),
        Announcement.objects.count(),
    )
    assert counts[0] >= 60
    assert counts[2] >= 8
    for category in Category.values:
        assert InformationItem.objects.filter(category=category).count() >= 5
    assert InformationItem.objects.values("unit").distinct().count() >= 15
    assert Document.objects.filter(content_type="application/pdf").count() >= 60
    for entry in ExemptInformation.objects.all():
        assert entry.consequence_if_opened
        assert entry.interest_if_closed
        assert entry.decision_number
        assert entry.minutes_file
    html = client.get("/").content.decode()
    assert "Siaga banjir" in html
    html = client.get("/informasi/?q=apbd").content.decode()
    assert "<mark>APBD</mark> Kabupaten Kutai Timur Tahun Anggaran 2025" in html
