"""What a job request will cost, in credits, from the public model catalog (``GET /v2/models``).

The catalog gives each model a ``pricingMode`` and a price range, ``costMin`` and ``costMax``.
This module reads them as follows (the sandbox charges by the same reading):

- ``flat``: a job costs between ``costMin`` and ``costMax`` credits, whatever its parameters.
- ``per-second``: ``costMin`` and ``costMax`` are credits per second of generated media; a job
  costs the rate times its duration.
- ``per-output``: ``costMin`` and ``costMax`` are credits per output (image, track...); a job
  costs the rate times how many outputs it asks for.

The range covers what the catalog leaves open (a resolution or quality tier, say). The duration
and the output count are found in the request by the spec alone: a numeric parameter named like
a duration (``duration``, ``music_length_ms``: a ``ms`` or ``minutes`` word sets the unit) or like
an output count (``n``, ``num_outputs``, ``number_of_images``). A value the request sets is used
as is; an unset one takes the schema's default, else spans the schema's bounds (its ``enum`` or
``minimum``/``maximum``). When nothing bounds it, the estimate has no maximum (``None``).

Limits: the estimate is only as good as the catalog. Prices are rounded outwards to whole
credits (``minimum`` down, ``maximum`` up); a provider may charge for something the catalog does
not describe; a Midjourney or Suno action is priced by its family's entry (``midjourney``, ``suno``).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ._errors import InvalidRequestError
from ._spec_index import SpecIndex

if TYPE_CHECKING:
    from apiframe_client.models import ModelCatalog, ModelCatalogEntry

    from ._job_requests import GenerationRequest

__all__ = [
    "PRICING_MODES",
    "CreditEstimate",
    "Dimension",
    "PriceEntry",
    "PriceList",
    "estimate_body",
    "estimate_credits",
    "find_dimension",
]

PricingMode = Literal["flat", "per-second", "per-output"]
PRICING_MODES: tuple[PricingMode, ...] = ("flat", "per-second", "per-output")
_UNIT: Mapping[str, str] = {"flat": "job", "per-second": "second", "per-output": "output"}

_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_DURATION_WORDS = frozenset({"duration", "length", "seconds", "secs"})
_SCALE_WORDS: Mapping[str, float] = {"ms": 0.001, "millis": 0.001, "milliseconds": 0.001, "minutes": 60.0, "mins": 60.0}
_COUNT_WORDS = frozenset({"num", "number", "count"})
_COUNTED_WORDS = frozenset(
    {"outputs", "images", "videos", "tracks", "songs", "samples", "variations", "generations", "results"}
)
_EPSILON = 1e-9


def _words(name: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(name)]


def _kind_of(name: str) -> tuple[str, float] | None:
    """``("second", scale)`` for a duration's name, ``("output", 1)`` for an output count's, else None."""
    words = _words(name)
    if _DURATION_WORDS & set(words):
        scale = next((_SCALE_WORDS[word] for word in words if word in _SCALE_WORDS), 1.0)
        return "second", scale
    if words == ["n"] or (_COUNT_WORDS & set(words) and _COUNTED_WORDS & set(words)):
        return "output", 1.0
    return None


@dataclass(frozen=True, slots=True)
class Dimension:
    """A parameter that sets how many units (seconds, outputs) a job makes, as the spec describes it.

    ``path`` is where it sits in the wire body (``("klingParams", "duration")``); ``scale`` turns
    its value into units (0.001 for milliseconds); ``default``, ``low`` and ``high`` are in its
    own unit, ``None`` when the schema gives none.
    """

    unit: str
    path: tuple[str, ...]
    scale: float
    default: float | None
    low: float | None
    high: float | None

    def span(self, body: Mapping[str, Any]) -> tuple[float, float | None]:
        """How many units a job with wire ``body`` makes: (fewest, most; None when unbounded)."""
        value: Any = body
        for key in self.path:
            value = value.get(key) if isinstance(value, Mapping) else None
        if _number(value) is not None:
            return float(value) * self.scale, float(value) * self.scale
        if self.default is not None:
            return self.default * self.scale, self.default * self.scale
        low = (self.low if self.low is not None else 0.0) * self.scale
        return low, None if self.high is None else self.high * self.scale


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


def _numeric(index: SpecIndex, pointer: str) -> tuple[float | None, float | None, float | None] | None:
    """(default, low, high) of a numeric schema, or None when the schema is not a number."""
    schema = index.schema(pointer)
    if not isinstance(schema, Mapping):
        return None
    values = [number for v in (index.allowed_values(schema) or []) if (number := _number(v)) is not None]
    kind = index.primitive_type(pointer)
    if kind not in ("integer", "number") and not values:
        return None
    low, high = (
        (min(values), max(values)) if values else (_number(schema.get("minimum")), _number(schema.get("maximum")))
    )
    return _number(schema.get("default")), low, high


def find_dimension(index: SpecIndex, variant_pointer: str, unit: str) -> Dimension | None:
    """The parameter of a request variant that counts ``unit`` (``second`` or ``output``), if any.

    Top-level fields first, then the fields of the variant's params block(s); a name with the
    word ``duration`` wins over ``length``-like names.
    """
    found: list[tuple[int, Dimension]] = []

    def consider(path: tuple[str, ...], pointer: str) -> None:
        kind = _kind_of(path[-1])
        if kind is None or kind[0] != unit:
            return
        numeric = _numeric(index, pointer)
        if numeric is None:
            return
        rank = 0 if "duration" in _words(path[-1]) or unit == "output" else 1
        found.append((rank, Dimension(unit, path, kind[1], *numeric)))

    for name in index.properties(variant_pointer):
        pointer = index.property_pointer(variant_pointer, str(name))
        inner = index.properties(pointer)
        if inner:
            for key in inner:
                consider((str(name), str(key)), index.property_pointer(pointer, str(key)))
        else:
            consider((str(name),), pointer)
    found.sort(key=lambda item: item[0])
    return found[0][1] if found else None


@dataclass(frozen=True, slots=True)
class PriceEntry:
    """One catalog entry's price, checked: ``pricing_mode`` and the rate range per unit."""

    model: str
    pricing_mode: PricingMode
    cost_min: float
    cost_max: float | None
    """None when the catalog gives no upper price."""

    @classmethod
    def parse(cls, entry: Any) -> PriceEntry:
        """From a catalog entry (``ModelCatalogEntry`` or its wire dict); ``InvalidRequestError`` when unusable."""
        data: Mapping[str, Any] = entry.to_dict() if hasattr(entry, "to_dict") else entry
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            raise InvalidRequestError(f"a catalog entry must have an id, got {entry!r:.100}", field="catalog")
        model = str(data["id"])
        mode = data.get("pricingMode")
        if mode not in PRICING_MODES:
            known = ", ".join(PRICING_MODES)
            why = "no pricingMode" if mode is None else f"pricing mode {str(mode)[:40]!r}"
            raise InvalidRequestError(
                f"the catalog gives {model!r} {why}; this SDK estimates {known} (update the SDK?)", field="catalog"
            )
        raw_min, raw_max = data.get("costMin"), data.get("costMax")
        cost_min = 0.0 if raw_min is None else _number(raw_min)
        cost_max = None if raw_max is None else _number(raw_max)
        if cost_min is None or (raw_max is not None and (cost_max is None or cost_max < cost_min)):
            raise InvalidRequestError(
                f"the catalog's price for {model!r} is unusable (costMin {raw_min!r:.40}, costMax {raw_max!r:.40}): "
                "expected finite numbers with 0 <= costMin <= costMax",
                field="catalog",
            )
        return cls(model, mode, cost_min, cost_max)


