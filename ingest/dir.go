package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"qingwang/volunteer"
)

// Dataset is what a data folder holds, read.
type Dataset struct {
	Dir       string
	CacheHits int // exports taken from the cache
	Units     *volunteer.Units
	Rules     volunteer.Rules
	Exports   []*volunteer.Export // by date, then path
	Failed    []volunteer.Problem // files that could not be read at all (Line 0)
	Ignored   []string            // files under exports/ that are not exports
}

// exportExts are the extensions read as exports; .xls is listed so that it
// gets its own advice rather than being ignored.
var exportExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls"}

// ReadDir reads dir/units.csv, dir/rules.toml when present and every
// export under dir/exports. Only units.csv and rules.toml can fail it; an
// export that cannot be read is listed in Failed and the others still count.
func ReadDir(ctx context.Context, dir string, o Options) (*Dataset, error) {
	ds := &Dataset{Dir: dir, Rules: volunteer.DefaultRules()}
	// What reading exports yields depends on these two files too.
	salt := sha256.New()
	for _, name := range []string{"units.csv", "rules.toml"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			salt.Write(b)
		}
		salt.Write([]byte{0})
	}
	tableSalt := hex.EncodeToString(salt.Sum(nil))
	f, err := os.Open(filepath.Join(dir, "units.csv"))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("找不到单位表 %s：请确认 --data 指向数据文件夹（其中应有 units.csv 和 exports/）", filepath.Join(dir, "units.csv"))
		}
		return nil, err
	}
	ds.Units, err = ReadUnits(f, "units.csv")
	f.Close()
	if err != nil {
		return nil, err
	}
	if f, err := os.Open(filepath.Join(dir, "rules.toml")); err == nil {
		ds.Rules, err = ReadRules(f, "rules.toml")
		f.Close()
		if err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}

	names, ignored, err := exportFiles(dir)
	if err != nil {
		return nil, err
	}
	ds.Ignored = ignored
	// Cadres lists and core rosters go first: their people are the only
	// ones rosters need to remember, to tell who on a list has registered
	// and who stands in two teams under different identifiers.
	first := map[string]bool{}
	for _, n := range names {
		k := peekKind(dir, n)
		first[n] = k == volunteer.Cadres || k == volunteer.Core
	}
	slices.SortStableFunc(names, func(a, b string) int { return cmpBool(!first[a], !first[b]) })
	if o.Cache != nil {
		defer o.Cache.prune()
	}
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, cached, err := readCached(ctx, dir, name, ds, o, tableSalt, first[name])
		if o.Progress != nil {
			p := Progress{Done: i + 1, Total: len(names), Name: name, Cached: cached}
			if e != nil {
				p.Rows = e.Rows
			}
			o.Progress(p)
		}
		if cached {
			ds.CacheHits++
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			ds.Failed = append(ds.Failed, volunteer.Problem{Path: name, Reason: err.Error()})
			continue
		}
		ds.Exports = append(ds.Exports, e)
		if !o.KeepPeople {
			o.Wanted = wanted(o.Wanted, e)
		}
	}
	slices.SortStableFunc(ds.Failed, func(a, b volunteer.Problem) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(ds.Exports, func(a, b *volunteer.Export) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return strings.Compare(a.Path, b.Path)
	})
	return ds, nil
}

// wanted adds the people a cadres list or core roster names.
func wanted(w map[volunteer.PersonKey]bool, e *volunteer.Export) map[volunteer.PersonKey]bool {
	var keys []volunteer.PersonKeys
	for _, c := range e.Cadres {
		keys = append(keys, c.Keys)
	}
	for _, m := range e.Core {
		keys = append(keys, m.Person)
	}
	for _, k := range keys {
		for _, key := range []volunteer.PersonKey{k.VolunteerID, k.IDNumber, k.Mobile} {
			if key == 0 {
				continue
			}
			if w == nil {
				w = map[volunteer.PersonKey]bool{}
			}
			w[key] = true
		}
	}
	return w
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// peekKind tells an export's kind from its header alone, or 0.
func peekKind(dir, name string) volunteer.ExportKind {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return 0
	}
	defer f.Close()
	var src source
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm":
		x, err := newXLSXSource(f)
		if err != nil {
			return 0
		}
		src = x
	case ".xls":
		return 0
	default:
		_, text, err := decodeText(f)
		if err != nil {
			return 0
		}
		src = newCSVSource(text)
	}
	defer src.close()
	cols, _, err := findHeader(src)
	if err != nil {
		return 0
	}
	return cols.kind
}

// readCached reads an export, or takes it from the cache when the same
// bytes were read before under the same tables (and, for rosters, the same
// people wanted).
func readCached(ctx context.Context, dir, name string, ds *Dataset, o Options, salt string, listsFirst bool) (*volunteer.Export, bool, error) {
	if o.Cache == nil {
		e, err := readFile(ctx, dir, name, ds, o)
		return e, false, err
	}
	sha, err := fileSHA(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		e, err := readFile(ctx, dir, name, ds, o)
		return e, false, err
	}
	// The name matters too: its date and extension are read from it.
	nameDate, _ := FileNameDate(path.Base(name))
	extra := fmt.Sprintf("date=%s ext=%s people=%v names=%v", nameDate, strings.ToLower(path.Ext(name)), o.KeepPeople, o.KeepNames)
	if !listsFirst {
		extra += " wanted=" + wantedHash(o.Wanted) // rosters remember the people lists name
	}
	key := o.Cache.key(sha, salt, extra)
	if e, ok := o.Cache.load(key); ok && e.SHA256 == sha {
		e.Path = name
		for i := range e.Problems {
			e.Problems[i].Path = name
		}
		return e, true, nil
	}
	e, err := readFile(ctx, dir, name, ds, o)
	if err == nil {
		o.Cache.store(key, e)
	}
	return e, false, err
}

func readFile(ctx context.Context, dir, name string, ds *Dataset, o Options) (*volunteer.Export, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, fmt.Errorf("无法打开：%v", err)
	}
	defer f.Close()
	return ReadExport(ctx, name, f, ds.Units, ds.Rules, o)
}

// exportFiles lists dir/exports recursively, in path order, as
// slash-separated paths relative to dir. Hidden files and Excel's ~$ lock
// files are skipped without a word; other non-exports are listed as ignored.
func exportFiles(dir string) (names, ignored []string, err error) {
	root := filepath.Join(dir, "exports")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipDir
			}
			return err
		}
		base := d.Name()
		if p != root && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if slices.Contains(exportExts, strings.ToLower(path.Ext(base))) {
			names = append(names, rel)
		} else {
			ignored = append(ignored, rel)
		}
		return nil
	})
	return names, ignored, err
}
