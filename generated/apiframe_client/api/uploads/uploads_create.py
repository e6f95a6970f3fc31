from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.upload import Upload
from ...models.uploads_create_body import UploadsCreateBody
from ...models.validation_error_body import ValidationErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: UploadsCreateBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/uploads",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Upload | ValidationErrorBody | None:
    if response.status_code == 201:
        response_201 = Upload.from_dict(response.json())

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
) -> Response[ErrorResponse | Upload | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsCreateBody,
) -> Response[ErrorResponse | Upload | ValidationErrorBody]:
    """Upload a file to short-lived CDN storage

     Single-file multipart upload (max 25 MB image / audio, 50 MB video). Magic-byte sniffed — declared
    content-type is ignored. Returns a CDN URL drop-in for any image / video / audio input field. Files
    live ~1-2h before the cleanup worker reaps them.

    Args:
        body (UploadsCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Upload | ValidationErrorBody]
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
    body: UploadsCreateBody,
) -> ErrorResponse | Upload | ValidationErrorBody | None:
    """Upload a file to short-lived CDN storage

     Single-file multipart upload (max 25 MB image / audio, 50 MB video). Magic-byte sniffed — declared
    content-type is ignored. Returns a CDN URL drop-in for any image / video / audio input field. Files
    live ~1-2h before the cleanup worker reaps them.

    Args:
        body (UploadsCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Upload | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadsCreateBody,
) -> Response[ErrorResponse | Upload | ValidationErrorBody]:
    """Upload a file to short-lived CDN storage

     Single-file multipart upload (max 25 MB image / audio, 50 MB video). Magic-byte sniffed — declared
    content-type is ignored. Returns a CDN URL drop-in for any image / video / audio input field. Files
    live ~1-2h before the cleanup worker reaps them.

    Args:
        body (UploadsCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Upload | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadsCreateBody,
) -> ErrorResponse | Upload | ValidationErrorBody | None:
    """Upload a file to short-lived CDN storage

     Single-file multipart upload (max 25 MB image / audio, 50 MB video). Magic-byte sniffed — declared
    content-type is ignored. Returns a CDN URL drop-in for any image / video / audio input field. Files
    live ~1-2h before the cleanup worker reaps them.

    Args:
        body (UploadsCreateBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Upload | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
