package capture

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
)

func TestServe_ContentTypesOnLoopback(t *testing.T) {
	dir := t.TempDir()
	want := map[string]string{
		"index.html":         "text/html; charset=utf-8",
		"js/app.3f2a.js":     "text/javascript; charset=utf-8",
		"css/site.css":       "text/css; charset=utf-8",
		"img/qr.svg":         "image/svg+xml; charset=utf-8",
		"index.xml":          "application/xml; charset=utf-8",
		"sitemap.xml":        "application/xml; charset=utf-8",
		"share.png":          "image/png",
		"bulletin.pdf":       "application/pdf",
		"data/figures.json":  "application/json; charset=utf-8",
		"bulletins/x/a.HTML": "text/html; charset=utf-8",
	}
	for name := range want {
		p := filepath.Join(dir, filepath.FromSlash(name))
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte("内容"), 0o644), qt.IsNil)
	}
	qt.Assert(t, os.MkdirAll(filepath.Join(dir, "bulletins", "2024-04-26"), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(filepath.Join(dir, "bulletins", "2024-04-26", "index.html"), []byte("<p>第12期</p>"), 0o644), qt.IsNil)
	want["bulletins/2024-04-26/"] = "text/html; charset=utf-8"

	base, stop := Serve(dir)
	qt.Assert(t, strings.HasPrefix(base, "http://127.0.0.1:"), qt.IsTrue, qt.Commentf("%s", base))
	for name, ct := range want {
		resp, err := http.Get(base + "/" + name)
		qt.Assert(t, err, qt.IsNil)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		qt.Check(t, resp.StatusCode, qt.Equals, http.StatusOK, qt.Commentf("%s", name))
		qt.Check(t, resp.Header.Get("Content-Type"), qt.Equals, ct, qt.Commentf("%s", name))
		qt.Check(t, resp.Header.Get("X-Content-Type-Options"), qt.Equals, "nosniff")
		qt.Check(t, len(body) > 0, qt.IsTrue)
	}
	resp, err := http.Get(base + "/missing.html")
	qt.Assert(t, err, qt.IsNil)
	resp.Body.Close()
	qt.Assert(t, resp.StatusCode, qt.Equals, http.StatusNotFound)

	stop()
	_, err = http.Get(base + "/index.html")
	qt.Assert(t, err, qt.Not(qt.IsNil))
}

func TestLoopbackOrigin(t *testing.T) {
	for url, want := range map[string]string{
		"http://127.0.0.1:8080/bulletins/2024-04-26/": "http://127.0.0.1:8080",
		"http://localhost:1313/":                      "http://localhost:1313",
		"http://[::1]:80/x":                           "http://[::1]:80",
		"http://127.0.0.2/":                           "http://127.0.0.2",
	} {
		got, err := loopbackOrigin(url)
		qt.Check(t, err, qt.IsNil)
		qt.Check(t, got, qt.Equals, want)
	}
	for _, url := range []string{
		"https://127.0.0.1/", // Serve speaks http only
		"http://example.com/",
		"http://10.0.0.1/",
		"http://127.0.0.1.example.com/",
		"file:///etc/passwd",
		"javascript:alert(1)",
		"127.0.0.1:8080",
	} {
		_, err := loopbackOrigin(url)
		qt.Check(t, err, qt.Not(qt.IsNil), qt.Commentf("%s", url))
	}
}

func TestSameOrigin(t *testing.T) {
	const origin = "http://127.0.0.1:8080"
	for url, want := range map[string]bool{
		"http://127.0.0.1:8080/a.js":      true,
		"ws://127.0.0.1:8080/livereload":  true,
		"data:image/png;base64,AAAA":      true,
		"blob:http://127.0.0.1:8080/uuid": true,
		"http://127.0.0.1:8081/a.js":      false,
		"http://localhost:8080/a.js":      false,
		"https://127.0.0.1:8080/a.js":     false,
		"https://cdn.example.com/x.js":    false,
		"chrome-extension://abc/x.js":     false,
	} {
		qt.Check(t, sameOrigin(url, origin), qt.Equals, want, qt.Commentf("%s", url))
	}
}
