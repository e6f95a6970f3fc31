from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_video_grok_imagine_video import GenerateVideoGrokImagineVideo
from ...models.generate_video_hailuo_02 import GenerateVideoHailuo02
from ...models.generate_video_hailuo_23 import GenerateVideoHailuo23
from ...models.generate_video_hailuo_23_fast import GenerateVideoHailuo23Fast
from ...models.generate_video_kling_21 import GenerateVideoKling21
from ...models.generate_video_kling_21_master import GenerateVideoKling21Master
from ...models.generate_video_kling_25_turbo_pro import GenerateVideoKling25TurboPro
from ...models.generate_video_kling_26 import GenerateVideoKling26
from ...models.generate_video_kling_30 import GenerateVideoKling30
from ...models.generate_video_luma_ray_2 import GenerateVideoLumaRay2
from ...models.generate_video_luma_ray_flash_2 import GenerateVideoLumaRayFlash2
from ...models.generate_video_midjourney_video import GenerateVideoMidjourneyVideo
from ...models.generate_video_runway_gen_4_turbo import GenerateVideoRunwayGen4Turbo
from ...models.generate_video_runway_gen_45 import GenerateVideoRunwayGen45
from ...models.generate_video_seedance_1_lite import GenerateVideoSeedance1Lite
from ...models.generate_video_seedance_1_pro import GenerateVideoSeedance1Pro
from ...models.generate_video_seedance_1_pro_fast import GenerateVideoSeedance1ProFast
from ...models.generate_video_seedance_2 import GenerateVideoSeedance2
from ...models.generate_video_seedance_2_fast import GenerateVideoSeedance2Fast
from ...models.generate_video_seedance_15_pro import GenerateVideoSeedance15Pro
from ...models.generate_video_sora_2 import GenerateVideoSora2
from ...models.generate_video_sora_2_pro import GenerateVideoSora2Pro
from ...models.generate_video_veo_2 import GenerateVideoVeo2
from ...models.generate_video_veo_3 import GenerateVideoVeo3
from ...models.generate_video_veo_3_fast import GenerateVideoVeo3Fast
from ...models.generate_video_veo_31 import GenerateVideoVeo31
from ...models.generate_video_veo_31_fast import GenerateVideoVeo31Fast
from ...models.generate_video_wan_25 import GenerateVideoWan25
from ...models.generate_video_wan_25_fast import GenerateVideoWan25Fast
from ...models.generate_video_wan_26 import GenerateVideoWan26
from ...models.generate_video_wan_26_flash import GenerateVideoWan26Flash
from ...models.generate_video_wan_27 import GenerateVideoWan27
from ...models.generate_video_wan_27r2v import GenerateVideoWan27R2V
from ...models.insufficient_credits import InsufficientCredits
from ...models.job_accepted import JobAccepted
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerateVideoGrokImagineVideo
    | GenerateVideoHailuo02
    | GenerateVideoHailuo23
    | GenerateVideoHailuo23Fast
    | GenerateVideoKling21
    | GenerateVideoKling21Master
    | GenerateVideoKling25TurboPro
    | GenerateVideoKling26
    | GenerateVideoKling30
    | GenerateVideoLumaRay2
    | GenerateVideoLumaRayFlash2
    | GenerateVideoMidjourneyVideo
    | GenerateVideoRunwayGen45
    | GenerateVideoRunwayGen4Turbo
    | GenerateVideoSeedance15Pro
    | GenerateVideoSeedance1Lite
    | GenerateVideoSeedance1Pro
    | GenerateVideoSeedance1ProFast
    | GenerateVideoSeedance2
    | GenerateVideoSeedance2Fast
    | GenerateVideoSora2
    | GenerateVideoSora2Pro
    | GenerateVideoVeo2
    | GenerateVideoVeo3
    | GenerateVideoVeo31
    | GenerateVideoVeo31Fast
    | GenerateVideoVeo3Fast
    | GenerateVideoWan25
    | GenerateVideoWan25Fast
    | GenerateVideoWan26
    | GenerateVideoWan26Flash
    | GenerateVideoWan27
    | GenerateVideoWan27R2V,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/videos/generate",
    }

    if isinstance(body, GenerateVideoKling21):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoKling21Master):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoKling25TurboPro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoKling26):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoKling30):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSora2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSora2Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance1Lite):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance1Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance1ProFast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance15Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoSeedance2Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoMidjourneyVideo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoVeo2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoVeo3):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoVeo3Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoVeo31):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoVeo31Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoGrokImagineVideo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoHailuo02):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoHailuo23):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoHailuo23Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoLumaRay2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoLumaRayFlash2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan25):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan25Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan26):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan26Flash):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan27):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoWan27R2V):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateVideoRunwayGen4Turbo):
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
    body: GenerateVideoGrokImagineVideo
    | GenerateVideoHailuo02
    | GenerateVideoHailuo23
    | GenerateVideoHailuo23Fast
    | GenerateVideoKling21
    | GenerateVideoKling21Master
    | GenerateVideoKling25TurboPro
    | GenerateVideoKling26
    | GenerateVideoKling30
    | GenerateVideoLumaRay2
    | GenerateVideoLumaRayFlash2
    | GenerateVideoMidjourneyVideo
    | GenerateVideoRunwayGen45
    | GenerateVideoRunwayGen4Turbo
    | GenerateVideoSeedance15Pro
    | GenerateVideoSeedance1Lite
    | GenerateVideoSeedance1Pro
    | GenerateVideoSeedance1ProFast
    | GenerateVideoSeedance2
    | GenerateVideoSeedance2Fast
    | GenerateVideoSora2
    | GenerateVideoSora2Pro
    | GenerateVideoVeo2
    | GenerateVideoVeo3
    | GenerateVideoVeo31
    | GenerateVideoVeo31Fast
    | GenerateVideoVeo3Fast
    | GenerateVideoWan25
    | GenerateVideoWan25Fast
    | GenerateVideoWan26
    | GenerateVideoWan26Flash
    | GenerateVideoWan27
    | GenerateVideoWan27R2V,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit a video generation job

     Creates a video job. The `model` discriminator selects the family (Kling 2.1-3.0, Veo 2/3, Sora 2,
    Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine Video) and
    unlocks the matching `<model>Params` block. Pricing for many video models is per-second; the route
    layer computes the multiplier from the requested `duration`.

    Args:
        idempotency_key (str | Unset):
        body (GenerateVideoGrokImagineVideo | GenerateVideoHailuo02 | GenerateVideoHailuo23 |
            GenerateVideoHailuo23Fast | GenerateVideoKling21 | GenerateVideoKling21Master |
            GenerateVideoKling25TurboPro | GenerateVideoKling26 | GenerateVideoKling30 |
            GenerateVideoLumaRay2 | GenerateVideoLumaRayFlash2 | GenerateVideoMidjourneyVideo |
            GenerateVideoRunwayGen45 | GenerateVideoRunwayGen4Turbo | GenerateVideoSeedance15Pro |
            GenerateVideoSeedance1Lite | GenerateVideoSeedance1Pro | GenerateVideoSeedance1ProFast |
            GenerateVideoSeedance2 | GenerateVideoSeedance2Fast | GenerateVideoSora2 |
            GenerateVideoSora2Pro | GenerateVideoVeo2 | GenerateVideoVeo3 | GenerateVideoVeo31 |
            GenerateVideoVeo31Fast | GenerateVideoVeo3Fast | GenerateVideoWan25 |
            GenerateVideoWan25Fast | GenerateVideoWan26 | GenerateVideoWan26Flash | GenerateVideoWan27
            | GenerateVideoWan27R2V): Discriminated by `model`. Covers Kling 2.1-3.0, Veo 2/3, Sora 2,
            Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine
            Video.

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
    body: GenerateVideoGrokImagineVideo
    | GenerateVideoHailuo02
    | GenerateVideoHailuo23
    | GenerateVideoHailuo23Fast
    | GenerateVideoKling21
    | GenerateVideoKling21Master
    | GenerateVideoKling25TurboPro
    | GenerateVideoKling26
    | GenerateVideoKling30
    | GenerateVideoLumaRay2
    | GenerateVideoLumaRayFlash2
    | GenerateVideoMidjourneyVideo
    | GenerateVideoRunwayGen45
    | GenerateVideoRunwayGen4Turbo
    | GenerateVideoSeedance15Pro
    | GenerateVideoSeedance1Lite
    | GenerateVideoSeedance1Pro
    | GenerateVideoSeedance1ProFast
    | GenerateVideoSeedance2
    | GenerateVideoSeedance2Fast
    | GenerateVideoSora2
    | GenerateVideoSora2Pro
    | GenerateVideoVeo2
    | GenerateVideoVeo3
    | GenerateVideoVeo31
    | GenerateVideoVeo31Fast
    | GenerateVideoVeo3Fast
    | GenerateVideoWan25
    | GenerateVideoWan25Fast
    | GenerateVideoWan26
    | GenerateVideoWan26Flash
    | GenerateVideoWan27
    | GenerateVideoWan27R2V,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit a video generation job

     Creates a video job. The `model` discriminator selects the family (Kling 2.1-3.0, Veo 2/3, Sora 2,
    Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine Video) and
    unlocks the matching `<model>Params` block. Pricing for many video models is per-second; the route
    layer computes the multiplier from the requested `duration`.

    Args:
        idempotency_key (str | Unset):
        body (GenerateVideoGrokImagineVideo | GenerateVideoHailuo02 | GenerateVideoHailuo23 |
            GenerateVideoHailuo23Fast | GenerateVideoKling21 | GenerateVideoKling21Master |
            GenerateVideoKling25TurboPro | GenerateVideoKling26 | GenerateVideoKling30 |
            GenerateVideoLumaRay2 | GenerateVideoLumaRayFlash2 | GenerateVideoMidjourneyVideo |
            GenerateVideoRunwayGen45 | GenerateVideoRunwayGen4Turbo | GenerateVideoSeedance15Pro |
            GenerateVideoSeedance1Lite | GenerateVideoSeedance1Pro | GenerateVideoSeedance1ProFast |
            GenerateVideoSeedance2 | GenerateVideoSeedance2Fast | GenerateVideoSora2 |
            GenerateVideoSora2Pro | GenerateVideoVeo2 | GenerateVideoVeo3 | GenerateVideoVeo31 |
            GenerateVideoVeo31Fast | GenerateVideoVeo3Fast | GenerateVideoWan25 |
            GenerateVideoWan25Fast | GenerateVideoWan26 | GenerateVideoWan26Flash | GenerateVideoWan27
            | GenerateVideoWan27R2V): Discriminated by `model`. Covers Kling 2.1-3.0, Veo 2/3, Sora 2,
            Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine
            Video.

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
    body: GenerateVideoGrokImagineVideo
    | GenerateVideoHailuo02
    | GenerateVideoHailuo23
    | GenerateVideoHailuo23Fast
    | GenerateVideoKling21
    | GenerateVideoKling21Master
    | GenerateVideoKling25TurboPro
    | GenerateVideoKling26
    | GenerateVideoKling30
    | GenerateVideoLumaRay2
    | GenerateVideoLumaRayFlash2
    | GenerateVideoMidjourneyVideo
    | GenerateVideoRunwayGen45
    | GenerateVideoRunwayGen4Turbo
    | GenerateVideoSeedance15Pro
    | GenerateVideoSeedance1Lite
    | GenerateVideoSeedance1Pro
    | GenerateVideoSeedance1ProFast
    | GenerateVideoSeedance2
    | GenerateVideoSeedance2Fast
    | GenerateVideoSora2
    | GenerateVideoSora2Pro
    | GenerateVideoVeo2
    | GenerateVideoVeo3
    | GenerateVideoVeo31
    | GenerateVideoVeo31Fast
    | GenerateVideoVeo3Fast
    | GenerateVideoWan25
    | GenerateVideoWan25Fast
    | GenerateVideoWan26
    | GenerateVideoWan26Flash
    | GenerateVideoWan27
    | GenerateVideoWan27R2V,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit a video generation job

     Creates a video job. The `model` discriminator selects the family (Kling 2.1-3.0, Veo 2/3, Sora 2,
    Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine Video) and
    unlocks the matching `<model>Params` block. Pricing for many video models is per-second; the route
    layer computes the multiplier from the requested `duration`.

    Args:
        idempotency_key (str | Unset):
        body (GenerateVideoGrokImagineVideo | GenerateVideoHailuo02 | GenerateVideoHailuo23 |
            GenerateVideoHailuo23Fast | GenerateVideoKling21 | GenerateVideoKling21Master |
            GenerateVideoKling25TurboPro | GenerateVideoKling26 | GenerateVideoKling30 |
            GenerateVideoLumaRay2 | GenerateVideoLumaRayFlash2 | GenerateVideoMidjourneyVideo |
            GenerateVideoRunwayGen45 | GenerateVideoRunwayGen4Turbo | GenerateVideoSeedance15Pro |
            GenerateVideoSeedance1Lite | GenerateVideoSeedance1Pro | GenerateVideoSeedance1ProFast |
            GenerateVideoSeedance2 | GenerateVideoSeedance2Fast | GenerateVideoSora2 |
            GenerateVideoSora2Pro | GenerateVideoVeo2 | GenerateVideoVeo3 | GenerateVideoVeo31 |
            GenerateVideoVeo31Fast | GenerateVideoVeo3Fast | GenerateVideoWan25 |
            GenerateVideoWan25Fast | GenerateVideoWan26 | GenerateVideoWan26Flash | GenerateVideoWan27
            | GenerateVideoWan27R2V): Discriminated by `model`. Covers Kling 2.1-3.0, Veo 2/3, Sora 2,
            Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine
            Video.

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
    body: GenerateVideoGrokImagineVideo
    | GenerateVideoHailuo02
    | GenerateVideoHailuo23
    | GenerateVideoHailuo23Fast
    | GenerateVideoKling21
    | GenerateVideoKling21Master
    | GenerateVideoKling25TurboPro
    | GenerateVideoKling26
    | GenerateVideoKling30
    | GenerateVideoLumaRay2
    | GenerateVideoLumaRayFlash2
    | GenerateVideoMidjourneyVideo
    | GenerateVideoRunwayGen45
    | GenerateVideoRunwayGen4Turbo
    | GenerateVideoSeedance15Pro
    | GenerateVideoSeedance1Lite
    | GenerateVideoSeedance1Pro
    | GenerateVideoSeedance1ProFast
    | GenerateVideoSeedance2
    | GenerateVideoSeedance2Fast
    | GenerateVideoSora2
    | GenerateVideoSora2Pro
    | GenerateVideoVeo2
    | GenerateVideoVeo3
    | GenerateVideoVeo31
    | GenerateVideoVeo31Fast
    | GenerateVideoVeo3Fast
    | GenerateVideoWan25
    | GenerateVideoWan25Fast
    | GenerateVideoWan26
    | GenerateVideoWan26Flash
    | GenerateVideoWan27
    | GenerateVideoWan27R2V,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit a video generation job

     Creates a video job. The `model` discriminator selects the family (Kling 2.1-3.0, Veo 2/3, Sora 2,
    Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine Video) and
    unlocks the matching `<model>Params` block. Pricing for many video models is per-second; the route
    layer computes the multiplier from the requested `duration`.

    Args:
        idempotency_key (str | Unset):
        body (GenerateVideoGrokImagineVideo | GenerateVideoHailuo02 | GenerateVideoHailuo23 |
            GenerateVideoHailuo23Fast | GenerateVideoKling21 | GenerateVideoKling21Master |
            GenerateVideoKling25TurboPro | GenerateVideoKling26 | GenerateVideoKling30 |
            GenerateVideoLumaRay2 | GenerateVideoLumaRayFlash2 | GenerateVideoMidjourneyVideo |
            GenerateVideoRunwayGen45 | GenerateVideoRunwayGen4Turbo | GenerateVideoSeedance15Pro |
            GenerateVideoSeedance1Lite | GenerateVideoSeedance1Pro | GenerateVideoSeedance1ProFast |
            GenerateVideoSeedance2 | GenerateVideoSeedance2Fast | GenerateVideoSora2 |
            GenerateVideoSora2Pro | GenerateVideoVeo2 | GenerateVideoVeo3 | GenerateVideoVeo31 |
            GenerateVideoVeo31Fast | GenerateVideoVeo3Fast | GenerateVideoWan25 |
            GenerateVideoWan25Fast | GenerateVideoWan26 | GenerateVideoWan26Flash | GenerateVideoWan27
            | GenerateVideoWan27R2V): Discriminated by `model`. Covers Kling 2.1-3.0, Veo 2/3, Sora 2,
            Seedance 1-2, Hailuo, Luma, Wan 2.5-2.7, Runway Gen4, Midjourney Video, Grok Imagine
            Video.

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
