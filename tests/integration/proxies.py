"""Small real proxies and a TLS front on 127.0.0.1, for the environment-proxy tests.

- :class:`ForwardProxy`: an HTTP proxy for ``http://`` targets (the request line names the whole URL;
  it forwards the request and streams the answer back).
- :class:`ConnectProxy`: an HTTP proxy for ``https://`` targets (``CONNECT host:port``, then bytes
  both ways).
- :class:`TlsFront`: TLS on a port of its own, bytes piped to a plain HTTP server (the sandbox), with a
  self-signed certificate for 127.0.0.1 written to ``cafile`` (point ``SSL_CERT_FILE`` at it).

Each records what it carried in ``seen`` and runs on threads until ``close()``.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import socket
import ssl
import threading
from pathlib import Path
from urllib.parse import urlsplit


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)


def _both_ways(a: socket.socket, b: socket.socket) -> None:
    threads = [threading.Thread(target=_pipe, args=pair, daemon=True) for pair in ((a, b), (b, a))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    a.close()
    b.close()


def _read_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


class _Server:
    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.seen: list[str] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() of the thread
        self.listener.close()
        self._thread.join()


class ForwardProxy(_Server):
    """Forwards each ``GET http://host:port/path HTTP/1.1`` to its host; one request per connection."""

    def _handle(self, conn: socket.socket) -> None:
        head = _read_head(conn)
        line, _, rest = head.partition(b"\r\n")
        method, target, version = line.decode("latin-1").split(" ", 2)
        self.seen.append(f"{method} {target}")
        url = urlsplit(target)
        headers, _, body = rest.partition(b"\r\n\r\n")
        kept = [h for h in headers.split(b"\r\n") if not h.lower().startswith((b"proxy-", b"connection:"))]
        upstream = socket.create_connection((url.hostname or "127.0.0.1", url.port or 80))
        path = url.path + (f"?{url.query}" if url.query else "")
        request = f"{method} {path} {version}\r\n".encode() + b"\r\n".join([*kept, b"Connection: close"])
        upstream.sendall(request + b"\r\n\r\n" + body)
        _both_ways(conn, upstream)


class ConnectProxy(_Server):
    """Answers ``CONNECT host:port`` with 200, then carries bytes both ways."""

    def _handle(self, conn: socket.socket) -> None:
        head = _read_head(conn)
        method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        self.seen.append(f"{method} {target}")
        if method != "CONNECT":
            conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
            conn.close()
            return
        host, _, port = target.rpartition(":")
        upstream = socket.create_connection((host, int(port)))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        _both_ways(conn, upstream)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    # imported here: cryptography costs every xdist worker ~0.1 s at collection otherwise
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


class TlsFront(_Server):
    """``https://127.0.0.1:port`` in front of a plain HTTP server at ``backend`` (``http://host:port``)."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.cafile, key_file = _self_signed(folder)
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._context.load_cert_chain(self.cafile, key_file)
        target = urlsplit(backend)
        self._backend = (target.hostname or "127.0.0.1", target.port or 80)
        super().__init__()
        self.url = f"https://127.0.0.1:{self.port}"

    def _handle(self, conn: socket.socket) -> None:
        """One request per connection, read and answered in turn (an SSL socket is not for two threads)."""
        try:
            tls = self._context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            conn.close()
            return
        with tls:
            head = _read_head(tls)
            headers, _, body = head.partition(b"\r\n\r\n")
            lines = headers.split(b"\r\n")
            length = next((int(h.split(b":", 1)[1]) for h in lines if h.lower().startswith(b"content-length:")), 0)
            while len(body) < length:
                body += tls.recv(65536)
            self.seen.append(lines[0].decode("latin-1"))
            kept = [h for h in lines if not h.lower().startswith(b"connection:")]
            with socket.create_connection(self._backend) as upstream:
                upstream.sendall(b"\r\n".join([*kept, b"Connection: close"]) + b"\r\n\r\n" + body)
                while chunk := upstream.recv(65536):
                    tls.sendall(chunk)
