#!/usr/bin/env bash
# Command 1 of README: install docgen (and LibreOffice, fonts) and build the sample bundle from
# fixtures/ (--sample: the bundle's own sample data, asked for explicitly): the 组织生活会 set of
# six documents, merged into one, each also as PDF, in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh runtime
.venv/bin/docgen bundle zuzhi-shenghuohui --sample -o out/ --pdf
echo "示例文档已生成 / sample written to: out/"
