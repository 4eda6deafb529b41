#!/usr/bin/env bash
# Prints how long making each bulletin's PDF and long image takes (issue
# target: at most 1 s per bulletin for both) on the shipped season, with one
# browser and several tabs. Run from the repository root on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/qingwang
out=$(mktemp -d)/public
trap 'rm -rf "$(dirname "$bin")" "$(dirname "$out")"' EXIT
go build -o "$bin" ./cmd/qingwang
"$bin" build --data data --out "$out" >/dev/null 2>&1   # npm ci and warm caches, without PDFs
line=$("$bin" build --data data --out "$out" --pdf 2>/dev/null | grep 'PDF 和长图')
echo "$line"
echo "$line" | sed -E 's/.*新生成 ([0-9]+) 期.*用时 ([0-9.]+) 秒.*/\1 \2/' |
  awk '{ if ($1 > 0) printf "每期 PDF + 长图：%.2f 秒（%d 期共 %.1f 秒）\n", $2 / $1, $1, $2 }'
