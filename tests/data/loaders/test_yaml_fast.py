"""YAML on libyaml's parser reads every file as PyYAML's Python parser did: same values,
same places, same errors (a refused text is read again by the Python parser)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.data.loaders import yaml_source
from docgen.data.loaders.yaml_bounds import BoundedLoader, PurePythonLoader
from docgen.data.loaders.yaml_source import load_yaml
from docgen.exceptions import DataError, InputTooLargeError

ROOT = Path(__file__).resolve().parents[3]
FILES = sorted([*ROOT.glob("fixtures/**/*.yaml"), ROOT / "bench" / "sample.yaml"])


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make load_yaml compose with PyYAML's Python parser only."""
    monkeypatch.setattr(yaml_source, "_Loader", yaml_source._PureLoader)


def _read(
    text: str, name: str
) -> tuple[object, dict[object, object], dict[object, object], list[str]]:
    raw = load_yaml(text, name)
    return raw.data, raw.positions.values, raw.positions.keys, [p.describe() for p in raw.problems]


def test_the_fast_loader_uses_libyaml() -> None:
    """With PyYAML built on libyaml (as its wheels are), the events come from C."""
    assert yaml.__with_libyaml__
    assert issubclass(BoundedLoader, yaml._yaml.CParser)
    # PyYAML's composer runs (where the bounds are counted), not libyaml's.
    assert BoundedLoader.get_single_node is yaml.composer.Composer.get_single_node


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_reads_the_same_on_both_parsers(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8-sig")
    try:
        fast = _read(text, path.name)
    except DataError as err:  # an invalid fixture: the same problems either way
        fast_problems = [p.describe() for p in err.problems]
        _pure(monkeypatch)
        with pytest.raises(DataError) as slow:
            load_yaml(text, path.name)
        assert [p.describe() for p in slow.value.problems] == fast_problems
        return
    _pure(monkeypatch)
    assert _read(text, path.name) == fast


@pytest.mark.parametrize(
    "text",
    [
        "a: b: c\n",  # a second colon in a plain value
        "a: [1, 2\n",  # an unclosed flow sequence
        "a:\n  - 1\n - 2\n",  # a list item out of line
        "a: 'open\n",  # an unclosed quote
        "a: 1\n\tb: 2\n",  # a tab before a key
        "a: \x07\n",  # a control character
        "- a\nb: 1\n",  # a mapping after a list at the top
    ],
)
def test_errors_are_worded_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's own messages never reach users: the Python parser's do, at its place."""
    with pytest.raises(DataError) as fast:
        load_yaml(text, "坏.yaml")
    _pure(monkeypatch)
    with pytest.raises(DataError) as slow:
        load_yaml(text, "坏.yaml")
    assert [p.describe() for p in fast.value.problems] == [
        p.describe() for p in slow.value.problems
    ]


def test_deep_nesting_is_refused_not_recursed(tmp_path: Path) -> None:
    """Composing is PyYAML's Python code on libyaml's events: the depth bound holds."""
    with pytest.raises(InputTooLargeError):
        load_yaml("a: " + "[" * 50_000 + "]" * 50_000 + "\n", "深.yaml")
    assert issubclass(yaml_source._PureLoader, PurePythonLoader)
