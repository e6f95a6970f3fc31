from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.model_catalog import ModelCatalog
from ...models.models_list_modality import (
    ModelsListModality,
)
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    modality: ModelsListModality | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_modality: str | Unset = UNSET
    if not isinstance(modality, Unset):
        json_modality = modality

    params["modality"] = json_modality

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/models",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ModelCatalog | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = ModelCatalog.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationErrorBody.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ModelCatalog | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    modality: ModelsListModality | Unset = UNSET,
) -> Response[ModelCatalog | ValidationErrorBody]:
    """List the curated model catalog

     Public, no auth required. Returns the curated, creator-facing model catalog (id, label, description,
    control surface and cost range). Filter by `modality=image|video|music`.

    Args:
        modality (ModelsListModality | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelCatalog | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        modality=modality,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    modality: ModelsListModality | Unset = UNSET,
) -> ModelCatalog | ValidationErrorBody | None:
    """List the curated model catalog

     Public, no auth required. Returns the curated, creator-facing model catalog (id, label, description,
    control surface and cost range). Filter by `modality=image|video|music`.

    Args:
        modality (ModelsListModality | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelCatalog | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        modality=modality,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    modality: ModelsListModality | Unset = UNSET,
) -> Response[ModelCatalog | ValidationErrorBody]:
    """List the curated model catalog

     Public, no auth required. Returns the curated, creator-facing model catalog (id, label, description,
    control surface and cost range). Filter by `modality=image|video|music`.

    Args:
        modality (ModelsListModality | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelCatalog | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        modality=modality,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    modality: ModelsListModality | Unset = UNSET,
) -> ModelCatalog | ValidationErrorBody | None:
    """List the curated model catalog

     Public, no auth required. Returns the curated, creator-facing model catalog (id, label, description,
    control surface and cost range). Filter by `modality=image|video|music`.

    Args:
        modality (ModelsListModality | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelCatalog | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            modality=modality,
        )
    ).parsed
