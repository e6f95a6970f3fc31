"""Waiting by push in a FastAPI app: the app receives Apiframe's webhooks, and waits end on them.

Run: APIFRAME_API_KEY=... python examples/push_fastapi.py
(with APIFRAME_BASE_URL pointing at a sandbox, ``apiframe sandbox``, it runs locally end to end).
In production, serve ``app`` with your usual server and use its public URL in ``PushSource``.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI
from starlette.routing import Route

from apiframe import Apiframe
from apiframe.webhooks import PushSource, WebhookHub, WebhookReceiver

hub = WebhookHub()  # RedisWebhookHub("redis://...") when the web and worker processes differ
app = FastAPI()
# a route, not a mount: a mount answers its bare path with a redirect, which deliveries do not follow
app.router.routes.append(Route("/apiframe/webhooks", WebhookReceiver(hub), methods=["POST"]))  # APIFRAME_API_KEY


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


def main() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # a free port; in production, your app's public address
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    public_url = f"http://127.0.0.1:{sock.getsockname()[1]}/apiframe/webhooks"
    try:
        with Apiframe(push=PushSource(hub, public_url)) as client:
            job = client.images.generate(model="nano-banana", prompt="a lighthouse at dawn").wait(
                on_progress=lambda j: print(f"progress {j.progress}%")
            )
            print(f"{job.id} {job.status}: {[output.url for output in job.outputs]}")
    finally:
        server.should_exit = True
        thread.join()


if __name__ == "__main__":
    main()
