"""Demo pages of PPID Kabupaten Kutai Timur: plain Indonesian, as the law asks.

Bodies are format strings filled from the body profile (name, decree, hours),
so the pages never contradict what the admin says.
"""

# (slug, title, menu, ordering, meta description, body[, menu title])
PROFILE = (
    "profil-ppid",
    "Profil PPID",
    "main",
    10,
    "Profil Pejabat Pengelola Informasi dan Dokumentasi (PPID) Kabupaten Kutai "
    "Timur: kedudukan, ruang lingkup, tugas dan alamat layanan.",
    """
<p>{ppid_name} adalah Pejabat Pengelola Informasi dan Dokumentasi di lingkungan
{name}. PPID bertanggung jawab di bidang penyimpanan, pendokumentasian, penyediaan
dan pelayanan informasi publik sebagaimana diatur dalam Undang-Undang Nomor 14
Tahun 2008 tentang Keterbukaan Informasi Publik.</p>
<h2>Kedudukan</h2>
<p>PPID Utama berkedudukan di Dinas Komunikasi, Informatika, Statistik dan
Persandian (Diskominfo Staper) Kabupaten Kutai Timur. Setiap perangkat daerah,
kecamatan dan kelurahan memiliki PPID Pelaksana yang melayani informasi di
unitnya dan berkoordinasi dengan PPID Utama.</p>
<h2>Ruang lingkup</h2>
<p>Layanan PPID mencakup seluruh informasi publik yang dihasilkan, disimpan,
dikelola, dikirim dan/atau diterima oleh perangkat daerah di lingkungan
{name}, kecuali informasi yang dikecualikan berdasarkan Pasal 17 UU 14/2008
setelah melalui uji konsekuensi.</p>
<h2>Tugas PPID</h2>
<ul>
  <li>Menyediakan, menyimpan, mendokumentasikan dan mengamankan informasi publik.</li>
  <li>Melayani permohonan informasi publik secara cepat, tepat waktu, biaya
  ringan dan cara sederhana.</li>
  <li>Menyusun, menetapkan dan memutakhirkan Daftar Informasi Publik (DIP).</li>
  <li>Melakukan uji konsekuensi atas informasi yang dikecualikan.</li>
  <li>Mengumumkan informasi yang wajib diumumkan secara berkala, serta-merta dan
  tersedia setiap saat.</li>
  <li>Menyusun laporan layanan informasi publik setiap tahun.</li>
</ul>
<h2>Alamat layanan</h2>
<p>{address_html}</p>
<p>Telepon {phone}, WhatsApp {whatsapp}, surel
<a href="mailto:{email}">{email}</a>.</p>
<p>Lihat juga <a href="/halaman/struktur-organisasi/">struktur organisasi dan
pejabat PPID</a> serta <a href="/halaman/sk-ppid/">SK PPID</a>.</p>
""",
)

LEGAL = (
    "dasar-hukum",
    "Dasar Hukum",
    "footer",
    20,
    "Peraturan perundang-undangan yang menjadi dasar layanan informasi publik "
    "PPID Kabupaten Kutai Timur.",
    """
<p>Layanan informasi publik {ppid_name} diselenggarakan berdasarkan:</p>
<ol>
  <li>Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.</li>
  <li>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.</li>
  <li>Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan.</li>
  <li>Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.</li>
  <li>Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan
  Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.</li>
  <li>Peraturan Komisi Informasi Nomor 1 Tahun 2013 tentang Prosedur
  Penyelesaian Sengketa Informasi Publik.</li>
  <li>Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan
  Informasi Publik.</li>
  <li>Peraturan Menteri Dalam Negeri Nomor 3 Tahun 2017 tentang Pedoman
  Pengelolaan Pelayanan Informasi dan Dokumentasi di Lingkungan Kementerian
  Dalam Negeri dan Pemerintahan Daerah.</li>
  <li>Keputusan Bupati Kutai Timur Nomor {decree_number} tentang Pejabat
  Pengelola Informasi dan Dokumentasi di Lingkungan Pemerintah Kabupaten Kutai
  Timur.</li>
</ol>
""",
)

