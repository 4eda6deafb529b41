package issued

import (
	"strings"
	"testing"

	"qingwang/sitedata"
	"qingwang/volunteer"
)

func bulletin(date string, n, registered int, files ...string) sitedata.Bulletin {
	b := sitedata.Bulletin{Path: date, Date: date, Number: n, Version: 1, City: sitedata.Figures{Registered: registered}}
	for _, f := range files {
		path, hash, _ := strings.Cut(f, "=")
		b.Receipt = append(b.Receipt, sitedata.Receipt{Path: path, SHA256: hash})
	}
	return b
}

func exports(files ...string) []*volunteer.Export {
	var out []*volunteer.Export
	for _, f := range files {
		path, hash, _ := strings.Cut(f, "=")
		out = append(out, &volunteer.Export{Path: path, SHA256: hash})
	}
	return out
}

func TestApply_IssuesCompleteWeeksAndKeepsRecords(t *testing.T) {
	rec := &Record{Cutoff: "2015-04-19", Number: 1, Versions: []sitedata.Bulletin{bulletin("2015-04-19", 1, 100, "a.csv=h1")}}
	fresh := []sitedata.Bulletin{
		bulletin("2015-04-19", 1, 150, "a.csv=h2"), // the same week figured again from changed data
		bulletin("2015-04-26", 2, 300, "b.csv=h3"),
		bulletin("2015-04-29", 3, 400, "c.csv=h4"),
	}
	fresh[2].Provisional = true
	out := Apply([]*Record{rec}, fresh, exports("a.csv=h2", "b.csv=h3", "c.csv=h4"))
	if len(out.Bulletins) != 3 || out.Bulletins[0].City.Registered != 100 {
		t.Fatalf("bulletins %+v; want the record's 100, not the fresh 150", out.Bulletins)
	}
	if len(out.Issued) != 1 || out.Issued[0].Cutoff != "2015-04-26" {
		t.Errorf("issued %+v; want only the complete week of 4/26", out.Issued)
	}
	if len(out.Warnings) != 1 || out.Warnings[0].Old != "h1" || out.Warnings[0].New != "h2" ||
		!strings.Contains(out.Warnings[0].String(), "第1期") || !strings.Contains(out.Warnings[0].String(), "qingwang correct --bulletin 2015-04-19") {
		t.Errorf("warnings %+v", out.Warnings)
	}
	// A file gone is said so too.
	out = Apply([]*Record{rec}, nil, nil)
	if len(out.Warnings) != 1 || out.Warnings[0].New != "" || !strings.Contains(out.Warnings[0].String(), "已不在数据文件夹中") {
		t.Errorf("warnings %+v", out.Warnings)
	}
	// Another cut-off in a recorded week does not make a second bulletin;
	// a later one is said.
	out = Apply([]*Record{rec}, []sitedata.Bulletin{bulletin("2015-04-18", 1, 90)}, exports("a.csv=h1"))
	if len(out.Bulletins) != 1 || len(out.Issued) != 0 || len(out.Warnings) != 0 {
		t.Errorf("%+v", out)
	}
	rec.Cutoff = "2015-04-17"
	out = Apply([]*Record{rec}, []sitedata.Bulletin{bulletin("2015-04-19", 1, 90)}, exports("a.csv=h1"))
	if len(out.Bulletins) != 1 || len(out.Warnings) != 1 || !strings.Contains(out.Warnings[0].String(), "同一周又有了 2015-04-19 的导出") {
		t.Errorf("%+v", out.Warnings)
	}
}

func TestCorrect_KeepsTheOriginal(t *testing.T) {
	rec := &Record{Cutoff: "2015-04-19", Number: 1, Versions: []sitedata.Bulletin{bulletin("2015-04-19", 1, 100, "a.csv=h1")}}
	asOf := volunteer.NewDate(2015, 5, 3)
	if err := Correct(rec, bulletin("2015-04-19", 1, 100, "a.csv=h1"), "", asOf); err == nil {
		t.Error("a correction without any change must be refused")
	}
	if err := Correct(rec, bulletin("2015-04-19", 1, 105, "a.csv=h2"), "漏计5人", asOf); err != nil {
		t.Fatal(err)
	}
	cur := rec.Current()
	if len(rec.Versions) != 2 || cur.Version != 2 || len(cur.Corrections) != 1 {
		t.Fatalf("record %+v", rec)
	}
	c := cur.Corrections[0]
	if c.Version != 1 || c.Note != "漏计5人" || c.Date != "2015-05-03" || len(c.Changes) != 2 || !strings.Contains(c.Changes[1], "由100人更正为105人") {
		t.Errorf("correction %+v", c)
	}
	out := Apply([]*Record{rec}, nil, exports("a.csv=h2"))
	if len(out.Bulletins) != 2 || !out.Bulletins[1].Superseded || out.Bulletins[1].Path != "2015-04-19/v1" || out.Bulletins[0].Superseded {
		t.Errorf("published %+v; want the correction at its date and the original at v1", out.Bulletins)
	}
	if len(out.Warnings) != 0 {
		t.Errorf("a corrected bulletin matches its files: %v", out.Warnings)
	}
}

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	rec := &Record{Cutoff: "2015-04-19", Number: 1, Versions: []sitedata.Bulletin{bulletin("2015-04-19", 1, 100, "a.csv=h1")}}
	if err := rec.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil || len(got) != 1 || got[0].Current().City.Registered != 100 {
		t.Fatalf("%+v %v", got, err)
	}
}
