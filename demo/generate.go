package demo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"qingwang/volunteer"
)

// Options tune a season. The zero value is the realistic one.
type Options struct {
	// Volunteers is how many people register over the season; 0 means about
	// the sum of the quotas at the story's completions (13,658 for Meizhou).
	Volunteers int
	// Seed picks the people and their times; the story does not depend on it.
	Seed uint64
	// RosterEvery is the number of days between roster snapshots, counted
	// from the first Sunday on or after registration opens; 0 means 7. A
	// negative value writes only the rosters of the assessment days and of
	// the season's last day (the shipped season, small enough for git).
	RosterEvery int
}

// Summary says what Generate wrote.
type Summary struct {
	Out        string // the output folder, as given
	Volunteers int    // people registered over the season: the last roster's true rows
	Files      []File // units.csv, then the exports: rosters, counts, cadres, core, projects, each by date
}

// File is one file written.
type File struct {
	Path     string               // slash-separated, relative to the output folder
	Kind     volunteer.ExportKind // 0 for units.csv
	Encoding volunteer.Encoding
	Date     volunteer.Date // the export's date; 0 for units.csv
	Rows     int            // data rows written, messy ones included
	Bytes    int64
	Messes   []Mess // the messy rows, which a reader must reject
}

// Accepted is the number of rows a correct reader accepts: the true rows.
func (f File) Accepted() int { return f.Rows - len(f.Messes) }

// Bytes is the total size of the files written.
func (s Summary) Bytes() int64 {
	var n int64
	for _, f := range s.Files {
		n += f.Bytes
	}
	return n
}

// Generate writes a synthetic season, 2015-03-01 to 2015-06-30, into out:
// out/units.csv (unitsCSV as is) and out/exports/ with roster snapshots,
// daily counts, cadres lists, core rosters and projects, of fake people
// only. The same arguments write the same bytes. Files a previous run left in
// out/exports are replaced; any other file there is an error, so that real
// exports are never mixed with fake ones.
func Generate(ctx context.Context, out string, units *volunteer.Units, unitsCSV []byte, rules volunteer.Rules, o Options) (Summary, error) {
	sum := Summary{Out: out}
	if units == nil || units.Len() < 2 || units.Len() > 1<<16 {
		return sum, errors.New("示例数据需要单位表：一个市级单位和至少一个下级单位（至多 65536 个）")
	}
	if o.Volunteers < 0 {
		return sum, fmt.Errorf("示例数据：志愿者人数（%d）不能为负", o.Volunteers)
	}
	cal, err := newCalendar(rules)
	if err != nil {
		return sum, err
	}
	n := o.Volunteers
	if n == 0 {
		n = defaultVolunteers(units)
	}
	every := o.RosterEvery
	if every == 0 {
		every = 7
	}
	dir := filepath.Join(out, "exports")
	if err := prepare(dir); err != nil {
		return sum, err
	}
	if err := os.WriteFile(filepath.Join(out, "units.csv"), unitsCSV, 0o644); err != nil {
		return sum, fmt.Errorf("demo: %w", err)
	}
	sum.Files = append(sum.Files, File{Path: "units.csv", Encoding: sniff(unitsCSV),
		Rows: max(strings.Count(strings.TrimSpace(string(unitsCSV)), "\n"), 0), Bytes: int64(len(unitsCSV))})

	s := newSeason(units, cal, n, o.Seed)
	sum.Volunteers = len(s.people)
	g := &gen{ctx: ctx, dir: dir, s: s, units: units, forms: newForms(units), typo: typo(units),
		fk: newFaker(o.Seed), rules: rules, sum: &sum}
	cadres := g.planCadres()
	teams := g.planCore(cadres)
	projects := g.planProjects()
	for _, step := range []func() error{
		func() error { return g.rosters(every) },
		g.counts,
		func() error { return g.cadres(cadres) },
		func() error { return g.core(teams) },
		func() error { return g.projects(projects) },
	} {
		if err := step(); err != nil {
			return sum, fmt.Errorf("demo: %w", err)
		}
	}
	return sum, nil
}

// demoName matches the names of the files Generate writes in exports/.
var demoName = regexp.MustCompile(`^(志愿者名单_\d{8}\.csv|注册汇总_\d{4}-\d{2}-\d{2}\.csv|应注册名单_\d{8}\.(csv|txt)|骨干名单_\d{4}_\d{2}_\d{2}\.csv|项目_(\d{8}|\d{4}-\d{2}-\d{2})\.csv)$`)

// prepare makes dir, emptying it of a previous demo's files; it refuses to
// touch a folder that holds anything else.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !demoName.MatchString(e.Name()) {
			return fmt.Errorf("demo: %s 中已有“%s”，不是示例数据：请换一个 --out 目录，或先移走其中的文件", dir, e.Name())
		}
	}
	for _, e := range entries {
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}

// sniff tells the encoding of units.csv, which is copied as given.
func sniff(b []byte) volunteer.Encoding {
	switch {
	case strings.HasPrefix(string(b), "\ufeff"):
		return volunteer.UTF8BOM
	case !utf8.Valid(b):
		return volunteer.GB18030
	}
	return volunteer.UTF8
}

// gen writes the exports of one season.
type gen struct {
	ctx   context.Context
	dir   string // out/exports
	s     *season
	units *volunteer.Units
	forms []unitForms
	typo  string
	fk    *faker
	p     fake // the person being written
	rules volunteer.Rules
	sum   *Summary
}

// create opens an export; finish closes it and records it in the Summary.
func (g *gen) create(name string, kind volunteer.ExportKind, date volunteer.Date, lay layout) (*sheet, error) {
	if err := g.ctx.Err(); err != nil {
		return nil, err
	}
	return createSheet(g.dir, name, kind, date, lay)
}

func (g *gen) finish(sh *sheet, err error) error {
	if err != nil {
		sh.abort()
		return fmt.Errorf("%s: %w", sh.file.Path, err)
	}
	f, err := sh.close()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	g.sum.Files = append(g.sum.Files, f)
	return nil
}

// fileDate writes a date the three ways file names carry one.
func fileDate(d volunteer.Date, sep string) string {
	return strings.ReplaceAll(d.String(), "-", sep)
}
