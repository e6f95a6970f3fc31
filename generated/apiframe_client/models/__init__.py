"""Data models used in requests and responses (loaded lazily, on first attribute access)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .asset_created import AssetCreated
    from .assets_get_response_200 import AssetsGetResponse200
    from .bria_bg_remove_params import BriaBgRemoveParams
    from .clarity_upscale_params import ClarityUpscaleParams
    from .clarity_upscale_params_output_format import ClarityUpscaleParamsOutputFormat
    from .clarity_upscale_params_scale_factor import ClarityUpscaleParamsScaleFactor
    from .create_asset_request import CreateAssetRequest
    from .create_asset_request_type import CreateAssetRequestType
    from .dalle_params import DalleParams
    from .dalle_params_aspect_ratio import DalleParamsAspectRatio
    from .dalle_params_style import DalleParamsStyle
    from .elevenlabs_params import ElevenlabsParams
    from .elevenlabs_params_output_format import ElevenlabsParamsOutputFormat
    from .error_response import ErrorResponse
    from .flux_2_pro_params import Flux2ProParams
    from .flux_2_pro_params_output_format import Flux2ProParamsOutputFormat
    from .flux_2_pro_params_resolution import Flux2ProParamsResolution
    from .flux_fill_params import FluxFillParams
    from .flux_fill_params_mode import FluxFillParamsMode
    from .flux_fill_params_outpaint import FluxFillParamsOutpaint
    from .flux_fill_params_output_format import FluxFillParamsOutputFormat
    from .flux_lora_params import FluxLoraParams
    from .flux_lora_params_aspect_ratio import FluxLoraParamsAspectRatio
    from .flux_lora_params_output_format import FluxLoraParamsOutputFormat
    from .flux_params import FluxParams
    from .flux_params_output_format import FluxParamsOutputFormat
    from .generate_image_dall_e2 import GenerateImageDallE2
    from .generate_image_dall_e3 import GenerateImageDallE3
    from .generate_image_flux_2_dev import GenerateImageFlux2Dev
    from .generate_image_flux_2_flex import GenerateImageFlux2Flex
    from .generate_image_flux_2_max import GenerateImageFlux2Max
    from .generate_image_flux_2_pro import GenerateImageFlux2Pro
    from .generate_image_flux_11_pro import GenerateImageFlux11Pro
    from .generate_image_flux_11_pro_ultra import GenerateImageFlux11ProUltra
    from .generate_image_flux_lora import GenerateImageFluxLora
    from .generate_image_gpt_image_2 import GenerateImageGptImage2
    from .generate_image_gpt_image_15 import GenerateImageGptImage15
    from .generate_image_grok_imagine_image import GenerateImageGrokImagineImage
    from .generate_image_ideogram_character import GenerateImageIdeogramCharacter
    from .generate_image_ideogram_v2 import GenerateImageIdeogramV2
    from .generate_image_ideogram_v2_turbo import GenerateImageIdeogramV2Turbo
    from .generate_image_ideogram_v2a import GenerateImageIdeogramV2A
    from .generate_image_ideogram_v2a_turbo import GenerateImageIdeogramV2ATurbo
    from .generate_image_ideogram_v3_balanced import GenerateImageIdeogramV3Balanced
    from .generate_image_ideogram_v3_quality import GenerateImageIdeogramV3Quality
    from .generate_image_ideogram_v3_turbo import GenerateImageIdeogramV3Turbo
    from .generate_image_imagen_3 import GenerateImageImagen3
    from .generate_image_imagen_3_fast import GenerateImageImagen3Fast
    from .generate_image_imagen_4 import GenerateImageImagen4
    from .generate_image_imagen_4_fast import GenerateImageImagen4Fast
    from .generate_image_imagen_4_ultra import GenerateImageImagen4Ultra
    from .generate_image_kling_image import GenerateImageKlingImage
    from .generate_image_midjourney import GenerateImageMidjourney
    from .generate_image_nano_banana import GenerateImageNanoBanana
    from .generate_image_nano_banana_2 import GenerateImageNanoBanana2
    from .generate_image_nano_banana_pro import GenerateImageNanoBananaPro
    from .generate_image_qwen_image import GenerateImageQwenImage
    from .generate_image_qwen_image_2 import GenerateImageQwenImage2
    from .generate_image_qwen_image_2_pro import GenerateImageQwenImage2Pro
    from .generate_image_reve_create import GenerateImageReveCreate
    from .generate_image_seedream_3 import GenerateImageSeedream3
    from .generate_image_seedream_4 import GenerateImageSeedream4
    from .generate_image_seedream_5_lite import GenerateImageSeedream5Lite
    from .generate_image_seedream_31 import GenerateImageSeedream31
    from .generate_image_seedream_45 import GenerateImageSeedream45
    from .generate_image_wan_image_26 import GenerateImageWanImage26
    from .generate_image_wan_image_27 import GenerateImageWanImage27
    from .generate_image_wan_image_27_pro import GenerateImageWanImage27Pro
    from .generate_music_elevenlabs_music import GenerateMusicElevenlabsMusic
    from .generate_music_lyria_3_clip import GenerateMusicLyria3Clip
    from .generate_music_lyria_3_pro import GenerateMusicLyria3Pro
    from .generate_music_mureka import GenerateMusicMureka
    from .generate_music_producer import GenerateMusicProducer
    from .generate_music_suno import GenerateMusicSuno
    from .generate_music_udio import GenerateMusicUdio
    from .generate_video_grok_imagine_video import GenerateVideoGrokImagineVideo
    from .generate_video_hailuo_02 import GenerateVideoHailuo02
    from .generate_video_hailuo_23 import GenerateVideoHailuo23
    from .generate_video_hailuo_23_fast import GenerateVideoHailuo23Fast
    from .generate_video_kling_21 import GenerateVideoKling21
    from .generate_video_kling_21_master import GenerateVideoKling21Master
    from .generate_video_kling_25_turbo_pro import GenerateVideoKling25TurboPro
    from .generate_video_kling_26 import GenerateVideoKling26
    from .generate_video_kling_30 import GenerateVideoKling30
    from .generate_video_luma_ray_2 import GenerateVideoLumaRay2
    from .generate_video_luma_ray_flash_2 import GenerateVideoLumaRayFlash2
    from .generate_video_midjourney_video import GenerateVideoMidjourneyVideo
    from .generate_video_runway_gen_4_turbo import GenerateVideoRunwayGen4Turbo
    from .generate_video_runway_gen_45 import GenerateVideoRunwayGen45
    from .generate_video_seedance_1_lite import GenerateVideoSeedance1Lite
    from .generate_video_seedance_1_pro import GenerateVideoSeedance1Pro
    from .generate_video_seedance_1_pro_fast import GenerateVideoSeedance1ProFast
    from .generate_video_seedance_2 import GenerateVideoSeedance2
    from .generate_video_seedance_2_fast import GenerateVideoSeedance2Fast
    from .generate_video_seedance_15_pro import GenerateVideoSeedance15Pro
    from .generate_video_sora_2 import GenerateVideoSora2
    from .generate_video_sora_2_pro import GenerateVideoSora2Pro
    from .generate_video_veo_2 import GenerateVideoVeo2
    from .generate_video_veo_3 import GenerateVideoVeo3
    from .generate_video_veo_3_fast import GenerateVideoVeo3Fast
    from .generate_video_veo_31 import GenerateVideoVeo31
    from .generate_video_veo_31_fast import GenerateVideoVeo31Fast
    from .generate_video_wan_25 import GenerateVideoWan25
    from .generate_video_wan_25_fast import GenerateVideoWan25Fast
    from .generate_video_wan_26 import GenerateVideoWan26
    from .generate_video_wan_26_flash import GenerateVideoWan26Flash
    from .generate_video_wan_27 import GenerateVideoWan27
    from .generate_video_wan_27r2v import GenerateVideoWan27R2V
    from .gpt_image_2_params import GptImage2Params
    from .gpt_image_2_params_aspect_ratio import GptImage2ParamsAspectRatio
    from .gpt_image_2_params_background import GptImage2ParamsBackground
    from .gpt_image_2_params_moderation import GptImage2ParamsModeration
    from .gpt_image_2_params_output_format import GptImage2ParamsOutputFormat
    from .gpt_image_2_params_quality import GptImage2ParamsQuality
    from .gpt_image_params import GptImageParams
    from .gpt_image_params_aspect_ratio import GptImageParamsAspectRatio
    from .gpt_image_params_background import GptImageParamsBackground
    from .gpt_image_params_input_fidelity import GptImageParamsInputFidelity
    from .gpt_image_params_output_format import GptImageParamsOutputFormat
    from .gpt_image_params_quality import GptImageParamsQuality
    from .grok_imagine_params import GrokImagineParams
    from .grok_imagine_params_aspect_ratio import GrokImagineParamsAspectRatio
    from .grok_imagine_video_params import GrokImagineVideoParams
    from .grok_imagine_video_params_aspect_ratio import (
        GrokImagineVideoParamsAspectRatio,
    )
    from .grok_imagine_video_params_duration import GrokImagineVideoParamsDuration
    from .hailuo_23_params import Hailuo23Params
    from .hailuo_23_params_duration import Hailuo23ParamsDuration
    from .hailuo_23_params_resolution import Hailuo23ParamsResolution
    from .hailuo_params import HailuoParams
    from .hailuo_params_duration import HailuoParamsDuration
    from .hailuo_params_resolution import HailuoParamsResolution
    from .ideogram_character_params import IdeogramCharacterParams
    from .ideogram_character_params_magic_prompt_option import (
        IdeogramCharacterParamsMagicPromptOption,
    )
    from .ideogram_character_params_rendering_speed import (
        IdeogramCharacterParamsRenderingSpeed,
    )
    from .ideogram_params import IdeogramParams
    from .ideogram_params_magic_prompt_option import IdeogramParamsMagicPromptOption
    from .ideogram_params_rendering_speed import IdeogramParamsRenderingSpeed
    from .image_background_remove_851_bg_remove import ImageBackgroundRemove851BgRemove
    from .image_background_remove_bria_bg_remove import (
        ImageBackgroundRemoveBriaBgRemove,
    )
    from .image_edit_flux_fill_pro import ImageEditFluxFillPro
    from .image_upscale_clarity_upscale import ImageUpscaleClarityUpscale
    from .image_upscale_topaz_image_upscale import ImageUpscaleTopazImageUpscale
    from .imagen_params import ImagenParams
    from .imagen_params_aspect_ratio import ImagenParamsAspectRatio
    from .imagen_params_image_size import ImagenParamsImageSize
    from .imagen_params_output_format import ImagenParamsOutputFormat
    from .insufficient_credits import InsufficientCredits
    from .job import Job
    from .job_accepted import JobAccepted
    from .job_accepted_status import JobAcceptedStatus
    from .job_input import JobInput
    from .job_list import JobList
    from .job_list_jobs_item import JobListJobsItem
    from .job_list_jobs_item_status import JobListJobsItemStatus
    from .job_list_jobs_item_webhook_status import JobListJobsItemWebhookStatus
    from .job_status import JobStatus
    from .job_webhook_status import JobWebhookStatus
    from .jobs_list_scope import JobsListScope
    from .jobs_list_status import JobsListStatus
    from .kling_21_master_params import Kling21MasterParams
    from .kling_21_master_params_aspect_ratio import Kling21MasterParamsAspectRatio
    from .kling_21_master_params_duration import Kling21MasterParamsDuration
    from .kling_25_turbo_pro_params import Kling25TurboProParams
    from .kling_25_turbo_pro_params_aspect_ratio import Kling25TurboProParamsAspectRatio
    from .kling_25_turbo_pro_params_duration import Kling25TurboProParamsDuration
    from .kling_26_params import Kling26Params
    from .kling_26_params_aspect_ratio import Kling26ParamsAspectRatio
    from .kling_26_params_duration import Kling26ParamsDuration
    from .kling_30_params import Kling30Params
    from .kling_30_params_aspect_ratio import Kling30ParamsAspectRatio
    from .kling_30_params_mode import Kling30ParamsMode
    from .kling_image_params import KlingImageParams
    from .kling_image_params_aspect_ratio import KlingImageParamsAspectRatio
    from .kling_image_params_model_name import KlingImageParamsModelName
    from .kling_params import KlingParams
    from .kling_params_duration import KlingParamsDuration
    from .kling_params_mode import KlingParamsMode
    from .lab_851_bg_remove_params import Lab851BgRemoveParams
    from .lab_851_bg_remove_params_background_type import (
        Lab851BgRemoveParamsBackgroundType,
    )
    from .lab_851_bg_remove_params_format import Lab851BgRemoveParamsFormat
    from .lora import Lora
    from .lora_created import LoraCreated
    from .lora_list import LoraList
    from .lora_status import LoraStatus
    from .lora_subject_kind import LoraSubjectKind
    from .loras_create_body import LorasCreateBody
    from .loras_create_body_gender import LorasCreateBodyGender
    from .loras_create_body_subject_kind import LorasCreateBodySubjectKind
    from .luma_params import LumaParams
    from .luma_params_aspect_ratio import LumaParamsAspectRatio
    from .luma_params_concepts_item import LumaParamsConceptsItem
    from .luma_params_duration import LumaParamsDuration
    from .lyria_params import LyriaParams
    from .me import Me
    from .me_api_key import MeApiKey
    from .me_team import MeTeam
    from .me_user import MeUser
    from .me_user_role import MeUserRole
    from .midjourney_action_inpaint import MidjourneyActionInpaint
    from .midjourney_action_outpaint import MidjourneyActionOutpaint
    from .midjourney_action_pan import MidjourneyActionPan
    from .midjourney_action_pan_direction import MidjourneyActionPanDirection
    from .midjourney_action_upsample import MidjourneyActionUpsample
    from .midjourney_action_upsample_index import MidjourneyActionUpsampleIndex
    from .midjourney_action_variation import MidjourneyActionVariation
    from .midjourney_action_variation_index import MidjourneyActionVariationIndex
    from .midjourney_params import MidjourneyParams
    from .midjourney_video_params import MidjourneyVideoParams
    from .midjourney_video_params_motion import MidjourneyVideoParamsMotion
    from .midjourney_video_params_resolution import MidjourneyVideoParamsResolution
    from .model_catalog import ModelCatalog
    from .model_catalog_entry import ModelCatalogEntry
    from .model_catalog_entry_modality import ModelCatalogEntryModality
    from .model_catalog_entry_pricing_mode import ModelCatalogEntryPricingMode
    from .models_list_modality import ModelsListModality
    from .mureka_params import MurekaParams
    from .mureka_params_model_version import MurekaParamsModelVersion
    from .nano_banana_params import NanoBananaParams
    from .nano_banana_params_output_format import NanoBananaParamsOutputFormat
    from .nano_banana_params_resolution import NanoBananaParamsResolution
    from .producer_params import ProducerParams
    from .producer_params_model_version import ProducerParamsModelVersion
    from .qwen_image_2_params import QwenImage2Params
    from .qwen_image_2_params_aspect_ratio import QwenImage2ParamsAspectRatio
    from .qwen_image_params import QwenImageParams
    from .qwen_image_params_acceleration import QwenImageParamsAcceleration
    from .qwen_image_params_image_size import QwenImageParamsImageSize
    from .qwen_image_params_output_format import QwenImageParamsOutputFormat
    from .qwen_image_params_task_type import QwenImageParamsTaskType
    from .reve_params import ReveParams
    from .reve_params_aspect_ratio import ReveParamsAspectRatio
    from .runway_params import RunwayParams
    from .runway_params_aspect_ratio import RunwayParamsAspectRatio
    from .runway_params_duration import RunwayParamsDuration
    from .seedance_2_fast_params import Seedance2FastParams
    from .seedance_2_fast_params_aspect_ratio import Seedance2FastParamsAspectRatio
    from .seedance_2_fast_params_resolution import Seedance2FastParamsResolution
    from .seedance_2_params import Seedance2Params
    from .seedance_2_params_aspect_ratio import Seedance2ParamsAspectRatio
    from .seedance_2_params_resolution import Seedance2ParamsResolution
    from .seedance_15_pro_params import Seedance15ProParams
    from .seedance_15_pro_params_aspect_ratio import Seedance15ProParamsAspectRatio
    from .seedance_15_pro_params_duration import Seedance15ProParamsDuration
    from .seedance_15_pro_params_resolution import Seedance15ProParamsResolution
    from .seedance_params import SeedanceParams
    from .seedance_params_aspect_ratio import SeedanceParamsAspectRatio
    from .seedance_params_duration import SeedanceParamsDuration
    from .seedance_params_resolution import SeedanceParamsResolution
    from .seedream_params import SeedreamParams
    from .seedream_params_output_format import SeedreamParamsOutputFormat
    from .sora_params import SoraParams
    from .sora_params_aspect_ratio import SoraParamsAspectRatio
    from .sora_params_duration import SoraParamsDuration
    from .sora_params_resolution import SoraParamsResolution
    from .suno_action_add_vocals import SunoActionAddVocals
    from .suno_action_add_vocals_index import SunoActionAddVocalsIndex
    from .suno_action_cover import SunoActionCover
    from .suno_action_cover_index import SunoActionCoverIndex
    from .suno_action_extend import SunoActionExtend
    from .suno_action_extend_index import SunoActionExtendIndex
    from .suno_action_stems import SunoActionStems
    from .suno_action_stems_index import SunoActionStemsIndex
    from .suno_params import SunoParams
    from .suno_params_model_version import SunoParamsModelVersion
    from .suno_params_vocal_gender import SunoParamsVocalGender
    from .topaz_upscale_params import TopazUpscaleParams
    from .topaz_upscale_params_model_type import TopazUpscaleParamsModelType
    from .topaz_upscale_params_output_format import TopazUpscaleParamsOutputFormat
    from .topaz_upscale_params_upscale_factor import TopazUpscaleParamsUpscaleFactor
    from .topaz_video_params import TopazVideoParams
    from .topaz_video_params_enhance_model import TopazVideoParamsEnhanceModel
    from .topaz_video_params_subject_detection import TopazVideoParamsSubjectDetection
    from .topaz_video_params_target_fps import TopazVideoParamsTargetFps
    from .topaz_video_params_target_resolution import TopazVideoParamsTargetResolution
    from .udio_params import UdioParams
    from .udio_params_lyrics_type import UdioParamsLyricsType
    from .upload import Upload
    from .upload_kind import UploadKind
    from .uploads_create_body import UploadsCreateBody
    from .validation_error_body import ValidationErrorBody
    from .validation_error_body_details import ValidationErrorBodyDetails
    from .veo_3_params import Veo3Params
    from .veo_3_params_duration import Veo3ParamsDuration
    from .veo_3_params_resolution import Veo3ParamsResolution
    from .veo_params import VeoParams
    from .veo_params_duration import VeoParamsDuration
    from .veo_params_resolution import VeoParamsResolution
    from .video_edit_wan_27_videoedit import VideoEditWan27Videoedit
    from .video_upscale_topaz_video_upscale import VideoUpscaleTopazVideoUpscale
    from .wan_25_fast_params import Wan25FastParams
    from .wan_25_fast_params_duration import Wan25FastParamsDuration
    from .wan_25_fast_params_resolution import Wan25FastParamsResolution
    from .wan_26_flash_params import Wan26FlashParams
    from .wan_26_flash_params_duration import Wan26FlashParamsDuration
    from .wan_26_flash_params_resolution import Wan26FlashParamsResolution
    from .wan_26_params import Wan26Params
    from .wan_26_params_duration import Wan26ParamsDuration
    from .wan_26_params_resolution import Wan26ParamsResolution
    from .wan_27_params import Wan27Params
    from .wan_27_params_aspect_ratio import Wan27ParamsAspectRatio
    from .wan_27_params_resolution import Wan27ParamsResolution
    from .wan_27_videoedit_params import Wan27VideoeditParams
    from .wan_27_videoedit_params_aspect_ratio import Wan27VideoeditParamsAspectRatio
    from .wan_27_videoedit_params_audio_setting import Wan27VideoeditParamsAudioSetting
    from .wan_27_videoedit_params_resolution import Wan27VideoeditParamsResolution
    from .wan_27r2v_params import Wan27R2VParams
    from .wan_27r2v_params_aspect_ratio import Wan27R2VParamsAspectRatio
    from .wan_27r2v_params_resolution import Wan27R2VParamsResolution
    from .wan_27r2v_params_shot_type import Wan27R2VParamsShotType
    from .wan_image_27_params import WanImage27Params
    from .wan_image_27_params_aspect_ratio import WanImage27ParamsAspectRatio
    from .wan_image_params import WanImageParams
    from .wan_image_params_aspect_ratio import WanImageParamsAspectRatio
    from .wan_params import WanParams
    from .wan_params_duration import WanParamsDuration
    from .wan_params_resolution import WanParamsResolution
    from .webhook_event import WebhookEvent

_MODULE_OF: dict[str, str] = {
    "AssetCreated": "asset_created",
    "AssetsGetResponse200": "assets_get_response_200",
    "BriaBgRemoveParams": "bria_bg_remove_params",
    "ClarityUpscaleParams": "clarity_upscale_params",
    "ClarityUpscaleParamsOutputFormat": "clarity_upscale_params_output_format",
    "ClarityUpscaleParamsScaleFactor": "clarity_upscale_params_scale_factor",
    "CreateAssetRequest": "create_asset_request",
    "CreateAssetRequestType": "create_asset_request_type",
    "DalleParams": "dalle_params",
    "DalleParamsAspectRatio": "dalle_params_aspect_ratio",
    "DalleParamsStyle": "dalle_params_style",
    "ElevenlabsParams": "elevenlabs_params",
    "ElevenlabsParamsOutputFormat": "elevenlabs_params_output_format",
    "ErrorResponse": "error_response",
    "Flux2ProParams": "flux_2_pro_params",
    "Flux2ProParamsOutputFormat": "flux_2_pro_params_output_format",
    "Flux2ProParamsResolution": "flux_2_pro_params_resolution",
    "FluxFillParams": "flux_fill_params",
    "FluxFillParamsMode": "flux_fill_params_mode",
    "FluxFillParamsOutpaint": "flux_fill_params_outpaint",
    "FluxFillParamsOutputFormat": "flux_fill_params_output_format",
    "FluxLoraParams": "flux_lora_params",
    "FluxLoraParamsAspectRatio": "flux_lora_params_aspect_ratio",
    "FluxLoraParamsOutputFormat": "flux_lora_params_output_format",
    "FluxParams": "flux_params",
    "FluxParamsOutputFormat": "flux_params_output_format",
    "GenerateImageDallE2": "generate_image_dall_e2",
    "GenerateImageDallE3": "generate_image_dall_e3",
    "GenerateImageFlux11Pro": "generate_image_flux_11_pro",
    "GenerateImageFlux11ProUltra": "generate_image_flux_11_pro_ultra",
    "GenerateImageFlux2Dev": "generate_image_flux_2_dev",
    "GenerateImageFlux2Flex": "generate_image_flux_2_flex",
    "GenerateImageFlux2Max": "generate_image_flux_2_max",
    "GenerateImageFlux2Pro": "generate_image_flux_2_pro",
    "GenerateImageFluxLora": "generate_image_flux_lora",
    "GenerateImageGptImage15": "generate_image_gpt_image_15",
    "GenerateImageGptImage2": "generate_image_gpt_image_2",
    "GenerateImageGrokImagineImage": "generate_image_grok_imagine_image",
    "GenerateImageIdeogramCharacter": "generate_image_ideogram_character",
    "GenerateImageIdeogramV2": "generate_image_ideogram_v2",
    "GenerateImageIdeogramV2A": "generate_image_ideogram_v2a",
    "GenerateImageIdeogramV2ATurbo": "generate_image_ideogram_v2a_turbo",
    "GenerateImageIdeogramV2Turbo": "generate_image_ideogram_v2_turbo",
    "GenerateImageIdeogramV3Balanced": "generate_image_ideogram_v3_balanced",
    "GenerateImageIdeogramV3Quality": "generate_image_ideogram_v3_quality",
    "GenerateImageIdeogramV3Turbo": "generate_image_ideogram_v3_turbo",
    "GenerateImageImagen3": "generate_image_imagen_3",
    "GenerateImageImagen3Fast": "generate_image_imagen_3_fast",
    "GenerateImageImagen4": "generate_image_imagen_4",
    "GenerateImageImagen4Fast": "generate_image_imagen_4_fast",
    "GenerateImageImagen4Ultra": "generate_image_imagen_4_ultra",
    "GenerateImageKlingImage": "generate_image_kling_image",
    "GenerateImageMidjourney": "generate_image_midjourney",
    "GenerateImageNanoBanana": "generate_image_nano_banana",
    "GenerateImageNanoBanana2": "generate_image_nano_banana_2",
    "GenerateImageNanoBananaPro": "generate_image_nano_banana_pro",
    "GenerateImageQwenImage": "generate_image_qwen_image",
    "GenerateImageQwenImage2": "generate_image_qwen_image_2",
    "GenerateImageQwenImage2Pro": "generate_image_qwen_image_2_pro",
    "GenerateImageReveCreate": "generate_image_reve_create",
    "GenerateImageSeedream3": "generate_image_seedream_3",
    "GenerateImageSeedream31": "generate_image_seedream_31",
    "GenerateImageSeedream4": "generate_image_seedream_4",
    "GenerateImageSeedream45": "generate_image_seedream_45",
    "GenerateImageSeedream5Lite": "generate_image_seedream_5_lite",
    "GenerateImageWanImage26": "generate_image_wan_image_26",
    "GenerateImageWanImage27": "generate_image_wan_image_27",
    "GenerateImageWanImage27Pro": "generate_image_wan_image_27_pro",
    "GenerateMusicElevenlabsMusic": "generate_music_elevenlabs_music",
    "GenerateMusicLyria3Clip": "generate_music_lyria_3_clip",
    "GenerateMusicLyria3Pro": "generate_music_lyria_3_pro",
    "GenerateMusicMureka": "generate_music_mureka",
    "GenerateMusicProducer": "generate_music_producer",
    "GenerateMusicSuno": "generate_music_suno",
    "GenerateMusicUdio": "generate_music_udio",
    "GenerateVideoGrokImagineVideo": "generate_video_grok_imagine_video",
    "GenerateVideoHailuo02": "generate_video_hailuo_02",
    "GenerateVideoHailuo23": "generate_video_hailuo_23",
    "GenerateVideoHailuo23Fast": "generate_video_hailuo_23_fast",
    "GenerateVideoKling21": "generate_video_kling_21",
    "GenerateVideoKling21Master": "generate_video_kling_21_master",
    "GenerateVideoKling25TurboPro": "generate_video_kling_25_turbo_pro",
    "GenerateVideoKling26": "generate_video_kling_26",
    "GenerateVideoKling30": "generate_video_kling_30",
    "GenerateVideoLumaRay2": "generate_video_luma_ray_2",
    "GenerateVideoLumaRayFlash2": "generate_video_luma_ray_flash_2",
    "GenerateVideoMidjourneyVideo": "generate_video_midjourney_video",
    "GenerateVideoRunwayGen45": "generate_video_runway_gen_45",
    "GenerateVideoRunwayGen4Turbo": "generate_video_runway_gen_4_turbo",
    "GenerateVideoSeedance15Pro": "generate_video_seedance_15_pro",
    "GenerateVideoSeedance1Lite": "generate_video_seedance_1_lite",
    "GenerateVideoSeedance1Pro": "generate_video_seedance_1_pro",
    "GenerateVideoSeedance1ProFast": "generate_video_seedance_1_pro_fast",
    "GenerateVideoSeedance2": "generate_video_seedance_2",
    "GenerateVideoSeedance2Fast": "generate_video_seedance_2_fast",
    "GenerateVideoSora2": "generate_video_sora_2",
    "GenerateVideoSora2Pro": "generate_video_sora_2_pro",
    "GenerateVideoVeo2": "generate_video_veo_2",
    "GenerateVideoVeo3": "generate_video_veo_3",
    "GenerateVideoVeo31": "generate_video_veo_31",
    "GenerateVideoVeo31Fast": "generate_video_veo_31_fast",
    "GenerateVideoVeo3Fast": "generate_video_veo_3_fast",
    "GenerateVideoWan25": "generate_video_wan_25",
    "GenerateVideoWan25Fast": "generate_video_wan_25_fast",
    "GenerateVideoWan26": "generate_video_wan_26",
    "GenerateVideoWan26Flash": "generate_video_wan_26_flash",
    "GenerateVideoWan27": "generate_video_wan_27",
    "GenerateVideoWan27R2V": "generate_video_wan_27r2v",
    "GptImage2Params": "gpt_image_2_params",
    "GptImage2ParamsAspectRatio": "gpt_image_2_params_aspect_ratio",
    "GptImage2ParamsBackground": "gpt_image_2_params_background",
    "GptImage2ParamsModeration": "gpt_image_2_params_moderation",
    "GptImage2ParamsOutputFormat": "gpt_image_2_params_output_format",
    "GptImage2ParamsQuality": "gpt_image_2_params_quality",
    "GptImageParams": "gpt_image_params",
    "GptImageParamsAspectRatio": "gpt_image_params_aspect_ratio",
    "GptImageParamsBackground": "gpt_image_params_background",
    "GptImageParamsInputFidelity": "gpt_image_params_input_fidelity",
    "GptImageParamsOutputFormat": "gpt_image_params_output_format",
    "GptImageParamsQuality": "gpt_image_params_quality",
    "GrokImagineParams": "grok_imagine_params",
    "GrokImagineParamsAspectRatio": "grok_imagine_params_aspect_ratio",
    "GrokImagineVideoParams": "grok_imagine_video_params",
    "GrokImagineVideoParamsAspectRatio": "grok_imagine_video_params_aspect_ratio",
    "GrokImagineVideoParamsDuration": "grok_imagine_video_params_duration",
    "Hailuo23Params": "hailuo_23_params",
    "Hailuo23ParamsDuration": "hailuo_23_params_duration",
    "Hailuo23ParamsResolution": "hailuo_23_params_resolution",
    "HailuoParams": "hailuo_params",
    "HailuoParamsDuration": "hailuo_params_duration",
    "HailuoParamsResolution": "hailuo_params_resolution",
    "IdeogramCharacterParams": "ideogram_character_params",
    "IdeogramCharacterParamsMagicPromptOption": "ideogram_character_params_magic_prompt_option",
    "IdeogramCharacterParamsRenderingSpeed": "ideogram_character_params_rendering_speed",
    "IdeogramParams": "ideogram_params",
    "IdeogramParamsMagicPromptOption": "ideogram_params_magic_prompt_option",
    "IdeogramParamsRenderingSpeed": "ideogram_params_rendering_speed",
    "ImageBackgroundRemove851BgRemove": "image_background_remove_851_bg_remove",
    "ImageBackgroundRemoveBriaBgRemove": "image_background_remove_bria_bg_remove",
    "ImageEditFluxFillPro": "image_edit_flux_fill_pro",
    "ImageUpscaleClarityUpscale": "image_upscale_clarity_upscale",
    "ImageUpscaleTopazImageUpscale": "image_upscale_topaz_image_upscale",
    "ImagenParams": "imagen_params",
    "ImagenParamsAspectRatio": "imagen_params_aspect_ratio",
    "ImagenParamsImageSize": "imagen_params_image_size",
    "ImagenParamsOutputFormat": "imagen_params_output_format",
    "InsufficientCredits": "insufficient_credits",
    "Job": "job",
    "JobAccepted": "job_accepted",
    "JobAcceptedStatus": "job_accepted_status",
    "JobInput": "job_input",
    "JobList": "job_list",
    "JobListJobsItem": "job_list_jobs_item",
    "JobListJobsItemStatus": "job_list_jobs_item_status",
    "JobListJobsItemWebhookStatus": "job_list_jobs_item_webhook_status",
    "JobStatus": "job_status",
    "JobWebhookStatus": "job_webhook_status",
    "JobsListScope": "jobs_list_scope",
    "JobsListStatus": "jobs_list_status",
    "Kling21MasterParams": "kling_21_master_params",
    "Kling21MasterParamsAspectRatio": "kling_21_master_params_aspect_ratio",
    "Kling21MasterParamsDuration": "kling_21_master_params_duration",
    "Kling25TurboProParams": "kling_25_turbo_pro_params",
    "Kling25TurboProParamsAspectRatio": "kling_25_turbo_pro_params_aspect_ratio",
    "Kling25TurboProParamsDuration": "kling_25_turbo_pro_params_duration",
    "Kling26Params": "kling_26_params",
    "Kling26ParamsAspectRatio": "kling_26_params_aspect_ratio",
    "Kling26ParamsDuration": "kling_26_params_duration",
    "Kling30Params": "kling_30_params",
    "Kling30ParamsAspectRatio": "kling_30_params_aspect_ratio",
    "Kling30ParamsMode": "kling_30_params_mode",
    "KlingImageParams": "kling_image_params",
    "KlingImageParamsAspectRatio": "kling_image_params_aspect_ratio",
    "KlingImageParamsModelName": "kling_image_params_model_name",
    "KlingParams": "kling_params",
    "KlingParamsDuration": "kling_params_duration",
    "KlingParamsMode": "kling_params_mode",
    "Lab851BgRemoveParams": "lab_851_bg_remove_params",
    "Lab851BgRemoveParamsBackgroundType": "lab_851_bg_remove_params_background_type",
    "Lab851BgRemoveParamsFormat": "lab_851_bg_remove_params_format",
    "Lora": "lora",
    "LoraCreated": "lora_created",
    "LoraList": "lora_list",
    "LoraStatus": "lora_status",
    "LoraSubjectKind": "lora_subject_kind",
    "LorasCreateBody": "loras_create_body",
    "LorasCreateBodyGender": "loras_create_body_gender",
    "LorasCreateBodySubjectKind": "loras_create_body_subject_kind",
    "LumaParams": "luma_params",
    "LumaParamsAspectRatio": "luma_params_aspect_ratio",
    "LumaParamsConceptsItem": "luma_params_concepts_item",
    "LumaParamsDuration": "luma_params_duration",
    "LyriaParams": "lyria_params",
    "Me": "me",
    "MeApiKey": "me_api_key",
    "MeTeam": "me_team",
    "MeUser": "me_user",
    "MeUserRole": "me_user_role",
    "MidjourneyActionInpaint": "midjourney_action_inpaint",
    "MidjourneyActionOutpaint": "midjourney_action_outpaint",
    "MidjourneyActionPan": "midjourney_action_pan",
    "MidjourneyActionPanDirection": "midjourney_action_pan_direction",
    "MidjourneyActionUpsample": "midjourney_action_upsample",
    "MidjourneyActionUpsampleIndex": "midjourney_action_upsample_index",
    "MidjourneyActionVariation": "midjourney_action_variation",
    "MidjourneyActionVariationIndex": "midjourney_action_variation_index",
    "MidjourneyParams": "midjourney_params",
    "MidjourneyVideoParams": "midjourney_video_params",
    "MidjourneyVideoParamsMotion": "midjourney_video_params_motion",
    "MidjourneyVideoParamsResolution": "midjourney_video_params_resolution",
    "ModelCatalog": "model_catalog",
    "ModelCatalogEntry": "model_catalog_entry",
    "ModelCatalogEntryModality": "model_catalog_entry_modality",
    "ModelCatalogEntryPricingMode": "model_catalog_entry_pricing_mode",
    "ModelsListModality": "models_list_modality",
    "MurekaParams": "mureka_params",
    "MurekaParamsModelVersion": "mureka_params_model_version",
    "NanoBananaParams": "nano_banana_params",
    "NanoBananaParamsOutputFormat": "nano_banana_params_output_format",
    "NanoBananaParamsResolution": "nano_banana_params_resolution",
    "ProducerParams": "producer_params",
    "ProducerParamsModelVersion": "producer_params_model_version",
    "QwenImage2Params": "qwen_image_2_params",
    "QwenImage2ParamsAspectRatio": "qwen_image_2_params_aspect_ratio",
    "QwenImageParams": "qwen_image_params",
    "QwenImageParamsAcceleration": "qwen_image_params_acceleration",
    "QwenImageParamsImageSize": "qwen_image_params_image_size",
    "QwenImageParamsOutputFormat": "qwen_image_params_output_format",
    "QwenImageParamsTaskType": "qwen_image_params_task_type",
    "ReveParams": "reve_params",
    "ReveParamsAspectRatio": "reve_params_aspect_ratio",
    "RunwayParams": "runway_params",
    "RunwayParamsAspectRatio": "runway_params_aspect_ratio",
    "RunwayParamsDuration": "runway_params_duration",
    "Seedance15ProParams": "seedance_15_pro_params",
    "Seedance15ProParamsAspectRatio": "seedance_15_pro_params_aspect_ratio",
    "Seedance15ProParamsDuration": "seedance_15_pro_params_duration",
    "Seedance15ProParamsResolution": "seedance_15_pro_params_resolution",
    "Seedance2FastParams": "seedance_2_fast_params",
    "Seedance2FastParamsAspectRatio": "seedance_2_fast_params_aspect_ratio",
    "Seedance2FastParamsResolution": "seedance_2_fast_params_resolution",
    "Seedance2Params": "seedance_2_params",
    "Seedance2ParamsAspectRatio": "seedance_2_params_aspect_ratio",
    "Seedance2ParamsResolution": "seedance_2_params_resolution",
    "SeedanceParams": "seedance_params",
    "SeedanceParamsAspectRatio": "seedance_params_aspect_ratio",
    "SeedanceParamsDuration": "seedance_params_duration",
    "SeedanceParamsResolution": "seedance_params_resolution",
    "SeedreamParams": "seedream_params",
    "SeedreamParamsOutputFormat": "seedream_params_output_format",
    "SoraParams": "sora_params",
    "SoraParamsAspectRatio": "sora_params_aspect_ratio",
    "SoraParamsDuration": "sora_params_duration",
    "SoraParamsResolution": "sora_params_resolution",
    "SunoActionAddVocals": "suno_action_add_vocals",
    "SunoActionAddVocalsIndex": "suno_action_add_vocals_index",
    "SunoActionCover": "suno_action_cover",
    "SunoActionCoverIndex": "suno_action_cover_index",
    "SunoActionExtend": "suno_action_extend",
    "SunoActionExtendIndex": "suno_action_extend_index",
    "SunoActionStems": "suno_action_stems",
    "SunoActionStemsIndex": "suno_action_stems_index",
    "SunoParams": "suno_params",
    "SunoParamsModelVersion": "suno_params_model_version",
    "SunoParamsVocalGender": "suno_params_vocal_gender",
    "TopazUpscaleParams": "topaz_upscale_params",
    "TopazUpscaleParamsModelType": "topaz_upscale_params_model_type",
    "TopazUpscaleParamsOutputFormat": "topaz_upscale_params_output_format",
    "TopazUpscaleParamsUpscaleFactor": "topaz_upscale_params_upscale_factor",
    "TopazVideoParams": "topaz_video_params",
    "TopazVideoParamsEnhanceModel": "topaz_video_params_enhance_model",
    "TopazVideoParamsSubjectDetection": "topaz_video_params_subject_detection",
    "TopazVideoParamsTargetFps": "topaz_video_params_target_fps",
    "TopazVideoParamsTargetResolution": "topaz_video_params_target_resolution",
    "UdioParams": "udio_params",
    "UdioParamsLyricsType": "udio_params_lyrics_type",
    "Upload": "upload",
    "UploadKind": "upload_kind",
    "UploadsCreateBody": "uploads_create_body",
    "ValidationErrorBody": "validation_error_body",
    "ValidationErrorBodyDetails": "validation_error_body_details",
    "Veo3Params": "veo_3_params",
    "Veo3ParamsDuration": "veo_3_params_duration",
    "Veo3ParamsResolution": "veo_3_params_resolution",
    "VeoParams": "veo_params",
    "VeoParamsDuration": "veo_params_duration",
    "VeoParamsResolution": "veo_params_resolution",
    "VideoEditWan27Videoedit": "video_edit_wan_27_videoedit",
    "VideoUpscaleTopazVideoUpscale": "video_upscale_topaz_video_upscale",
    "Wan25FastParams": "wan_25_fast_params",
    "Wan25FastParamsDuration": "wan_25_fast_params_duration",
    "Wan25FastParamsResolution": "wan_25_fast_params_resolution",
    "Wan26FlashParams": "wan_26_flash_params",
    "Wan26FlashParamsDuration": "wan_26_flash_params_duration",
    "Wan26FlashParamsResolution": "wan_26_flash_params_resolution",
    "Wan26Params": "wan_26_params",
    "Wan26ParamsDuration": "wan_26_params_duration",
    "Wan26ParamsResolution": "wan_26_params_resolution",
    "Wan27Params": "wan_27_params",
    "Wan27ParamsAspectRatio": "wan_27_params_aspect_ratio",
    "Wan27ParamsResolution": "wan_27_params_resolution",
    "Wan27R2VParams": "wan_27r2v_params",
    "Wan27R2VParamsAspectRatio": "wan_27r2v_params_aspect_ratio",
    "Wan27R2VParamsResolution": "wan_27r2v_params_resolution",
    "Wan27R2VParamsShotType": "wan_27r2v_params_shot_type",
    "Wan27VideoeditParams": "wan_27_videoedit_params",
    "Wan27VideoeditParamsAspectRatio": "wan_27_videoedit_params_aspect_ratio",
    "Wan27VideoeditParamsAudioSetting": "wan_27_videoedit_params_audio_setting",
    "Wan27VideoeditParamsResolution": "wan_27_videoedit_params_resolution",
    "WanImage27Params": "wan_image_27_params",
    "WanImage27ParamsAspectRatio": "wan_image_27_params_aspect_ratio",
    "WanImageParams": "wan_image_params",
    "WanImageParamsAspectRatio": "wan_image_params_aspect_ratio",
    "WanParams": "wan_params",
    "WanParamsDuration": "wan_params_duration",
    "WanParamsResolution": "wan_params_resolution",
    "WebhookEvent": "webhook_event",
}

__all__ = (
    "AssetCreated",
    "AssetsGetResponse200",
    "BriaBgRemoveParams",
    "ClarityUpscaleParams",
    "ClarityUpscaleParamsOutputFormat",
    "ClarityUpscaleParamsScaleFactor",
    "CreateAssetRequest",
    "CreateAssetRequestType",
    "DalleParams",
    "DalleParamsAspectRatio",
    "DalleParamsStyle",
    "ElevenlabsParams",
    "ElevenlabsParamsOutputFormat",
    "ErrorResponse",
    "Flux2ProParams",
    "Flux2ProParamsOutputFormat",
    "Flux2ProParamsResolution",
    "FluxFillParams",
    "FluxFillParamsMode",
    "FluxFillParamsOutpaint",
    "FluxFillParamsOutputFormat",
    "FluxLoraParams",
    "FluxLoraParamsAspectRatio",
    "FluxLoraParamsOutputFormat",
    "FluxParams",
    "FluxParamsOutputFormat",
    "GenerateImageDallE2",
    "GenerateImageDallE3",
    "GenerateImageFlux11Pro",
    "GenerateImageFlux11ProUltra",
    "GenerateImageFlux2Dev",
    "GenerateImageFlux2Flex",
    "GenerateImageFlux2Max",
    "GenerateImageFlux2Pro",
    "GenerateImageFluxLora",
    "GenerateImageGptImage15",
    "GenerateImageGptImage2",
    "GenerateImageGrokImagineImage",
    "GenerateImageIdeogramCharacter",
    "GenerateImageIdeogramV2",
    "GenerateImageIdeogramV2A",
    "GenerateImageIdeogramV2ATurbo",
    "GenerateImageIdeogramV2Turbo",
    "GenerateImageIdeogramV3Balanced",
    "GenerateImageIdeogramV3Quality",
    "GenerateImageIdeogramV3Turbo",
    "GenerateImageImagen3",
    "GenerateImageImagen3Fast",
    "GenerateImageImagen4",
    "GenerateImageImagen4Fast",
    "GenerateImageImagen4Ultra",
    "GenerateImageKlingImage",
    "GenerateImageMidjourney",
    "GenerateImageNanoBanana",
    "GenerateImageNanoBanana2",
    "GenerateImageNanoBananaPro",
    "GenerateImageQwenImage",
    "GenerateImageQwenImage2",
    "GenerateImageQwenImage2Pro",
    "GenerateImageReveCreate",
    "GenerateImageSeedream3",
    "GenerateImageSeedream31",
    "GenerateImageSeedream4",
    "GenerateImageSeedream45",
    "GenerateImageSeedream5Lite",
    "GenerateImageWanImage26",
    "GenerateImageWanImage27",
    "GenerateImageWanImage27Pro",
    "GenerateMusicElevenlabsMusic",
    "GenerateMusicLyria3Clip",
    "GenerateMusicLyria3Pro",
    "GenerateMusicMureka",
    "GenerateMusicProducer",
    "GenerateMusicSuno",
    "GenerateMusicUdio",
    "GenerateVideoGrokImagineVideo",
    "GenerateVideoHailuo02",
    "GenerateVideoHailuo23",
    "GenerateVideoHailuo23Fast",
    "GenerateVideoKling21",
    "GenerateVideoKling21Master",
    "GenerateVideoKling25TurboPro",
    "GenerateVideoKling26",
    "GenerateVideoKling30",
    "GenerateVideoLumaRay2",
    "GenerateVideoLumaRayFlash2",
    "GenerateVideoMidjourneyVideo",
    "GenerateVideoRunwayGen45",
    "GenerateVideoRunwayGen4Turbo",
    "GenerateVideoSeedance15Pro",
    "GenerateVideoSeedance1Lite",
    "GenerateVideoSeedance1Pro",
    "GenerateVideoSeedance1ProFast",
    "GenerateVideoSeedance2",
    "GenerateVideoSeedance2Fast",
    "GenerateVideoSora2",
    "GenerateVideoSora2Pro",
    "GenerateVideoVeo2",
    "GenerateVideoVeo3",
    "GenerateVideoVeo31",
    "GenerateVideoVeo31Fast",
    "GenerateVideoVeo3Fast",
    "GenerateVideoWan25",
    "GenerateVideoWan25Fast",
    "GenerateVideoWan26",
    "GenerateVideoWan26Flash",
    "GenerateVideoWan27",
    "GenerateVideoWan27R2V",
    "GptImage2Params",
    "GptImage2ParamsAspectRatio",
    "GptImage2ParamsBackground",
    "GptImage2ParamsModeration",
    "GptImage2ParamsOutputFormat",
    "GptImage2ParamsQuality",
    "GptImageParams",
    "GptImageParamsAspectRatio",
    "GptImageParamsBackground",
    "GptImageParamsInputFidelity",
    "GptImageParamsOutputFormat",
    "GptImageParamsQuality",
    "GrokImagineParams",
    "GrokImagineParamsAspectRatio",
    "GrokImagineVideoParams",
    "GrokImagineVideoParamsAspectRatio",
    "GrokImagineVideoParamsDuration",
    "Hailuo23Params",
    "Hailuo23ParamsDuration",
    "Hailuo23ParamsResolution",
    "HailuoParams",
    "HailuoParamsDuration",
    "HailuoParamsResolution",
    "IdeogramCharacterParams",
    "IdeogramCharacterParamsMagicPromptOption",
    "IdeogramCharacterParamsRenderingSpeed",
    "IdeogramParams",
    "IdeogramParamsMagicPromptOption",
    "IdeogramParamsRenderingSpeed",
    "ImageBackgroundRemove851BgRemove",
    "ImageBackgroundRemoveBriaBgRemove",
    "ImageEditFluxFillPro",
    "ImageUpscaleClarityUpscale",
    "ImageUpscaleTopazImageUpscale",
    "ImagenParams",
    "ImagenParamsAspectRatio",
    "ImagenParamsImageSize",
    "ImagenParamsOutputFormat",
    "InsufficientCredits",
    "Job",
    "JobAccepted",
    "JobAcceptedStatus",
    "JobInput",
    "JobList",
    "JobListJobsItem",
    "JobListJobsItemStatus",
    "JobListJobsItemWebhookStatus",
    "JobStatus",
    "JobWebhookStatus",
    "JobsListScope",
    "JobsListStatus",
    "Kling21MasterParams",
    "Kling21MasterParamsAspectRatio",
    "Kling21MasterParamsDuration",
    "Kling25TurboProParams",
    "Kling25TurboProParamsAspectRatio",
    "Kling25TurboProParamsDuration",
    "Kling26Params",
    "Kling26ParamsAspectRatio",
    "Kling26ParamsDuration",
    "Kling30Params",
    "Kling30ParamsAspectRatio",
    "Kling30ParamsMode",
    "KlingImageParams",
    "KlingImageParamsAspectRatio",
    "KlingImageParamsModelName",
    "KlingParams",
    "KlingParamsDuration",
    "KlingParamsMode",
    "Lab851BgRemoveParams",
    "Lab851BgRemoveParamsBackgroundType",
    "Lab851BgRemoveParamsFormat",
    "Lora",
    "LoraCreated",
    "LoraList",
    "LoraStatus",
    "LoraSubjectKind",
    "LorasCreateBody",
    "LorasCreateBodyGender",
    "LorasCreateBodySubjectKind",
    "LumaParams",
    "LumaParamsAspectRatio",
    "LumaParamsConceptsItem",
    "LumaParamsDuration",
    "LyriaParams",
    "Me",
    "MeApiKey",
    "MeTeam",
    "MeUser",
    "MeUserRole",
    "MidjourneyActionInpaint",
    "MidjourneyActionOutpaint",
    "MidjourneyActionPan",
    "MidjourneyActionPanDirection",
    "MidjourneyActionUpsample",
    "MidjourneyActionUpsampleIndex",
    "MidjourneyActionVariation",
    "MidjourneyActionVariationIndex",
    "MidjourneyParams",
    "MidjourneyVideoParams",
    "MidjourneyVideoParamsMotion",
    "MidjourneyVideoParamsResolution",
    "ModelCatalog",
    "ModelCatalogEntry",
    "ModelCatalogEntryModality",
    "ModelCatalogEntryPricingMode",
    "ModelsListModality",
    "MurekaParams",
    "MurekaParamsModelVersion",
    "NanoBananaParams",
    "NanoBananaParamsOutputFormat",
    "NanoBananaParamsResolution",
    "ProducerParams",
    "ProducerParamsModelVersion",
    "QwenImage2Params",
    "QwenImage2ParamsAspectRatio",
    "QwenImageParams",
    "QwenImageParamsAcceleration",
    "QwenImageParamsImageSize",
    "QwenImageParamsOutputFormat",
    "QwenImageParamsTaskType",
    "ReveParams",
    "ReveParamsAspectRatio",
    "RunwayParams",
    "RunwayParamsAspectRatio",
    "RunwayParamsDuration",
    "Seedance15ProParams",
    "Seedance15ProParamsAspectRatio",
    "Seedance15ProParamsDuration",
    "Seedance15ProParamsResolution",
    "Seedance2FastParams",
    "Seedance2FastParamsAspectRatio",
    "Seedance2FastParamsResolution",
    "Seedance2Params",
    "Seedance2ParamsAspectRatio",
    "Seedance2ParamsResolution",
    "SeedanceParams",
    "SeedanceParamsAspectRatio",
    "SeedanceParamsDuration",
    "SeedanceParamsResolution",
    "SeedreamParams",
    "SeedreamParamsOutputFormat",
    "SoraParams",
    "SoraParamsAspectRatio",
    "SoraParamsDuration",
    "SoraParamsResolution",
    "SunoActionAddVocals",
    "SunoActionAddVocalsIndex",
    "SunoActionCover",
    "SunoActionCoverIndex",
    "SunoActionExtend",
    "SunoActionExtendIndex",
    "SunoActionStems",
    "SunoActionStemsIndex",
    "SunoParams",
    "SunoParamsModelVersion",
    "SunoParamsVocalGender",
    "TopazUpscaleParams",
    "TopazUpscaleParamsModelType",
    "TopazUpscaleParamsOutputFormat",
    "TopazUpscaleParamsUpscaleFactor",
    "TopazVideoParams",
    "TopazVideoParamsEnhanceModel",
    "TopazVideoParamsSubjectDetection",
    "TopazVideoParamsTargetFps",
    "TopazVideoParamsTargetResolution",
    "UdioParams",
    "UdioParamsLyricsType",
    "Upload",
    "UploadKind",
    "UploadsCreateBody",
    "ValidationErrorBody",
    "ValidationErrorBodyDetails",
    "Veo3Params",
    "Veo3ParamsDuration",
    "Veo3ParamsResolution",
    "VeoParams",
    "VeoParamsDuration",
    "VeoParamsResolution",
    "VideoEditWan27Videoedit",
    "VideoUpscaleTopazVideoUpscale",
    "Wan25FastParams",
    "Wan25FastParamsDuration",
    "Wan25FastParamsResolution",
    "Wan26FlashParams",
    "Wan26FlashParamsDuration",
    "Wan26FlashParamsResolution",
    "Wan26Params",
    "Wan26ParamsDuration",
    "Wan26ParamsResolution",
    "Wan27Params",
    "Wan27ParamsAspectRatio",
    "Wan27ParamsResolution",
    "Wan27R2VParams",
    "Wan27R2VParamsAspectRatio",
    "Wan27R2VParamsResolution",
    "Wan27R2VParamsShotType",
    "Wan27VideoeditParams",
    "Wan27VideoeditParamsAspectRatio",
    "Wan27VideoeditParamsAudioSetting",
    "Wan27VideoeditParamsResolution",
    "WanImage27Params",
    "WanImage27ParamsAspectRatio",
    "WanImageParams",
    "WanImageParamsAspectRatio",
    "WanParams",
    "WanParamsDuration",
    "WanParamsResolution",
    "WebhookEvent",
)


def __getattr__(name: str) -> Any:
    try:
        module = _MODULE_OF[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
