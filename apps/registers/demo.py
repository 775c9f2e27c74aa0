"""Demo registers of Kabupaten Kutai Timur: 60+ DIP items with small real PDFs,
exempt entries with complete consequence tests, and a flood warning on the home
page. Idempotent: items, documents and exemptions are matched by unit and title."""

from __future__ import annotations

import datetime as dt

from weasyprint import HTML

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape

from apps.core.demo import working_day_on_or_before, working_days_ago
from apps.core.workdays import Calendar
from apps.registers import services
from apps.registers.models import (
    Announcement,
    Category,
    Document,
    ExemptInformation,
    InformationItem,
)

B, S, A = Category.BERKALA, Category.SERTA_MERTA, Category.SETIAP_SAAT

# (unit code, category, title, summary, year, retention, legal basis)
ITEMS = [
    (
        "BAPPEDA",
        B,
        "RPJMD Kabupaten Kutai Timur 2021–2026",
        "Rencana Pembangunan Jangka Menengah Daerah: visi, misi, tujuan, sasaran dan "
        "program prioritas pembangunan Kutai Timur lima tahun.",
        2021,
        "Permanen",
        "Perda Kab. Kutai Timur No. 2 Tahun 2021",
    ),
    (
        "BAPPEDA",
        B,
        "RKPD Kabupaten Kutai Timur Tahun 2025",
        "Rencana Kerja Pemerintah Daerah tahun 2025 beserta pagu indikatif per OPD.",
        2025,
        "5 tahun",
        "Perbup Kutai Timur tentang RKPD 2025",
    ),
    (
        "BAPPEDA",
        B,
        "Renstra Bappeda 2021–2026",
        "Rencana strategis Badan Perencanaan Pembangunan Daerah.",
        2021,
        "5 tahun",
        "Permendagri 86/2017",
    ),
    (
        "BAPPEDA",
        A,
        "Dokumen Musrenbang Kabupaten 2025",
        "Berita acara dan daftar usulan Musyawarah Perencanaan Pembangunan tingkat "
        "kabupaten.",
        2025,
        "5 tahun",
        "UU 25/2004",
    ),
    (
        "BPKAD",
        B,
        "APBD Kabupaten Kutai Timur Tahun Anggaran 2025",
        "Perda tentang APBD 2025: pendapatan, belanja dan pembiayaan daerah.",
        2025,
        "Permanen",
        "Perda Kab. Kutai Timur tentang APBD TA 2025",
    ),
    (
        "BPKAD",
        B,
        "Perubahan APBD Tahun Anggaran 2024",
        "Perda perubahan APBD 2024 dan penjabarannya.",
        2024,
        "Permanen",
        "Perda Perubahan APBD TA 2024",
    ),
    (
        "BPKAD",
        B,
        "Laporan Keuangan Pemerintah Daerah (LKPD) 2023 Audited",
        "LKPD yang telah diaudit BPK RI: LRA, neraca, laporan arus kas, CaLK; opini "
        "Wajar Tanpa Pengecualian.",
        2024,
        "Permanen",
        "UU 15/2004; PP 71/2010",
    ),
    (
        "BPKAD",
        B,
        "Laporan Realisasi Anggaran Semester I 2025",
        "Realisasi pendapatan dan belanja daerah sampai dengan 30 Juni 2025.",
        2025,
        "10 tahun",
        "Permendagri 77/2020",
    ),
    (
        "BPKAD",
        A,
        "Daftar Aset Tanah Pemerintah Kabupaten",
        "Inventaris barang milik daerah golongan tanah per kecamatan.",
        2024,
        "Selama berlaku",
        "Permendagri 19/2016",
    ),
    (
        "BPKAD",
        A,
        "Standar Satuan Harga Tahun 2025",
        "Peraturan bupati tentang standar satuan harga barang dan jasa.",
        2025,
        "5 tahun",
        "Perpres 33/2020",
    ),
    (
        "SETDA",
        B,
        "Rencana Umum Pengadaan (RUP) Tahun 2025",
        "Daftar paket pengadaan barang/jasa seluruh OPD yang diumumkan di SiRUP.",
        2025,
        "5 tahun",
        "Perpres 16/2018 jo. Perpres 12/2021",
    ),
    (
        "SETDA",
        B,
        "LKjIP Pemerintah Kabupaten Kutai Timur 2024",
        "Laporan Kinerja Instansi Pemerintah: capaian indikator kinerja utama.",
        2025,
        "10 tahun",
        "Perpres 29/2014",
    ),
    (
        "SETDA",
        B,
        "Profil Pemerintah Kabupaten Kutai Timur",
        "Kedudukan, wilayah, tugas dan fungsi, struktur organisasi dan profil pejabat.",
        2025,
        "Selama berlaku",
        "UU 14/2008 Pasal 9",
    ),
    (
        "SETDA",
        B,
        "Ringkasan LHKPN Pejabat Daerah",
        "Daftar pejabat wajib lapor dan status LHKPN yang diverifikasi KPK.",
        2025,
        "5 tahun",
        "UU 28/1999",
    ),
    (
        "SETDA",
        A,
        "Peraturan Bupati tentang Pedoman Perjalanan Dinas",
        "Perbup dan lampiran standar biaya perjalanan dinas.",
        2024,
        "Selama berlaku",
        "Perbup Kutai Timur",
    ),
    (
        "SETDA",
        A,
        "Agenda Kegiatan Bupati dan Wakil Bupati",
        "Jadwal kegiatan resmi kepala daerah yang terbuka untuk umum.",
        2025,
        "1 tahun",
        "Perki 1/2021",
    ),
    (
        "SETDA",
        A,
        "Naskah Perjanjian Kerja Sama dengan Pihak Ketiga",
        "Daftar dan naskah perjanjian kerja sama daerah dengan badan usaha.",
        2024,
        "Selama berlaku",
        "PP 28/2018",
    ),
    (
        "DISKOMINFO",
        B,
        "Laporan Layanan Informasi Publik 2024",
        "Jumlah permohonan, waktu layanan, permohonan dikabulkan dan ditolak beserta "
        "alasannya.",
        2025,
        "5 tahun",
        "Perki 1/2021 Pasal 37",
    ),
    (
        "DISKOMINFO",
        B,
        "Maklumat Pelayanan Informasi Publik",
        "Janji layanan PPID Kabupaten Kutai Timur.",
        2024,
        "Selama berlaku",
        "Perki 1/2021",
    ),
    (
        "DISKOMINFO",
        B,
        "Tata Cara Memperoleh Informasi Publik",
        "Alur permohonan, keberatan dan sengketa informasi serta biaya salinan.",
        2024,
        "Selama berlaku",
        "UU 14/2008; Perki 1/2021",
    ),
    (
        "DISKOMINFO",
        A,
        "SOP Pelayanan Permohonan Informasi",
        "Standar operasional prosedur pelayanan permohonan informasi di PPID.",
        2024,
        "Selama berlaku",
        "Perki 1/2021",
    ),
    (
        "DISKOMINFO",
        A,
        "SK Daftar Informasi Publik Kabupaten Kutai Timur",
        "Keputusan PPID Utama tentang penetapan DIP.",
        2025,
        "Selama berlaku",
        "Perki 1/2021 Pasal 23",
    ),
    (
        "DISKOMINFO",
        A,
        "Data Statistik Sektoral Kutai Timur 2024",
        "Kumpulan data statistik sektoral OPD dalam format terbuka.",
        2025,
        "5 tahun",
        "Perpres 39/2019 Satu Data Indonesia",
    ),
    (
        "DINKES",
        B,
        "Profil Kesehatan Kabupaten Kutai Timur 2024",
        "Derajat kesehatan, sumber daya kesehatan dan capaian SPM bidang kesehatan.",
        2025,
        "5 tahun",
        "Permenkes 4/2019",
    ),
    (
        "DINKES",
        B,
        "Daftar Puskesmas dan Jam Layanan",
        "Alamat, jam buka dan layanan unggulan 21 puskesmas di Kutai Timur.",
        2025,
        "Selama berlaku",
        "Permenkes 43/2019",
    ),
    (
        "DINKES",
        S,
        "Kewaspadaan Kejadian Luar Biasa Demam Berdarah Dengue",
        "Peningkatan kasus DBD di Sangatta Utara dan Sangatta Selatan: gejala, "
        "pencegahan 3M Plus, fasilitas rujukan.",
        2025,
        "2 tahun",
        "Permenkes 1501/2010",
    ),
    (
        "DINKES",
        S,
        "Imbauan Pencegahan Campak pada Anak",
        "Kasus campak di Muara Wahau; jadwal imunisasi kejar.",
        2025,
        "2 tahun",
        "Permenkes 12/2017",
    ),
    (
        "DINKES",
        A,
        "SOP Rujukan Pasien Antar Fasilitas",
        "Prosedur rujukan dari puskesmas ke RSUD Kudungga.",
        2024,
        "Selama berlaku",
        "Permenkes 001/2012",
    ),
    (
        "RSUD-KUDUNGGA",
        B,
        "Standar Pelayanan RSUD Kudungga",
        "Jenis layanan, persyaratan, waktu dan biaya layanan rumah sakit.",
        2025,
        "Selama berlaku",
        "UU 25/2009",
    ),
    (
        "RSUD-KUDUNGGA",
        A,
        "Tarif Layanan BLUD RSUD Kudungga",
        "Peraturan bupati tentang tarif layanan badan layanan umum daerah.",
        2024,
        "Selama berlaku",
        "Permendagri 79/2018",
    ),
    (
        "BPBD",
        S,
        "Peringatan Dini Banjir Sungai Sangatta",
        "Status siaga banjir: debit Sungai Sangatta meningkat, warga bantaran diminta "
        "siap evakuasi ke titik kumpul.",
        2025,
        "2 tahun",
        "UU 24/2007",
    ),
    (
        "BPBD",
        S,
        "Peringatan Kebakaran Hutan dan Lahan (Karhutla)",
        "Titik panas di Kecamatan Bengalon dan Kaubun; larangan membuka lahan dengan "
        "membakar.",
        2025,
        "2 tahun",
        "UU 24/2007",
    ),
    (
        "BPBD",
        B,
        "Prosedur Peringatan Dini dan Evakuasi Bencana",
        "Jalur evakuasi, titik kumpul dan nomor darurat per kecamatan.",
        2024,
        "Selama berlaku",
        "Perki 1/2021",
    ),
    (
        "BPBD",
        B,
        "Kajian Risiko Bencana Kabupaten Kutai Timur",
        "Peta bahaya banjir, longsor dan karhutla dengan tingkat risiko.",
        2023,
        "5 tahun",
        "Perka BNPB 2/2012",
    ),
    (
        "BPBD",
        A,
        "Laporan Penanganan Banjir Januari 2025",
        "Jumlah warga terdampak, pengungsian dan bantuan logistik.",
        2025,
        "5 tahun",
        "UU 24/2007",
    ),
    (
        "PUPR",
        B,
        "Daftar Paket Pekerjaan Jalan dan Jembatan 2025",
        "Lokasi, nilai kontrak dan pelaksana pekerjaan infrastruktur jalan.",
        2025,
        "5 tahun",
        "Perpres 16/2018",
    ),
    (
        "PUPR",
        A,
        "Rencana Tata Ruang Wilayah (RTRW) Kutai Timur",
        "Perda RTRW beserta peta rencana pola dan struktur ruang.",
        2022,
        "Permanen",
        "UU 26/2007",
    ),
    (
        "PUPR",
        S,
        "Pemberitahuan Gangguan Distribusi Air Bersih",
        "Perbaikan pipa transmisi Perumdam Tirta Tuah Benua: aliran air di Sangatta "
        "Utara terhenti 12 jam.",
        2025,
        "1 tahun",
        "Perki 1/2021 Pasal 25",
    ),
    (
        "DPMPTSP",
        B,
        "Standar Pelayanan Perizinan Berusaha",
        "Persyaratan, alur dan waktu layanan perizinan melalui OSS RBA.",
        2025,
        "Selama berlaku",
        "PP 5/2021",
    ),
    (
        "DPMPTSP",
        A,
        "Rekapitulasi Izin yang Diterbitkan 2024",
        "Jumlah dan jenis izin yang diterbitkan per bulan.",
        2025,
        "5 tahun",
        "UU 14/2008 Pasal 11",
    ),
    (
        "DISDUKCAPIL",
        B,
        "Data Agregat Kependudukan Semester I 2025",
        "Jumlah penduduk per kecamatan, jenis kelamin dan kelompok umur.",
        2025,
        "5 tahun",
        "Permendagri 95/2019",
    ),
    (
        "DISDUKCAPIL",
        A,
        "SOP Penerbitan KTP-el dan Kartu Keluarga",
        "Persyaratan dan alur layanan administrasi kependudukan.",
        2024,
        "Selama berlaku",
        "Perpres 96/2018",
    ),
    (
        "DISDIKBUD",
        B,
        "Data Sekolah dan Peserta Didik 2024/2025",
        "Jumlah sekolah, guru dan peserta didik jenjang SD dan SMP.",
        2025,
        "5 tahun",
        "Permendikbud 79/2015",
    ),
    (
        "DISDIKBUD",
        A,
        "Petunjuk Teknis PPDB Tahun 2025",
        "Jalur zonasi, afirmasi, perpindahan tugas dan prestasi.",
        2025,
        "2 tahun",
        "Permendikbud 1/2021",
    ),
    (
        "DISDIKBUD",
        A,
        "Laporan Penggunaan Dana BOS 2024",
        "Rekap penggunaan dana BOS per sekolah.",
        2025,
        "10 tahun",
        "Permendikbudristek 63/2023",
    ),
    (
        "DLH",
        B,
        "Laporan Status Lingkungan Hidup Daerah 2024",
        "Kualitas air, udara, tutupan lahan dan pengelolaan sampah.",
        2025,
        "5 tahun",
        "UU 32/2009",
    ),
    (
        "DLH",
        S,
        "Peringatan Kualitas Udara Tidak Sehat akibat Asap",
        "ISPU di Sangatta kategori tidak sehat; warga diminta mengurangi aktivitas "
        "luar "
        "ruang.",
        2025,
        "1 tahun",
        "Permen LHK 14/2020",
    ),
    (
        "DLH",
        A,
        "Dokumen AMDAL yang Telah Disetujui",
        "Ringkasan dan keputusan kelayakan lingkungan kegiatan usaha.",
        2024,
        "Selama berlaku",
        "PP 22/2021",
    ),
    (
        "DINSOS",
        B,
        "Data Penerima Bantuan Sosial (Agregat)",
        "Jumlah KPM PKH dan BPNT per kecamatan, tanpa data pribadi.",
        2025,
        "5 tahun",
        "UU 13/2011",
    ),
    (
        "DINSOS",
        A,
        "SOP Penanganan Orang Terlantar",
        "Alur rujukan dan layanan rehabilitasi sosial.",
        2024,
        "Selama berlaku",
        "Permensos 8/2012",
    ),
    (
        "INSPEKTORAT",
        B,
        "Laporan Tindak Lanjut Hasil Pemeriksaan BPK",
        "Status tindak lanjut rekomendasi BPK per OPD.",
        2025,
        "10 tahun",
        "UU 15/2004",
    ),
    (
        "INSPEKTORAT",
        A,
        "Tata Cara Pengaduan Penyalahgunaan Wewenang",
        "Saluran dan alur pengaduan whistleblowing system.",
        2024,
        "Selama berlaku",
        "Perki 1/2021",
    ),
]