VISION = (
    "visi-misi",
    "Visi dan Misi",
    "footer",
    30,
    "Visi dan misi PPID Kabupaten Kutai Timur dalam pelayanan informasi publik.",
    """
<h2>Visi</h2>
<p>Terwujudnya pelayanan informasi publik yang transparan, akuntabel dan mudah
diakses oleh seluruh masyarakat Kutai Timur.</p>
<h2>Misi</h2>
<ol>
  <li>Meningkatkan kualitas pengelolaan dan pelayanan informasi publik yang
  cepat, tepat, murah dan sederhana.</li>
  <li>Membangun dan mengembangkan sistem penyediaan dan layanan informasi
  berbasis teknologi informasi.</li>
  <li>Meningkatkan kapasitas PPID Utama dan PPID Pelaksana di seluruh perangkat
  daerah, kecamatan dan kelurahan.</li>
  <li>Menjamin hak masyarakat, termasuk penyandang disabilitas, untuk
  memperoleh informasi publik.</li>
  <li>Melindungi informasi yang dikecualikan dan data pribadi sesuai peraturan
  perundang-undangan.</li>
</ol>
""",
)

STRUCTURE = (
    "struktur-organisasi",
    "Struktur Organisasi dan Pejabat PPID",
    "footer",
    40,
    "Susunan organisasi PPID Kabupaten Kutai Timur: pembina, pengarah, atasan "
    "PPID, PPID Utama, PPID Pelaksana dan petugas layanan.",
    """
<p>Susunan PPID {name} ditetapkan dengan Keputusan Bupati Kutai Timur Nomor
{decree_number}.</p>
<div class="table-scroll">
<table class="table">
  <caption>Pejabat dalam struktur PPID</caption>
  <thead><tr><th scope="col">Kedudukan</th><th scope="col">Jabatan</th>
  <th scope="col">Nama</th></tr></thead>
  <tbody>
    <tr><td>Pembina</td><td>Bupati Kutai Timur</td><td>Bupati</td></tr>
    <tr><td>Pengarah</td><td>Wakil Bupati Kutai Timur</td><td>Wakil Bupati</td></tr>
    <tr><td>Atasan PPID</td><td>{superior_position}</td><td>{superior_name}</td></tr>
    <tr><td>PPID Utama</td><td>Kepala Dinas Komunikasi, Informatika, Statistik
    dan Persandian</td><td>{head_of_ppid}</td></tr>
    <tr><td>Bidang Pelayanan Informasi</td><td>Kepala Bidang Informasi dan
    Komunikasi Publik</td><td>Diskominfo Staper</td></tr>
    <tr><td>Bidang Pengelolaan Informasi dan Dokumentasi</td><td>Kepala Bidang
    Statistik dan Persandian</td><td>Diskominfo Staper</td></tr>
    <tr><td>Bidang Penyelesaian Sengketa Informasi</td><td>Kepala Bagian
    Hukum Sekretariat Daerah</td><td>Sekretariat Daerah</td></tr>
    <tr><td>PPID Pelaksana</td><td>Sekretaris atau pejabat yang ditunjuk di
    setiap perangkat daerah, kecamatan dan kelurahan</td><td>Sesuai SK masing-masing
    unit</td></tr>
    <tr><td>Petugas Layanan Informasi</td><td>Staf meja layanan PPID</td>
    <td>Diskominfo Staper</td></tr>
  </tbody>
</table>
</div>
<h2>Alur koordinasi</h2>
<ol class="steps" aria-label="Alur koordinasi PPID">
  <li><span class="step-title">Atasan PPID</span> memutus keberatan.</li>
  <li><span class="step-title">PPID Utama</span> mengoordinasikan seluruh
  layanan dan DIP.</li>
  <li><span class="step-title">PPID Pelaksana</span> menyediakan informasi di
  unitnya.</li>
  <li><span class="step-title">Petugas Layanan</span> menerima dan mencatat
  permohonan.</li>
</ol>
<p>Laporan harta kekayaan pejabat dapat dilihat pada halaman
<a href="/halaman/lhkpn/">LHKPN</a>.</p>
""",
)

