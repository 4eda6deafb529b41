package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	qt "github.com/frankban/quicktest"
)

const testBaseURL = "https://qingwang.example/"

// TestMain doubles as a helper process: Hugo fakes its build lock when it
// sees -test.* arguments, so the git status test builds in a child started
// without them.
func TestMain(m *testing.M) {
	if spec := os.Getenv("QINGWANG_SITE_HELPER_BUILD"); spec != "" {
		var o Options
		if err := json.Unmarshal([]byte(spec), &o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := Build(context.Background(), o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// syncBuffer is a Logger that Serve's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func repoRoot(t testing.TB) string {
	dir, err := filepath.Abs("..")
	qt.Assert(t, err, qt.IsNil)
	return dir
}

// fixtureDir is a self-contained Hugo project (hugo.toml with the
// repository's settings and mounts, minimal templates over testdata/gen), so
// that these tests exercise the mechanism of the package whatever the
// repository's own templates look like.
const fixtureDir = "testdata/project"

// genDir copies testdata/gen into a temporary directory and applies edits
// (file name relative to the directory -> new content).
func genDir(t testing.TB, edits map[string]string) string {
	dir := filepath.Join(t.TempDir(), "gen")
	qt.Assert(t, os.CopyFS(dir, os.DirFS("testdata/gen")), qt.IsNil)
	for name, content := range edits {
		p := filepath.Join(dir, name)
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte(content), 0o644), qt.IsNil)
	}
	return dir
}

// projectCopy copies the fixture project into a temporary directory that
// tests may change. The npm side is the repository's: its package.json and
// lockfile, and node_modules as a symlink to the repository's, installed
// first by npm ci if need be, so that js.Build bundles the pinned ECharts.
func projectCopy(t testing.TB) string {
	root := repoRoot(t)
	var log bytes.Buffer
	qt.Assert(t, ensureNodeModules(context.Background(), root, &log), qt.IsNil, qt.Commentf("%s", &log))
	dir := filepath.Join(t.TempDir(), "project")
	qt.Assert(t, os.CopyFS(dir, os.DirFS(fixtureDir)), qt.IsNil)
	for _, name := range []string{"package.json", "package-lock.json", ".npmrc"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if errors.Is(err, os.ErrNotExist) && name == ".npmrc" {
			continue
		}
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, os.WriteFile(filepath.Join(dir, name), b, 0o644), qt.IsNil)
	}
	qt.Assert(t, os.Symlink(filepath.Join(root, "node_modules"), filepath.Join(dir, "node_modules")), qt.IsNil)
	return dir
}

func build(t testing.TB, ctx context.Context, o Options) error {
	t.Helper()
	if o.ProjectDir == "" {
		o.ProjectDir = projectCopy(t)
	}
	if o.BaseURL == "" {
		o.BaseURL = testBaseURL
	}
	var log bytes.Buffer
	o.Logger = &log
	err := Build(ctx, o)
	if testing.Verbose() {
		t.Log(log.String())
	}
	return err
}

// readTree returns every regular file below dir by its slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	qt.Assert(t, err, qt.IsNil)
	return files
}

var chartScriptRe = regexp.MustCompile(`(?s)<script type="application/json" data-chart-for="([^"]*)">(.*?)</script>`)

// chartOptions decodes the chart options embedded in a page, by chart id.
func chartOptions(t testing.TB, page []byte) map[string]map[string]any {
	t.Helper()
	opts := make(map[string]map[string]any)
	for _, m := range chartScriptRe.FindAllSubmatch(page, -1) {
		var opt map[string]any
		qt.Assert(t, json.Unmarshal(m[2], &opt), qt.IsNil, qt.Commentf("chart %s: %s", m[1], m[2]))
		opts[string(m[1])] = opt
	}
	return opts
}

