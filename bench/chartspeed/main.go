// Command chartspeed prints how soon the charts of a built site's pages are
// drawn on a phone whose CPU is throttled (issue target: within 1 s of
// load), in headless Chromium from a loopback server.
//
//	go run ./cmd/qingwang build --out /tmp/site
//	go run ./bench/chartspeed -site /tmp/site
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"qingwang/capture"
)

func main() {
	dir := flag.String("site", "public", "the built site")
	slowdown := flag.Float64("slowdown", 4, "CPU throttling, as Chrome's DevTools: 4 is a mid-range phone")
	flag.Parse()
	pages, _ := filepath.Glob(filepath.Join(*dir, "bulletins", "*", "index.html"))
	units, _ := filepath.Glob(filepath.Join(*dir, "units", "mei*", "index.html"))
	pages = append(append([]string{filepath.Join(*dir, "index.html")}, pages...), units...)
	ctx := context.Background()
	b, err := capture.Start(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer b.Close()
	base, stop := capture.Serve(*dir)
	defer stop()
	var times, bulletins []time.Duration
	for _, p := range pages {
		rel, _ := filepath.Rel(*dir, filepath.Dir(p))
		d, err := b.ChartsTime(ctx, base+"/"+filepath.ToSlash(rel)+"/", 375, *slowdown)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		times = append(times, d)
		if filepath.Base(filepath.Dir(filepath.Dir(p))) == "bulletins" {
			bulletins = append(bulletins, d)
		}
	}
	report := func(what string, ts []time.Duration) {
		slices.Sort(ts)
		fmt.Printf("%s（%d 个）：中位数 %v，最慢 %v\n", what, len(ts), ts[len(ts)/2].Round(time.Millisecond), ts[len(ts)-1].Round(time.Millisecond))
	}
	fmt.Printf("375 像素宽、CPU 降速 %.0f 倍，从开始打开页面到全部图表画完（目标 1 秒以内）：\n", *slowdown)
	report("全部页面", times)
	report("其中每期通报（5 张图）", bulletins)
}