LHKPN = (
    "lhkpn",
    "Laporan Harta Kekayaan Penyelenggara Negara (LHKPN)",
    "none",
    45,
    "Tautan ke LHKPN pejabat di lingkungan Pemerintah Kabupaten Kutai Timur.",
    """
<p>Pejabat di lingkungan {name} yang wajib lapor menyampaikan Laporan Harta
Kekayaan Penyelenggara Negara (LHKPN) kepada Komisi Pemberantasan Korupsi setiap
tahun. Pengumuman LHKPN dapat dilihat oleh masyarakat melalui situs resmi KPK:
<a href="https://elhkpn.kpk.go.id">elhkpn.kpk.go.id</a> (menu e-Announcement,
cari nama pejabat atau instansi “Kabupaten Kutai Timur”).</p>
<p>Rekapitulasi kepatuhan pelaporan LHKPN per perangkat daerah diumumkan oleh
Inspektorat Daerah sebagai informasi berkala.</p>
""",
)

DECREE = (
    "sk-ppid",
    "SK PPID",
    "footer",
    50,
    "Keputusan Bupati Kutai Timur tentang Pejabat Pengelola Informasi dan Dokumentasi.",
    """
<p>Pejabat Pengelola Informasi dan Dokumentasi di lingkungan {name} ditetapkan
dengan:</p>
<dl>
  <dt>Nomor</dt><dd>{decree_number}</dd>
  <dt>Tanggal</dt><dd>{decree_date}</dd>
  <dt>Tentang</dt><dd>Pejabat Pengelola Informasi dan Dokumentasi di Lingkungan
  Pemerintah Kabupaten Kutai Timur</dd>
</dl>
<p>Keputusan ini menetapkan Atasan PPID, PPID Utama, PPID Pelaksana, tim
pertimbangan dan petugas layanan informasi, beserta tugas dan kewenangannya.
Salinan keputusan dapat diminta di meja layanan PPID atau melalui permohonan
informasi daring; keputusan ini termasuk informasi yang tersedia setiap
saat.</p>
""",
)

MAKLUMAT = (
    "maklumat-pelayanan",
    "Maklumat Pelayanan",
    "footer",
    60,
    "Maklumat pelayanan informasi publik PPID Kabupaten Kutai Timur.",
    """
<blockquote class="blockquote">
<p>{maklumat}</p>
</blockquote>
<p>Maklumat ini disusun berdasarkan Pasal 47 dan 48 Peraturan Komisi Informasi
Nomor 1 Tahun 2021 dan memuat:</p>
<ul>
  <li><strong>Dasar hukum</strong>: lihat halaman
  <a href="/halaman/dasar-hukum/">Dasar Hukum</a>.</li>
  <li><strong>Sistem, mekanisme dan prosedur</strong>: lihat
  <a href="/halaman/tata-cara/">Tata Cara</a> dan
  <a href="/halaman/standar-layanan/">Standar Layanan dan SOP</a>.</li>
  <li><strong>Jangka waktu</strong>: pemberitahuan tertulis paling lambat 10
  hari kerja sejak permohonan diterima, dapat diperpanjang satu kali paling
  lambat 7 hari kerja dengan alasan tertulis.</li>
  <li><strong>Biaya</strong>: layanan tidak dipungut biaya; biaya penggandaan
  atau pengiriman, bila ada, sesuai biaya riil.</li>
  <li><strong>Jaminan layanan</strong>: setiap permohonan dicatat dengan nomor
  registrasi dan dapat dipantau statusnya.</li>
  <li><strong>Evaluasi kinerja petugas</strong>: melalui survei kepuasan
  masyarakat dan pengaduan.</li>
</ul>
<p>Ditandatangani oleh {head_of_ppid}, PPID Utama {name}.</p>
""",
)