func TestBuild_PagesFromGeneratedData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	qt.Assert(t, build(t, context.Background(), Options{GeneratedDir: genDir(t, nil), OutDir: out}), qt.IsNil)
	files := readTree(t, out)

	bulletin := string(files["bulletins/2015-04-26/index.html"])
	qt.Assert(t, bulletin, qt.Contains, "<title>第2期：全市累计注册 873 人 · 梅州青网计划工作通报</title>")
	qt.Assert(t, bulletin, qt.Contains, `<html lang="zh-CN">`)
	qt.Assert(t, bulletin, qt.Contains, `<div id="c1" class="chart"></div>`)
	opt := chartOptions(t, files["bulletins/2015-04-26/index.html"])["c1"]
	qt.Assert(t, opt, qt.Not(qt.IsNil))
	// hugo.Data keeps the case of keys, which ECharts needs.
	qt.Assert(t, opt["xAxis"], qt.DeepEquals, []any{map[string]any{"type": "category", "data": []any{"梅江区", "梅县区", "兴宁市"}}})

	qt.Assert(t, string(files["bulletins/2015-04-19/index.html"]), qt.Contains, "第1期")
	qt.Assert(t, string(files["bulletins/index.html"]), qt.Contains, `<a href="../bulletins/2015-04-26/">第2期：全市累计注册 873 人</a>`)
	qt.Assert(t, string(files["index.html"]), qt.Contains, `最新一期：<a href="./bulletins/2015-04-26/">`)
	qt.Assert(t, chartOptions(t, files["index.html"])["c1"]["series"], qt.Not(qt.IsNil))
	qt.Assert(t, string(files["sitemap.xml"]), qt.Contains, "<loc>"+testBaseURL+"bulletins/2015-04-26/</loc>")
	// Dates come from the data, in Beijing time, never from the clock.
	qt.Assert(t, string(files["index.xml"]), qt.Contains, "<pubDate>Sun, 26 Apr 2015 00:00:00 +0800</pubDate>")
	qt.Assert(t, string(files["sitemap.xml"]), qt.Contains, "<lastmod>2015-04-26T00:00:00+08:00</lastmod>")

	// One fingerprinted bundle, loaded by a plain script tag with a link
	// relative to the page, so that pages opened from disk find it.
	scriptRe := regexp.MustCompile(`<script src="\.\./\.\./(js/charts\.[0-9a-f]{64}\.js)" defer></script>`)
	m := scriptRe.FindStringSubmatch(bulletin)
	qt.Assert(t, m, qt.HasLen, 2)
	qt.Assert(t, files[m[1]], qt.Not(qt.IsNil))
	qt.Assert(t, bulletin, qt.Not(qt.Contains), "integrity")
	var bundles []string
	for name := range files {
		if strings.HasPrefix(name, "js/") {
			bundles = append(bundles, name)
		}
	}
	qt.Assert(t, bundles, qt.HasLen, 1)
	// Pages without charts load no script.
	qt.Assert(t, string(files["bulletins/index.html"]), qt.Not(qt.Contains), "<script")
	t.Logf("bundle %s: %d bytes", bundles[0], len(files[bundles[0]]))

	// Nothing loads from another host. XML namespace names are identifiers,
	// not addresses that are fetched.
	namespaces := map[string]bool{
		"http://www.w3.org/2000/svg":                  true,
		"http://www.w3.org/1999/xlink":                true,
		"http://www.w3.org/2000/xmlns/":               true,
		"http://www.w3.org/XML/1998/namespace":        true,
		"http://www.w3.org/1999/xhtml":                true,
		"http://www.w3.org/2005/Atom":                 true,
		"http://www.sitemaps.org/schemas/sitemap/0.9": true,
	}
	urlRe := regexp.MustCompile(`https?://[^\s"'<>()\x60]+`)
	for name, b := range files {
		for _, u := range urlRe.FindAllString(string(b), -1) {
			if strings.HasPrefix(u, testBaseURL) || namespaces[u] {
				continue
			}
			// The bundle keeps license comments that name their source.
			if strings.HasPrefix(name, "js/") && strings.Contains(u, "/LICENSE") {
				continue
			}
			t.Errorf("%s refers to another host: %s", name, u)
		}
	}
}

