from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.job_list import JobList
from ...models.jobs_list_scope import JobsListScope
from ...models.jobs_list_status import JobsListStatus
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: JobsListStatus | Unset = UNSET,
    model: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    scope: JobsListScope | Unset = "user",
    search: str | Unset = UNSET,
    include_models: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["model"] = model

    params["limit"] = limit

    params["cursor"] = cursor

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope

    params["scope"] = json_scope

    params["search"] = search

    params["include_models"] = include_models

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | JobList | ValidationErrorBody | None:
    if response.status_code == 200:
        response_200 = JobList.from_dict(response.json())

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
) -> Response[ErrorResponse | JobList | ValidationErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: JobsListStatus | Unset = UNSET,
    model: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    scope: JobsListScope | Unset = "user",
    search: str | Unset = UNSET,
    include_models: bool | Unset = False,
) -> Response[ErrorResponse | JobList | ValidationErrorBody]:
    """List jobs

     Paginated list of generation jobs. Defaults to the caller's own jobs; admins can pass `scope=team`
    to see every job in the team. Cursor pagination keyed on `(createdAt desc, id desc)`.

    Args:
        status (JobsListStatus | Unset):
        model (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        scope (JobsListScope | Unset):  Default: 'user'.
        search (str | Unset):
        include_models (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | JobList | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        status=status,
        model=model,
        limit=limit,
        cursor=cursor,
        scope=scope,
        search=search,
        include_models=include_models,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: JobsListStatus | Unset = UNSET,
    model: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    scope: JobsListScope | Unset = "user",
    search: str | Unset = UNSET,
    include_models: bool | Unset = False,
) -> ErrorResponse | JobList | ValidationErrorBody | None:
    """List jobs

     Paginated list of generation jobs. Defaults to the caller's own jobs; admins can pass `scope=team`
    to see every job in the team. Cursor pagination keyed on `(createdAt desc, id desc)`.

    Args:
        status (JobsListStatus | Unset):
        model (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        scope (JobsListScope | Unset):  Default: 'user'.
        search (str | Unset):
        include_models (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | JobList | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        status=status,
        model=model,
        limit=limit,
        cursor=cursor,
        scope=scope,
        search=search,
        include_models=include_models,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: JobsListStatus | Unset = UNSET,
    model: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    scope: JobsListScope | Unset = "user",
    search: str | Unset = UNSET,
    include_models: bool | Unset = False,
) -> Response[ErrorResponse | JobList | ValidationErrorBody]:
    """List jobs

     Paginated list of generation jobs. Defaults to the caller's own jobs; admins can pass `scope=team`
    to see every job in the team. Cursor pagination keyed on `(createdAt desc, id desc)`.

    Args:
        status (JobsListStatus | Unset):
        model (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        scope (JobsListScope | Unset):  Default: 'user'.
        search (str | Unset):
        include_models (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | JobList | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        status=status,
        model=model,
        limit=limit,
        cursor=cursor,
        scope=scope,
        search=search,
        include_models=include_models,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: JobsListStatus | Unset = UNSET,
    model: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    scope: JobsListScope | Unset = "user",
    search: str | Unset = UNSET,
    include_models: bool | Unset = False,
) -> ErrorResponse | JobList | ValidationErrorBody | None:
    """List jobs

     Paginated list of generation jobs. Defaults to the caller's own jobs; admins can pass `scope=team`
    to see every job in the team. Cursor pagination keyed on `(createdAt desc, id desc)`.

    Args:
        status (JobsListStatus | Unset):
        model (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        scope (JobsListScope | Unset):  Default: 'user'.
        search (str | Unset):
        include_models (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | JobList | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            model=model,
            limit=limit,
            cursor=cursor,
            scope=scope,
            search=search,
            include_models=include_models,
        )
    ).parsed