STANDARDS = (
    "standar-layanan",
    "Standar Layanan dan SOP",
    "main",
    70,
    "Standar layanan informasi publik dan standar operasional prosedur (SOP) "
    "PPID Kabupaten Kutai Timur.",
    """
<p>Sesuai Pasal 23 ayat (2) Peraturan Komisi Informasi Nomor 1 Tahun 2021,
{ppid_name} menetapkan standar layanan berikut:</p>
<ol>
  <li>Pengumuman informasi publik (berkala, serta-merta dan setiap saat).</li>
  <li>Permintaan informasi publik.</li>
  <li>Pengajuan keberatan.</li>
  <li>Penetapan dan pemutakhiran Daftar Informasi Publik.</li>
  <li>Pendokumentasian informasi publik.</li>
  <li><a href="/halaman/maklumat-pelayanan/">Maklumat pelayanan</a>.</li>
  <li>Pengujian tentang konsekuensi.</li>
</ol>
<h2>Standar operasional prosedur</h2>
<ul>
  <li><a href="/halaman/sop-permohonan-informasi/">SOP Pelayanan Permohonan
  Informasi Publik</a></li>
  <li><a href="/halaman/sop-keberatan/">SOP Pengajuan Keberatan</a></li>
  <li><a href="/halaman/sop-sengketa-informasi/">SOP Fasilitasi Sengketa
  Informasi</a></li>
  <li><a href="/halaman/sop-pemutakhiran-dip/">SOP Penetapan dan Pemutakhiran
  Daftar Informasi Publik</a></li>
  <li><a href="/halaman/sop-uji-konsekuensi/">SOP Uji Konsekuensi</a></li>
  <li><a href="/halaman/sop-pendokumentasian/">SOP Pendokumentasian Informasi
  Publik</a></li>
</ul>
<p>Waktu dan biaya layanan: lihat <a href="/halaman/jam-dan-biaya-layanan/">Jam
dan Biaya Layanan</a>.</p>
""",
    "Standar Layanan",
)


def _sop(slug, title, ordering, purpose, steps, notes=""):
    items = "\n".join(
        f'  <li><span class="step-title">{head}</span> {text}</li>'
        for head, text in steps
    )
    body = f"""
<h2>Tujuan</h2>
<p>{purpose}</p>
<h2>Langkah</h2>
<ol>
{items}
</ol>
{notes}
<p>Kembali ke <a href="/halaman/standar-layanan/">Standar Layanan dan SOP</a>.</p>
"""
    return (slug, title, "none", ordering, f"{title} PPID Kabupaten Kutai Timur.", body)


