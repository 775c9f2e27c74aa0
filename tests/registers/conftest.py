import io

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.roles import Role


@pytest.fixture
def utama(officer, units):
    return officer(Role.PPID_UTAMA, units=[units["body"]])


@pytest.fixture
def pelaksana_dinkes(officer, units):
    return officer(Role.PPID_PELAKSANA, units=[units["dinkes"]])


@pytest.fixture
def pdf_upload(sample_pdf):
    return SimpleUploadedFile("laporan.pdf", sample_pdf, "application/pdf")


@pytest.fixture
def docx_bytes():
    import docx

    document = docx.Document()
    document.add_paragraph("Rencana kerja Puskesmas Sangatta tahun 2025")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def xlsx_bytes_sample():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Kecamatan", "Penduduk"])
    workbook.active.append(["Bengalon", 31245])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
