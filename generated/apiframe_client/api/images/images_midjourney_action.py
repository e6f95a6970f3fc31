from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.insufficient_credits import InsufficientCredits
from ...models.job_accepted import JobAccepted
from ...models.midjourney_action_inpaint import MidjourneyActionInpaint
from ...models.midjourney_action_outpaint import MidjourneyActionOutpaint
from ...models.midjourney_action_pan import MidjourneyActionPan
from ...models.midjourney_action_upsample import MidjourneyActionUpsample
from ...models.midjourney_action_variation import MidjourneyActionVariation
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MidjourneyActionInpaint
    | MidjourneyActionOutpaint
    | MidjourneyActionPan
    | MidjourneyActionUpsample
    | MidjourneyActionVariation,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/images/midjourney/action",
    }

    if isinstance(body, MidjourneyActionUpsample):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MidjourneyActionVariation):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MidjourneyActionInpaint):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MidjourneyActionOutpaint):
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
    body: MidjourneyActionInpaint
    | MidjourneyActionOutpaint
    | MidjourneyActionPan
    | MidjourneyActionUpsample
    | MidjourneyActionVariation,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Run a follow-up action on a completed Midjourney image

     Runs a follow-up action on a completed `midjourney` job, referenced by its job ID. Grid actions —
    `upsample` (U1–U4) and `variation` (V1–V4) — act on a grid-producing parent; `index` selects which
    of the 4 images. Upsample actions — `inpaint` (Vary Region, base64 `mask` + optional `prompt`),
    `outpaint` (Zoom Out, `zoomRatio` 1.5 or 2), and `pan` (`direction` up/down/left/right) — act on a
    completed upsample job. Upsample returns a single image; every other action returns a fresh 4-image
    grid (which can itself be acted on). Returns 409 when the requested action is not available for the
    parent job.

    Args:
        idempotency_key (str | Unset):
        body (MidjourneyActionInpaint | MidjourneyActionOutpaint | MidjourneyActionPan |
            MidjourneyActionUpsample | MidjourneyActionVariation): Discriminated by `action`. Grid
            actions (`upsample`/`variation`) take an `index` (1–4) and act on a completed grid job;
            upsample actions (`inpaint`/`outpaint`/`pan`) act on a completed upsample job.

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
    body: MidjourneyActionInpaint
    | MidjourneyActionOutpaint
    | MidjourneyActionPan
    | MidjourneyActionUpsample
    | MidjourneyActionVariation,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Run a follow-up action on a completed Midjourney image

     Runs a follow-up action on a completed `midjourney` job, referenced by its job ID. Grid actions —
    `upsample` (U1–U4) and `variation` (V1–V4) — act on a grid-producing parent; `index` selects which
    of the 4 images. Upsample actions — `inpaint` (Vary Region, base64 `mask` + optional `prompt`),
    `outpaint` (Zoom Out, `zoomRatio` 1.5 or 2), and `pan` (`direction` up/down/left/right) — act on a
    completed upsample job. Upsample returns a single image; every other action returns a fresh 4-image
    grid (which can itself be acted on). Returns 409 when the requested action is not available for the
    parent job.

    Args:
        idempotency_key (str | Unset):
        body (MidjourneyActionInpaint | MidjourneyActionOutpaint | MidjourneyActionPan |
            MidjourneyActionUpsample | MidjourneyActionVariation): Discriminated by `action`. Grid
            actions (`upsample`/`variation`) take an `index` (1–4) and act on a completed grid job;
            upsample actions (`inpaint`/`outpaint`/`pan`) act on a completed upsample job.

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
    body: MidjourneyActionInpaint
    | MidjourneyActionOutpaint
    | MidjourneyActionPan
    | MidjourneyActionUpsample
    | MidjourneyActionVariation,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Run a follow-up action on a completed Midjourney image

     Runs a follow-up action on a completed `midjourney` job, referenced by its job ID. Grid actions —
    `upsample` (U1–U4) and `variation` (V1–V4) — act on a grid-producing parent; `index` selects which
    of the 4 images. Upsample actions — `inpaint` (Vary Region, base64 `mask` + optional `prompt`),
    `outpaint` (Zoom Out, `zoomRatio` 1.5 or 2), and `pan` (`direction` up/down/left/right) — act on a
    completed upsample job. Upsample returns a single image; every other action returns a fresh 4-image
    grid (which can itself be acted on). Returns 409 when the requested action is not available for the
    parent job.

    Args:
        idempotency_key (str | Unset):
        body (MidjourneyActionInpaint | MidjourneyActionOutpaint | MidjourneyActionPan |
            MidjourneyActionUpsample | MidjourneyActionVariation): Discriminated by `action`. Grid
            actions (`upsample`/`variation`) take an `index` (1–4) and act on a completed grid job;
            upsample actions (`inpaint`/`outpaint`/`pan`) act on a completed upsample job.

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
    body: MidjourneyActionInpaint
    | MidjourneyActionOutpaint
    | MidjourneyActionPan
    | MidjourneyActionUpsample
    | MidjourneyActionVariation,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Run a follow-up action on a completed Midjourney image

     Runs a follow-up action on a completed `midjourney` job, referenced by its job ID. Grid actions —
    `upsample` (U1–U4) and `variation` (V1–V4) — act on a grid-producing parent; `index` selects which
    of the 4 images. Upsample actions — `inpaint` (Vary Region, base64 `mask` + optional `prompt`),
    `outpaint` (Zoom Out, `zoomRatio` 1.5 or 2), and `pan` (`direction` up/down/left/right) — act on a
    completed upsample job. Upsample returns a single image; every other action returns a fresh 4-image
    grid (which can itself be acted on). Returns 409 when the requested action is not available for the
    parent job.

    Args:
        idempotency_key (str | Unset):
        body (MidjourneyActionInpaint | MidjourneyActionOutpaint | MidjourneyActionPan |
            MidjourneyActionUpsample | MidjourneyActionVariation): Discriminated by `action`. Grid
            actions (`upsample`/`variation`) take an `index` (1–4) and act on a completed grid job;
            upsample actions (`inpaint`/`outpaint`/`pan`) act on a completed upsample job.

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