SOPS = [
    _sop(
        "sop-permohonan-informasi",
        "SOP Pelayanan Permohonan Informasi Publik",
        81,
        "Memberikan pedoman pelayanan permohonan informasi publik secara daring "
        "maupun langsung di meja layanan, agar setiap permohonan dijawab tepat waktu.",
        [
            (
                "Penerimaan.",
                "Pemohon mengisi formulir daring atau datang ke meja layanan, "
                "dengan identitas (KTP untuk perorangan, akta pendirian untuk badan "
                "hukum).",
            ),
            (
                "Registrasi.",
                "Petugas mencatat permohonan dalam register dan memberikan nomor "
                "pendaftaran serta tanda bukti penerimaan.",
            ),
            (
                "Penelusuran.",
                "PPID Utama meneruskan permohonan kepada PPID Pelaksana yang "
                "menguasai informasi.",
            ),
            (
                "Pemberitahuan tertulis.",
                "Paling lambat 10 hari kerja sejak diterima, PPID menyampaikan "
                "pemberitahuan tertulis: diterima seluruhnya atau sebagian, ditolak "
                "beserta alasannya, atau informasi tidak dikuasai.",
            ),
            (
                "Perpanjangan.",
                "Bila perlu, satu kali perpanjangan paling lama 7 hari kerja dengan "
                "alasan tertulis.",
            ),
            (
                "Penyerahan.",
                "Informasi diserahkan sesuai cara yang diminta: diambil langsung, "
                "surel, pos atau unduhan.",
            ),
        ],
    ),
    _sop(
        "sop-keberatan",
        "SOP Pengajuan Keberatan",
        82,
        "Menjamin hak pemohon untuk mengajukan keberatan kepada Atasan PPID "
        "(Pasal 35 UU 14/2008).",
        [
            (
                "Pengajuan.",
                "Pemohon mengajukan keberatan paling lambat 30 hari kerja setelah "
                "alasan keberatan timbul, secara daring atau di meja layanan.",
            ),
            (
                "Registrasi.",
                "Petugas mencatat keberatan dalam register keberatan dan memberikan "
                "nomor serta tanda terima.",
            ),
            (
                "Pemeriksaan.",
                "Atasan PPID memeriksa alasan keberatan dan meminta penjelasan PPID.",
            ),
            (
                "Tanggapan.",
                "Atasan PPID memberikan tanggapan tertulis paling lambat 30 hari "
                "kerja sejak keberatan diterima.",
            ),
        ],
        "<p>Alasan keberatan: penolakan berdasarkan pengecualian, informasi "
        "berkala tidak disediakan, permohonan tidak ditanggapi, ditanggapi tidak "
        "sebagaimana diminta, tidak dipenuhi, biaya tidak wajar, atau melebihi "
        "jangka waktu.</p>",
    ),
    _sop(
        "sop-sengketa-informasi",
        "SOP Fasilitasi Sengketa Informasi",
        83,
        "Mengatur peran PPID ketika pemohon mengajukan sengketa ke Komisi "
        "Informasi Provinsi Kalimantan Timur.",
        [
            (
                "Pengajuan sengketa.",
                "Pemohon yang tidak puas atas tanggapan Atasan PPID dapat mengajukan "
                "sengketa ke Komisi Informasi paling lambat 14 hari kerja setelah "
                "tanggapan diterima.",
            ),
            (
                "Penunjukan kuasa.",
                "PPID Utama bersama Bagian Hukum menyiapkan surat kuasa dan dokumen "
                "pendukung.",
            ),
            (
                "Mediasi atau ajudikasi.",
                "PPID menghadiri sidang dan menyampaikan uji konsekuensi serta bukti.",
            ),
            (
                "Pelaksanaan putusan.",
                "PPID melaksanakan putusan atau kesepakatan mediasi dan mencatatnya "
                "dalam register sengketa.",
            ),
        ],
    ),
    _sop(
        "sop-pemutakhiran-dip",
        "SOP Penetapan dan Pemutakhiran Daftar Informasi Publik",
        84,
        "Memastikan Daftar Informasi Publik (DIP) lengkap dan mutakhir.",
        [
            (
                "Inventarisasi.",
                "PPID Pelaksana menginventarisasi informasi yang dikuasai unitnya.",
            ),
            (
                "Klasifikasi.",
                "Informasi dikelompokkan: berkala, serta-merta, setiap saat atau "
                "dikecualikan (setelah uji konsekuensi).",
            ),
            (
                "Penetapan.",
                "PPID Utama menetapkan DIP dengan keputusan dan mengumumkannya di "
                "portal.",
            ),
            (
                "Pemutakhiran.",
                "DIP ditinjau paling sedikit setiap 6 bulan dan setiap ada informasi "
                "baru.",
            ),
        ],
    ),
    _sop(
        "sop-uji-konsekuensi",
        "SOP Uji Konsekuensi",
        85,
        "Menentukan informasi yang dikecualikan secara cermat berdasarkan Pasal 17 "
        "UU 14/2008.",
        [
            (
                "Usulan.",
                "PPID Pelaksana mengusulkan informasi yang diduga dikecualikan.",
            ),
            (
                "Rapat uji konsekuensi.",
                "PPID bersama unit terkait menimbang dasar hukum dan konsekuensi "
                "bila informasi dibuka.",
            ),
            (
                "Uji kepentingan publik.",
                "Ditimbang apakah kepentingan publik yang lebih besar menghendaki "
                "informasi dibuka.",
            ),
            (
                "Penetapan.",
                "Hasil dituangkan dalam berita acara dan penetapan PPID, memuat "
                "jangka waktu pengecualian, lalu diumumkan dalam Daftar Informasi "
                "yang Dikecualikan.",
            ),
        ],
    ),
    _sop(
        "sop-pendokumentasian",
        "SOP Pendokumentasian Informasi Publik",
        86,
        "Menjaga agar informasi publik tersimpan rapi, aman dan mudah ditemukan.",
        [
            (
                "Pengumpulan.",
                "PPID Pelaksana menyerahkan salinan informasi kepada PPID Utama.",
            ),
            (
                "Pengolahan.",
                "Informasi diberi kode, kategori dan metadata, lalu dipindai bila "
                "masih berupa kertas.",
            ),
            (
                "Penyimpanan.",
                "Arsip digital disimpan di portal dengan cadangan berkala; arsip "
                "kertas sesuai UU 43/2009 tentang Kearsipan.",
            ),
            (
                "Penyajian.",
                "Informasi yang terbuka ditampilkan di portal dan dapat diunduh.",
            ),
        ],
    ),
]

