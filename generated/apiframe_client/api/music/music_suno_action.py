from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.insufficient_credits import InsufficientCredits
from ...models.job_accepted import JobAccepted
from ...models.suno_action_add_vocals import SunoActionAddVocals
from ...models.suno_action_cover import SunoActionCover
from ...models.suno_action_extend import SunoActionExtend
from ...models.suno_action_stems import SunoActionStems
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/music/suno/action",
    }

    if isinstance(body, SunoActionExtend):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, SunoActionCover):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, SunoActionAddVocals):
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
    body: SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Run a follow-up action on a completed Suno job

     Runs a follow-up action on a completed `suno` job, referenced by its job ID. Every action selects
    one of the parent's tracks with `index` (1–2) or `trackId` (from the parent's `result.tracks[].id`).
    `extend` continues the track from `continueAt` (seconds; defaults to the end of the track and must
    be less than its duration). `cover` re-generates the track in a new style while keeping its core
    melody (`audio_weight` 0–1 controls how closely it follows the source). `add_vocals` layers AI-
    generated vocals onto the track — `prompt` (the lyrics) is required; intended for instrumental
    parents. `stems` splits the track into separate vocals and instrumental audio files. Optional
    `prompt` (lyrics in custom mode, a description otherwise), `title`, `style`, and `negative_tags`
    override the inherited values. Extend, cover, and add_vocals results are fresh pairs of Suno tracks
    and can be acted on again; stems results are 2 plain audio files (`vocals` + `instrumental`) that
    accept no further actions. Returns 409 when the action is not available for the parent job.

    Args:
        idempotency_key (str | Unset):
        body (SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems):
            Discriminated by `action`. All actions select a track from a completed Suno job with
            `index` (1–2) or `trackId`. `extend` continues the track from `continueAt` (defaults to
            the end of the track); `cover` re-generates it in a new style while keeping its melody;
            `add_vocals` layers AI vocals (required `prompt` = lyrics) onto it; `stems` splits it into
            vocals + instrumental files.

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
    body: SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Run a follow-up action on a completed Suno job

     Runs a follow-up action on a completed `suno` job, referenced by its job ID. Every action selects
    one of the parent's tracks with `index` (1–2) or `trackId` (from the parent's `result.tracks[].id`).
    `extend` continues the track from `continueAt` (seconds; defaults to the end of the track and must
    be less than its duration). `cover` re-generates the track in a new style while keeping its core
    melody (`audio_weight` 0–1 controls how closely it follows the source). `add_vocals` layers AI-
    generated vocals onto the track — `prompt` (the lyrics) is required; intended for instrumental
    parents. `stems` splits the track into separate vocals and instrumental audio files. Optional
    `prompt` (lyrics in custom mode, a description otherwise), `title`, `style`, and `negative_tags`
    override the inherited values. Extend, cover, and add_vocals results are fresh pairs of Suno tracks
    and can be acted on again; stems results are 2 plain audio files (`vocals` + `instrumental`) that
    accept no further actions. Returns 409 when the action is not available for the parent job.

    Args:
        idempotency_key (str | Unset):
        body (SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems):
            Discriminated by `action`. All actions select a track from a completed Suno job with
            `index` (1–2) or `trackId`. `extend` continues the track from `continueAt` (defaults to
            the end of the track); `cover` re-generates it in a new style while keeping its melody;
            `add_vocals` layers AI vocals (required `prompt` = lyrics) onto it; `stems` splits it into
            vocals + instrumental files.

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
    body: SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Run a follow-up action on a completed Suno job

     Runs a follow-up action on a completed `suno` job, referenced by its job ID. Every action selects
    one of the parent's tracks with `index` (1–2) or `trackId` (from the parent's `result.tracks[].id`).
    `extend` continues the track from `continueAt` (seconds; defaults to the end of the track and must
    be less than its duration). `cover` re-generates the track in a new style while keeping its core
    melody (`audio_weight` 0–1 controls how closely it follows the source). `add_vocals` layers AI-
    generated vocals onto the track — `prompt` (the lyrics) is required; intended for instrumental
    parents. `stems` splits the track into separate vocals and instrumental audio files. Optional
    `prompt` (lyrics in custom mode, a description otherwise), `title`, `style`, and `negative_tags`
    override the inherited values. Extend, cover, and add_vocals results are fresh pairs of Suno tracks
    and can be acted on again; stems results are 2 plain audio files (`vocals` + `instrumental`) that
    accept no further actions. Returns 409 when the action is not available for the parent job.

    Args:
        idempotency_key (str | Unset):
        body (SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems):
            Discriminated by `action`. All actions select a track from a completed Suno job with
            `index` (1–2) or `trackId`. `extend` continues the track from `continueAt` (defaults to
            the end of the track); `cover` re-generates it in a new style while keeping its melody;
            `add_vocals` layers AI vocals (required `prompt` = lyrics) onto it; `stems` splits it into
            vocals + instrumental files.

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
    body: SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Run a follow-up action on a completed Suno job

     Runs a follow-up action on a completed `suno` job, referenced by its job ID. Every action selects
    one of the parent's tracks with `index` (1–2) or `trackId` (from the parent's `result.tracks[].id`).
    `extend` continues the track from `continueAt` (seconds; defaults to the end of the track and must
    be less than its duration). `cover` re-generates the track in a new style while keeping its core
    melody (`audio_weight` 0–1 controls how closely it follows the source). `add_vocals` layers AI-
    generated vocals onto the track — `prompt` (the lyrics) is required; intended for instrumental
    parents. `stems` splits the track into separate vocals and instrumental audio files. Optional
    `prompt` (lyrics in custom mode, a description otherwise), `title`, `style`, and `negative_tags`
    override the inherited values. Extend, cover, and add_vocals results are fresh pairs of Suno tracks
    and can be acted on again; stems results are 2 plain audio files (`vocals` + `instrumental`) that
    accept no further actions. Returns 409 when the action is not available for the parent job.

    Args:
        idempotency_key (str | Unset):
        body (SunoActionAddVocals | SunoActionCover | SunoActionExtend | SunoActionStems):
            Discriminated by `action`. All actions select a track from a completed Suno job with
            `index` (1–2) or `trackId`. `extend` continues the track from `continueAt` (defaults to
            the end of the track); `cover` re-generates it in a new style while keeping its melody;
            `add_vocals` layers AI vocals (required `prompt` = lyrics) onto it; `stems` splits it into
            vocals + instrumental files.

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
