package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"qingwang/volunteer"
)

// Options tune how exports are read.
type Options struct {
	// KeepPeople keeps an index of each roster's people by volunteer id, ID
	// number and mobile (as PersonKeys), for matching a cadres list.
	KeepPeople bool
	// Wanted, when not nil, keeps in that index only the people with one of
	// these keys: the few thousand cadres to match, not a million volunteers.
	Wanted map[volunteer.PersonKey]bool
	// KeepNames keeps the names of cadres and core-team members, for the
	// office's own follow-up lists (check --followup); never for the site.
	KeepNames bool
	// Cache, when set, keeps each export's aggregates between runs (ReadDir).
	Cache *Cache
	// Progress, when set, hears of each export ReadDir has read.
	Progress func(Progress)
}

// Progress is how far ReadDir has come.
type Progress struct {
	Done, Total int
	Name        string // the file just read
	Rows        int    // its rows
	Cached      bool   // taken from the cache, not read
}

// indexing reports whether rosters keep an index of people.
func (o Options) indexing() bool { return o.KeepPeople || o.Wanted != nil }

// wants reports whether a roster's index keeps a person with these keys.
func (o Options) wants(k volunteer.PersonKeys) bool {
	return o.KeepPeople || o.Wanted[k.VolunteerID] || o.Wanted[k.IDNumber] || o.Wanted[k.Mobile]
}

// ReadExport reads one export. name is the file's slash-separated path
// relative to the data folder; it names the file in every message and its
// extension tells CSV from .xlsx. The error, when the file cannot be read at
// all, is Chinese and says how to fix it.
func ReadExport(ctx context.Context, name string, r io.Reader, units *volunteer.Units, rules volunteer.Rules, o Options) (*volunteer.Export, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	h := sha256.New()
	tr := io.TeeReader(r, h)

	e := &volunteer.Export{Path: name}
	var src source
	switch strings.ToLower(path.Ext(name)) {
	case ".xls":
		return nil, errXLS
	case ".xlsx", ".xlsm":
		x, err := newXLSXSource(tr)
		if err != nil {
			return nil, err
		}
		src, e.Encoding = x, volunteer.UTF8
	default:
		enc, text, err := decodeText(tr)
		if err != nil {
			return nil, err
		}
		src, e.Encoding = newCSVSource(text), enc
	}
	defer src.close()

	cols, _, err := findHeader(src)
	if err != nil {
		return nil, err
	}
	e.Kind = cols.kind
	x := &rowReader{e: e, cols: cols, units: units, rules: rules, match: newMatcher(units), opts: o}
	x.nameDate, _ = FileNameDate(path.Base(name))
	if !cols.has(fDate) && x.nameDate == 0 {
		return nil, errNoDate(name)
	}
	x.date = x.nameDate

	switch cols.kind {
	case volunteer.Roster:
		err = readAll(ctx, src, x, x.rosterRow)
	case volunteer.Counts:
		err = readAll(ctx, src, x, x.countsRow)
	case volunteer.Core:
		err = readAll(ctx, src, x, x.coreRow)
	case volunteer.Projects:
		err = readAll(ctx, src, x, x.projectRow)
	case volunteer.Cadres:
		err = readAll(ctx, src, x, x.cadreRow)
	}
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(io.Discard, tr); err != nil {
		return nil, err
	}
	e.SHA256 = hex.EncodeToString(h.Sum(nil))
	if e.Date == 0 {
		e.Date = x.date
	}
	if e.Date == 0 {
		return nil, errNoDate(name)
	}
	x.finish()
	slices.SortStableFunc(e.Problems, func(a, b volunteer.Problem) int { return a.Line - b.Line })
	return e, nil
}

func errNoDate(name string) error {
	return fmt.Errorf("无法确定导出日期：文件名“%s”中没有日期，表中也没有“统计日期”列。请把文件改名，带上导出当天的日期，如 志愿者名单_20150426.csv", path.Base(name))
}

// readAll runs the decoding stages and hands each row to take, which
// either accepts it or returns the reason it is rejected.
func readAll[T any](ctx context.Context, src source, x *rowReader, take func(line int, row *T) *volunteer.Problem) error {
	for b := range decodeRows[T](ctx, src, x.cols) {
		if b.err != nil {
			return fmt.Errorf("读取中断：%v", b.err)
		}
		for _, bad := range b.bad {
			x.e.Rows++
			x.reject(&volunteer.Problem{Line: bad.line, Rule: ruleSplit, Reason: bad.err.Error()})
		}
		for i := range b.rows {
			x.e.Rows++
			if p := take(b.lines[i], &b.rows[i]); p != nil {
				if p.Line == 0 {
					p.Line = b.lines[i]
				}
				x.reject(p)
			} else {
				x.e.Accepted++
			}
		}
	}
	return ctx.Err()
}

