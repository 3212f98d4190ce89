#!/usr/bin/env bash
# Command 1 of README: install docgen into .venv and render the sample documents in fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh runtime
mkdir -p out
.venv/bin/docgen check plans/zhenggai-cuoshi
.venv/bin/docgen render plans/zhenggai-cuoshi templates/plans/zhenggai-cuoshi/example.yaml \
  -o out/整改措施.docx
echo "示例文档已生成 / sample written: out/整改措施.docx"
