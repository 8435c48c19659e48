"""The API client's manners on a bad network: backoff and jitter on 429/5xx and dropped
connections, only where a retry is safe; the office proxy; a custom CA bundle.

The marketplace server cannot be made flaky on demand, so these run against a small local
HTTP server that answers from a script (a stand-in for a failing network, not for the API).
"""

from __future__ import annotations

import datetime
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.api import BACKOFF_BASE, BACKOFF_CAP, ApiClient, ApiError, TlsFailure, backoff_delay
from app.config import ConnectionSettings


class Scripted:
    """Answers each request with the next (status, headers, body) of a script."""

    def __init__(self, script, tls_context=None):
        self.script = list(script)
        self.seen: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                owner.seen.append(f"{self.command} {self.path}")
                status, headers, body = owner.script.pop(0) if owner.script else (200, {}, {"ok": True})
                data = json.dumps(body).encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_PUT = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls_context is not None:
            self.httpd.socket = tls_context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def scripted():
    made = []

    def make(*script, tls_context=None):
        server = Scripted(script, tls_context)
        made.append(server)
        return server

    yield make
    for server in made:
        server.close()


def client(url: str, sleeps: list[float], **settings) -> ApiClient:
    return ApiClient(ConnectionSettings(server_url=url, max_retries=3, **settings), sleep=sleeps.append)


BUSY = (503, {}, {"error": {"code": "unavailable", "message": "busy"}})


def test_reads_are_retried_with_growing_jittered_waits(scripted):
    server = scripted(BUSY, BUSY, (200, {}, {"status": "ok"}))
    sleeps: list[float] = []
    assert client(server.url, sleeps).health() == {"status": "ok"}
    assert len(server.seen) == 3 and len(sleeps) == 2
    assert 0 <= sleeps[0] <= BACKOFF_BASE and 0 <= sleeps[1] <= 2 * BACKOFF_BASE


def test_too_many_requests_waits_as_long_as_the_server_says(scripted):
    server = scripted((429, {"Retry-After": "7"}, {"error": {"code": "slow_down", "message": "later"}}), (200, {}, {"status": "ok"}))
    sleeps: list[float] = []
    client(server.url, sleeps).health()
    assert sleeps == [7.0]


def test_retries_end_with_the_servers_own_sentence(scripted):
    server = scripted(BUSY, BUSY, BUSY, BUSY, BUSY)
    sleeps: list[float] = []
    with pytest.raises(ApiError) as failed:
        client(server.url, sleeps).health()
    assert (failed.value.status, failed.value.message) == (503, "busy")
    assert len(server.seen) == 4  # the first try and max_retries=3 more


def test_a_sign_in_is_not_repeated_on_a_server_error(scripted):
    server = scripted((500, {}, {"error": {"code": "internal", "message": "oops"}}))
    with pytest.raises(ApiError):
        client(server.url, []).login("clerk", "pw")
    assert server.seen == ["POST /api/v1/auth/login"]


def test_writes_with_an_idempotency_key_are_retried(scripted):
    listing = {"id": "x", "version": 2}
    server = scripted(BUSY, (200, {}, listing))
    assert client(server.url, []).update_listing("x", 1, {"stock": 1}, "key-1") == listing
    assert server.seen == ["PATCH /api/v1/listings/x"] * 2


def test_backoff_is_capped():
    assert all(0 <= backoff_delay(n) <= BACKOFF_CAP for n in range(1, 40))


def test_requests_go_through_the_office_proxy(scripted):
    proxy = scripted((200, {}, {"status": "ok"}))
    api = ApiClient(ConnectionSettings(server_url="http://gem.invalid", proxy_url=proxy.url, max_retries=0))
    assert api.health() == {"status": "ok"}
    assert proxy.seen == ["GET http://gem.invalid/api/v1/health"]


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "GeM Desk test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return folder / "cert.pem", context


def test_an_untrusted_certificate_is_named_and_a_ca_bundle_fixes_it(scripted, self_signed):
    cert, context = self_signed
    server = scripted((200, {}, {"status": "ok"}), tls_context=context)
    url = server.url.replace("http://", "https://")
    with pytest.raises(TlsFailure, match="certificate is not trusted"):
        ApiClient(ConnectionSettings(server_url=url, max_retries=0)).health()
    trusted = ApiClient(ConnectionSettings(server_url=url, ca_bundle=str(cert), max_retries=0))
    assert trusted.health() == {"status": "ok"}


def test_the_feed_comes_compressed_and_the_bytes_are_counted(device):
    """The client asks for zstd or gzip; a page of the feed crosses the wire several times
    smaller than its JSON, and ApiClient.bytes_received counts what crossed."""
    import json

    from app.api import ACCEPT_ENCODING

    api = device("demo-buyer").session.api
    assert "gzip" in ACCEPT_ENCODING and api.http.headers["Accept-Encoding"] == ACCEPT_ENCODING
    before = api.bytes_received
    page = api.changes(None, 200)
    wire = api.bytes_received - before
    assert len(page["changes"]) == 200
    assert 0 < wire < len(json.dumps(page)) / 4