class PriceList:
    """The catalog's prices by model id, checked once: build it from ``client.models.list()``.

    Also accepts the catalog's wire dict or an iterable of entries. An entry without a usable
    price is kept with the reason, given when a request for that model is estimated.
    """

    def __init__(self, catalog: Any) -> None:
        if isinstance(catalog, PriceList):
            self._prices: dict[str, PriceEntry | InvalidRequestError] = dict(catalog._prices)
            return
        entries: Any = catalog
        if hasattr(catalog, "models"):
            entries = catalog.models
        elif isinstance(catalog, Mapping):
            entries = catalog.get("models")
        if not isinstance(entries, Iterable) or isinstance(entries, str | bytes | Mapping):
            raise InvalidRequestError(
                "catalog must be what client.models.list() returns (or a list of its entries)", field="catalog"
            )
        self._prices = {}
        for entry in entries:
            data = entry.to_dict() if hasattr(entry, "to_dict") else entry
            model = data.get("id") if isinstance(data, Mapping) else None
            try:
                price: PriceEntry | InvalidRequestError = PriceEntry.parse(entry)
            except InvalidRequestError as error:
                price = error
            if isinstance(model, str):
                self._prices.setdefault(model, price)

    def __contains__(self, model: object) -> bool:
        return isinstance(self._prices.get(str(model)), PriceEntry)

    def price(self, model: str) -> PriceEntry:
        """The price of ``model``; ``InvalidRequestError`` saying why there is none."""
        found = self._prices.get(model)
        if found is None:
            raise InvalidRequestError(
                f"the model catalog has no entry for {model!r}: its cost cannot be estimated", field="model"
            )
        if isinstance(found, InvalidRequestError):
            raise InvalidRequestError(found.message, field="model")
        return found

    def estimate(self, request: GenerationRequest) -> CreditEstimate:
        """The estimate for a checked request (a batch line)."""
        return _estimate(self, request.operation_id, request.model, request.body)


