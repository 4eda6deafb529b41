// Command qingwang turns the volunteer platform's exports into the figures
// and the static site of progress bulletins of the Meizhou League
// committee's youth internet-civilization volunteer drive (青网计划).
//
// Usage:
//
//	qingwang check   [--data DIR] [--as-of YYYY-MM-DD] [--json] [--strict] [--followup FILE]
//	qingwang build   [--data DIR] [--out DIR] [--base-url URL] [--pdf] [-v]
//	qingwang serve   [--data DIR] [--addr 127.0.0.1:1313]
//	qingwang correct [--data DIR] --bulletin YYYY-MM-DD [--note TEXT]
//	qingwang demo    [--out DIR] [--volunteers N] [--seed N] [--roster-every DAYS]
//
// The data folder (default data) holds units.csv (units and quotas),
// optionally rules.toml (overrides of the notice's dates and thresholds),
// and exports/, where the platform's exports are dropped as they are:
// CSV or tab-separated text in UTF-8 (with or without BOM), GB18030/GBK or
// UTF-16, or .xlsx. The kind of each export (roster, counts, core teams,
// projects, cadres) is told by its headers; its date is its 统计日期
// column, else a date in its file name (志愿者名单_20150426.csv).
//
// check reads everything, accounts for every row (accepted or rejected,
// with the file, line and a reason) and prints the figures as of the latest
// export, or --as-of: each county's and school's registrations against its
// quota, rank, new registrations, pace, 序时进度 and status; with core-team,
// cadres and projects exports also the core teams, mandatory registrants,
// projects and the assessments of 4/25 and 6/25 (one-vote veto). --json
// prints one JSON object instead (see SPEC.md). --strict fails when any row
// was rejected. --followup FILE writes the people the office must chase,
// with names, to a file that may not lie under public/ or the data folder.
//
// build writes the static site (default public/): the home page, a weekly
// bulletin (第N期) per week of exports at /bulletins/YYYY-MM-DD/, a page per
// export date at /daily/YYYY-MM-DD/, a page per unit at /units/ID/, the
// feed and the sitemap. It runs from the project's root (where hugo.toml
// is), builds beside --out and replaces it only when the build succeeds,
// and the same data gives byte-identical files. The pages carry aggregates
// only: no name, ID number, mobile number or volunteer id. ECharts comes
// from the pinned npm package; build runs `npm ci` when node_modules is
// missing. --base-url is the site's published address. Each complete
// week's bulletin is recorded in the data folder's issued/ when first built
// and rendered from that record ever after; a changed source is reported,
// never applied. --pdf also makes each bulletin's A4 PDF and 750-px long
// image with headless Chromium. Parsed exports are cached in the user's
// cache folder by content.
//
// correct publishes a corrected version of an issued bulletin, figured from
// today's data, with a 更正 note; the original stays at /bulletins/DATE/v1/.
//
// serve previews the site on this machine and updates it when the data
// folder, the templates or the styles change.
//
// demo writes a synthetic data folder (default demo-data) of the same
// shape, a whole season of fake volunteers, for trying qingwang out and for
// benchmarks.
//
// Exit status: 0 fine, 1 a failure (including an export that cannot be
// read by check, or rejected rows with --strict), 2 bad usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
