"""A webhook receiver in a process of its own: publishes to Redis, prints its URL, serves until stdin closes.

Usage: ``python receiver_process.py REDIS_URL PREFIX API_KEY``.
"""

from __future__ import annotations

import sys
import threading

from push_support import serve

from apiframe.webhooks import RedisWebhookHub, WebhookReceiver


def main() -> None:
    redis_url, prefix, api_key = sys.argv[1:4]
    hub = RedisWebhookHub(redis_url, prefix=prefix)
    done = threading.Event()
    with serve(WebhookReceiver(hub, api_key=api_key)) as url:
        print(url, flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
        done.wait()
    hub.close()


if __name__ == "__main__":
    main()
