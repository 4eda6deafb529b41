// Package issued keeps the record of the bulletins the office has issued.
// Once 第N期 has gone to WeChat groups and been printed, its figures are a
// record: each weekly bulletin, when first built, is written to
// data/issued/YYYY-MM-DD.json (for the office to commit), and later builds
// render it from that file, byte for byte, whatever later or corrected
// exports say. When a file an issued bulletin used changes or disappears,
// the build says so; only an explicit correction (qingwang correct)
// publishes a new version, with a visible 更正 note, and the original stays
// reachable.
package issued

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"qingwang/sitedata"
	"qingwang/volunteer"
)

// Dir is where records live, inside the data folder.
const Dir = "issued"

// Record is one issued bulletin in all its versions, the first as issued.
type Record struct {
	Cutoff   string              `json:"cutoff"`
	Number   int                 `json:"number"`
	Versions []sitedata.Bulletin `json:"versions"`
}

// Current is the version the site shows.
func (r *Record) Current() sitedata.Bulletin { return r.Versions[len(r.Versions)-1] }

// Load reads every record under dataDir/issued, by cut-off.
func Load(dataDir string) ([]*Record, error) {
	paths, err := filepath.Glob(filepath.Join(dataDir, Dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var out []*Record
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		r := &Record{}
		if err := json.Unmarshal(b, r); err != nil || len(r.Versions) == 0 {
			return nil, fmt.Errorf("已发布通报的记录 %s 损坏（%v）：请从版本库恢复这个文件", p, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Save writes the record as data/issued/<cut-off>.json, beside itself first.
func (r *Record) Save(dataDir string) error {
	dir := filepath.Join(dataDir, Dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	path := filepath.Join(dir, r.Cutoff+".json")
	if err := os.WriteFile(path+".tmp", buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

// Warning says that a file an issued bulletin used is no longer what it
// was: the bulletin stays as issued until corrected.
type Warning struct {
	Number   int
	Cutoff   string
	Path     string
	Old, New string // SHA-256; New is "" when the file is gone
	// Later is set instead when the data now has a later export in the
	// bulletin's week than its cut-off.
	Later string
}

func (w Warning) String() string {
	if w.Later != "" {
		return fmt.Sprintf("第%d期（截至%s）发布后，同一周又有了 %s 的导出。已发布的通报保持原样；如需按新数据更正，请运行 qingwang correct --bulletin %s",
			w.Number, w.Cutoff, w.Later, w.Cutoff)
	}
	if w.New == "" {
		return fmt.Sprintf("第%d期（截至%s）所用的文件 %s 已不在数据文件夹中（原 SHA-256 %s）。已发布的通报保持原样；如需更正，请运行 qingwang correct --bulletin %s",
			w.Number, w.Cutoff, w.Path, short(w.Old), w.Cutoff)
	}
	return fmt.Sprintf("第%d期（截至%s）所用的文件 %s 已改变（原 SHA-256 %s，现 %s）。已发布的通报保持原样；如需更正，请运行 qingwang correct --bulletin %s",
		w.Number, w.Cutoff, w.Path, short(w.Old), short(w.New), w.Cutoff)
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

// Outcome is what Apply decided.
type Outcome struct {
	Bulletins []sitedata.Bulletin // to publish: records' versions (current and superseded) and new ones
	Issued    []*Record           // newly issued, to be saved
	Warnings  []Warning
}

// Apply lays the records over freshly figured bulletins: a recorded week is
// published from its record, with warnings for changed source files; a
// complete week without a record is issued now; a provisional week is
// published as figured, unrecorded.
func Apply(records []*Record, fresh []sitedata.Bulletin, exports []*volunteer.Export) Outcome {
	hashes := map[string]string{}
	for _, e := range exports {
		hashes[e.Path] = e.SHA256
	}
	byCutoff := map[string]*Record{}
	for _, r := range records {
		byCutoff[r.Cutoff] = r
	}
	var out Outcome
	for _, r := range records {
		for i, v := range r.Versions {
			v.Superseded = i < len(r.Versions)-1
			if v.Superseded {
				v.Path = fmt.Sprintf("%s/v%d", r.Cutoff, v.Version)
			}
			out.Bulletins = append(out.Bulletins, v)
		}
		for _, f := range r.Current().Receipt {
			if now := hashes[f.Path]; now != f.SHA256 {
				out.Warnings = append(out.Warnings, Warning{Number: r.Number, Cutoff: r.Cutoff, Path: f.Path, Old: f.SHA256, New: now})
			}
		}
	}
	for _, b := range fresh {
		if byCutoff[b.Date] != nil {
			continue
		}
		if r := recordedWeek(records, b.Date); r != nil {
			if b.Date > r.Cutoff {
				out.Warnings = append(out.Warnings, Warning{Number: r.Number, Cutoff: r.Cutoff, Later: b.Date})
			}
			continue
		}
		if !b.Provisional {
			r := &Record{Cutoff: b.Date, Number: b.Number, Versions: []sitedata.Bulletin{b}}
			out.Issued = append(out.Issued, r)
		}
		out.Bulletins = append(out.Bulletins, b)
	}
	slices.SortStableFunc(out.Bulletins, func(a, b sitedata.Bulletin) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// recordedWeek returns the record of the week of date (the same
// Monday-to-Sunday week under another cut-off), or nil.
func recordedWeek(records []*Record, date string) *Record {
	d, err := volunteer.ParseDate(date)
	if err != nil {
		return nil
	}
	for _, r := range records {
		c, err := volunteer.ParseDate(r.Cutoff)
		if err == nil && monday(c) == monday(d) {
			return r
		}
	}
	return nil
}

func monday(d volunteer.Date) volunteer.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }

// ErrNotIssued is returned by Correct for a bulletin never issued.
var ErrNotIssued = errors.New("这一期还没有发布过，不需要更正：直接运行 qingwang build 即可")

// Correct adds fresh (the bulletin figured again from today's data) as
// the record's new version, with the office's note and what changed.
func Correct(r *Record, fresh sitedata.Bulletin, note string, asOf volunteer.Date) error {
	old := r.Current()
	changes := Changes(old, fresh)
	if len(changes) == 0 {
		return fmt.Errorf("第%d期依据的数据没有变化，不需要更正", r.Number)
	}
	fresh.Number = r.Number
	fresh.Path = r.Cutoff
	fresh.Version = old.Version + 1
	fresh.Provisional = false
	fresh.Corrections = append(slices.Clone(old.Corrections), sitedata.Correction{
		Version: old.Version, Date: asOf.String(), DateCN: asOf.ChineseFull(), Note: note, Changes: changes,
	})
	r.Versions = append(r.Versions, fresh)
	return nil
}

// Changes lists, in Chinese, how two versions of a bulletin differ: their
// source files and their figures.
func Changes(old, new sitedata.Bulletin) []string {
	var out []string
	before := map[string]sitedata.Receipt{}
	for _, f := range old.Receipt {
		before[f.Path] = f
	}
	after := map[string]bool{}
	for _, f := range new.Receipt {
		after[f.Path] = true
		switch o, ok := before[f.Path]; {
		case !ok:
			out = append(out, fmt.Sprintf("新依据文件 %s（SHA-256 %s）", f.Path, short(f.SHA256)))
		case o.SHA256 != f.SHA256:
			out = append(out, fmt.Sprintf("文件 %s 已更正（原 SHA-256 %s，现 %s）", f.Path, short(o.SHA256), short(f.SHA256)))
		}
	}
	for _, f := range old.Receipt {
		if !after[f.Path] {
			out = append(out, fmt.Sprintf("不再依据文件 %s（原 SHA-256 %s）", f.Path, short(f.SHA256)))
		}
	}
	if old.City.Registered != new.City.Registered {
		out = append(out, fmt.Sprintf("全市累计注册由%d人更正为%d人", old.City.Registered, new.City.Registered))
	}
	rows := func(b sitedata.Bulletin) map[string]int {
		m := map[string]int{}
		for _, r := range append(slices.Clone(b.Counties), b.Schools...) {
			m[r.Name] = r.Registered
		}
		return m
	}
	oldRows, newRows := rows(old), rows(new)
	for _, r := range append(slices.Clone(new.Counties), new.Schools...) {
		if o, ok := oldRows[r.Name]; ok && o != r.Registered {
			out = append(out, fmt.Sprintf("%s由%d人更正为%d人", r.Name, o, newRows[r.Name]))
		}
	}
	return out
}