HOURS = (
    "jam-dan-biaya-layanan",
    "Jam dan Biaya Layanan",
    "footer",
    90,
    "Jam layanan informasi publik dan biaya layanan PPID Kabupaten Kutai Timur.",
    """
<h2>Jam layanan meja informasi</h2>
<p>{office_hours_html}</p>
<p>Permohonan daring dapat diajukan setiap saat. Permohonan yang diterima di luar
jam kerja, pada hari libur atau cuti bersama dihitung mulai hari kerja
berikutnya.</p>
<h2>Jangka waktu</h2>
<div class="table-scroll">
<table class="table">
  <caption>Jangka waktu layanan (hari kerja)</caption>
  <thead><tr><th scope="col">Tahap</th><th scope="col">Paling lambat</th></tr></thead>
  <tbody>
    <tr><td>Pemberitahuan tertulis atas permohonan</td><td>10 hari kerja</td></tr>
    <tr><td>Perpanjangan (satu kali, dengan alasan)</td><td>7 hari kerja</td></tr>
    <tr><td>Pengajuan keberatan oleh pemohon</td><td>30 hari kerja</td></tr>
    <tr><td>Tanggapan Atasan PPID atas keberatan</td><td>30 hari kerja</td></tr>
    <tr><td>Pengajuan sengketa ke Komisi Informasi</td><td>14 hari kerja</td></tr>
  </tbody>
</table>
</div>
<h2>Biaya</h2>
<p>Layanan informasi publik <strong>tidak dipungut biaya</strong>. Bila pemohon
meminta salinan cetak atau pengiriman, biaya penggandaan dan pengiriman
ditanggung pemohon sesuai biaya riil, atau pemohon dapat membawa media
penyimpanan sendiri. Salinan elektronik melalui surel atau unduhan selalu
gratis.</p>
""",
)

HOWTO = (
    "tata-cara",
    "Tata Cara Permohonan Informasi dan Keberatan",
    "main",
    100,
    "Langkah mengajukan permohonan informasi publik dan keberatan kepada PPID "
    "Kabupaten Kutai Timur.",
    """
<p>Setiap orang, kelompok orang atau badan hukum Indonesia dapat meminta
informasi publik. Pemohon tidak perlu memiliki akun.</p>
<h2>Permohonan informasi</h2>
<ol class="steps" aria-label="Langkah permohonan informasi">
  <li><span class="step-title">Ajukan permohonan</span> isi formulir daring atau
  datang ke meja layanan, sertakan identitas.
  <span class="step-time">Hari ke-0</span></li>
  <li><span class="step-title">Terima nomor registrasi</span> simpan nomor dan
  tautan status yang dikirim ke surel Anda.
  <span class="step-time">Saat itu juga</span></li>
  <li><span class="step-title">PPID memproses</span> permohonan diteruskan ke
  perangkat daerah yang menguasai informasi.
  <span class="step-time">1–10 hari kerja</span></li>
  <li><span class="step-title">Pemberitahuan tertulis</span> informasi diberikan,
  diberikan sebagian atau ditolak dengan alasan.
  <span class="step-time">Paling lambat 10 hari kerja (+7 bila diperpanjang)</span></li>
</ol>
<h2>Keberatan</h2>
<ol class="steps" aria-label="Langkah pengajuan keberatan">
  <li><span class="step-title">Ajukan keberatan</span> bila permohonan ditolak,
  tidak ditanggapi atau tidak sesuai.
  <span class="step-time">Paling lambat 30 hari kerja</span></li>
  <li><span class="step-title">Atasan PPID memeriksa</span> keberatan dicatat dan
  diberi nomor. <span class="step-time">Saat itu juga</span></li>
  <li><span class="step-title">Tanggapan tertulis</span> Atasan PPID memutus
  keberatan. <span class="step-time">Paling lambat 30 hari kerja</span></li>
  <li><span class="step-title">Sengketa</span> bila tidak puas, ajukan ke Komisi
  Informasi Provinsi Kalimantan Timur.
  <span class="step-time">Paling lambat 14 hari kerja</span></li>
</ol>
<p>Rincian tiap tahap ada pada <a href="/halaman/sop-permohonan-informasi/">SOP
Permohonan</a> dan <a href="/halaman/sop-keberatan/">SOP Keberatan</a>.</p>
""",
    "Tata Cara",
)

