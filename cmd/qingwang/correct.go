package main

import (
	"context"
	"fmt"
	"io"

	"qingwang/ingest"
	"qingwang/issued"
	"qingwang/sitedata"
	"qingwang/volunteer"
)

func runCorrect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("correct", stderr)
	dataDir := fs.String("data", "data", "数据文件夹")
	date := fs.String("bulletin", "", "要更正的通报的截止日期（YYYY-MM-DD），如 2015-04-26")
	note := fs.String("note", "", "更正说明，会印在通报上，如“兴宁市4月25日的名单重复导出，已删除重复的人员”")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *date == "" {
		return usageError{"请用 --bulletin 指定要更正的通报的截止日期"}
	}
	d, err := volunteer.ParseDate(*date)
	if err != nil {
		return usageError{"--bulletin " + err.Error()}
	}
	records, err := issued.Load(*dataDir)
	if err != nil {
		return err
	}
	var rec *issued.Record
	for _, r := range records {
		if r.Cutoff == d.String() {
			rec = r
		}
	}
	if rec == nil {
		return fmt.Errorf("%s：%w", d, issued.ErrNotIssued)
	}
	ds, err := ingest.ReadDir(ctx, *dataDir, ingest.Options{Cache: exportCache()})
	if err != nil {
		return err
	}
	s, err := sitedata.Build(ds)
	if err != nil {
		return err
	}
	var fresh *sitedata.Bulletin
	for i := range s.Bulletins {
		if s.Bulletins[i].Date == rec.Cutoff {
			fresh = &s.Bulletins[i]
		}
	}
	if fresh == nil {
		return fmt.Errorf("现在的数据中已没有截至%s的导出，无法重新计算第%d期：请放回该周的导出文件", d.Chinese(), rec.Number)
	}
	asOf, _ := volunteer.ParseDate(s.Meta.AsOf)
	if err := issued.Correct(rec, *fresh, *note, asOf); err != nil {
		return err
	}
	if err := rec.Save(*dataDir); err != nil {
		return err
	}
	c := rec.Current().Corrections
	fmt.Fprintf(stdout, "已更正第%d期（第%d版），原通报仍可在 /bulletins/%s/v%d/ 查看。更正内容：\n", rec.Number, rec.Current().Version, rec.Cutoff, c[len(c)-1].Version)
	for _, ch := range c[len(c)-1].Changes {
		fmt.Fprintln(stdout, "  "+ch)
	}
	fmt.Fprintln(stdout, "请运行 qingwang build 发布，并把 data/issued/ 中改动的文件提交到版本库。")
	return nil
}