@dataclass(frozen=True, slots=True)
class CreditEstimate:
    """What one job request will cost: between ``minimum`` and ``maximum`` credits.

    ``maximum`` is None when nothing bounds the cost (a per-second model whose request sets no
    duration and whose schema gives no upper bound). ``units`` is how many seconds or outputs
    the request makes (fewest, most), ``(1, 1)`` for a flat price.
    """

    model: str
    """The catalog entry the price comes from (the family for a Midjourney or Suno action)."""
    pricing_mode: PricingMode
    minimum: int
    maximum: int | None
    unit: str
    """``job``, ``second`` or ``output``: what ``cost_min``/``cost_max`` are per."""
    units: tuple[float, float | None]
    cost_min: float
    cost_max: float | None

    @property
    def exact(self) -> bool:
        """Whether the request's cost is known exactly."""
        return self.minimum == self.maximum


def estimate_body(price: PriceEntry, dimension: Dimension | None, body: Mapping[str, Any]) -> CreditEstimate:
    """The estimate for a wire ``body`` priced by ``price``; ``dimension`` is what its mode counts."""
    unit = _UNIT[price.pricing_mode]
    if price.pricing_mode == "flat":
        fewest: float = 1.0
        most: float | None = 1.0
    elif dimension is None:
        fewest, most = 1.0, None  # the request has no such parameter: nothing bounds the count
    else:
        fewest, most = dimension.span(body)
    minimum = math.floor(price.cost_min * fewest + _EPSILON)
    maximum = None
    if price.cost_max is not None and most is not None:
        maximum = max(minimum, math.ceil(price.cost_max * most - _EPSILON))
    return CreditEstimate(
        model=price.model,
        pricing_mode=price.pricing_mode,
        minimum=minimum,
        maximum=maximum,
        unit=unit,
        units=(fewest, most),
        cost_min=price.cost_min,
        cost_max=price.cost_max,
    )


def _priced_model(operation_id: str, value: str) -> str:
    """The catalog id that prices a request: its model, or the family an action route acts on."""
    from ._schema import operation

    op = operation(operation_id)
    if op.discriminator == "model":
        return value
    parts = [part for part in op.path.split("/") if part]
    return parts[-2] if len(parts) >= 2 else value


