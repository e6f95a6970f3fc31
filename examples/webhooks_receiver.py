"""Receive Apiframe webhooks: verify the signature on the raw body, then parse the event.

Run: APIFRAME_API_KEY=... python examples/webhooks_receiver.py [port]
and pass webhook_url="http://<this host>:<port>/apiframe" when submitting jobs.
"""

from __future__ import annotations

import http.server
import os
import sys

from apiframe.webhooks import SIGNATURE_HEADER, WebhookVerificationError, parse_webhook

API_KEY = os.environ.get("APIFRAME_API_KEY", "")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))  # the raw bytes, unmodified
        try:
            event = parse_webhook(api_key=API_KEY, body=body, signature=self.headers.get(SIGNATURE_HEADER))
        except WebhookVerificationError:
            self.send_response(401)
            self.end_headers()
            return
        print(f"{event.type}: job {event.job_id} {event.status} {event.progress}")
        self.send_response(204)
        self.end_headers()


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8791
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on http://127.0.0.1:{port}/apiframe")
    server.serve_forever()


if __name__ == "__main__":
    main()
