from typing import Literal

CreateAssetRequestType = Literal["audio", "image", "video"]

CREATE_ASSET_REQUEST_TYPE_VALUES: set[CreateAssetRequestType] = {
    "audio",
    "image",
    "video",
}


def check_create_asset_request_type(value: str) -> CreateAssetRequestType:
    if value in CREATE_ASSET_REQUEST_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_ASSET_REQUEST_TYPE_VALUES!r}")
