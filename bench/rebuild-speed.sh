#!/usr/bin/env bash
# Prints what incremental builds cost on a season of about 120 exports
# (weekly rosters and daily counts): a full build with a cold cache, a
# rebuild with no change, and a rebuild after one new export. Run from the
# repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # a cold cache of parsed exports
go build -o "$work/qingwang" ./cmd/qingwang
"$work/qingwang" demo --out "$work/season" >/dev/null
XDG_CACHE_HOME="$work/other" "$work/qingwang" build --data data --out "$work/warmup" >/dev/null 2>&1   # npm ci, outside the measured cache

step() {
  local name=$1
  local start end
  start=$(date +%s.%N)
  "$work/qingwang" build -v --data "$work/season" --out "$work/public" 2>&1 >/dev/null | grep -E '^(读取导出|计算数字|生成网站)' | tr '\n' ' '
  end=$(date +%s.%N)
  awk -v n="$name" -v s="$start" -v e="$end" 'BEGIN { printf "\n%s：合计 %.2f 秒\n", n, e - s }'
}
echo "导出文件：$(ls "$work/season/exports" | wc -l) 个"
step "全新构建（缓存为空）"
step "无变化重建"
cp "$work/season/exports/注册汇总_2015-06-30.csv" "$work/season/exports/注册汇总_2015-07-01.csv"
sed -i 's/2015-06-30/2015-07-01/' "$work/season/exports/注册汇总_2015-07-01.csv" 2>/dev/null || true
step "新增一个导出后重建"
