"""Private files in the admin: a link to the checked view or the name, never a
storage URL and never a 500 (apps/core/admin_files.py)."""

import re

import pytest

from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.roles import Role
from apps.core.admin_files import (
    PrivateFilesAdminMixin,
    PrivateFileWidget,
    check_private_files_in_admin,
    private_file_errors,
)
from apps.core.files import PrivateStorage
from apps.info_requests import services as request_services
from apps.info_requests.models import RequestDocument, WrittenNotice
from apps.registers import services as register_services
from apps.registers.models import Document, InformationItem
from tests.registers.factories import InformationItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_with_document(units, officer, sample_pdf):
    item = InformationItemFactory(unit=units["dinkes"])
    register_services.document_add(
        actor=officer(Role.PPID_UTAMA),
        item=item,
        title="Laporan keuangan",
        upload=SimpleUploadedFile("laporan-keuangan.pdf", sample_pdf),
    )
    return item


def _links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


@pytest.mark.parametrize(
    "role", [Role.PPID_UTAMA, Role.PPID_PELAKSANA, Role.ATASAN_PPID]
)
def test_register_item_with_a_document_opens_and_links_the_checked_download(
    client, officer, units, item_with_document, role
):
    """Editors get the upload widget, viewers the read-only field: both link the
    document to registers:download, which checks who may have it."""
    document = item_with_document.documents.get()
    client.force_login(officer(role, units=[units["dinkes"]]))
    response = client.get(
        reverse("admin:registers_informationitem_change", args=[item_with_document.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    download = reverse("registers:download", args=[document.pk])
    assert f'<a href="{download}">laporan-keuangan.pdf</a>' in html
    assert not any(document.file.name in link for link in _links(html))


def test_written_notice_page_links_the_letter_through_the_request(
    client, officer, units, sample_pdf
):
    utama = officer(Role.PPID_UTAMA)
    info_request = request_services.information_request_submit(
        applicant_type="individual",
        name="Budi Santoso",
        nik="6408011203850001",
        address="Jl. Yos Sudarso No. 1, Sangatta",
        phone="0812 3456 7890",
        email="budi@example.com",
        occupation="Wiraswasta",
        information_requested="Data kasus DBD per kelurahan 2025",
        purpose="Penelitian",
        access_method="copy",
        copy_format="softcopy",
        delivery_method="email",
    )
    request_services.information_request_assign(
        info_request=info_request, unit=units["dinkes"], actor=utama
    )
    request_services.information_request_decide(
        info_request=info_request, actor=utama, control="held", decision="refused",
        refusal_reason="exempt", exemption_letters=["h"], cost=0,
    )  # fmt: skip
    notice = WrittenNotice.objects.get()
    assert notice.letter
    client.force_login(utama)
    response = client.get(
        reverse("admin:info_requests_writtennotice_change", args=[notice.pk])
    )
    assert response.status_code == 200
    letter_view = reverse(
        "admin:info_requests_informationrequest_notice", args=[info_request.pk]
    )
    assert letter_view in _links(response.content.decode())
    assert client.get(letter_view).status_code == 200
    # A version from the history shows its file name: the view serves today's file.
    model_admin = admin.site._registry[WrittenNotice]
    past = notice.history.latest().instance
    assert (
        model_admin.private_file_html(past.letter)
        == notice.letter.name.rsplit("/", 1)[-1]
    )


def test_a_file_without_a_checked_view_shows_its_name_only(info_request_document):
    widget = PrivateFileWidget()
    html = widget.render("file", info_request_document.file)
    assert "rekap.pdf" in html
    assert "<a " not in html


@pytest.fixture
def info_request_document(db):
    from tests.info_requests.factories import InformationRequestFactory

    document = RequestDocument(
        request=InformationRequestFactory(),
        filename="rekap.pdf",
        content_type="application/pdf",
        size=4,
        sha256="0" * 64,
        expires_at="2026-04-01T00:00:00+08:00",
    )
    document.file.save("rekap.pdf", ContentFile(b"%PDF"), save=False)
    document.save()
    assert isinstance(document.file.storage, PrivateStorage)
    return document


def test_the_site_passes_the_private_files_check():
    assert check_private_files_in_admin() == []


def test_an_admin_showing_private_files_without_the_mixin_is_refused():
    class PlainDocumentInline(admin.TabularInline):
        model = Document

    class ItemAdmin(admin.ModelAdmin):
        inlines = [PlainDocumentInline]

    class TypoDocumentInline(PrivateFilesAdminMixin, admin.TabularInline):
        model = Document
        private_file_urls = {"fiel": Document.get_download_url}

    class OtherItemAdmin(admin.ModelAdmin):
        inlines = [TypoDocumentInline]

    site = admin.AdminSite(name="probe")
    site.register(InformationItem, ItemAdmin)
    assert [error.id for error in private_file_errors(site)] == ["core.E001"]
    site = admin.AdminSite(name="probe")
    site.register(InformationItem, OtherItemAdmin)
    assert [error.id for error in private_file_errors(site)] == ["core.E002"]
