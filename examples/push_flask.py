"""Waiting by push in a Flask app: a route hands each webhook to ``handle_webhook``, waits end on it.

Run: APIFRAME_API_KEY=... python examples/push_flask.py
(with APIFRAME_BASE_URL pointing at a sandbox, ``apiframe sandbox``, it runs locally end to end).
In production, serve ``app`` with your WSGI server and use its public URL in ``PushSource``.
"""

from __future__ import annotations

import threading

from flask import Flask, request
from werkzeug.serving import make_server

from apiframe import Apiframe
from apiframe.webhooks import PushSource, WebhookHub, handle_webhook

hub = WebhookHub()  # RedisWebhookHub("redis://...") when the web and worker processes differ
app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024  # Flask refuses larger bodies before the route runs


@app.post("/apiframe/webhooks")
def apiframe_webhooks() -> tuple[str, int, dict[str, str]]:
    answer = handle_webhook(hub, body=request.get_data(), headers=request.headers)  # key: APIFRAME_API_KEY
    return answer.body, answer.status, {"Content-Type": answer.content_type}


def main() -> None:
    server = make_server("127.0.0.1", 0, app, threaded=True)  # a free port; in production, your public address
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    public_url = f"http://127.0.0.1:{server.server_port}/apiframe/webhooks"
    try:
        with Apiframe(push=PushSource(hub, public_url)) as client:
            jobs = [client.images.generate(model="nano-banana", prompt=f"a paper boat, take {n}") for n in range(3)]
            for job in client.jobs.wait_many(jobs):
                print(f"{job.id} {job.status}: {[output.url for output in job.outputs]}")
    finally:
        server.shutdown()
        thread.join()


if __name__ == "__main__":
    main()
