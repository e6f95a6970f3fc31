from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_image_dall_e2 import GenerateImageDallE2
from ...models.generate_image_dall_e3 import GenerateImageDallE3
from ...models.generate_image_flux_2_dev import GenerateImageFlux2Dev
from ...models.generate_image_flux_2_flex import GenerateImageFlux2Flex
from ...models.generate_image_flux_2_max import GenerateImageFlux2Max
from ...models.generate_image_flux_2_pro import GenerateImageFlux2Pro
from ...models.generate_image_flux_11_pro import GenerateImageFlux11Pro
from ...models.generate_image_flux_11_pro_ultra import GenerateImageFlux11ProUltra
from ...models.generate_image_flux_lora import GenerateImageFluxLora
from ...models.generate_image_gpt_image_2 import GenerateImageGptImage2
from ...models.generate_image_gpt_image_15 import GenerateImageGptImage15
from ...models.generate_image_grok_imagine_image import GenerateImageGrokImagineImage
from ...models.generate_image_ideogram_character import GenerateImageIdeogramCharacter
from ...models.generate_image_ideogram_v2 import GenerateImageIdeogramV2
from ...models.generate_image_ideogram_v2_turbo import GenerateImageIdeogramV2Turbo
from ...models.generate_image_ideogram_v2a import GenerateImageIdeogramV2A
from ...models.generate_image_ideogram_v2a_turbo import GenerateImageIdeogramV2ATurbo
from ...models.generate_image_ideogram_v3_balanced import (
    GenerateImageIdeogramV3Balanced,
)
from ...models.generate_image_ideogram_v3_quality import GenerateImageIdeogramV3Quality
from ...models.generate_image_ideogram_v3_turbo import GenerateImageIdeogramV3Turbo
from ...models.generate_image_imagen_3 import GenerateImageImagen3
from ...models.generate_image_imagen_3_fast import GenerateImageImagen3Fast
from ...models.generate_image_imagen_4 import GenerateImageImagen4
from ...models.generate_image_imagen_4_fast import GenerateImageImagen4Fast
from ...models.generate_image_imagen_4_ultra import GenerateImageImagen4Ultra
from ...models.generate_image_kling_image import GenerateImageKlingImage
from ...models.generate_image_midjourney import GenerateImageMidjourney
from ...models.generate_image_nano_banana import GenerateImageNanoBanana
from ...models.generate_image_nano_banana_2 import GenerateImageNanoBanana2
from ...models.generate_image_nano_banana_pro import GenerateImageNanoBananaPro
from ...models.generate_image_qwen_image import GenerateImageQwenImage
from ...models.generate_image_qwen_image_2 import GenerateImageQwenImage2
from ...models.generate_image_qwen_image_2_pro import GenerateImageQwenImage2Pro
from ...models.generate_image_reve_create import GenerateImageReveCreate
from ...models.generate_image_seedream_3 import GenerateImageSeedream3
from ...models.generate_image_seedream_4 import GenerateImageSeedream4
from ...models.generate_image_seedream_5_lite import GenerateImageSeedream5Lite
from ...models.generate_image_seedream_31 import GenerateImageSeedream31
from ...models.generate_image_seedream_45 import GenerateImageSeedream45
from ...models.generate_image_wan_image_26 import GenerateImageWanImage26
from ...models.generate_image_wan_image_27 import GenerateImageWanImage27
from ...models.generate_image_wan_image_27_pro import GenerateImageWanImage27Pro
from ...models.insufficient_credits import InsufficientCredits
from ...models.job_accepted import JobAccepted
from ...models.validation_error_body import ValidationErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerateImageDallE2
    | GenerateImageDallE3
    | GenerateImageFlux11Pro
    | GenerateImageFlux11ProUltra
    | GenerateImageFlux2Dev
    | GenerateImageFlux2Flex
    | GenerateImageFlux2Max
    | GenerateImageFlux2Pro
    | GenerateImageFluxLora
    | GenerateImageGptImage15
    | GenerateImageGptImage2
    | GenerateImageGrokImagineImage
    | GenerateImageIdeogramCharacter
    | GenerateImageIdeogramV2
    | GenerateImageIdeogramV2A
    | GenerateImageIdeogramV2ATurbo
    | GenerateImageIdeogramV2Turbo
    | GenerateImageIdeogramV3Balanced
    | GenerateImageIdeogramV3Quality
    | GenerateImageIdeogramV3Turbo
    | GenerateImageImagen3
    | GenerateImageImagen3Fast
    | GenerateImageImagen4
    | GenerateImageImagen4Fast
    | GenerateImageImagen4Ultra
    | GenerateImageKlingImage
    | GenerateImageMidjourney
    | GenerateImageNanoBanana
    | GenerateImageNanoBanana2
    | GenerateImageNanoBananaPro
    | GenerateImageQwenImage
    | GenerateImageQwenImage2
    | GenerateImageQwenImage2Pro
    | GenerateImageReveCreate
    | GenerateImageSeedream3
    | GenerateImageSeedream31
    | GenerateImageSeedream4
    | GenerateImageSeedream45
    | GenerateImageSeedream5Lite
    | GenerateImageWanImage26
    | GenerateImageWanImage27
    | GenerateImageWanImage27Pro,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/images/generate",
    }

    if isinstance(body, GenerateImageMidjourney):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageNanoBanana):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageNanoBananaPro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageNanoBanana2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux11Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux11ProUltra):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux2Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux2Dev):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux2Flex):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageFlux2Max):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageSeedream3):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageSeedream31):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageSeedream4):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageSeedream45):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageSeedream5Lite):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV2Turbo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV2A):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV2ATurbo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV3Balanced):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV3Turbo):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramV3Quality):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageIdeogramCharacter):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageImagen3):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageImagen3Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageImagen4):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageImagen4Ultra):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageImagen4Fast):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageDallE3):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageDallE2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageGptImage15):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageGptImage2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageKlingImage):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageQwenImage):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageQwenImage2):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageQwenImage2Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageWanImage26):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageWanImage27):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageWanImage27Pro):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageGrokImagineImage):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, GenerateImageReveCreate):
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
    body: GenerateImageDallE2
    | GenerateImageDallE3
    | GenerateImageFlux11Pro
    | GenerateImageFlux11ProUltra
    | GenerateImageFlux2Dev
    | GenerateImageFlux2Flex
    | GenerateImageFlux2Max
    | GenerateImageFlux2Pro
    | GenerateImageFluxLora
    | GenerateImageGptImage15
    | GenerateImageGptImage2
    | GenerateImageGrokImagineImage
    | GenerateImageIdeogramCharacter
    | GenerateImageIdeogramV2
    | GenerateImageIdeogramV2A
    | GenerateImageIdeogramV2ATurbo
    | GenerateImageIdeogramV2Turbo
    | GenerateImageIdeogramV3Balanced
    | GenerateImageIdeogramV3Quality
    | GenerateImageIdeogramV3Turbo
    | GenerateImageImagen3
    | GenerateImageImagen3Fast
    | GenerateImageImagen4
    | GenerateImageImagen4Fast
    | GenerateImageImagen4Ultra
    | GenerateImageKlingImage
    | GenerateImageMidjourney
    | GenerateImageNanoBanana
    | GenerateImageNanoBanana2
    | GenerateImageNanoBananaPro
    | GenerateImageQwenImage
    | GenerateImageQwenImage2
    | GenerateImageQwenImage2Pro
    | GenerateImageReveCreate
    | GenerateImageSeedream3
    | GenerateImageSeedream31
    | GenerateImageSeedream4
    | GenerateImageSeedream45
    | GenerateImageSeedream5Lite
    | GenerateImageWanImage26
    | GenerateImageWanImage27
    | GenerateImageWanImage27Pro,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit an image generation job

     Creates an image generation job. The `model` discriminator selects the family (Midjourney, Flux,
    Seedream, Ideogram, Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux
    LoRA) and unlocks the matching `<model>Params` block.

    Args:
        idempotency_key (str | Unset):
        body (GenerateImageDallE2 | GenerateImageDallE3 | GenerateImageFlux11Pro |
            GenerateImageFlux11ProUltra | GenerateImageFlux2Dev | GenerateImageFlux2Flex |
            GenerateImageFlux2Max | GenerateImageFlux2Pro | GenerateImageFluxLora |
            GenerateImageGptImage15 | GenerateImageGptImage2 | GenerateImageGrokImagineImage |
            GenerateImageIdeogramCharacter | GenerateImageIdeogramV2 | GenerateImageIdeogramV2A |
            GenerateImageIdeogramV2ATurbo | GenerateImageIdeogramV2Turbo |
            GenerateImageIdeogramV3Balanced | GenerateImageIdeogramV3Quality |
            GenerateImageIdeogramV3Turbo | GenerateImageImagen3 | GenerateImageImagen3Fast |
            GenerateImageImagen4 | GenerateImageImagen4Fast | GenerateImageImagen4Ultra |
            GenerateImageKlingImage | GenerateImageMidjourney | GenerateImageNanoBanana |
            GenerateImageNanoBanana2 | GenerateImageNanoBananaPro | GenerateImageQwenImage |
            GenerateImageQwenImage2 | GenerateImageQwenImage2Pro | GenerateImageReveCreate |
            GenerateImageSeedream3 | GenerateImageSeedream31 | GenerateImageSeedream4 |
            GenerateImageSeedream45 | GenerateImageSeedream5Lite | GenerateImageWanImage26 |
            GenerateImageWanImage27 | GenerateImageWanImage27Pro): Discriminated by `model`. Each
            model gates a specific `<model>Params` block (Midjourney, Flux, Seedream, Ideogram,
            Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux LoRA).

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
    body: GenerateImageDallE2
    | GenerateImageDallE3
    | GenerateImageFlux11Pro
    | GenerateImageFlux11ProUltra
    | GenerateImageFlux2Dev
    | GenerateImageFlux2Flex
    | GenerateImageFlux2Max
    | GenerateImageFlux2Pro
    | GenerateImageFluxLora
    | GenerateImageGptImage15
    | GenerateImageGptImage2
    | GenerateImageGrokImagineImage
    | GenerateImageIdeogramCharacter
    | GenerateImageIdeogramV2
    | GenerateImageIdeogramV2A
    | GenerateImageIdeogramV2ATurbo
    | GenerateImageIdeogramV2Turbo
    | GenerateImageIdeogramV3Balanced
    | GenerateImageIdeogramV3Quality
    | GenerateImageIdeogramV3Turbo
    | GenerateImageImagen3
    | GenerateImageImagen3Fast
    | GenerateImageImagen4
    | GenerateImageImagen4Fast
    | GenerateImageImagen4Ultra
    | GenerateImageKlingImage
    | GenerateImageMidjourney
    | GenerateImageNanoBanana
    | GenerateImageNanoBanana2
    | GenerateImageNanoBananaPro
    | GenerateImageQwenImage
    | GenerateImageQwenImage2
    | GenerateImageQwenImage2Pro
    | GenerateImageReveCreate
    | GenerateImageSeedream3
    | GenerateImageSeedream31
    | GenerateImageSeedream4
    | GenerateImageSeedream45
    | GenerateImageSeedream5Lite
    | GenerateImageWanImage26
    | GenerateImageWanImage27
    | GenerateImageWanImage27Pro,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit an image generation job

     Creates an image generation job. The `model` discriminator selects the family (Midjourney, Flux,
    Seedream, Ideogram, Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux
    LoRA) and unlocks the matching `<model>Params` block.

    Args:
        idempotency_key (str | Unset):
        body (GenerateImageDallE2 | GenerateImageDallE3 | GenerateImageFlux11Pro |
            GenerateImageFlux11ProUltra | GenerateImageFlux2Dev | GenerateImageFlux2Flex |
            GenerateImageFlux2Max | GenerateImageFlux2Pro | GenerateImageFluxLora |
            GenerateImageGptImage15 | GenerateImageGptImage2 | GenerateImageGrokImagineImage |
            GenerateImageIdeogramCharacter | GenerateImageIdeogramV2 | GenerateImageIdeogramV2A |
            GenerateImageIdeogramV2ATurbo | GenerateImageIdeogramV2Turbo |
            GenerateImageIdeogramV3Balanced | GenerateImageIdeogramV3Quality |
            GenerateImageIdeogramV3Turbo | GenerateImageImagen3 | GenerateImageImagen3Fast |
            GenerateImageImagen4 | GenerateImageImagen4Fast | GenerateImageImagen4Ultra |
            GenerateImageKlingImage | GenerateImageMidjourney | GenerateImageNanoBanana |
            GenerateImageNanoBanana2 | GenerateImageNanoBananaPro | GenerateImageQwenImage |
            GenerateImageQwenImage2 | GenerateImageQwenImage2Pro | GenerateImageReveCreate |
            GenerateImageSeedream3 | GenerateImageSeedream31 | GenerateImageSeedream4 |
            GenerateImageSeedream45 | GenerateImageSeedream5Lite | GenerateImageWanImage26 |
            GenerateImageWanImage27 | GenerateImageWanImage27Pro): Discriminated by `model`. Each
            model gates a specific `<model>Params` block (Midjourney, Flux, Seedream, Ideogram,
            Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux LoRA).

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
    body: GenerateImageDallE2
    | GenerateImageDallE3
    | GenerateImageFlux11Pro
    | GenerateImageFlux11ProUltra
    | GenerateImageFlux2Dev
    | GenerateImageFlux2Flex
    | GenerateImageFlux2Max
    | GenerateImageFlux2Pro
    | GenerateImageFluxLora
    | GenerateImageGptImage15
    | GenerateImageGptImage2
    | GenerateImageGrokImagineImage
    | GenerateImageIdeogramCharacter
    | GenerateImageIdeogramV2
    | GenerateImageIdeogramV2A
    | GenerateImageIdeogramV2ATurbo
    | GenerateImageIdeogramV2Turbo
    | GenerateImageIdeogramV3Balanced
    | GenerateImageIdeogramV3Quality
    | GenerateImageIdeogramV3Turbo
    | GenerateImageImagen3
    | GenerateImageImagen3Fast
    | GenerateImageImagen4
    | GenerateImageImagen4Fast
    | GenerateImageImagen4Ultra
    | GenerateImageKlingImage
    | GenerateImageMidjourney
    | GenerateImageNanoBanana
    | GenerateImageNanoBanana2
    | GenerateImageNanoBananaPro
    | GenerateImageQwenImage
    | GenerateImageQwenImage2
    | GenerateImageQwenImage2Pro
    | GenerateImageReveCreate
    | GenerateImageSeedream3
    | GenerateImageSeedream31
    | GenerateImageSeedream4
    | GenerateImageSeedream45
    | GenerateImageSeedream5Lite
    | GenerateImageWanImage26
    | GenerateImageWanImage27
    | GenerateImageWanImage27Pro,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody]:
    """Submit an image generation job

     Creates an image generation job. The `model` discriminator selects the family (Midjourney, Flux,
    Seedream, Ideogram, Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux
    LoRA) and unlocks the matching `<model>Params` block.

    Args:
        idempotency_key (str | Unset):
        body (GenerateImageDallE2 | GenerateImageDallE3 | GenerateImageFlux11Pro |
            GenerateImageFlux11ProUltra | GenerateImageFlux2Dev | GenerateImageFlux2Flex |
            GenerateImageFlux2Max | GenerateImageFlux2Pro | GenerateImageFluxLora |
            GenerateImageGptImage15 | GenerateImageGptImage2 | GenerateImageGrokImagineImage |
            GenerateImageIdeogramCharacter | GenerateImageIdeogramV2 | GenerateImageIdeogramV2A |
            GenerateImageIdeogramV2ATurbo | GenerateImageIdeogramV2Turbo |
            GenerateImageIdeogramV3Balanced | GenerateImageIdeogramV3Quality |
            GenerateImageIdeogramV3Turbo | GenerateImageImagen3 | GenerateImageImagen3Fast |
            GenerateImageImagen4 | GenerateImageImagen4Fast | GenerateImageImagen4Ultra |
            GenerateImageKlingImage | GenerateImageMidjourney | GenerateImageNanoBanana |
            GenerateImageNanoBanana2 | GenerateImageNanoBananaPro | GenerateImageQwenImage |
            GenerateImageQwenImage2 | GenerateImageQwenImage2Pro | GenerateImageReveCreate |
            GenerateImageSeedream3 | GenerateImageSeedream31 | GenerateImageSeedream4 |
            GenerateImageSeedream45 | GenerateImageSeedream5Lite | GenerateImageWanImage26 |
            GenerateImageWanImage27 | GenerateImageWanImage27Pro): Discriminated by `model`. Each
            model gates a specific `<model>Params` block (Midjourney, Flux, Seedream, Ideogram,
            Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux LoRA).

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
    body: GenerateImageDallE2
    | GenerateImageDallE3
    | GenerateImageFlux11Pro
    | GenerateImageFlux11ProUltra
    | GenerateImageFlux2Dev
    | GenerateImageFlux2Flex
    | GenerateImageFlux2Max
    | GenerateImageFlux2Pro
    | GenerateImageFluxLora
    | GenerateImageGptImage15
    | GenerateImageGptImage2
    | GenerateImageGrokImagineImage
    | GenerateImageIdeogramCharacter
    | GenerateImageIdeogramV2
    | GenerateImageIdeogramV2A
    | GenerateImageIdeogramV2ATurbo
    | GenerateImageIdeogramV2Turbo
    | GenerateImageIdeogramV3Balanced
    | GenerateImageIdeogramV3Quality
    | GenerateImageIdeogramV3Turbo
    | GenerateImageImagen3
    | GenerateImageImagen3Fast
    | GenerateImageImagen4
    | GenerateImageImagen4Fast
    | GenerateImageImagen4Ultra
    | GenerateImageKlingImage
    | GenerateImageMidjourney
    | GenerateImageNanoBanana
    | GenerateImageNanoBanana2
    | GenerateImageNanoBananaPro
    | GenerateImageQwenImage
    | GenerateImageQwenImage2
    | GenerateImageQwenImage2Pro
    | GenerateImageReveCreate
    | GenerateImageSeedream3
    | GenerateImageSeedream31
    | GenerateImageSeedream4
    | GenerateImageSeedream45
    | GenerateImageSeedream5Lite
    | GenerateImageWanImage26
    | GenerateImageWanImage27
    | GenerateImageWanImage27Pro,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | InsufficientCredits | JobAccepted | ValidationErrorBody | None:
    """Submit an image generation job

     Creates an image generation job. The `model` discriminator selects the family (Midjourney, Flux,
    Seedream, Ideogram, Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux
    LoRA) and unlocks the matching `<model>Params` block.

    Args:
        idempotency_key (str | Unset):
        body (GenerateImageDallE2 | GenerateImageDallE3 | GenerateImageFlux11Pro |
            GenerateImageFlux11ProUltra | GenerateImageFlux2Dev | GenerateImageFlux2Flex |
            GenerateImageFlux2Max | GenerateImageFlux2Pro | GenerateImageFluxLora |
            GenerateImageGptImage15 | GenerateImageGptImage2 | GenerateImageGrokImagineImage |
            GenerateImageIdeogramCharacter | GenerateImageIdeogramV2 | GenerateImageIdeogramV2A |
            GenerateImageIdeogramV2ATurbo | GenerateImageIdeogramV2Turbo |
            GenerateImageIdeogramV3Balanced | GenerateImageIdeogramV3Quality |
            GenerateImageIdeogramV3Turbo | GenerateImageImagen3 | GenerateImageImagen3Fast |
            GenerateImageImagen4 | GenerateImageImagen4Fast | GenerateImageImagen4Ultra |
            GenerateImageKlingImage | GenerateImageMidjourney | GenerateImageNanoBanana |
            GenerateImageNanoBanana2 | GenerateImageNanoBananaPro | GenerateImageQwenImage |
            GenerateImageQwenImage2 | GenerateImageQwenImage2Pro | GenerateImageReveCreate |
            GenerateImageSeedream3 | GenerateImageSeedream31 | GenerateImageSeedream4 |
            GenerateImageSeedream45 | GenerateImageSeedream5Lite | GenerateImageWanImage26 |
            GenerateImageWanImage27 | GenerateImageWanImage27Pro): Discriminated by `model`. Each
            model gates a specific `<model>Params` block (Midjourney, Flux, Seedream, Ideogram,
            Imagen, DALL-E, GPT Image, Kling Image, Qwen, Wan, Grok, Reve, Nano Banana, Flux LoRA).

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