func TestBuild_Deterministic(t *testing.T) {
	project, gen := projectCopy(t), genDir(t, nil)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: gen, OutDir: a}), qt.IsNil)
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: gen, OutDir: b}), qt.IsNil)
	ta, tb := readTree(t, a), readTree(t, b)
	qt.Assert(t, len(ta) > 5, qt.IsTrue)
	assertSameTree(t, ta, tb)
	// Rebuilding over an existing site swaps it and gives the same tree.
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: gen, OutDir: a}), qt.IsNil)
	assertSameTree(t, readTree(t, a), tb)
	// So does the same project at another path.
	c := filepath.Join(dir, "c")
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: projectCopy(t), GeneratedDir: gen, OutDir: c}), qt.IsNil)
	assertSameTree(t, readTree(t, c), tb)
	assertNoStaging(t, dir)
}

func assertSameTree(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for name, content := range want {
		g, ok := got[name]
		qt.Check(t, ok, qt.IsTrue, qt.Commentf("%s missing", name))
		qt.Check(t, bytes.Equal(g, content), qt.IsTrue, qt.Commentf("%s differs", name))
	}
	for name := range got {
		_, ok := want[name]
		qt.Check(t, ok, qt.IsTrue, qt.Commentf("%s unexpected", name))
	}
}

func assertNoStaging(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	qt.Assert(t, err, qt.IsNil)
	for _, e := range entries {
		qt.Check(t, e.Name(), qt.Not(qt.Matches), `.*\.tmp-.*`, qt.Commentf("staging directory left behind"))
	}
}

func TestBuild_HostileStringsStayInJSON(t *testing.T) {
	const (
		breakout = `</script><script>alert(1)</script>`
		attr     = `"><img src=x onerror=alert(2)>`
		fn       = `__f__function(){alert(3)}__f__`
	)
	hostile := breakout + attr + fn
	option := map[string]any{
		"title":  map[string]any{"text": hostile},
		"xAxis":  []any{map[string]any{"type": "category", "data": []any{hostile, "梅江区"}}},
		"yAxis":  []any{map[string]any{"type": "value"}},
		"series": []any{map[string]any{"type": "bar", "name": hostile, "data": []any{1, 2}}},
	}
	charts, err := json.Marshal(map[string]any{"c1": option})
	qt.Assert(t, err, qt.IsNil)
	bulletins, err := json.Marshal([]any{map[string]any{
		"date": "2015-04-26", "number": 2, "title": "第2期 " + hostile, "headline": hostile,
	}})
	qt.Assert(t, err, qt.IsNil)
	gen := genDir(t, map[string]string{
		"charts/2015-04-26.json": string(charts),
		"bulletins.json":         string(bulletins),
	})

	out := filepath.Join(t.TempDir(), "public")
	qt.Assert(t, build(t, context.Background(), Options{GeneratedDir: gen, OutDir: out}), qt.IsNil)
	page, err := os.ReadFile(filepath.Join(out, "bulletins/2015-04-26/index.html"))
	qt.Assert(t, err, qt.IsNil)

	qt.Assert(t, string(page), qt.Not(qt.Contains), "</script><script>")
	qt.Assert(t, string(page), qt.Not(qt.Contains), "<script>alert")
	qt.Assert(t, string(page), qt.Not(qt.Contains), "<img")
	// The page has exactly its own two scripts: the chart data and the bundle.
	qt.Assert(t, strings.Count(string(page), "<script"), qt.Equals, 2)
	got := chartOptions(t, page)["c1"]
	qt.Assert(t, got["title"], qt.DeepEquals, map[string]any{"text": hostile})
	qt.Assert(t, got["series"].([]any)[0].(map[string]any)["name"], qt.Equals, hostile)
}

