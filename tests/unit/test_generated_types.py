"""The generated types as users meet them: one list of names, and an `UNSET` that survives pickle and copy."""

from __future__ import annotations

import subprocess
import sys


def test_all_lists_what_dir_lists_and_every_name_resolves() -> None:
    import apiframe.types as types

    names = types.__all__
    assert names == dir(types)
    assert {"Job", "Output", "GenerateImageMidjourney"} <= set(names)
    assert all(getattr(types, name) is not None for name in names)


def test_star_import_brings_every_name() -> None:
    code = "from apiframe.types import *\nimport apiframe.types as t\nprint(all(n in globals() for n in t.__all__))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_a_model_sent_to_another_process_still_leaves_its_unset_fields_out() -> None:
    import copy
    import pickle

    from apiframe_client.types import UNSET

    from apiframe.types import KlingParams

    params = KlingParams(negative_prompt="blur")
    for copied in (pickle.loads(pickle.dumps(params)), copy.deepcopy(params), copy.copy(params)):
        assert copied.to_dict() == params.to_dict() == {"negative_prompt": "blur"}
        assert copied == params
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
    assert copy.deepcopy([UNSET])[0] is UNSET
