"""Register a provider asset from a URL and read it back.

Run: APIFRAME_API_KEY=... python examples/assets.py
"""

from __future__ import annotations

from apiframe import Apiframe


def main() -> None:
    with Apiframe() as client:
        created = client.assets.create(url="https://example.com/reference.png", type="image")
        print("asset", created.asset_id)
        print(client.assets.get(created.asset_id).to_dict())


if __name__ == "__main__":
    main()
