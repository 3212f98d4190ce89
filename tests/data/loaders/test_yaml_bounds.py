"""YAML alias bombs, huge and deep YAML are refused while composing, at every door."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from docgen.context import read_data
from docgen.data import load_data
from docgen.data.loaders import yaml_bounds
from docgen.data.loaders.yaml_bounds import BoundedLoader
from docgen.data.loaders.yaml_source import load_yaml
from docgen.exceptions import DataError, InputTooLargeError


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: each level is nine aliases of the one before (~500 bytes)."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_bomb_is_small() -> None:
    """The bomb is the issue's size: a few hundred bytes standing for 9**9 values."""
    assert len(billion_laughs()) < 600


def test_alias_bomb_is_refused_while_composing() -> None:
    """The YAML loader refuses the bomb naming the file and the reason."""
    with pytest.raises(InputTooLargeError) as info:
        load_yaml(billion_laughs(), "炸弹.yaml")
    assert "炸弹.yaml" in str(info.value)
    assert "别名" in str(info.value)


def test_alias_bomb_through_files(tmp_path: Path) -> None:
    """Plain render data and typed data both refuse it."""
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(), encoding="utf-8")
    with pytest.raises(DataError, match="bomb"):
        read_data(bomb, "plain")
    with pytest.raises(DataError, match="bomb"):
        load_data(bomb)


def test_few_aliases_are_fine() -> None:
    """Ordinary anchors and merges still load."""
    text = "base: &b {单位: 一支部}\n甲: {<<: *b, 人数: 3}\n乙: *b\n"
    assert load_yaml(text, "t.yaml").data == {
        "base": {"单位": "一支部"},
        "甲": {"单位": "一支部", "人数": 3},
        "乙": {"单位": "一支部"},
    }


def test_deep_nesting_is_refused_before_recursion() -> None:
    """450 nested lists are a clear error, not a RecursionError."""
    with pytest.raises(InputTooLargeError, match="200"):
        load_yaml("a: " + "[" * 450 + "]" * 450 + "\n", "deep.yaml")


def test_too_many_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document composing more nodes than the bound stops as soon as it passes it."""
    monkeypatch.setattr(yaml_bounds, "MAX_COMPOSED_NODES", 1_000)
    with pytest.raises(InputTooLargeError, match="1,000"):
        load_yaml("[" + ", ".join(["1"] * 2_000) + "]", "many.yaml")


def test_huge_text_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text beyond the byte bound is refused without composing anything."""
    monkeypatch.setattr(yaml_bounds, "MAX_YAML_BYTES", 1_000)
    with pytest.raises(InputTooLargeError, match="MB"):
        BoundedLoader("a: 1\n" * 500, "big.yaml")
    with pytest.raises(InputTooLargeError, match=r"big\.yaml"):
        load_yaml("a: 1\n" * 500, "big.yaml")


def test_deep_json_render_data_is_a_data_error(tmp_path: Path) -> None:
    """1,000 nested JSON arrays as render data: a DataError (exit 4), not an internal error."""
    deep = tmp_path / "deep.json"
    deep.write_text('{"a": ' + "[" * 1000 + "]" * 1000 + "}", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(deep, "plain")
    assert info.value.exit_code == 4
    assert "deep.json" in str(info.value)


_CAPPED = textwrap.dedent(
    """
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    from docgen.context import read_data
    from docgen.exceptions import DocgenError
    start = time.monotonic()
    try:
        read_data(sys.argv[1], "plain")
        print("loaded")
    except DocgenError as err:
        print(err.exit_code, round(time.monotonic() - start, 1))
    """
)


def test_bomb_under_a_2_gib_cap(tmp_path: Path) -> None:
    """Under a 2 GiB address-space cap the bomb ends with exit code 4 in well under 20 s."""
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(bomb)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    code, seconds = done.stdout.split()
    assert code == "4", done.stderr
    assert float(seconds) < 20


def test_very_deep_toml_is_a_data_error(tmp_path: Path) -> None:
    """3,000 nested TOML arrays (tomllib recurses per level): a DataError, not a crash."""
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="TOML"):
        read_data(deep, "plain")
