package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"qingwang/ingest"
	"qingwang/metrics"
	"qingwang/volunteer"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	dataDir := fs.String("data", "data", "数据文件夹（其中有 units.csv 和 exports/）")
	asOfFlag := fs.String("as-of", "", "计算截至这一天（YYYY-MM-DD）的数字；默认为最新导出的日期")
	asJSON := fs.Bool("json", false, "在标准输出打印一个 JSON 对象，而不是报告")
	strict := fs.Bool("strict", false, "有被拒收的行时以状态 1 退出")
	followup := fs.String("followup", "", "把需要跟进的人员名单（未注册的应注册人员、同时在多个骨干队伍的人）写入这个 CSV 文件；只供本单位使用，不能放在 public/ 或 data/ 中")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var asOf volunteer.Date
	if *asOfFlag != "" {
		d, err := volunteer.ParseDate(*asOfFlag)
		if err != nil {
			return usageError{"--as-of " + err.Error()}
		}
		asOf = d
	}
	if *followup != "" {
		if err := privatePath(*followup, *dataDir); err != nil {
			return usageError{err.Error()}
		}
	}
	s, err := loadSnapshot(ctx, *dataDir, asOf, *followup != "")
	if err != nil {
		return err
	}
	if *followup != "" {
		n, err := writeFollowup(*followup, s)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "已把需要跟进的 %d 人写入 %s（含姓名，只供本单位使用，请勿外传）。\n", n, *followup)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(checkJSON(s)); err != nil {
			return err
		}
	} else {
		writeReport(stdout, s)
	}
	switch {
	case len(s.data.Failed) > 0:
		fmt.Fprintf(stderr, "有 %d 个文件无法读取，详见上文。\n", len(s.data.Failed))
		return errReported
	case *strict && s.rejected() > 0:
		fmt.Fprintf(stderr, "--strict：有 %d 行被拒收。\n", s.rejected())
		return errReported
	}
	return nil
}

// snapshot is a data folder read and figured as of one day.
type snapshot struct {
	data    *ingest.Dataset
	exports []*volunteer.Export // those dated on or before asOf
	ledger  *metrics.Ledger
	report  *metrics.Report

	// The rest of the notice, as of the same day.
	notice   metrics.Notice
	verdicts []metrics.Verdict // assessments dated on or before the day
}

// loadSnapshot reads dir and computes the figures as of asOf, or as of the
// latest export when asOf is 0. names keeps the names of cadres and core
// members, for the follow-up list only.
func loadSnapshot(ctx context.Context, dir string, asOf volunteer.Date, names bool) (*snapshot, error) {
	ds, err := ingest.ReadDir(ctx, dir, ingest.Options{KeepNames: names, Cache: exportCache()})
	if err != nil {
		return nil, err
	}
	s := &snapshot{data: ds}
	if asOf == 0 {
		asOf = latestDate(ds.Exports)
	}
	for _, e := range ds.Exports {
		if asOf == 0 || e.Date <= asOf {
			s.exports = append(s.exports, e)
		}
	}
	s.ledger = metrics.NewLedger(ds.Units, s.exports)
	s.report = metrics.Compute(ds.Units, ds.Rules, s.ledger, asOf)
	s.notice = metrics.NoticeOn(ds.Units, ds.Rules, s.exports, asOf)
	if s.notice.Any() {
		for _, d := range ds.Rules.Assessments {
			if d <= asOf {
				r := metrics.Compute(ds.Units, ds.Rules, s.ledger, d)
				s.verdicts = append(s.verdicts, metrics.Assess(ds.Units, ds.Rules, r, metrics.NoticeOn(ds.Units, ds.Rules, s.exports, d))...)
			}
		}
	}
	return s, nil
}

// latestDate is the date of the newest registration export (roster or
// counts), else of the newest export of any kind.
func latestDate(exports []*volunteer.Export) volunteer.Date {
	var reg, any volunteer.Date
	for _, e := range exports {
		any = max(any, e.Date)
		if e.Kind == volunteer.Roster || e.Kind == volunteer.Counts {
			reg = max(reg, e.Date)
		}
	}
	if reg != 0 {
		return reg
	}
	return any
}

func (s *snapshot) rejected() int {
	n := 0
	for _, e := range s.exports {
		n += e.Rejected
	}
	return n
}