// rowReader holds what validating one file's rows needs and builds.
type rowReader struct {
	e     *volunteer.Export
	cols  *columns
	units *volunteer.Units
	rules volunteer.Rules
	match *matcher
	opts  Options

	nameDate volunteer.Date // from the file name
	date     volunteer.Date // the export's date, once known
	dateLine int            // the row that set date from a 统计日期 column

	seen map[volunteer.PersonKey]int32 // entry -> first line, for duplicates

	regs    []dayCounts // per unit
	members []int
	people  *volunteer.PeopleIndex

	counts   map[[2]int]int32 // (day, unit) -> first line
	projects map[string]int32
}

func (x *rowReader) reject(p *volunteer.Problem) {
	p.Path = x.e.Path
	// A value quoted in a reason may hold bytes that are not UTF-8 (a UTF-8
	// file with a stray byte past the sniffed window).
	p.Reason = strings.ToValidUTF8(p.Reason, "\uFFFD")
	p.Column = strings.ToValidUTF8(p.Column, "\uFFFD")
	x.e.Rejected++
	x.e.Problems = append(x.e.Problems, *p)
}

// Rules rows break, as the terminal report groups problems.
const (
	ruleMissing   = "缺少必填项"
	ruleUnit      = "单位无法识别"
	ruleDate      = "日期无法识别"
	ruleLate      = "晚于导出日期"
	ruleDuplicate = "重复的行"
	ruleFormat    = "格式不对"
	ruleTotal     = "合计行"
	ruleSplit     = "无法拆分的行"
	ruleFileDate  = "统计日期不一致"
)

// problem builds a rejection about field f.
func (x *rowReader) problem(rule string, f field, format string, args ...any) *volunteer.Problem {
	return &volunteer.Problem{Column: x.cols.header(f), Rule: rule, Reason: fmt.Sprintf(format, args...)}
}

// required returns the trimmed value of f, or the rejection for its absence.
func (x *rowReader) required(f field, v string) (string, *volunteer.Problem) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", x.problem(ruleMissing, f, "缺少“%s”：请补上后重新导出，或删除这一行", x.cols.header(f))
	}
	return v, nil
}

// unit resolves a unit name of column f.
func (x *rowReader) unit(f field, v string) (int, *volunteer.Problem) {
	v, p := x.required(f, v)
	if p != nil {
		return -1, p
	}
	u, err := x.match.find(v)
	if err != nil {
		return -1, x.problem(ruleUnit, f, "%v", err)
	}
	return u, nil
}

// day parses a date of column f.
func (x *rowReader) day(f field, v string) (volunteer.Date, *volunteer.Problem) {
	v, p := x.required(f, v)
	if p != nil {
		return 0, p
	}
	d, err := ParseDate(v)
	if err != nil {
		return 0, x.problem(ruleDate, f, "%v", err)
	}
	return d, nil
}

// exportDate checks a row's 统计日期 against the file's: the first row with
// one sets it; later rows must agree.
func (x *rowReader) exportDate(line int, v string) *volunteer.Problem {
	if !x.cols.has(fDate) {
		return nil
	}
	if strings.TrimSpace(v) == "" && x.nameDate != 0 {
		return nil
	}
	d, p := x.day(fDate, v)
	if p != nil {
		return p
	}
	switch {
	case x.dateLine == 0:
		x.date, x.dateLine = d, line
	case d != x.date:
		return x.problem(ruleFileDate, fDate, "统计日期 %s 与第%d行的 %s 不一致：一个文件只能是一天的导出", d, x.dateLine, x.date)
	}
	return nil
}

// notAfterExport rejects a date later than the export's own.
func (x *rowReader) notAfterExport(f field, d volunteer.Date) *volunteer.Problem {
	if x.date != 0 && d > x.date {
		return x.problem(ruleLate, f, "%s %s 晚于导出日期 %s：请核对该日期，或核对文件名中的导出日期", f.label, d, x.date)
	}
	return nil
}

// duplicate remembers an entry and reports a repeat with the first line.
func (x *rowReader) duplicate(k volunteer.PersonKey, line int, what string) *volunteer.Problem {
	if x.seen == nil {
		x.seen = map[volunteer.PersonKey]int32{}
	}
	if first, ok := x.seen[k]; ok {
		return &volunteer.Problem{Rule: ruleDuplicate, Reason: fmt.Sprintf("与第%d行是同一%s，只计一次：请删除重复的行", first, what)}
	}
	x.seen[k] = int32(line)
	return nil
}

// finish turns the maps built while reading into the Export's aggregates.
func (x *rowReader) finish() {
	if x.e.Kind != volunteer.Roster {
		return
	}
	rc := &volunteer.RosterCounts{Members: x.members, HasMembers: x.cols.has(fPolitics), People: x.people}
	for u, c := range x.regs {
		for i, n := range c.n {
			if n > 0 {
				rc.Registrations = append(rc.Registrations, volunteer.DayCount{Unit: int32(u), Day: c.first + volunteer.Date(i), N: n})
			}
		}
	}
	x.e.Roster = rc
}
