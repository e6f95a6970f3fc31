from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lora_list import LoraList
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 24,
    include_archived: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["includeArchived"] = include_archived

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/loras",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LoraList | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = LoraList.from_dict(response.json())

        return response_200

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LoraList | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 24,
    include_archived: bool | Unset = False,
) -> Response[ErrorResponse | LoraList | ValidationErrorBody]:
    """List the team's LoRAs

     Paginated listing of LoRAs scoped to the caller's team. Archived LoRAs are hidden by default.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 24.
        include_archived (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LoraList | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        include_archived=include_archived,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 24,
    include_archived: bool | Unset = False,
) -> ErrorResponse | LoraList | ValidationErrorBody | None:
    """List the team's LoRAs

     Paginated listing of LoRAs scoped to the caller's team. Archived LoRAs are hidden by default.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 24.
        include_archived (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LoraList | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        include_archived=include_archived,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 24,
    include_archived: bool | Unset = False,
) -> Response[ErrorResponse | LoraList | ValidationErrorBody]:
    """List the team's LoRAs

     Paginated listing of LoRAs scoped to the caller's team. Archived LoRAs are hidden by default.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 24.
        include_archived (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LoraList | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        include_archived=include_archived,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 24,
    include_archived: bool | Unset = False,
) -> ErrorResponse | LoraList | ValidationErrorBody | None:
    """List the team's LoRAs

     Paginated listing of LoRAs scoped to the caller's team. Archived LoRAs are hidden by default.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 24.
        include_archived (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LoraList | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            include_archived=include_archived,
        )
    ).parsed
