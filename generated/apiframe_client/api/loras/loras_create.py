from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.insufficient_credits import InsufficientCredits
from ...models.lora_created import LoraCreated
from ...models.loras_create_body import LorasCreateBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: LorasCreateBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/loras",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody | None:
    if response.status_code == 202:
        response_202 = LoraCreated.from_dict(response.json())

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
) -> Response[ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LorasCreateBody,
) -> Response[ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody]:
    """Create and train a Flux LoRA

     Multipart-form request with 15-30 training images plus metadata fields. Deducts 2 credits up-front
    (refunded on any subsequent failure) and queues a training job. The returned `id` becomes the
    `loraId` you pass to `flux-lora` inference.

    Args:
        body (LorasCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody]
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
    body: LorasCreateBody,
) -> ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody | None:
    """Create and train a Flux LoRA

     Multipart-form request with 15-30 training images plus metadata fields. Deducts 2 credits up-front
    (refunded on any subsequent failure) and queues a training job. The returned `id` becomes the
    `loraId` you pass to `flux-lora` inference.

    Args:
        body (LorasCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LorasCreateBody,
) -> Response[ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody]:
    """Create and train a Flux LoRA

     Multipart-form request with 15-30 training images plus metadata fields. Deducts 2 credits up-front
    (refunded on any subsequent failure) and queues a training job. The returned `id` becomes the
    `loraId` you pass to `flux-lora` inference.

    Args:
        body (LorasCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LorasCreateBody,
) -> ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody | None:
    """Create and train a Flux LoRA

     Multipart-form request with 15-30 training images plus metadata fields. Deducts 2 credits up-front
    (refunded on any subsequent failure) and queues a training job. The returned `id` becomes the
    `loraId` you pass to `flux-lora` inference.

    Args:
        body (LorasCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | InsufficientCredits | LoraCreated | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
