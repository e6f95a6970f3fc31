"""Train a LoRA on 15 images, list LoRAs, then archive it.

Run: APIFRAME_API_KEY=... python examples/loras.py photo1.jpg ... photo15.jpg
"""

from __future__ import annotations

import sys

from apiframe import Apiframe
from apiframe.testing._media import make_png


def main() -> None:
    images: list[str] | list[bytes] = sys.argv[1:] or [make_png(f"face {n}") for n in range(15)]
    with Apiframe() as client:
        created = client.loras.create(name="my-face", images=images, gender="female", ethnicity="mixed")
        print("training", created.id, created.status, created.image_count, "images")
        print("now:", client.loras.get(created.id).status)
        for lora in client.loras.list():
            print(" ", lora.id, lora.name, lora.status)
        client.loras.delete(created.id)
        print("archived", created.id)


if __name__ == "__main__":
    main()
