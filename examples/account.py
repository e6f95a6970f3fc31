"""Who am I, how many credits are left, and which models exist.

Run: APIFRAME_API_KEY=... python examples/account.py
"""

from __future__ import annotations

from apiframe import Apiframe


def main() -> None:
    with Apiframe() as client:
        me = client.me()
        print("user:", me.user.email, "team credits:", me.team.credits if me.team else "n/a")
        for entry in client.models.list(modality="video").models[:10]:
            print(" ", entry.id, entry.modality)


if __name__ == "__main__":
    main()
