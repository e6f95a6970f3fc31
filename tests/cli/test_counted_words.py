"""Counted nouns agree with their number in every message (issue 22 point 5: "at least 1 characters")."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from apiframe._job_requests import job_operations
from apiframe._model_params import describe_model
from apiframe._plural import counted
from apiframe.cli._app import cli

_ONE_PLURAL = re.compile(r"(?<![\d.])1 (characters|items|lines|files|credits|outputs)\b")


def test_counted_agrees_with_its_number() -> None:
    assert [counted(n, "character") for n in (0, 1, 2, 2.5)] == ["0 characters", "1 character", "2 characters",
                                                                   "2.5 characters"]  # fmt: skip
    assert counted(1, "result file") == "1 result file"


def test_no_model_is_described_with_one_of_a_plural() -> None:
    models = {model for op in job_operations().values() if op.discriminator == "model" for model in op.variants}
    for model in sorted(models):
        for command in describe_model(model):
            for parameter in command["parameters"]:
                assert not _ONE_PLURAL.search(parameter["description"]), (model, parameter)


@pytest.mark.parametrize("width", [60, 120])
def test_models_show_says_at_least_1_character(width: int) -> None:
    result = CliRunner(env={"COLUMNS": str(width)}).invoke(cli, ["models", "show", "suno"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "required; at least 1 character;" in text and not _ONE_PLURAL.search(text), text
