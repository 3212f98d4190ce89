"""Build every shipped template from its description in ``docgen/style/catalog/``.

Writes ``templates/<genre>/<name>/template.docx``, ``manifest.toml`` and
``example.yaml`` (a copy of the template's minimal fixture). The output is
deterministic; files whose content is already right are not touched, so a
second run changes nothing.

    .venv/bin/python scripts/build_templates.py            # write what differs
    .venv/bin/python scripts/build_templates.py --check    # exit 1 when anything differs

``--check`` compares .docx files member by member (names, order and
uncompressed content), so a different zlib build does not count as a change.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.fileio import write_atomic  # noqa: E402 -- after the path set-up above
from docgen.style.catalog import catalog  # noqa: E402
from docgen.style.spec import TemplateSpec  # noqa: E402


def outputs(spec: TemplateSpec, root: Path) -> list[tuple[Path, bytes]]:
    """The files one template consists of, with their content."""
    folder = root / "templates" / spec.genre / spec.name
    example = (root / spec.minimal).read_bytes() if spec.minimal else b""
    return [
        (folder / spec.template_file, spec.build()),
        (folder / "manifest.toml", spec.manifest().encode("utf-8")),
        (folder / "example.yaml", example),
    ]


def same(path: Path, data: bytes) -> bool:
    """Whether ``path`` already holds ``data`` (a .docx or .xlsx: the same members and content)."""
    if not path.is_file():
        return False
    current = path.read_bytes()
    if current == data:
        return True
    if path.suffix not in (".docx", ".xlsx"):
        return False
    return _members(current) == _members(data)


def _members(blob: bytes) -> list[tuple[str, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            return [(i.filename, archive.read(i)) for i in archive.infolist()]
    except zipfile.BadZipFile:
        return None


def run(root: Path, check: bool, only: tuple[str, ...] = ()) -> list[Path]:
    """Build (or with ``check`` only compare) every template; return the paths that differ.

    ``only`` limits the run to templates named ``genre/name`` or ``name``.
    """
    differing: list[Path] = []
    for spec in catalog():
        if only and spec.name not in only and f"{spec.genre}/{spec.name}" not in only:
            continue
        for path, data in outputs(spec, root):
            if same(path, data):
                continue
            differing.append(path)
            if not check:
                write_atomic(path, data)
    return differing


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: 0 when up to date (or written), 1 when ``--check`` finds a change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on any change")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="build only this template (genre/name or name); repeatable",
    )
    args = parser.parse_args(argv)
    differing = run(args.root, args.check, tuple(args.only))
    for path in differing:
        verb = "过期 / out of date" if args.check else "已写入 / written"
        print(f"{verb}: {path.relative_to(args.root)}")
    return 1 if args.check and differing else 0


if __name__ == "__main__":
    sys.exit(main())