def _request(request: Any, operation_id: str | None, kwargs: Mapping[str, Any]) -> tuple[str, str, Mapping[str, Any]]:
    """(operation id, discriminator value, wire body) of what the caller passed, checked."""
    from ._bodies import build_body
    from ._job_requests import GenerationRequest, job_operations

    operations = job_operations()
    if request is not None and kwargs:
        raise InvalidRequestError(
            f"pass either a request or keyword arguments, not both (got {sorted(kwargs)})", field=sorted(kwargs)[0]
        )
    if isinstance(request, GenerationRequest):
        return request.operation_id, request.model, request.body
    if operation_id is not None and operation_id not in operations:
        allowed = sorted(operations)
        raise InvalidRequestError(
            f"unknown operation {operation_id!r}; one of: {', '.join(allowed)}", field="operation", allowed=allowed
        )
    if request is not None and hasattr(request, "to_dict") and hasattr(type(request), "__attrs_attrs__"):
        component = type(request).__name__
        owners = [oid for oid, op in operations.items() if component in op.variants.values()]
        if not owners:
            raise InvalidRequestError(f"{component} is not a job request", field="request")
        operation_id = operation_id or owners[0]
        body = build_body(operation_id, request, {})
    else:
        if request is not None and not isinstance(request, Mapping):
            raise InvalidRequestError(
                "request must be keyword arguments, a dict of them, a generated request object or a "
                f"GenerationRequest, got {type(request).__name__}",
                field="request",
            )
        values = dict(request if request is not None else kwargs)
        operation_id = operation_id or _operation_of(values, operations)
        body = build_body(operation_id, None, values)
    disc = operations[operation_id].discriminator or "model"
    return operation_id, str(body[disc]), body


def _operation_of(values: Mapping[str, Any], operations: Mapping[str, Any]) -> str:
    key = "model" if "model" in values or "action" not in values else "action"
    value = values.get(key)
    owners = [oid for oid, op in operations.items() if op.discriminator == key and value in op.variants]
    if len(owners) == 1:
        return owners[0]
    if owners:
        raise InvalidRequestError(
            f"{key} {value!r} belongs to several operations; pass operation= (one of {', '.join(owners)})",
            field="operation",
            allowed=owners,
        )
    every = sorted({v for op in operations.values() if op.discriminator == key for v in op.variants})
    raise InvalidRequestError(f"unknown {key} {value!r} (one of: {', '.join(every)})", field=key, allowed=every)


@functools.cache
def _dimension(operation_id: str, value: str, unit: str) -> Dimension | None:
    from ._schema import REF, index, operation

    pointer = REF[1:] + operation(operation_id).variants[value]
    return find_dimension(index(), pointer, unit)


def _estimate(prices: PriceList, operation_id: str, value: str, body: Mapping[str, Any]) -> CreditEstimate:
    price = prices.price(_priced_model(operation_id, value))
    unit = _UNIT[price.pricing_mode]
    dimension = None if unit == "job" else _dimension(operation_id, value, unit)
    return estimate_body(price, dimension, body)


def estimate_credits(
    catalog: ModelCatalog | PriceList | Iterable[ModelCatalogEntry | Mapping[str, Any]] | Mapping[str, Any],
    request: GenerationRequest | Mapping[str, Any] | Any | None = None,
    /,
    *,
    operation: str | None = None,
    **kwargs: Any,
) -> CreditEstimate:
    """Estimate the credits one job request will cost, from the model catalog (nothing is sent).

    ``catalog`` is what ``client.models.list()`` returns (fetch it once and reuse it, or build a
    :class:`PriceList` from it for many requests). The request is the keyword arguments you
    would pass to the job method (``estimate_credits(catalog, model="kling-2.1", prompt="...",
    kling_params={"duration": 10})``), a dict of them, a generated request object, or a batch
    line's ``GenerationRequest``; ``operation="images_upscale"`` picks the operation when the
    model alone does not. The request is checked as the job method checks it
    (``InvalidRequestError``). What ``costMin``/``costMax`` mean in each pricing mode, and the
    limits of the estimate, are in the notes of ``apiframe._credits``.
    """
    operation_id, value, body = _request(request, operation, kwargs)
    return _estimate(PriceList(catalog), operation_id, value, body)
