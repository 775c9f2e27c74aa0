"""The same file tests on local disk and on an S3-compatible store (issue 17, item 3).

The S3 runs talk to moto's S3 server in its own process over HTTP, through
django-storages and boto3, exactly as production talks to MinIO or a cloud bucket.
"""

import uuid

import boto3
import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.roles import Role
from apps.core.files import encrypted_storage, private_storage, s3_options
from apps.info_requests.models import InformationRequest
from apps.registers import services as register_services
from tests.info_requests.test_views import FORM_URL, form_data
from tests.registers.factories import InformationItemFactory
from tests.s3server import running_s3_server

BUCKET = "ppid-test"
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture(scope="session")
def s3_endpoint():
    with running_s3_server() as endpoint:
        boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS
        ).create_bucket(Bucket=BUCKET)
        yield endpoint


@pytest.fixture(params=["local", "s3"])
def backend(request, settings):
    """Switches the portal's storage for one test; `raw(storage, name)` reads the
    bytes as stored (on disk or in the bucket), `keys()` lists the bucket."""
    if request.param == "local":
        settings.FILE_STORAGE = "local"

        def raw(storage, name):
            with open(storage.path(name), "rb") as handle:
                return handle.read()

        yield {"kind": "local", "raw": raw}
        return
    endpoint = request.getfixturevalue("s3_endpoint")
    prefix = f"t-{uuid.uuid4().hex[:12]}"
    settings.FILE_STORAGE = "s3"
    settings.S3_BUCKET = BUCKET
    settings.S3_ENDPOINT_URL = endpoint
    settings.S3_REGION = "us-east-1"
    settings.S3_ACCESS_KEY_ID = KEYS["aws_access_key_id"]
    settings.S3_SECRET_ACCESS_KEY = KEYS["aws_secret_access_key"]
    settings.S3_PREFIX = prefix
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": s3_options(location=f"{prefix}/media"),
        },
    }
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS)

    def key_of(storage, name):
        return f"{prefix}/private/{storage.subdir}/{name}".replace("//", "/")

    def raw(storage, name):
        return client.get_object(Bucket=BUCKET, Key=key_of(storage, name))[
            "Body"
        ].read()

    def keys():
        listing = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return [entry["Key"] for entry in listing.get("Contents", [])]

    def acl(storage, name):
        return client.get_object_acl(Bucket=BUCKET, Key=key_of(storage, name))

    yield {"kind": "s3", "raw": raw, "keys": keys, "acl": acl}


class TestPrivateStorage:
    def test_save_open_exists_delete(self, backend):
        name = private_storage.save("minutes/a.txt", ContentFile(b"rahasia"))
        assert private_storage.exists(name)
        with private_storage.open(name) as handle:
            assert handle.read() == b"rahasia"
        assert private_storage.size(name) == len(b"rahasia")
        second = private_storage.save("minutes/a.txt", ContentFile(b"lain"))
        assert second != name  # never overwritten
        private_storage.delete(name)
        assert not private_storage.exists(name)
        assert private_storage.exists(second)

    def test_private_files_have_no_url(self, backend):
        name = private_storage.save("minutes/b.txt", ContentFile(b"rahasia"))
        for storage in (private_storage, encrypted_storage):
            with pytest.raises(ValueError, match="no URL"):
                storage.url(name)

    def test_encrypted_at_rest(self, backend):
        name = encrypted_storage.save("ktp/a.png", ContentFile(b"\x89PNG identity"))
        assert b"identity" not in backend["raw"](encrypted_storage, name)
        with encrypted_storage.open(name) as handle:
            assert handle.read() == b"\x89PNG identity"

    def test_on_s3_every_private_file_is_encrypted_and_never_public(self, backend):
        name = private_storage.save("minutes/c.txt", ContentFile(b"notulen rapat"))
        stored = backend["raw"](private_storage, name)
        if backend["kind"] == "local":
            assert stored == b"notulen rapat"  # plain on the server's own disk
            return
        assert b"notulen" not in stored
        grants = backend["acl"](private_storage, name)["Grants"]
        assert grants
        assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers


