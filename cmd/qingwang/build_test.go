package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// inProject runs the test from the repository root, where build expects
// hugo.toml, and returns a function that goes back.
func inProject(t *testing.T) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
}

// build builds the site of a copy of data: a build records newly issued
// bulletins in the data folder, which a test must not do to the repository.
func build(t *testing.T, data, out string) {
	t.Helper()
	if !strings.HasPrefix(data, os.TempDir()) {
		tmp := t.TempDir()
		copyDir(t, data, tmp)
		data = tmp
	}
	if code, _, errOut := run(t, "build", "--data", data, "--out", out, "--base-url", "https://example.org/qingwang/"); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// personalData writes a data folder whose roster, core and cadres lists
// are full of names, mobile numbers, ID numbers and volunteer ids, and
// returns it with every one of them.
func personalData(t *testing.T) (dir string, secrets []string) {
	t.Helper()
	dir = t.TempDir()
	copyDir(t, "cmd/qingwang/testdata/season", dir)
	os.Remove(filepath.Join(dir, "exports", "旧表格.xls"))
	var roster, core, cadres strings.Builder
	roster.WriteString("志愿者编号,姓名,证件号码,手机号码,所属组织,注册时间,政治面貌\r\n")
	core.WriteString("志愿者编号,姓名,骨干队伍,职务,微信群\r\n")
	cadres.WriteString("姓名,证件号码,手机号码,单位,职务\r\n")
	orgs := []string{"梅江区/金山街道", "东山中学", "兴宁市/大坪镇", "平远县团委"}
	for i := 0; i < 40; i++ {
		vid := "QWPRIV" + pad(i, 6)
		name := "隐私测" + string(rune('甲'+i))
		idn := "4414021990" + pad(i, 7) + "X"
		mob := "1399" + pad(i, 7)
		roster.WriteString(strings.Join([]string{vid, name, idn, mob, orgs[i%4], "2015-04-2" + string(rune('0'+i%6)) + " 10:00:00", "共青团员"}, ",") + "\r\n")
		if i < 10 {
			core.WriteString(strings.Join([]string{vid, name, "梅江区骨干队伍", "专职团干部", "梅江青网群"}, ",") + "\r\n")
			cadres.WriteString(strings.Join([]string{name, idn, mob, "梅江区团委", "专职团干部"}, ",") + "\r\n")
		}
		secrets = append(secrets, vid, name, idn, mob)
	}
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for name, body := range map[string]string{
		"志愿者名单_20150426.csv": roster.String(),
		"骨干名单_20150426.csv":  core.String(),
		"应注册名单_20150420.csv": cadres.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, "exports", name), gbk(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, secrets
}

func pad(i, n int) string {
	s := strings.Repeat("0", n) + itoa(i)
	return s[len(s)-n:]
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestBuild_NoPersonalDataReachesPublic(t *testing.T) {
	inProject(t)
	data, secrets := personalData(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, data, out)
	files := tree(t, out)
	if len(files) < 20 {
		t.Fatalf("only %d files built", len(files))
	}
	for name, b := range files {
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s contains %q from an export", name, s)
			}
		}
	}
	// The shipped season's fake people too: every volunteer id, ID number
	// and mobile number in its exports.
	out2 := filepath.Join(t.TempDir(), "public")
	build(t, "data", out2)
	ids := map[string]bool{}
	token := regexp.MustCompile(`\bGD\d{10}\b|\b4414\d{13}[\dX]\b|\b1[3-9]\d{9}\b`)
	exports, _ := filepath.Glob("data/exports/*")
	for _, f := range exports {
		b, _ := os.ReadFile(f)
		if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) {
			b, _ = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		}
		for _, m := range token.FindAll(b, -1) {
			ids[string(m)] = true
		}
	}
	if len(ids) < 10000 {
		t.Fatalf("found only %d identifiers in the shipped exports", len(ids))
	}
	for name, b := range tree(t, out2) {
		for _, m := range token.FindAll(b, -1) {
			if ids[string(m)] {
				t.Errorf("%s contains %s from an export", name, m)
			}
		}
	}
}

func TestBuild_DeterministicAndAtomic(t *testing.T) {
	inProject(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, "cmd/qingwang/testdata/season", out)
	first := tree(t, out)
	build(t, "cmd/qingwang/testdata/season", out)
	second := tree(t, out)
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, b := range first {
		if !bytes.Equal(b, second[name]) {
			t.Errorf("%s differs between two builds of the same data", name)
		}
	}
	// A build that fails leaves the previous site exactly as it was.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "units.csv"), []byte("编号,名称\n"), 0o644)
	if code, _, _ := run(t, "build", "--data", bad, "--out", out); code != exitFailure {
		t.Errorf("build of a broken data folder: exit %d, want 1", code)
	}
	after := tree(t, out)
	for name, b := range first {
		if !bytes.Equal(b, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	if len(after) != len(first) {
		t.Errorf("%d files after a failed build, want %d", len(after), len(first))
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "public.tmp-*"))
	if len(matches) > 0 {
		t.Errorf("temporary build folders left behind: %v", matches)
	}
}

func TestBuild_Pages(t *testing.T) {
	inProject(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, "data", out)
	files := tree(t, out)
	page := func(name string) string {
		b, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
	b1 := page("bulletins/2015-03-22/index.html")
	for _, want := range []string{"<title>青网计划通报第1期：截至3月22日全市注册", "一、总体情况", "<th>序号</th>", "<th class=\"num\">任务数</th>", "梅州市交通交通技术学校", "数据来源", "SHA-256"} {
		if !strings.Contains(b1, want) && !strings.Contains(b1, strings.ReplaceAll(want, "<th>序号</th>", `<th class="num">序号</th>`)) {
			t.Errorf("bulletin 1 lacks %q", want)
		}
	}
	later := page("bulletins/2015-04-26/index.html")
	if !strings.Contains(later, "较上期新增") || !strings.Contains(later, "第6期") {
		t.Errorf("bulletin of 4/26 lacks 较上期新增 or 第6期")
	}
	for _, name := range []string{"index.html", "bulletins/index.html", "daily/2015-04-26/index.html", "units/meijiang/index.html", "units/meijiang-jinshan/index.html", "units/jiaotong/index.html", "index.xml", "sitemap.xml"} {
		page(name)
	}
	if !strings.Contains(page("sitemap.xml"), "<loc>https://example.org/qingwang/bulletins/2015-04-26/</loc>") ||
		!strings.Contains(page("index.xml"), "<link>https://example.org/qingwang/bulletins/2015-04-26/</link>") {
		t.Error("sitemap or feed lacks the bulletin's absolute address under the base URL's path")
	}
	// Every file a page links to is there, relative to the page, whatever
	// path the site is published under.
	ref := regexp.MustCompile(`(?:src|href)="([^"#:]+)"`)
	for _, name := range []string{"index.html", "bulletins/2015-04-26/index.html", "units/meijiang-jinshan/index.html"} {
		for _, m := range ref.FindAllStringSubmatch(page(name), -1) {
			target := path.Clean(path.Join(path.Dir(name), m[1]))
			if strings.HasSuffix(m[1], "/") {
				target = path.Join(target, "index.html")
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s links to %s, which is not in the site", name, m[1])
			}
		}
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".html") && regexp.MustCompile(`(src|href)="(https?:)?//`).Match(b) {
			t.Errorf("%s loads something from another host", name)
		}
	}
}
