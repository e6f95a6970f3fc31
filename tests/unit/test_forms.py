"""loras.create: the multipart body and its errors come from _bodies, in Python names."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from unit_support import Recorder

from apiframe import AsyncApiframe, InvalidRequestError
from apiframe._bodies import build_form

IMAGES = [b"\x89PNG\r\n\x1a\n" + bytes([n]) for n in range(15)]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"lora_rank": 4}, "lora_rank"),
        ({"subject_kind": "animal"}, "subject_kind"),
        ({"webhook_url": "not a url"}, "webhook_url"),
        ({"steps": 99}, "steps"),
    ],
)
def test_errors_name_the_python_argument(client: Any, recorder: Recorder, arguments: Any, field: str) -> None:
    base = {"name": "n", "images": IMAGES, "subject_kind": "style"}
    with pytest.raises(InvalidRequestError) as error:
        client.loras.create(**{**base, **arguments})
    assert error.value.field == field
    assert f"{field} " in str(error.value) or f"{field}:" in str(error.value)
    assert recorder.requests == []


def test_form_fields_use_wire_names_and_join_lists() -> None:
    text, files = build_form(
        "loras_create",
        {"name": "n", "subject_kind": "style", "lora_rank": 16, "webhook_events": ["completed", "failed"]},
        {"images": IMAGES},
    )
    assert dict(text) == {"name": "n", "subjectKind": "style", "loraRank": "16", "webhookEvents": "completed,failed"}
    assert len(files["images"]) == 15


def test_unknown_form_argument_suggests_a_name() -> None:
    with pytest.raises(InvalidRequestError, match="did you mean 'lora_rank'") as error:
        build_form("loras_create", {"name": "n", "lora_rnk": 8}, {"images": IMAGES})
    assert error.value.field == "lora_rnk"


def test_async_lora_count_is_checked_before_sending(async_client: AsyncApiframe, recorder: Recorder) -> None:
    async def main() -> None:
        with pytest.raises(InvalidRequestError, match="15-30 images, got 3"):
            await async_client.loras.create(name="n", images=IMAGES[:3], subject_kind="object")
        await async_client.aclose()

    asyncio.run(main())
    assert recorder.requests == []
