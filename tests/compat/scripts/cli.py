"""The command line: python -m docxtpl TEMPLATE JSON OUTPUT -o -q."""

import subprocess
import sys

cmd = [
    sys.executable,
    "-m",
    "docxtpl",
    "templates/cli_tpl.docx",
    "templates/cli.json",
    "output/cli.docx",
    "-o",
    "-q",
]
subprocess.run(cmd, check=True)
