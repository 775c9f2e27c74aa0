"""Demo inbox: conversations on every channel, some converted into cases.

Idempotent: messages have fixed provider ids, conversions happen only once.
"""

import datetime as dt

from django.utils import timezone

from apps.channels import services
from apps.channels.adapters import Inbound, get_adapter
from apps.channels.models import Conversation, ConversationStatus, Message

THREADS = [
    (
        "whatsapp",
        "6281254001001",
        "Rahmat Hidayat",
        "",
        [
            "Selamat pagi, saya ingin meminta data jumlah penerima bantuan sosial "
            "tahun 2025 per kecamatan.",
            "Untuk bahan skripsi.",
        ],
    ),
    (
        "whatsapp",
        "6281254001002",
        "Dewi Lestari",
        "",
        ["Apakah jadwal posyandu bulan depan sudah ada?"],
    ),
    (
        "instagram",
        "17841400000001",
        "",
        "",
        [
            "Min, jalan di depan SD 005 Sangatta Utara berlubang besar, "
            "mohon diperbaiki."
        ],
    ),
    (
        "facebook",
        "24680135792468",
        "",
        "",
        ["Bagaimana cara meminta salinan APBD 2025?"],
    ),
    (
        "telegram",
        "555001",
        "Siti Aminah (@sitia)",
        "",
        ["Mohon informasi rincian dana desa Desa Swarga Bara 2025."],
    ),
    (
        "email",
        "andi.pratama@example.com",
        "Andi Pratama",
        "Permohonan data tata ruang",
        ["Dengan hormat, saya memohon peta RTRW Kabupaten Kutai Timur terbaru."],
    ),
]


def load(*, stdout, units, officers, **context) -> dict:
    by_name = {officer.username: officer for officer in officers}
    desk = by_name.get("petugas")
    now = timezone.now()
    conversations = []
    for index, (channel, sender, name, subject, texts) in enumerate(THREADS):
        start = now - dt.timedelta(days=12 - index * 2, hours=3)
        message = None
        for number, text in enumerate(texts):
            suffix = f"demo-{index}-{number}"
            provider_id = f"<{suffix}@demo.local>" if channel == "email" else suffix
            message, _created = services.message_receive(
                channel=channel,
                inbound=Inbound(
                    provider_message_id=provider_id,
                    sender_id=sender,
                    sender_name=name,
                    subject=subject,
                    sent_at=start + dt.timedelta(minutes=5 * number),
                    text=text,
                ),
            )
        conversations.append(message.conversation)
    whatsapp, _posyandu, instagram, _facebook, telegram, _email = conversations
    _convert(whatsapp, desk, units, kind="request")
    _convert(instagram, desk, units, kind="complaint")
    answered = Message.objects.filter(conversation=telegram, direction="out").exists()
    new = telegram.status == ConversationStatus.NEW
    if desk and new and not answered and _quiet(telegram):
        services.conversation_reply(
            conversation=telegram,
            actor=desk,
            text="Terima kasih, permohonan Anda kami proses. Mohon kirim nama "
            "lengkap, alamat dan NIK.",
        )
    stdout.write(
        f"Inbox conversations: {Conversation.objects.count()} "
        f"({Conversation.objects.filter(status='converted').count()} converted)"
    )
    return {"conversations": conversations}


def _quiet(conversation) -> bool:
    """Demo senders are not real: never message them through a configured channel."""
    return not get_adapter(conversation.channel).is_configured()


def _convert(conversation, desk, units, *, kind):
    conversation.refresh_from_db()
    if conversation.status == ConversationStatus.CONVERTED or desk is None:
        return
    if not _quiet(conversation):
        return
    if kind == "request":
        services.conversation_convert_to_request(
            conversation=conversation,
            actor=desk,
            data={
                "applicant_type": "individual",
                "name": conversation.sender_name,
                "nik": "6408011203850001",
                "address": "Jl. Pendidikan No. 5, Sangatta Utara",
                "phone": f"+{conversation.sender_id}",
                "information_requested": "Jumlah penerima bantuan sosial 2025 per "
                "kecamatan.",
                "purpose": "Bahan skripsi",
                "access_method": "copy",
                "copy_format": "softcopy",
                "delivery_method": "email",
                "email": "rahmat.hidayat@example.com",
                "channel": "whatsapp",
                "received_at": conversation.first_message_at,
                "unit": units.get("DINSOS"),
            },
        )
    else:
        services.conversation_convert_to_complaint(
            conversation=conversation,
            actor=desk,
            data={
                "title": "Jalan berlubang di depan SD 005",
                "description": "Lubang besar di jalan depan SD 005 Sangatta Utara.",
                "reporter_name": "Pengikut Instagram",
                "reporter_phone": "+6281254001003",
                "channel": "instagram",
                "received_at": conversation.first_message_at,
                "unit": units.get("PUPR"),
            },
        )
