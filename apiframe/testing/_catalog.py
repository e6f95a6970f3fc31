"""The spec index as the sandbox uses it: :class:`apiframe._spec_index.SpecIndex` plus the model catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._spec_index import Discriminator, Parameter, SpecOperation, escape_pointer_token
from .._spec_index import SpecIndex as _BaseIndex

__all__ = [
    "CatalogModel",
    "Discriminator",
    "Parameter",
    "SpecIndex",
    "SpecOperation",
    "escape_pointer_token",
    "label_for_model",
    "modality_for_segment",
]


@dataclass(frozen=True)
class CatalogModel:
    """A model literal found in a request union, with where it came from."""

    id: str
    modality: str
    path: str
    variant_pointer: str
    params_keys: tuple[str, ...]


class SpecIndex(_BaseIndex):
    """The spec index with the sandbox's derived facts (the model catalog)."""

    # -- derived facts --------------------------------------------------------------

    def catalog_models(self) -> list[CatalogModel]:
        """Every ``model`` literal of every request union, with its modality.

        The modality comes from the path (``/v2/images/...`` is ``image``). Models
        are listed once, at the first path that declares them.
        """
        seen: set[str] = set()
        result: list[CatalogModel] = []
        for op in self._operations:
            if op.json_body_pointer is None or len(op.segments) < 2:
                continue
            found = self.discriminator(op.json_body_pointer)
            if found is None or found.property != "model":
                continue
            modality = modality_for_segment(op.segments[1])
            for value, variant in found.variants.items():
                if value in seen:
                    continue
                seen.add(str(value))
                params = tuple(name for name in self.properties(variant) if str(name).endswith("Params"))
                result.append(
                    CatalogModel(
                        id=str(value),
                        modality=modality,
                        path=op.path,
                        variant_pointer=variant,
                        params_keys=params,
                    )
                )
        return result


def modality_for_segment(segment: str) -> str:
    """``images`` -> ``image``; ``music`` stays ``music``."""
    return segment[:-1] if segment.endswith("s") else segment


_LABEL_SPLIT = re.compile(r"[-_]")


def label_for_model(model_id: str) -> str:
    """A human label derived from a model id (``flux-1.1-pro`` -> ``Flux 1.1 Pro``)."""
    words = [word for word in _LABEL_SPLIT.split(model_id) if word]
    return " ".join(word[:1].upper() + word[1:] for word in words) or model_id