@pytest.mark.django_db
class TestThroughThePortal:
    def test_register_document_upload_and_download(
        self, backend, client, officer, units, sample_pdf
    ):
        utama = officer(Role.PPID_UTAMA, units=[units["body"]])
        item = InformationItemFactory(unit=units["dinkes"], published=True)
        document = register_services.document_add(
            actor=utama,
            item=item,
            title="Laporan",
            upload=SimpleUploadedFile("Laporan 2024.pdf", sample_pdf),
        )
        response = client.get(document.get_download_url())
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == sample_pdf
        assert response["Content-Type"] == "application/pdf"
        if backend["kind"] == "s3":
            assert any("/private/registers/" in key for key in backend["keys"]())

    def test_identity_scan_filed_by_a_citizen_reaches_the_officer(
        self, backend, client, officer, units, sample_pdf
    ):
        response = client.post(FORM_URL, form_data(client, sample_pdf, unit="dinkes"))
        assert response.status_code == 302
        request = InformationRequest.objects.get()
        stored = backend["raw"](
            request.identity_document.storage, request.identity_document.name
        )
        assert stored != sample_pdf
        assert b"%PDF" not in stored
        client.force_login(officer(Role.PPID_PELAKSANA, units=[units["dinkes"]]))
        response = client.get(f"/permohonan/berkas/{request.pk}/identity/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == sample_pdf
        assert "X-Accel-Redirect" not in response

    def test_public_files_get_signed_urls_only(self, backend):
        name = default_storage.save("logo/logo.png", ContentFile(b"\x89PNG logo"))
        url = default_storage.url(name)
        if backend["kind"] == "s3":
            assert "X-Amz-Signature=" in url
        else:
            assert url.startswith("/media/")
        with default_storage.open(name) as handle:
            assert handle.read() == b"\x89PNG logo"


@pytest.mark.django_db
class TestAccelRedirect:
    """Behind nginx a plain private file on disk is sent by nginx, not Python."""

    def _document(self, officer, units, sample_pdf, *, published=True):
        utama = officer(Role.PPID_UTAMA, units=[units["body"]])
        item = InformationItemFactory(unit=units["dinkes"], published=published)
        return register_services.document_add(
            actor=utama,
            item=item,
            title="Laporan",
            upload=SimpleUploadedFile("Laporan Keuangan 2024.pdf", sample_pdf),
        )

    def test_plain_file_on_disk_goes_through_nginx(
        self, settings, client, officer, units, sample_pdf
    ):
        settings.PRIVATE_FILES_ACCEL_REDIRECT = "/_private/"
        document = self._document(officer, units, sample_pdf)
        response = client.get(document.get_download_url())
        assert response.status_code == 200
        assert not response.streaming
        assert response.content == b""
        assert (
            response["X-Accel-Redirect"] == f"/_private/registers/{document.file.name}"
        )
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="Laporan Keuangan 2024.pdf"' in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"

    def test_refused_download_gives_no_redirect(
        self, settings, client, officer, units, sample_pdf
    ):
        settings.PRIVATE_FILES_ACCEL_REDIRECT = "/_private/"
        document = self._document(officer, units, sample_pdf, published=False)
        response = client.get(document.get_download_url())
        assert response.status_code == 404
        assert "X-Accel-Redirect" not in response

    def test_without_nginx_django_streams(self, client, officer, units, sample_pdf):
        document = self._document(officer, units, sample_pdf)
        response = client.get(document.get_download_url())
        assert response.streaming
        assert "X-Accel-Redirect" not in response

    def test_name_is_quoted(self, settings):
        settings.PRIVATE_FILES_ACCEL_REDIRECT = "/_private/"
        assert (
            private_storage.accel_path("a b/ü?.pdf") == "/_private/a%20b/%C3%BC%3F.pdf"
        )
        assert encrypted_storage.accel_path("ktp/a.pdf") is None
        settings.FILE_STORAGE = "s3"
        assert private_storage.accel_path("a.pdf") is None
