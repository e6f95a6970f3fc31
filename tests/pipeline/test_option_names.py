"""The per-call option names are defined once (``RequestOptions`` in ``apiframe/_options.py``): the
object that carries them, the generator and every generated method follow that one list."""

from __future__ import annotations

import dataclasses
import inspect

from apiframe._options import OPTION_NAMES, CallOptions, RequestOptions
from apiframe.resources import AsyncVideos, Images, Jobs

from .conftest import load_script


def test_the_options_object_has_one_field_per_option_in_order() -> None:
    assert tuple(field.name for field in dataclasses.fields(CallOptions)) == OPTION_NAMES
    assert tuple(RequestOptions.__annotations__) == OPTION_NAMES


def test_the_generator_reads_the_options_from_their_definition() -> None:
    surface = load_script("gen_surface")
    assert tuple(name for name, _ in surface.request_options()) == OPTION_NAMES
    assert dict(surface.request_options())["timeout"] == "float | httpx.Timeout"


def test_every_generated_method_takes_every_option() -> None:
    for method in (Images.generate, Images.upscale, AsyncVideos.generate):
        parameters = inspect.signature(method).parameters
        assert all(parameters[name].default is None for name in OPTION_NAMES), method
    assert "options" in inspect.signature(Jobs.get).parameters  # hand-written methods: **options
