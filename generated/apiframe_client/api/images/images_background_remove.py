from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.image_background_remove_851_bg_remove import (
    ImageBackgroundRemove851BgRemove,
)
from ...models.image_background_remove_bria_bg_remove import (
    ImageBackgroundRemoveBriaBgRemove,
)
from ...models.insufficient_credits import InsufficientCredits
from ...models.job_accepted import JobAccepted
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/images/background-remove",
    }

    if isinstance(body, ImageBackgroundRemoveBriaBgRemove):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    if response.status_code == 202:
        response_202 = JobAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ValidationErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = InsufficientCredits.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit a background-removal job

     Two tiers behind the `model` discriminator: `bria-bg-remove` (state-of-the-art alpha matting,
    commercially licensed) and `851-bg-remove` (sub-cent fast path). Both return a transparent PNG.

    Args:
        idempotency_key (str | Unset):
        body (ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove): Background
            removal via Bria RMBG 2.0 or 851-labs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit a background-removal job

     Two tiers behind the `model` discriminator: `bria-bg-remove` (state-of-the-art alpha matting,
    commercially licensed) and `851-bg-remove` (sub-cent fast path). Both return a transparent PNG.

    Args:
        idempotency_key (str | Unset):
        body (ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove): Background
            removal via Bria RMBG 2.0 or 851-labs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit a background-removal job

     Two tiers behind the `model` discriminator: `bria-bg-remove` (state-of-the-art alpha matting,
    commercially licensed) and `851-bg-remove` (sub-cent fast path). Both return a transparent PNG.

    Args:
        idempotency_key (str | Unset):
        body (ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove): Background
            removal via Bria RMBG 2.0 or 851-labs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit a background-removal job

     Two tiers behind the `model` discriminator: `bria-bg-remove` (state-of-the-art alpha matting,
    commercially licensed) and `851-bg-remove` (sub-cent fast path). Both return a transparent PNG.

    Args:
        idempotency_key (str | Unset):
        body (ImageBackgroundRemove851BgRemove | ImageBackgroundRemoveBriaBgRemove): Background
            removal via Bria RMBG 2.0 or 851-labs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
