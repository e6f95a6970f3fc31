from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey
    from ..models.me_team import MeTeam
    from ..models.me_user import MeUser


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """Authenticated caller — user, team and (when API-key auth is used) the key making the request.

    Attributes:
        api_key (MeApiKey | None):
        team (MeTeam | None):
        user (MeUser):
    """

    api_key: MeApiKey | None
    team: MeTeam | None
    user: MeUser
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.me_api_key import MeApiKey  # noqa: PLC0415
        from ..models.me_team import MeTeam  # noqa: PLC0415

        api_key: dict[str, Any] | None
        if isinstance(self.api_key, MeApiKey):
            api_key = self.api_key.to_dict()
        else:
            api_key = self.api_key

        team: dict[str, Any] | None
        if isinstance(self.team, MeTeam):
            team = self.team.to_dict()
        else:
            team = self.team

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "apiKey": api_key,
                "team": team,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_api_key import MeApiKey  # noqa: PLC0415
        from ..models.me_team import MeTeam  # noqa: PLC0415
        from ..models.me_user import MeUser  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_api_key(data: object) -> MeApiKey | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                api_key_me_api_key = MeApiKey.from_dict(data)

                return api_key_me_api_key
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeApiKey | None, data)

        api_key = _parse_api_key(d.pop("apiKey"))

        def _parse_team(data: object) -> MeTeam | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                team_me_team = MeTeam.from_dict(data)

                return team_me_team
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeTeam | None, data)

        team = _parse_team(d.pop("team"))

        user = MeUser.from_dict(d.pop("user"))

        me = cls(
            api_key=api_key,
            team=team,
            user=user,
        )

        me.additional_properties = d
        return me

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