FAQ = (
    "faq",
    "Pertanyaan yang Sering Diajukan",
    "main",
    110,
    "Jawaban atas pertanyaan yang sering diajukan tentang layanan informasi "
    "publik di Kabupaten Kutai Timur.",
    """
<details><summary>Siapa yang boleh meminta informasi?</summary>
<p>Setiap warga negara Indonesia dan badan hukum Indonesia, dengan menunjukkan
identitas.</p></details>
<details><summary>Apakah saya harus menyebutkan alasan?</summary>
<p>Pemohon menyebutkan tujuan penggunaan informasi, tetapi tujuan itu tidak
menjadi alasan untuk menolak informasi yang terbuka.</p></details>
<details><summary>Berapa lama saya menunggu jawaban?</summary>
<p>Paling lambat 10 hari kerja, dan dapat diperpanjang satu kali 7 hari kerja
dengan alasan tertulis.</p></details>
<details><summary>Berapa biayanya?</summary>
<p>Gratis. Hanya biaya penggandaan atau pengiriman yang Anda minta yang
ditanggung sesuai biaya riil.</p></details>
<details><summary>Bagaimana jika permohonan saya ditolak?</summary>
<p>Anda dapat mengajukan keberatan kepada Atasan PPID paling lambat 30 hari
kerja. Lihat <a href="/halaman/tata-cara/">Tata Cara</a>.</p></details>
<details><summary>Apakah data pribadi saya aman?</summary>
<p>Ya. Data identitas hanya dipakai untuk layanan dan tidak pernah ditampilkan
di halaman publik. Lihat <a href="/halaman/kebijakan-privasi/">Kebijakan
Privasi</a>.</p></details>
<details><summary>Apakah tersedia layanan bagi penyandang disabilitas?</summary>
<p>Portal ini dapat diperbesar tulisannya dan memiliki mode kontras tinggi.
Meja layanan di lantai dasar dapat diakses kursi roda, dan petugas membantu
mengisi formulir.</p></details>
""",
    "FAQ",
)

PRIVACY = (
    "kebijakan-privasi",
    "Kebijakan Privasi",
    "footer",
    120,
    "Pemberitahuan pelindungan data pribadi pada layanan PPID Kabupaten Kutai "
    "Timur sesuai UU 27/2022.",
    """
<p>{ppid_name} memproses data pribadi pemohon informasi, pengaju keberatan dan
pengadu sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data
Pribadi.</p>
<h2>Data yang kami proses</h2>
<ul>
  <li>Nama, alamat, nomor telepon dan alamat surel.</li>
  <li>Nomor Induk Kependudukan (NIK) dan salinan kartu identitas.</li>
  <li>Isi permohonan, keberatan atau pengaduan beserta lampirannya.</li>
</ul>
<h2>Dasar dan tujuan pemrosesan</h2>
<p>Pemrosesan dilakukan untuk menjalankan tugas pelayanan publik dan kewajiban
hukum berdasarkan UU 14/2008 (Pasal 20 ayat (2) UU 27/2022), yaitu untuk
mencatat, memproses dan menjawab permohonan Anda serta menyusun laporan
statistik tanpa identitas.</p>
<h2>Perlindungan</h2>
<p>Salinan identitas disimpan terenkripsi dan hanya dapat dibuka oleh petugas
yang menangani permohonan. Data pribadi tidak pernah ditampilkan di halaman
publik atau API publik. Bila terjadi kegagalan pelindungan data, kami
memberitahukan Anda secara tertulis paling lambat 3 × 24 jam.</p>
<h2>Hak Anda</h2>
<p>Anda berhak mendapatkan informasi tentang pemrosesan, mengakses, memperbaiki
dan meminta penghapusan data pribadi sesuai ketentuan retensi arsip. Hubungi
<a href="mailto:{email}">{email}</a>.</p>
""",
)

PAGES = [
    PROFILE,
    LEGAL,
    VISION,
    STRUCTURE,
    LHKPN,
    DECREE,
    MAKLUMAT,
    STANDARDS,
    *SOPS,
    HOURS,
    HOWTO,
    FAQ,
    PRIVACY,
]