func TestBuild_FailureKeepsPreviousSite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	project := projectCopy(t)
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: out}), qt.IsNil)
	before := readTree(t, out)

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	for _, tc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		gen  map[string]string
		want string
	}{
		{name: "invalid JSON", gen: map[string]string{"bulletins.json": `[{"date": "2015-05-03",`}, want: "bulletins"},
		{name: "template breaking value", gen: map[string]string{"bulletins.json": `[{"date": ["2015-05-03"], "title": "x"}]`}, want: "_content.gotmpl"},
		{name: "cancelled before", ctx: func() (context.Context, context.CancelFunc) { return cancelled, func() {} }, want: "context canceled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if tc.ctx != nil {
				ctx, cancel = tc.ctx()
			}
			defer cancel()
			// A different bulletin, so that a wrongly swapped site would differ.
			edits := map[string]string{"bulletins.json": `[{"date": "2015-05-03", "number": 3, "title": "第3期"}]`}
			for k, v := range tc.gen {
				edits[k] = v
			}
			err := build(t, ctx, Options{ProjectDir: project, GeneratedDir: genDir(t, edits), OutDir: out})
			qt.Assert(t, err, qt.ErrorMatches, "(?s).*"+regexp.QuoteMeta(tc.want)+".*")
			assertSameTree(t, readTree(t, out), before)
			assertNoStaging(t, dir)
		})
	}
}

func TestBuild_RefusesToReplaceWhatIsNotASite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "notes")
	qt.Assert(t, os.MkdirAll(out, 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(filepath.Join(out, "todo.txt"), []byte("keep me"), 0o644), qt.IsNil)
	project := projectCopy(t)
	err := build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: out})
	qt.Assert(t, err, qt.ErrorMatches, ".*不是之前生成的网站.*")
	b, err := os.ReadFile(filepath.Join(out, "todo.txt"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Equals, "keep me")

	// Output directories that hold the project or the generated data.
	err = build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: filepath.Dir(project)})
	qt.Assert(t, err, qt.ErrorMatches, ".*包含了.*")
	gen := genDir(t, nil)
	err = build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: gen, OutDir: filepath.Dir(gen)})
	qt.Assert(t, err, qt.ErrorMatches, ".*包含了.*")
}

// The build writes nothing into the project: no resources/_gen, no
// .hugo_build.lock, not even ignored files.
func TestBuild_LeavesGitStatusUnchanged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	project := projectCopy(t)
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", project}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
		b, err := cmd.CombinedOutput()
		qt.Assert(t, err, qt.IsNil, qt.Commentf("git %v: %s", args, b))
		return string(b)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "project")
	before := git("status", "--porcelain", "--ignored")

	spec, err := json.Marshal(Options{
		ProjectDir:   project,
		GeneratedDir: genDir(t, nil),
		OutDir:       filepath.Join(t.TempDir(), "public"),
		BaseURL:      testBaseURL,
	})
	qt.Assert(t, err, qt.IsNil)
	self, err := os.Executable()
	qt.Assert(t, err, qt.IsNil)
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "QINGWANG_SITE_HELPER_BUILD="+string(spec))
	b, err := cmd.CombinedOutput()
	qt.Assert(t, err, qt.IsNil, qt.Commentf("%s", b))

	qt.Assert(t, git("status", "--porcelain", "--ignored"), qt.Equals, before)
}

func TestEnsureNodeModules_WithoutNpm(t *testing.T) {
	dir := t.TempDir()
	root := repoRoot(t)
	for _, name := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, os.WriteFile(filepath.Join(dir, name), b, 0o644), qt.IsNil)
	}
	t.Setenv("PATH", t.TempDir())
	err := ensureNodeModules(context.Background(), dir, nil)
	qt.Assert(t, errors.Is(err, errNoNpm), qt.IsTrue)
	qt.Assert(t, err, qt.ErrorMatches, ".*Node.js.*apt-get install nodejs npm.*")
}

func TestEnsureNodeModules_NothingToDo(t *testing.T) {
	// No lockfile: nothing to install, npm not needed.
	t.Setenv("PATH", t.TempDir())
	qt.Assert(t, ensureNodeModules(context.Background(), t.TempDir(), nil), qt.IsNil)
}