KECAMATAN = {
    "KEC-SANGATTA-UTARA": "Sangatta Utara",
    "KEC-SANGATTA-SELATAN": "Sangatta Selatan",
    "KEC-BENGALON": "Bengalon",
    "KEC-MUARA-WAHAU": "Muara Wahau",
    "KEC-SANGKULIRANG": "Sangkulirang",
}
for _code, _name in KECAMATAN.items():
    ITEMS += [
        (
            _code,
            B,
            f"Profil Kecamatan {_name}",
            f"Wilayah, penduduk, struktur organisasi dan layanan Kecamatan {_name}.",
            2025,
            "Selama berlaku",
            "PP 17/2018",
        ),
        (
            _code,
            A,
            f"Standar Pelayanan Kecamatan {_name}",
            "Layanan PATEN: persyaratan, waktu dan biaya.",
            2024,
            "Selama berlaku",
            "Permendagri 4/2010",
        ),
    ]

# (unit, title, letters, other basis, if opened, if closed, period, stage)
EXEMPTIONS = [
    (
        "DINKES",
        "Rekam medis pasien",
        "h",
        "UU 17/2023 tentang Kesehatan Pasal 173",
        "Rahasia kesehatan pasien terungkap dan dapat menimbulkan diskriminasi.",
        "Hak atas privasi dan kerahasiaan kondisi kesehatan pasien.",
        ("indefinite", None, ""),
        "before_request",
    ),
    (
        "RSUD-KUDUNGGA",
        "Data pribadi tenaga kesehatan (NIK, alamat, rekening)",
        "h",
        "UU 27/2022 tentang Pelindungan Data Pribadi",
        "Penyalahgunaan data pribadi, penipuan dan pencurian identitas.",
        "Pelindungan data pribadi pegawai.",
        ("indefinite", None, ""),
        "before_request",
    ),
    (
        "INSPEKTORAT",
        "Kertas kerja audit investigatif yang sedang berjalan",
        "ai",
        "",
        "Menghambat proses pemeriksaan dan penegakan hukum.",
        "Kelancaran audit dan perlindungan saksi/pelapor.",
        ("until_event", None, "laporan hasil audit diserahkan ke aparat penegak hukum"),
        "before_request",
    ),
    (
        "SETDA",
        "Dokumen penawaran peserta tender yang belum diumumkan pemenangnya",
        "b",
        "Perpres 16/2018 Pasal 80",
        "Persaingan usaha tidak sehat dan kerugian peserta tender.",
        "Persaingan usaha yang sehat dalam pengadaan.",
        ("until_event", None, "pengumuman pemenang tender"),
        "on_request",
    ),
    (
        "BAPPEDA",
        "Draf Renja yang belum ditetapkan",
        "i",
        "",
        "Menimbulkan salah tafsir atas rancangan yang masih berubah.",
        "Proses perumusan kebijakan yang bebas tekanan.",
        ("until_event", None, "Renja ditetapkan"),
        "before_request",
    ),
    (
        "DISDUKCAPIL",
        "Data kependudukan perseorangan (NIK, KK)",
        "hj",
        "UU 24/2013 tentang Administrasi Kependudukan Pasal 79",
        "Pemalsuan identitas dan kejahatan berbasis data kependudukan.",
        "Kerahasiaan data pribadi penduduk.",
        ("indefinite", None, ""),
        "before_request",
    ),
    (
        "BPKAD",
        "Rekening kas daerah dan kode akses perbankan",
        "ej",
        "",
        "Risiko pembobolan dan kerugian keuangan daerah.",
        "Keamanan keuangan daerah.",
        ("until_date", dt.date(2030, 12, 31), ""),
        "before_request",
    ),
    (
        "DISKOMINFO",
        "Konfigurasi keamanan jaringan dan persandian",
        "c",
        "",
        "Serangan siber terhadap sistem pemerintahan daerah.",
        "Keamanan informasi dan layanan elektronik.",
        ("until_date", dt.date(2024, 12, 31), ""),
        "in_dispute",
    ),
    (
        "DINSOS",
        "Data pribadi penerima bantuan sosial",
        "h",
        "UU 27/2022",
        "Stigma sosial dan penyalahgunaan data penerima.",
        "Martabat dan privasi penerima bantuan.",
        ("indefinite", None, ""),
        "on_request",
    ),
]


