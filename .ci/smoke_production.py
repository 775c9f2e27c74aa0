"""Driver of .ci/smoke-production: a citizen and an officer over HTTPS through nginx.

Run by the shell script with the production environment set; reads SMOKE_* for
the addresses and the working folder. Exits non-zero (an AssertionError) at the
first step that fails.
"""

import email
import email.policy
import gzip
import http.client
import http.cookiejar
import io
import json
import mailbox
import os
import re
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

SITE = os.environ["SMOKE_SITE"]
PLAIN = os.environ["SMOKE_HTTP"]
WORK = Path(os.environ["SMOKE_WORK"])
TLS = ssl.create_default_context(cafile=str(WORK / "tls.crt"))
NIK = "6408015203850002"


def step(text):
    print(f"  - {text}", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=TLS),
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirect,
        )

    def request(self, url, *, data=None, headers=None, method=None):
        url = url if url.startswith("http") else SITE + url
        request = urllib.request.Request(
            url, data=data, headers=headers or {}, method=method
        )
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.status, response.headers, body

    def csrf(self):
        for cookie in self.cookies:
            if cookie.name == "csrftoken":
                return cookie.value
        raise AssertionError("no csrftoken cookie")


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\n".encode())
        out.write(f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(str(value).encode() + b"\r\n")
    for name, (filename, content, mimetype) in files.items():
        out.write(f"--{boundary}\r\n".encode())
        out.write(
            f'Content-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mimetype}\r\n\r\n'.encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def shell(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def sample_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>KTP Siti Aminah</p>").write_pdf()


def main():
    browser = Browser()

    step("plain HTTP is sent to HTTPS")
    status, headers, _ = Browser().request(PLAIN + "/permohonan/ajukan/")
    assert status == 301, status
    assert headers["Location"].startswith("https://localhost"), headers["Location"]

    step("HTTP/2 is offered over TLS")
    host, port = urllib.parse.urlsplit(SITE).netloc.split(":")
    alpn = ssl.create_default_context(cafile=str(WORK / "tls.crt"))
    alpn.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection((host, int(port))) as raw,
        alpn.wrap_socket(raw, server_hostname=host) as tls,
    ):
        assert tls.selected_alpn_protocol() == "h2"

    step("/livez and /healthz (database, cache, storage, queue)")
    status, _, body = browser.request("/livez")
    assert status == 200, body
    status, _, body = browser.request("/healthz")
    health = json.loads(body)
    assert status == 200, body
    assert health["database"] == health["cache"] == health["storage"] == "ok", health

    step("home page: gzip, HSTS, request id; static files cached for a year")
    status, headers, body = browser.request("/", headers={"Accept-Encoding": "gzip"})
    assert status == 200, status
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    request_id = headers["X-Request-ID"]
    css = re.search(rb'href="(/static/[^"]+\.css)"', body).group(1).decode()
    status, headers, _ = browser.request(css, headers={"Accept-Encoding": "gzip"})
    assert status == 200, css
    assert "immutable" in headers["Cache-Control"], headers["Cache-Control"]
    assert headers["Content-Encoding"] == "gzip"

    step("a citizen files a request with an identity scan")
    status, _, body = browser.request("/permohonan/ajukan/")
    assert status == 200, status
    key = re.search(rb'name="submission_key" value="([^"]+)"', body).group(1).decode()
    scan = sample_pdf()
    data, content_type = multipart(
        {
            "csrfmiddlewaretoken": browser.csrf(),
            "applicant_type": "individual",
            "name": "Siti Aminah",
            "nik": NIK,
            "address": "Jl. Pendidikan No. 4, Sangatta Utara",
            "phone": "0813 4567 8901",
            "email": "siti@example.com",
            "occupation": "Guru",
            "information_requested": "Jumlah guru honorer SD per kecamatan 2025",
            "purpose": "Advokasi kesejahteraan guru",
            "access_method": "copy",
            "copy_format": "softcopy",
            "delivery_method": "email",
            "submission_key": key,
        },
        {"identity_document": ("ktp.pdf", scan, "application/pdf")},
    )
    status, headers, body = browser.request(
        "/permohonan/ajukan/",
        data=data,
        headers={"Content-Type": content_type, "Referer": SITE + "/permohonan/ajukan/"},
    )
    assert status == 302, body[:2000]
    submitted = headers["Location"]
    number, pk = shell(
        "from apps.info_requests.models import InformationRequest as R;"
        "r = R.objects.get(); print(r.registration_number, r.pk)"
    ).split()
    status, _, body = browser.request(submitted)
    assert status == 200, status
    assert number.encode() in body, number

    step("the status page shows it")
    token = submitted.rstrip("/").rsplit("/", 1)[1]
    status, _, body = browser.request(f"/permohonan/status/{token}/")
    assert status == 200, status
    assert number.encode() in body, number

    step("the receipt e-mail arrives through the worker and SMTP")
    deadline = time.monotonic() + 120
    receipt = None
    while receipt is None:
        assert time.monotonic() < deadline, "no receipt e-mail"
        if (WORK / "mail").exists():
            for message in mailbox.Maildir(WORK / "mail", create=False):
                parsed = email.message_from_bytes(
                    message.as_bytes(), policy=email.policy.default
                )
                if "siti@example.com" not in parsed["To"]:
                    continue
                text = str(parsed["Subject"]) + "".join(
                    part.get_content()
                    for part in parsed.walk()
                    if part.get_content_type() in ("text/plain", "text/html")
                )
                if number in text:
                    receipt = parsed
        time.sleep(0.5)
    ran_by = shell(
        "from django_tasks_db.models import DBTaskResult as T;"
        "print(sorted({w for t in T.objects.filter(status='SUCCESSFUL')"
        " for w in t.worker_ids}))"
    )
    assert ran_by == "['smoke-1']", ran_by

    step("a published register document downloads through X-Accel-Redirect")
    url, name, size = shell(
        "from apps.registers.models import Document as D;"
        "d = D.objects.get(); print(d.get_download_url(), d.file.name, d.file.size)"
    ).split()
    status, headers, body = browser.request(url)
    assert status == 200, status
    assert body.startswith(b"%PDF"), body[:100]
    assert len(body) == int(size), len(body)
    assert headers["Content-Type"] == "application/pdf"
    assert "APBD 2026.pdf" in headers["Content-Disposition"]
    assert "X-Accel-Redirect" not in headers
    assert headers.get("X-Content-Type-Options") == "nosniff"
    accel = [
        line
        for line in (WORK / "nginx-access.log").read_text().splitlines()
        if url in line and '" 200 ' in line
    ]
    assert accel, "nginx did not log the download"
    assert f"accel=/_private/registers/{name}" in accel[-1], accel[-1]
    status, _, _ = browser.request(f"/_private/registers/{name}")
    assert status == 404, f"the internal location answered {status} from outside"

    step("an officer signs in and opens the (encrypted) identity scan")
    officer = Browser()
    officer.request("/admin/login/")
    status, headers, body = officer.request(
        "/admin/login/",
        data=urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": officer.csrf(),
                "username": "utama",
                "password": "smoke-Password-2026",
                "next": "/admin/",
            }
        ).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": SITE + "/admin/login/",
        },
    )
    assert status == 302, body[:2000]
    # Several gunicorn workers: the session (in Redis) is found by each of them.
    for _ in range(6):
        status, headers, body = officer.request(f"/permohonan/berkas/{pk}/identity/")
        assert status == 200, status
        assert body == scan, "the identity scan differs"
        assert "private" in headers["Cache-Control"]

    step("metrics for the token only")
    status, _, _ = browser.request("/metrics")
    assert status == 404, status
    status, _, body = browser.request(
        "/metrics", headers={"Authorization": "Bearer smoke-metrics-token"}
    )
    assert status == 200, status
    text = body.decode()
    assert 'route="/permohonan/ajukan/"' in text
    assert "ppid_task_queue_length" in text
    assert 'ppid_overdue_cases{kind="information_request"} 0.0' in text

    step("logs: JSON lines with the request id, no personal data")
    app_lines = [
        json.loads(line)
        for line in (WORK / "gunicorn.log").read_text().splitlines()
        if line.startswith("{")
    ]
    assert any(line["request_id"] == request_id for line in app_lines), request_id
    assert f"rid={request_id}" in (WORK / "nginx-access.log").read_text()
    everything = (WORK / "gunicorn.log").read_text() + (WORK / "worker.log").read_text()
    for secret in (NIK, "Siti Aminah", "siti@example.com", "0813 4567 8901", token):
        assert secret not in everything, f"{secret!r} is in the logs"
    print("  all steps passed", flush=True)


if __name__ == "__main__":
    http.client.HTTPConnection.debuglevel = 0
    main()
