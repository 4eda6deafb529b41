#!/usr/bin/env bash
# Prints how long `qingwang build` takes, and its peak memory, split into
# reading the exports, figuring and Hugo: on the shipped season, and on a
# season ten times its size. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/qingwang
work=$(mktemp -d)
trap 'rm -rf "$work" "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/qingwang

"$bin" demo --out "$work/ten" --volunteers 137590 --roster-every 0 >/dev/null
"$bin" build --data data --out "$work/warmup" >/dev/null 2>&1  # npm ci, caches

for season in data "$work/ten"; do
  echo "== $season"
  start=$(date +%s.%N)
  "$bin" build -v --data "$season" --out "$work/public" 2>&1 >/dev/null | grep -E '^(读取导出|计算数字|生成网站)'
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "合计（含启动）：%.2f 秒\n", e - s }'
done