def _pdf(title: str, summary: str, unit_name: str) -> bytes:
    html = (
        "<html><body style='font-family: DejaVu Sans, sans-serif'>"
        "<h1 style='font-size:16pt'>Pemerintah Kabupaten Kutai Timur</h1>"
        f"<h2 style='font-size:13pt'>{escape(title)}</h2>"
        f"<p>{escape(unit_name)}</p><p>{escape(summary)}</p>"
        "<p>Dokumen contoh portal PPID (data demo).</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def load(*, stdout, units, officers, **context) -> dict:
    utama = next(u for u in officers if u.username == "utama")
    now = timezone.now()
    today = timezone.localdate(now)
    calendar = Calendar()
    # Officers refresh and publish on working days: the latest one up to today.
    refreshed = working_day_on_or_before(calendar, today)
    items = []
    for index, (code, category, title, summary, year, retention, basis) in enumerate(
        ITEMS
    ):
        unit = units[code]
        data = {
            "category": category,
            "title": title,
            "summary": summary,
            "unit": unit,
            "responsible_official": f"Kepala {unit.name}",
            "production_time_place": f"{year}, Sangatta",
            "format_softcopy": True,
            "format_hardcopy": index % 3 == 0,
            "format_recording": category == S and index % 2 == 0,
            "retention_period": retention,
            "media": "Website PPID, papan pengumuman",
            "year": year,
            "legal_basis": basis,
            "dip_decree_number": "188.45/K.120/2025",
            "dip_decree_date": dt.date(2025, 1, 15),
            "tags": code.lower(),
            "update_cycle": "semiannual" if category == B else "",
            "last_refreshed_on": refreshed if category == B else None,
            "refresh_due": None,
        }
        item = InformationItem.objects.filter(unit=unit, title=title).first()
        if item is None:
            item = services.information_item_create(actor=utama, data=data)
        # A few drafts stay unpublished so officers have work to do.
        if item.status == InformationItem.Status.DRAFT and index % 17 != 5:
            published_on = working_days_ago(calendar, today, len(ITEMS) - index)
            item = services.information_item_publish(
                actor=utama,
                item=item,
                now=timezone.make_aware(dt.datetime.combine(published_on, dt.time(9))),
            )
        if not Document.objects.filter(item=item, title=title).exists():
            upload = ContentFile(
                _pdf(title, summary, unit.name), name=f"{code.lower()}-{index + 1}.pdf"
            )
            services.document_add(actor=utama, item=item, title=title, upload=upload)
        items.append(item)
    flood = next(i for i in items if i.title.startswith("Peringatan Dini Banjir"))
    if not Announcement.objects.filter(item=flood).exists():
        services.announcement_save(
            actor=utama,
            data={
                "item": flood,
                "message": "Siaga banjir Sungai Sangatta: bersiap mengungsi.",
                "severity": Announcement.Severity.DANGER,
                "starts_at": now - dt.timedelta(hours=1),
                "ends_at": now + dt.timedelta(days=7),
            },
        )
    for code, title, letters, basis, opened, closed, period, stage in EXEMPTIONS:
        if ExemptInformation.objects.filter(unit=units[code], title=title).exists():
            continue
        kind, until, event = period
        services.exemption_save(
            actor=utama,
            data={
                "title": title,
                "unit": units[code],
                "pasal17_letters": letters,
                "other_legal_basis": basis,
                "reason": "Hasil uji konsekuensi PPID Kabupaten Kutai Timur.",
                "consequence_if_opened": opened,
                "interest_if_closed": closed,
                "period_kind": kind,
                "period_until": until,
                "period_event": event,
                "test_stage": stage,
                "tested_on": dt.date(2024, 11, 20),
                "decided_by": "PPID Utama Kabupaten Kutai Timur",
                "decision_number": "188.45/K.121/2024",
                "decision_date": dt.date(2024, 12, 2),
            },
            minutes=ContentFile(
                _pdf(
                    f"Berita acara uji konsekuensi: {title}", opened, units[code].name
                ),
                name="berita-acara.pdf",
            ),
        )
    stdout.write(
        f"Registers: {InformationItem.objects.count()} information items, "
        f"{ExemptInformation.objects.count()} exempt entries."
    )
    return {"information_items": items}
