package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issued bulletins are a record: later exports leave them byte for byte as
// they were, a changed source file is reported but not applied, and only
// qingwang correct publishes a corrected version beside the original.
func TestIssuedBulletins(t *testing.T) {
	inProject(t)
	data := t.TempDir()
	copyDir(t, "data", data)
	os.RemoveAll(filepath.Join(data, "issued"))
	// Early in the season: only the exports up to 4/12.
	later := t.TempDir()
	exports, _ := filepath.Glob(filepath.Join(data, "exports", "*"))
	for _, f := range exports {
		if d, ok := dateIn(filepath.Base(f)); ok && d > "2015-04-12" {
			os.Rename(f, filepath.Join(later, filepath.Base(f)))
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, data, out)
	records, _ := filepath.Glob(filepath.Join(data, "issued", "*.json"))
	if len(records) != 4 { // 3/22, 3/29, 4/5, 4/12: all complete weeks
		t.Fatalf("%d records after the first build: %v", len(records), records)
	}
	first := tree(t, out)

	// The rest of the season arrives.
	moved, _ := filepath.Glob(filepath.Join(later, "*"))
	for _, f := range moved {
		os.Rename(f, filepath.Join(data, "exports", filepath.Base(f)))
	}
	build(t, data, out)
	second := tree(t, out)
	for _, page := range []string{"bulletins/2015-03-22/index.html", "bulletins/2015-04-12/index.html"} {
		if !bytes.Equal(first[page], second[page]) {
			t.Errorf("%s changed when later exports arrived", page)
		}
	}
	if _, ok := second["bulletins/2015-06-28/index.html"]; !ok {
		t.Error("later bulletins are missing")
	}

	// A source of 第4期 is corrected: the build says so and keeps 第4期.
	src := filepath.Join(data, "exports", "注册汇总_2015-04-12.csv")
	b, _ := os.ReadFile(src)
	os.WriteFile(src, append(b, []byte("2015-04-12,嘉应技术学校,99,100\r\n")...), 0o644)
	code, _, errOut := run(t, "build", "--data", data, "--out", out, "--base-url", "https://example.org/qingwang/")
	if code != exitOK || !strings.Contains(errOut, "第4期（截至2015-04-12）所用的文件 exports/注册汇总_2015-04-12.csv 已改变") {
		t.Fatalf("exit %d; stderr lacks the warning:\n%s", code, errOut)
	}
	third := tree(t, out)
	if !bytes.Equal(second["bulletins/2015-04-12/index.html"], third["bulletins/2015-04-12/index.html"]) {
		t.Error("第4期 changed without a correction")
	}

	// The office corrects it: a new version with its 更正 note, the original kept.
	code, stdout, errOut := run(t, "correct", "--data", data, "--bulletin", "2015-04-12", "--note", "嘉应技术学校漏报，已补")
	if code != exitOK || !strings.Contains(stdout, "已更正第4期（第2版）") {
		t.Fatalf("correct: exit %d %s %s", code, stdout, errOut)
	}
	build(t, data, out)
	fourth := tree(t, out)
	corrected := string(fourth["bulletins/2015-04-12/index.html"])
	for _, want := range []string{"更正", "嘉应技术学校漏报，已补", "已更正（原 SHA-256", "查看更正前的第1版"} {
		if !strings.Contains(corrected, want) {
			t.Errorf("the corrected bulletin lacks %q", want)
		}
	}
	original := string(fourth["bulletins/2015-04-12/v1/index.html"])
	if !strings.Contains(original, "原发布版本") {
		t.Error("the original is not reachable at v1/")
	}
	if code, _, _ := run(t, "correct", "--data", data, "--bulletin", "2015-06-30"); code != exitFailure {
		t.Error("correcting a bulletin never issued must fail")
	}
}

// dateIn finds the date in an export's file name, as YYYY-MM-DD.
func dateIn(name string) (string, bool) {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, name)
	if len(digits) < 8 {
		return "", false
	}
	d := digits[len(digits)-8:]
	return d[:4] + "-" + d[4:6] + "-" + d[6:], true
}

// The shipped season's issued records are what a build issues from the
// shipped exports: rebuild them with
//
//	rm -r data/issued && go run ./cmd/qingwang build
func TestShippedRecordsMatchTheData(t *testing.T) {
	inProject(t)
	data := t.TempDir()
	copyDir(t, "data", data)
	os.RemoveAll(filepath.Join(data, "issued"))
	build(t, data, filepath.Join(t.TempDir(), "public"))
	made, _ := filepath.Glob(filepath.Join(data, "issued", "*.json"))
	shipped, _ := filepath.Glob(filepath.Join("data", "issued", "*.json"))
	if len(made) != len(shipped) || len(made) == 0 {
		t.Fatalf("%d records made, %d shipped", len(made), len(shipped))
	}
	for _, m := range made {
		a, _ := os.ReadFile(m)
		b, _ := os.ReadFile(filepath.Join("data", "issued", filepath.Base(m)))
		if !bytes.Equal(a, b) {
			t.Errorf("data/issued/%s is not what the shipped exports issue", filepath.Base(m))
		}
	}
}

// A build that fails publishes nothing, so it issues nothing either.
func TestBuild_FailedBuildIssuesNothing(t *testing.T) {
	inProject(t)
	data := t.TempDir()
	copyDir(t, "cmd/qingwang/testdata/season", data)
	out := t.TempDir() // not a site: build refuses to replace it
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	if code, _, _ := run(t, "build", "--data", data, "--out", out); code != exitFailure {
		t.Fatalf("build over a folder that is not a site: exit %d, want 1", code)
	}
	if records, _ := filepath.Glob(filepath.Join(data, "issued", "*.json")); len(records) != 0 {
		t.Errorf("a failed build issued %d bulletins", len(records))
	}
}
