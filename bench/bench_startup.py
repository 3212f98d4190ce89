"""Start-up cost, each case a fresh process, interleaved: docgen against its own dependencies.

Run: ``.venv/bin/python bench/bench_startup.py [--rounds 3] [--against DIR]``

Cases (wall time of a new Python process, min / median / max of ``--rounds`` rounds):

* ``import deps``: ``import jinja2, lxml.etree, pydantic, yaml, click`` — the floor for a
  program built on docgen's dependencies;
* ``import docgen``;
* ``docxtpl script``: a 10-line docxtpl program that renders ``bench/rectification.docx``
  with ``bench/sample.yaml`` to a file;
* ``docgen render (file)``: ``python -m docgen render`` of the same template and data (check on,
  as the CLI does by default);
* ``docgen render (library)``: the library template ``reports/zhiweihui-jilu`` with its
  fixture (data models and domain rules included).

It prints the ratios the issue tracks (``import docgen`` / deps, ``docgen render`` / docxtpl
script, by their medians) and the number of modules ``import docgen`` loads. Every process
runs from ``.pyc`` files (the warm-up writes docgen's), as an installed package does.
Beside each wall time it prints the child's CPU time (user + system, from ``getrusage``)
and the same ratios by CPU time: on a machine shared with other work the wall time also
counts other processes' turns, and the CPU figures stay put when the load moves.
``--against DIR`` adds the same cases for another checkout (say, an older commit in a
worktree).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.runs import Spread, interleaved, ratio_line  # noqa: E402

LIBRARY_TEMPLATE = "reports/zhiweihui-jilu"
LIBRARY_DATA = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml"
TEMPLATE = ROOT / "bench" / "rectification.docx"
DATA = ROOT / "bench" / "sample.yaml"

DEPS = "import jinja2, lxml.etree, pydantic, yaml, click"
DOCXTPL_SCRIPT = """\
import sys
import yaml
from docxtpl import DocxTemplate

template, data, out = sys.argv[1:4]
with open(data, encoding="utf-8") as handle:
    context = yaml.safe_load(handle)
document = DocxTemplate(template)
document.render(context, autoescape=True)
document.save(out)
"""
_COUNT = (
    "import sys; before = set(sys.modules); import docgen; "
    "new = set(sys.modules) - before; "
    "print(len(new), sum(1 for m in new if m.startswith('docgen')))"
)


def _env(checkout: Path) -> dict[str, str]:
    """The children's environment: like for like, docgen runs from compiled ``.pyc`` files
    as an installed package does (and as docxtpl and the dependencies in site-packages do),
    so ``PYTHONDONTWRITEBYTECODE`` is dropped and the warm-up round writes them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(checkout), "DOCGEN_LANG": "zh"}


def module_counts(checkout: Path) -> tuple[int, int]:
    """(all modules, docgen modules) that ``import docgen`` loads in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _COUNT],
        env=_env(checkout),
        cwd=checkout,
        check=True,
        capture_output=True,
    )
    total, own = out.stdout.split()
    return int(total), int(own)


#: The CPU seconds (user + system) each case's child used, round by round: on a shared
#: machine the wall time also counts the other processes' turns, the CPU time does not.
CPU: dict[str, Spread] = {}


def _process(command: list[str], checkout: Path, name: str = "") -> Callable[[], None]:
    def run() -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, env=_env(checkout), cwd=checkout, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        CPU.setdefault(name, Spread()).values.append(used)

    return run


def cases(checkout: Path, folder: Path, tag: str = "") -> dict[str, Callable[[], None]]:
    """The fresh-process cases for ``checkout``, writing outputs under ``folder``."""
    script = folder / "docxtpl_script.py"
    script.write_text(DOCXTPL_SCRIPT, encoding="utf-8")
    docgen = [sys.executable, "-m", "docgen", "render"]
    commands = {
        "import deps": [sys.executable, "-c", DEPS],
        "import docgen": [sys.executable, "-c", "import docgen"],
        "docxtpl script": [
            sys.executable,
            str(script),
            str(TEMPLATE),
            str(DATA),
            str(folder / "x.docx"),
        ],
        "docgen render (file)": [
            *docgen,
            str(TEMPLATE),
            str(DATA),
            "-o",
            str(folder / f"f{tag}.docx"),
        ],
        "docgen render (library)": [
            *docgen,
            LIBRARY_TEMPLATE,
            str(LIBRARY_DATA),
            "-o",
            str(folder / f"l{tag}.docx"),
        ],
    }
    return {
        f"{name}{tag}": _process(command, checkout, f"{name}{tag}")
        for name, command in commands.items()
    }


def main() -> None:
    """Print the figures for this checkout (and another one)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--against", type=Path, help="another docgen checkout to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checkouts = [("", ROOT)]
    if args.against:
        checkouts.append((" [against]", args.against.resolve()))
    with tempfile.TemporaryDirectory(prefix="docgen-bench-startup-") as tmp:
        every: dict[str, Callable[[], None]] = {}
        for tag, checkout in checkouts:
            every.update(cases(checkout, Path(tmp), tag))
        for run in every.values():  # warm the OS file cache and the .pyc files first
            run()
        CPU.clear()
        found = interleaved(every, args.rounds)
    print(
        f"min / median / max of {args.rounds} interleaved rounds, fresh process each "
        f"(load {os.getloadavg()[0]:.1f}): wall time | CPU time (user + system)"
    )
    for name, spread in found.items():
        print(f"  {name:<36} {spread.text('ms', 1e3, 0):<22} | {CPU[name].text('ms', 1e3, 0)}")
    report(found, checkouts, "wall time")
    report(CPU, checkouts, "CPU time")
    if args.against:
        for name in ("import docgen", "docgen render (file)", "docgen render (library)"):
            print(ratio_line(f"{name}: this / against", found[name], found[f"{name} [against]"]))


def report(found: dict[str, Spread], checkouts: list[tuple[str, Path]], measure: str) -> None:
    """The ratios the issue tracks, by the medians of ``measure``."""
    print(f"ratios of the medians, {measure}:")
    for tag, checkout in checkouts:
        if measure == "wall time":
            total, own = module_counts(checkout)
            print(f"  import docgen{tag}: {total} modules ({own} docgen)")
        print(
            "  "
            + ratio_line(
                f"import docgen / import deps{tag}",
                found[f"import docgen{tag}"],
                found[f"import deps{tag}"],
                "<= 1.5x",
            )
        )
        for kind in ("file", "library"):
            print(
                "  "
                + ratio_line(
                    f"docgen render ({kind}) / docxtpl script{tag}",
                    found[f"docgen render ({kind}){tag}"],
                    found[f"docxtpl script{tag}"],
                    "<= 1.2x",
                )
            )


if __name__ == "__main__":
    main()
