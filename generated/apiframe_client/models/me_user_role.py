from typing import Literal

MeUserRole = Literal["ADMIN", "MEMBER", "OWNER"]

ME_USER_ROLE_VALUES: set[MeUserRole] = {
    "ADMIN",
    "MEMBER",
    "OWNER",
}


def check_me_user_role(value: str) -> MeUserRole:
    if value in ME_USER_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ME_USER_ROLE_VALUES!r}")
