package sitedata

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qingwang/ingest"
)

func shipped(t testing.TB) *Site {
	t.Helper()
	ds, err := ingest.ReadDir(context.Background(), "../data", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(ds)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBuild_ShippedSeason(t *testing.T) {
	s := shipped(t)
	if len(s.Bulletins) < 10 || s.Bulletins[0].Number != 1 {
		t.Fatalf("%d bulletins", len(s.Bulletins))
	}
	last := s.Bulletins[len(s.Bulletins)-1]
	if last.Date != s.Meta.AsOf || s.Meta.Latest != last.Number {
		t.Errorf("latest bulletin %s #%d, as of %s #%d", last.Date, last.Number, s.Meta.AsOf, s.Meta.Latest)
	}
	if len(last.Counties) != 8 || len(last.Schools) != 12 {
		t.Errorf("%d counties, %d schools", len(last.Counties), len(last.Schools))
	}
	if !strings.Contains(last.Title, "第") || !strings.Contains(last.Title, "全市注册") {
		t.Errorf("title %q lacks the headline fact", last.Title)
	}
	for _, b := range s.Bulletins {
		if len(b.Receipt) == 0 || len(b.Charts) != 5 || len(b.Summary) < 2 {
			t.Errorf("bulletin %d: %d receipts, %d charts, %d paragraphs", b.Number, len(b.Receipt), len(b.Charts), len(b.Summary))
		}
		for _, c := range b.Charts {
			if !json.Valid(c.Option) || len(c.Table.Rows) == 0 || c.Height == 0 {
				t.Errorf("bulletin %d chart %s: valid %v, %d table rows", b.Number, c.ID, json.Valid(c.Option), len(c.Table.Rows))
			}
		}
	}
	if len(s.Days) < 100 || len(s.Units) != 132 {
		t.Errorf("%d days, %d unit pages", len(s.Days), len(s.Units))
	}
}

// The summary paragraph reads like the office's own, from the figures.
func TestBulletin_SummaryIsWrittenFromTheFigures(t *testing.T) {
	s := shipped(t)
	for _, b := range s.Bulletins[1:] {
		p := b.Summary[0]
		want := "截至" + strings.TrimPrefix(b.DateCN[strings.Index(b.DateCN, "年")+len("年"):], "0")
		if !strings.HasPrefix(p, want) || !strings.Contains(p, "全市累计注册青年网络文明志愿者") || !strings.Contains(p, "较上期") {
			t.Errorf("第%d期 summary: %s", b.Number, p)
		}
		if !strings.Contains(p, b.City.Completion) {
			t.Errorf("第%d期 summary lacks the completion %s: %s", b.Number, b.City.Completion, p)
		}
		for _, l := range b.Lagging {
			if !strings.Contains(b.Summary[1], l.Name) && !strings.Contains(b.Summary[1], "等") {
				t.Errorf("第%d期: lagging %s not named in %s", b.Number, l.Name, b.Summary[1])
			}
		}
	}
}

func TestWrite_IsDeterministicAndPrivate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := shipped(t).Write(a); err != nil {
		t.Fatal(err)
	}
	if err := shipped(t).Write(b); err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`GD\d{10}|\b4414\d{13}[\dX]\b|\b1[3-9]\d{9}\b`)
	for _, name := range []string{"site.json", "bulletins.json", "days.json", "units.json"} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil || string(x) != string(y) {
			t.Errorf("%s differs between two builds (%v %v)", name, err1, err2)
		}
		if m := ids.Find(x); m != nil {
			t.Errorf("%s holds an identifier: %s", name, m)
		}
	}
}

// When every unit has met its quota, nobody lags: the list is empty, not
// missing (templates count it).
func TestBuild_NobodyLagging(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "exports"), 0o755)
	os.WriteFile(filepath.Join(dir, "units.csv"), []byte("编号,名称,类型,上级,任务数\nc,市,市,,\na,甲县,县区,c,10\nb,乙县,县区,c,20\ns,丙校,院校,c,5\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "exports", "汇总_20150426.csv"), []byte("统计日期,单位名称,累计注册数\n2015-04-26,甲县,10\n2015-04-26,乙县,25\n2015-04-26,丙校,5\n"), 0o644)
	ds, err := ingest.ReadDir(context.Background(), dir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(ds)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"site.json", "bulletins.json", "days.json"} {
		b, _ := os.ReadFile(filepath.Join(out, name))
		if strings.Contains(string(b), `"lagging": null`) {
			t.Errorf("%s: lagging is null", name)
		}
	}
	if len(s.Meta.Lagging) != 0 || !strings.Contains(s.Bulletins[0].Summary[1], "已完成注册任务") {
		t.Errorf("lagging %v, summary %q", s.Meta.Lagging, s.Bulletins[0].Summary[1])
	}
}
