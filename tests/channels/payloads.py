"""Webhook bodies in each provider's documented shape."""

import hashlib
import hmac
import json

APP_SECRET = "test-app-secret"


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def whatsapp(messages=(), statuses=(), contacts=None, wa_id="6281254001234"):
    value = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": "6285250000000",
            "phone_number_id": "106540352242922",
        },
    }
    if messages:
        value["contacts"] = contacts or [
            {"profile": {"name": "Budi Santoso"}, "wa_id": wa_id}
        ]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [{"value": value, "field": "messages"}],
            }
        ],
    }


def wa_text(
    mid="wamid.IN1",
    text="Saya minta data anggaran.",
    ts=1767225600,
    wa_id="6281254001234",
):
    return {
        "from": wa_id,
        "id": mid,
        "timestamp": str(ts),
        "type": "text",
        "text": {"body": text},
    }


def messaging(object_name, events):
    return {
        "object": object_name,
        "entry": [{"id": "17841400000000", "time": 1767225600000, "messaging": events}],
    }


def msg_event(
    mid="m_IN1",
    text="Halo PPID",
    sender="6543210987",
    ts_ms=1767225600000,
    attachments=None,
):
    message = {"mid": mid, "text": text}
    if attachments:
        message = {"mid": mid, "attachments": attachments}
    return {
        "sender": {"id": sender},
        "recipient": {"id": "17841400000000"},
        "timestamp": ts_ms,
        "message": message,
    }


def telegram(
    update_id=1,
    message_id=10,
    chat_id=555001,
    text="Minta info",
    date=1767225600,
    **extra,
):
    message = {
        "message_id": message_id,
        "from": {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Siti",
            "last_name": "Aminah",
            "username": "sitia",
        },
        "chat": {"id": chat_id, "first_name": "Siti", "type": "private"},
        "date": date,
    }
    if text is not None:
        message["text"] = text
    message.update(extra)
    return {"update_id": update_id, "message": message}


def dumps(payload) -> bytes:
    return json.dumps(payload).encode()
