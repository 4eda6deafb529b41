#!/usr/bin/env bash
# Province scale: writes the season of `qingwang demo --volunteers 1000000`
# (weekly rosters of up to a million people, 1.3 GB) and prints the first
# build's wall time and peak memory (target: 60 s, 1 GiB), then a rebuild's.
# Run from the repository root; needs about 3 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
go build -o "$work/qingwang" ./cmd/qingwang
"$work/qingwang" demo --out "$work/season" --volunteers 1000000
XDG_CACHE_HOME="$work/other" "$work/qingwang" build --data data --out "$work/warmup" >/dev/null 2>&1   # npm ci
for run in "首次构建" "无变化重建"; do
  start=$(date +%s.%N)
  "$work/qingwang" build -v --data "$work/season" --out "$work/public" 2>&1 >/dev/null | grep -E '^(读取导出|计算数字|生成网站)'
  end=$(date +%s.%N)
  awk -v n="$run" -v s="$start" -v e="$end" 'BEGIN { printf "%s：合计 %.1f 秒（上面的内存峰值即整个进程的峰值）\n\n", n, e - s }'
done
