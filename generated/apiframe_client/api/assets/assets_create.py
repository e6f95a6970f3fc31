from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_created import AssetCreated
from ...models.create_asset_request import CreateAssetRequest
from ...models.error_response import ErrorResponse
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CreateAssetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/assets/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetCreated | ErrorResponse | ValidationErrorBody | None:
    if response.status_code == 201:
        response_201 = AssetCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ValidationErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssetCreated | ErrorResponse | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateAssetRequest,
) -> Response[AssetCreated | ErrorResponse | ValidationErrorBody]:
    """Register an asset with the upstream provider

     Some video providers (Kie / Seedance) require assets to be pre-registered before they can be used as
    inputs. This endpoint forwards the URL to the provider and stores the returned asset ID so it can be
    reused across multiple jobs.

    Args:
        body (CreateAssetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetCreated | ErrorResponse | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateAssetRequest,
) -> AssetCreated | ErrorResponse | ValidationErrorBody | None:
    """Register an asset with the upstream provider

     Some video providers (Kie / Seedance) require assets to be pre-registered before they can be used as
    inputs. This endpoint forwards the URL to the provider and stores the returned asset ID so it can be
    reused across multiple jobs.

    Args:
        body (CreateAssetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetCreated | ErrorResponse | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateAssetRequest,
) -> Response[AssetCreated | ErrorResponse | ValidationErrorBody]:
    """Register an asset with the upstream provider

     Some video providers (Kie / Seedance) require assets to be pre-registered before they can be used as
    inputs. This endpoint forwards the URL to the provider and stores the returned asset ID so it can be
    reused across multiple jobs.

    Args:
        body (CreateAssetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetCreated | ErrorResponse | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateAssetRequest,
) -> AssetCreated | ErrorResponse | ValidationErrorBody | None:
    """Register an asset with the upstream provider

     Some video providers (Kie / Seedance) require assets to be pre-registered before they can be used as
    inputs. This endpoint forwards the URL to the provider and stores the returned asset ID so it can be
    reused across multiple jobs.

    Args:
        body (CreateAssetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetCreated | ErrorResponse | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
