package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"qingwang/volunteer"
)

func copyData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../data")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadDir_CacheHitsMissesAndInvalidation(t *testing.T) {
	dir := copyData(t)
	cache := &Cache{Dir: t.TempDir(), Salt: "v1"}
	o := Options{Cache: cache}
	first, err := ReadDir(context.Background(), dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if first.CacheHits != 0 {
		t.Fatalf("cold cache: %d hits", first.CacheHits)
	}
	n := len(first.Exports) + len(first.Failed)
	var seen []Progress
	o.Progress = func(p Progress) { seen = append(seen, p) }
	second, err := ReadDir(context.Background(), dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if second.CacheHits != n || len(seen) != n || seen[n-1].Done != n || !seen[0].Cached {
		t.Fatalf("warm cache: %d hits of %d, progress %d", second.CacheHits, n, len(seen))
	}
	if !reflect.DeepEqual(first.Exports, second.Exports) {
		t.Error("cached exports differ from read ones")
	}
	// One new export: one miss.
	src := filepath.Join(dir, "exports", "注册汇总_2015-06-30.csv")
	b, _ := os.ReadFile(src)
	os.WriteFile(filepath.Join(dir, "exports", "注册汇总_2015-07-01.csv"), b, 0o644)
	third, _ := ReadDir(context.Background(), dir, Options{Cache: cache})
	if third.CacheHits != n {
		t.Errorf("one new file: %d hits, want %d", third.CacheHits, n)
	}
	// units.csv changes: everything is read again.
	u, _ := os.ReadFile(filepath.Join(dir, "units.csv"))
	os.WriteFile(filepath.Join(dir, "units.csv"), append(u, '\n'), 0o644)
	fourth, _ := ReadDir(context.Background(), dir, Options{Cache: cache})
	if fourth.CacheHits != 0 {
		t.Errorf("units.csv changed: %d hits, want 0", fourth.CacheHits)
	}
	// Another tool version: likewise.
	fifth, _ := ReadDir(context.Background(), dir, Options{Cache: &Cache{Dir: cache.Dir, Salt: "v2"}})
	if fifth.CacheHits != 0 {
		t.Errorf("new version: %d hits, want 0", fifth.CacheHits)
	}
	// A renamed file is still its bytes, under its new name.
	os.Rename(src, filepath.Join(dir, "exports", "改名_2015-06-30.csv"))
	sixth, _ := ReadDir(context.Background(), dir, Options{Cache: cache})
	for _, e := range sixth.Exports {
		if e.Path == "exports/注册汇总_2015-06-30.csv" {
			t.Error("a renamed file kept its old name")
		}
	}
	var people int
	for _, e := range sixth.Exports {
		if e.Kind == volunteer.Roster && e.Roster.People != nil {
			people += len(e.Roster.People.People)
		}
	}
	if people == 0 {
		t.Error("rosters from the cache lost the people cadres lists name")
	}
}
