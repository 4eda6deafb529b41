package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run runs the command in-process and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return ""
}

func TestCheck_ReportGolden(t *testing.T) {
	code, out, errOut := run(t, "check", "--data", "testdata/season")
	if code != exitFailure || !strings.Contains(errOut, "有 1 个文件无法读取") {
		t.Errorf("exit %d, stderr %q; want 1 for the unreadable .xls", code, errOut)
	}
	golden(t, "check.golden.txt", out)
}

func TestCheck_JSONGolden(t *testing.T) {
	_, out, _ := run(t, "check", "--data", "testdata/season", "--json")
	golden(t, "check.golden.json", out)
	var v struct {
		AsOf  string `json:"as_of"`
		Files []struct {
			Path                     string
			Kind, Encoding, Date     string
			Rows, Accepted, Rejected int
		} `json:"files"`
		Problems []struct {
			Path   string
			Line   int
			Reason string
		} `json:"problems"`
		Units []struct {
			ID, Name, Kind string
			Quota          *int
			Registered     int
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.AsOf != "2015-04-26" || len(v.Files) != 4 || len(v.Units) != 133 {
		t.Errorf("as_of %s, %d files, %d units", v.AsOf, len(v.Files), len(v.Units))
	}
	rows, acc, rej := 0, 0, 0
	for _, f := range v.Files {
		if f.Rows != f.Accepted+f.Rejected {
			t.Errorf("%s: rows %d != %d + %d", f.Path, f.Rows, f.Accepted, f.Rejected)
		}
		rows, acc, rej = rows+f.Rows, acc+f.Accepted, rej+f.Rejected
	}
	if len(v.Problems) != rej+1 { // every rejected row, and the unreadable file
		t.Errorf("%d problems for %d rejected rows and 1 unreadable file", len(v.Problems), rej)
	}
	byName := map[string]int{}
	for _, u := range v.Units {
		if u.Quota != nil {
			byName[u.Name] = *u.Quota
		}
	}
	if byName["梅江区"] != 1200 || byName["梅州市交通交通技术学校"] != 200 || byName["梅州市"] != 13400 {
		t.Errorf("quotas %v", byName)
	}
}

func TestCheck_ExitStatus(t *testing.T) {
	clean := t.TempDir()
	copyDir(t, "testdata/season", clean)
	os.Remove(filepath.Join(clean, "exports", "旧表格.xls"))
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--data", clean}, exitOK},
		{[]string{"check", "--data", clean, "--strict"}, exitFailure},
		{[]string{"check", "--data", "testdata/season"}, exitFailure},
		{[]string{"check", "--data", filepath.Join(clean, "nowhere")}, exitFailure},
		{[]string{"check", "--as-of", "4月26日"}, exitUsage},
		{[]string{"check", "--no-such-flag"}, exitUsage},
		{[]string{"check", "extra"}, exitUsage},
		{[]string{"nosuchcommand"}, exitUsage},
		{[]string{}, exitUsage},
		{[]string{"check", "--help"}, exitOK},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			if code, _, errOut := run(t, tc.args...); code != tc.want {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.want, errOut)
			}
		})
	}
}

func TestCheck_AsOf(t *testing.T) {
	_, out, _ := run(t, "check", "--data", "testdata/season", "--json", "--as-of", "2015-04-18")
	var v struct {
		AsOf  string                  `json:"as_of"`
		Files []struct{ Date string } `json:"files"`
		Units []struct {
			ID         string
			Registered int
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.AsOf != "2015-04-18" || len(v.Files) != 2 {
		t.Errorf("as_of %s with %d files; want 2015-04-18 and the two counts up to that day", v.AsOf, len(v.Files))
	}
	for _, u := range v.Units {
		if u.ID == "meijiang" && u.Registered == 0 {
			t.Error("梅江区 has no registrations as of 4/18")
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// The shipped data folder is the README's first stop: every county and
// school with the notice's quota, and every file readable.
func TestCheck_ShippedData(t *testing.T) {
	code, out, errOut := run(t, "check", "--data", "../../data", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Files    []struct{ Kind string } `json:"files"`
		Problems []struct{ Line int }    `json:"problems"`
		Units    []struct {
			Name, Kind string
			Quota      *int
			Registered int
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"梅江区": 1200, "梅县区": 1200, "兴宁市": 1000, "平远县": 800, "蕉岭县": 800, "大埔县": 800, "丰顺县": 800, "五华县": 900,
		"嘉应学院梅州师范分院": 800, "嘉应学院梅州医学院": 1000, "梅州市职业技术学校": 500, "梅州市农业学校": 500, "嘉应技术学校": 100, "东山中学": 1000,
		"梅州市曾宪梓中学": 500, "梅州市艺术学校": 200, "梅州市交通交通技术学校": 200, "粤东商学院": 500, "梅州市技术学校": 500, "梅州市机械技校": 100}
	seen := 0
	for _, u := range v.Units {
		if u.Kind != "county" && u.Kind != "school" {
			continue
		}
		seen++
		if u.Quota == nil || *u.Quota != want[u.Name] || u.Registered == 0 {
			t.Errorf("%s: quota %v registered %d; want quota %d and some registrations", u.Name, u.Quota, u.Registered, want[u.Name])
		}
	}
	if seen != 20 {
		t.Errorf("%d counties and schools, want 20", seen)
	}
	for _, p := range v.Problems {
		if p.Line == 0 {
			t.Errorf("a shipped file cannot be read: %+v", p)
		}
	}
	kinds := map[string]bool{}
	for _, f := range v.Files {
		kinds[f.Kind] = true
	}
	if len(kinds) != 5 {
		t.Errorf("shipped exports cover %v, want all five kinds", kinds)
	}
}

// The shipped season is exactly what `qingwang demo --out data
// --roster-every 0` writes, so it can be made again and never drifts.
func TestDemo_ShippedSeasonIsReproducible(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "demo", "--out", dir, "--roster-every", "0"); code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		got, _ := os.ReadFile(p)
		want, err := os.ReadFile(filepath.Join("../../data", rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("data/%s differs from the demo's (%v)", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
