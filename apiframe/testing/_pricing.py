"""The sandbox's prices: a catalog entry for every model of the spec, and what each job is charged.

Derived by one rule from the spec and :attr:`SandboxConfig.credit_costs` (the base price of a
job of each modality); no model is named here. A model whose request has a duration
parameter is priced ``per-second``, one with an output-count parameter ``per-output``, any
other ``flat`` (the parameters are found as :mod:`apiframe._credits` finds them):

- ``flat``: ``costMin = costMax = base``.
- ``per-second``: ``costMin`` is the base price over the shortest duration the schema allows
  (rounded down to cents), so the shortest job costs the base price; ``costMax = 1.5 costMin``
  (a higher tier the sandbox never charges).
- ``per-output``: ``costMin = base`` per output, ``costMax = 1.5 costMin``.

A job is charged ``ceil(costMin x units)`` credits, its units being the request's duration or
output count, else the schema's default, else the fewest the schema allows; a per-output job
makes that many outputs. An action (Midjourney, Suno) is charged by its family's entry.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._credits import Dimension, find_dimension
from ._catalog import SpecIndex, label_for_model
from ._config import SandboxConfig
from ._store import Record

__all__ = ["ModelPrice", "Pricing"]

_TIER = 1.5


@dataclass(frozen=True)
class ModelPrice:
    """One model's catalog entry and the parameter its jobs' units are read from."""

    entry: Record
    dimension: Dimension | None


class Pricing:
    """Every model's price, derived once per sandbox from its spec."""

    def __init__(self, index: SpecIndex, config: SandboxConfig) -> None:
        self._models: dict[str, ModelPrice] = {}
        for model in index.catalog_models():
            base = config.cost(model.modality)
            duration = find_dimension(index, model.variant_pointer, "second")
            outputs = find_dimension(index, model.variant_pointer, "output")
            shortest = _fewest(duration)
            if duration is not None and shortest > 0:
                mode, cost_min, dimension = "per-second", math.floor(base * 100 / shortest) / 100, duration
            elif outputs is not None:
                mode, cost_min, dimension = "per-output", float(base), outputs
            else:
                mode, cost_min, dimension = "flat", float(base), None
            cost_max = cost_min if mode == "flat" else round(cost_min * _TIER, 2)
            entry: Record = {
                "id": model.id,
                "label": label_for_model(model.id),
                "modality": model.modality,
                "description": f"Sandbox stand-in for {model.id} (POST {model.path}).",
                "pricingMode": mode,
                "costMin": _plain(cost_min),
                "costMax": _plain(cost_max),
                "endpoint": model.path,
                "paramsKeys": list(model.params_keys),
            }
            self._models[model.id] = ModelPrice(entry, dimension)

    def catalog(self) -> list[Record]:
        """The catalog entries, in the spec's order."""
        return [dict(price.entry) for price in self._models.values()]

    def units(self, model: str, body: Mapping[str, Any]) -> float:
        """How many units (seconds, outputs; 1 for a flat price) the job ``body`` of ``model`` makes."""
        found = self._models.get(model)
        if found is None or found.dimension is None:
            return 1.0
        return max(found.dimension.span(body)[0], 0.0)

    def charge(self, model: str, body: Mapping[str, Any]) -> int | None:
        """Credits a job of ``model`` (or an action of the family ``model``) costs; None if unpriced."""
        found = self._models.get(model)
        if found is None:
            return None
        return max(0, math.ceil(float(found.entry["costMin"]) * self.units(model, body) - 1e-9))

    def outputs(self, model: str, body: Mapping[str, Any]) -> int | None:
        """How many outputs a per-output job makes (its count), None for other models."""
        found = self._models.get(model)
        if found is None or found.entry["pricingMode"] != "per-output":
            return None
        return max(1, min(int(self.units(model, body)), 16))


def _fewest(dimension: Dimension | None) -> float:
    if dimension is None:
        return 0.0
    fewest = dimension.default if dimension.default is not None else dimension.low
    return (fewest or 0.0) * dimension.scale


def _plain(value: float) -> int | float:
    """Whole prices as integers in JSON (``8``, not ``8.0``)."""
    return int(value) if float(value).is_integer() else value
