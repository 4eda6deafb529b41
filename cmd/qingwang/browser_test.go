package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qingwang/capture"
)

// Hostile unit names, as anyone who can edit units.csv or an export could
// write them: they must stay text, never markup or script.
var hostileNames = map[string]string{
	"meijiang":         `</script><script>alert("script")</script>梅江区`,
	"meixian":          `"><img src=x onerror=alert("img")>梅县区`,
	"dongshan":         `__f__function(){alert("f")}__f__东山中学`,
	"meijiang-jinshan": `<svg onload=alert("svg")>金山街道`,
	"pingyuan":         `javascript:alert('href')//平远县`,
}

// hostileData is the shipped season with some units renamed to hostile
// strings; their old names stay as aliases, so every export still matches.
func hostileData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "data", dir)
	b, err := os.ReadFile(filepath.Join(dir, "units.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, line := range lines {
		f := strings.Split(line, ",")
		if name, ok := hostileNames[f[0]]; ok {
			f[7] = strings.Trim(f[7]+"|"+f[1], "|")
			f[1] = `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
			lines[i] = strings.Join(f, ",")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "units.csv"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser_PagesDrawSafelyOnPhonesAndDesktops opens the built site in
// headless Chromium from a loopback server: every chart draws, nothing is
// logged as an error, nothing is requested from another host, no page
// scrolls sideways at 375 px, and hostile names never run.
func TestBrowser_PagesDrawSafelyOnPhonesAndDesktops(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	inProject(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, hostileData(t), out)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := capture.Start(ctx)
	if errors.Is(err, capture.ErrNoBrowser) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	base, stop := capture.Serve(out)
	defer stop()

	pages := map[string]int{ // page -> charts it must draw
		"/":                        2,
		"/bulletins/2015-04-26/":   5,
		"/bulletins/2015-03-22/":   5,
		"/units/meijiang/":         2,
		"/units/meijiang-jinshan/": 1,
		"/units/dongshan/":         1,
		"/daily/2015-04-26/":       0,
		"/assessments/2015-04-25/": 0,
		"/bulletins/":              0,
		"/units/":                  0,
	}
	for path, charts := range pages {
		for _, width := range []int{375, 1280} {
			r, err := b.Inspect(ctx, base+path, width, 800)
			if err != nil {
				t.Fatalf("%s at %d px: %v", path, width, err)
			}
			for _, p := range r.Problems() {
				t.Errorf("%s at %d px: %s", path, width, p)
			}
			if r.ChartsDrawn() != charts || len(r.Charts) != charts {
				t.Errorf("%s at %d px: %d of %d charts drawn, want %d", path, width, r.ChartsDrawn(), len(r.Charts), charts)
			}
		}
	}
	// The names are on the pages, as text.
	page, _ := os.ReadFile(filepath.Join(out, "units", "meijiang", "index.html"))
	if !strings.Contains(string(page), "&lt;/script&gt;&lt;script&gt;alert(&#34;script&#34;)&lt;/script&gt;梅江区") {
		t.Error("the hostile name is not on its unit page as escaped text")
	}
}
