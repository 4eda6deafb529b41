package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"qingwang"
	"qingwang/demo"
	"qingwang/ingest"
	"qingwang/volunteer"
)

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	out := fs.String("out", "demo-data", "写入演示数据的文件夹（与 data/ 同样结构）")
	n := fs.Int("volunteers", 0, "志愿者人数；默认按各单位任务数生成约 1.4 万人")
	seed := fs.Uint64("seed", 1, "随机种子：同一种子生成完全相同的文件")
	every := fs.Int("roster-every", 7, "志愿者名单快照的间隔天数；0 表示只导出考核日和最后一天的名单")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 0 || *every < 0 {
		return usageError{"--volunteers 和 --roster-every 不能为负数"}
	}
	units, err := ingest.ReadUnits(bytes.NewReader(qingwang.UnitsCSV), "units.csv")
	if err != nil {
		return err
	}
	o := demo.Options{Volunteers: *n, Seed: *seed, RosterEvery: *every}
	if *every == 0 {
		o.RosterEvery = -1
	}
	sum, err := demo.Generate(ctx, *out, units, qingwang.UnitsCSV, volunteer.DefaultRules(), o)
	if err != nil {
		return err
	}
	rosters := 0
	for _, f := range sum.Files {
		if f.Kind == volunteer.Roster {
			rosters++
		}
	}
	fmt.Fprintf(stdout, "已在 %s 写入演示数据：%d 名虚构志愿者，%d 个文件（其中志愿者名单 %d 个），共 %.1f MB。\n",
		sum.Out, sum.Volunteers, len(sum.Files), rosters, float64(sum.Bytes())/1e6)
	fmt.Fprintf(stdout, "试一试：qingwang check --data %s\n", sum.Out)
	return nil
}