// Inputs and whatever else lands in data/ never become Hugo data.
func TestBuild_DataMountSkipsInputs(t *testing.T) {
	project := projectCopy(t)
	for name, content := range map[string]string{
		"data/units.csv":                 "编号,名称\nmeijiang\n1,2,3\n", // ragged: Hugo would fail on it
		"data/units.xlsx":                "PK\x03\x04",
		"data/说明.txt":                    "手工维护的单位表",
		"data/README.md":                 "# data",
		"data/exports/20150426.csv":      "志愿者编号,所属组织\nA1\n",
		"data/exports/2015-04-26.json":   "{broken",
		"data/exports/old/20150419.toml": "broken =",
		"data/sub/units.csv":             "a,b\n1\n",
		"data/rules.toml":                "deadline = 2015-04-20\n",
		"layouts/home.html":              `{{ define "main" }}data: {{ range $k, $v := hugo.Data }}{{ $k }} {{ end }}{{ end }}`,
	} {
		p := filepath.Join(project, filepath.FromSlash(name))
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte(content), 0o644), qt.IsNil)
	}
	out := filepath.Join(t.TempDir(), "public")
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: out}), qt.IsNil)
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(home), qt.Contains, "data: gen rules \n")
}

func TestEnsureNodeModules_InstallsPinnedVersions(t *testing.T) {
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("no npm")
	}
	dir := t.TempDir()
	root := repoRoot(t)
	for _, name := range []string{"package.json", "package-lock.json", ".npmrc"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, os.WriteFile(filepath.Join(dir, name), b, 0o644), qt.IsNil)
	}
	want, err := lockedVersions(filepath.Join(dir, "package-lock.json"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, want, qt.DeepEquals, map[string]string{"echarts": "6.1.0"})

	var log bytes.Buffer
	qt.Assert(t, ensureNodeModules(context.Background(), dir, &log), qt.IsNil, qt.Commentf("%s", &log))
	qt.Assert(t, log.String(), qt.Contains, "npm ci")
	qt.Assert(t, installed(dir, want), qt.IsTrue)

	// A stale install is replaced.
	pkg := filepath.Join(dir, "node_modules", "echarts", "package.json")
	qt.Assert(t, os.WriteFile(pkg, []byte(`{"version": "5.6.0"}`), 0o644), qt.IsNil)
	log.Reset()
	qt.Assert(t, ensureNodeModules(context.Background(), dir, &log), qt.IsNil, qt.Commentf("%s", &log))
	qt.Assert(t, installed(dir, want), qt.IsTrue)

	// Installed: npm is not run again.
	log.Reset()
	qt.Assert(t, ensureNodeModules(context.Background(), dir, &log), qt.IsNil)
	qt.Assert(t, log.String(), qt.Equals, "")
}

func TestBuild_WithoutGeneratedData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	qt.Assert(t, build(t, context.Background(), Options{OutDir: out}), qt.IsNil)
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(home), qt.Contains, "<h1>梅州青网计划工作通报</h1>")
}

func TestBuild_CopiesStaticFiles(t *testing.T) {
	project := projectCopy(t)
	p := filepath.Join(project, "static", "img", "logo.svg")
	qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(p, []byte("<svg/>"), 0o644), qt.IsNil)
	out := filepath.Join(t.TempDir(), "public")
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: out}), qt.IsNil)
	b, err := os.ReadFile(filepath.Join(out, "img", "logo.svg"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Equals, "<svg/>")
}

// Finish adds files to the built tree before the swap; when it fails, the
// previous site stays as it was.
func TestBuild_FinishRunsBeforeTheSwap(t *testing.T) {
	project := projectCopy(t)
	out := filepath.Join(t.TempDir(), "public")
	var previous []string
	finish := func(_ context.Context, built, prev string) error {
		previous = append(previous, prev)
		return os.WriteFile(filepath.Join(built, "extra.txt"), []byte("added"), 0o644)
	}
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, OutDir: out, Finish: finish}), qt.IsNil)
	first := readTree(t, out)
	qt.Assert(t, string(first["extra.txt"]), qt.Equals, "added")
	fail := func(context.Context, string, string) error { return errors.New("打印失败") }
	err := build(t, context.Background(), Options{ProjectDir: project, OutDir: out, Finish: fail})
	qt.Assert(t, err, qt.ErrorMatches, "打印失败")
	qt.Assert(t, readTree(t, out), qt.DeepEquals, first)
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, OutDir: out, Finish: finish}), qt.IsNil)
	qt.Assert(t, previous, qt.DeepEquals, []string{"", out})
}
