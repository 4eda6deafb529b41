package site

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
)

func TestServe_RebuildsOnChanges(t *testing.T) {
	project := projectCopy(t)
	gen := genDir(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log syncBuffer
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, Options{ProjectDir: project, GeneratedDir: gen, Logger: &log}, "127.0.0.1:0")
	}()
	defer func() {
		if t.Failed() || testing.Verbose() {
			t.Log(log.String())
		}
	}()

	addrRe := regexp.MustCompile(`预览地址：(http://127\.0\.0\.1:\d+/)`)
	var base string
	waitUntil(t, "the server is up", func() bool {
		if m := addrRe.FindStringSubmatch(log.String()); m != nil {
			base = m[1]
			return true
		}
		return false
	})

	status, body := get(t, base+"bulletins/2015-04-26/")
	qt.Assert(t, status, qt.Equals, http.StatusOK)
	qt.Assert(t, body, qt.Contains, "第2期")
	qt.Assert(t, body, qt.Contains, `<script src="/livereload.js?`)
	status, _ = get(t, base+"livereload.js")
	qt.Assert(t, status, qt.Equals, http.StatusOK)

	t.Run("generated data", func(t *testing.T) {
		bulletins := `[{"date": "2015-04-26", "number": 2, "title": "第2期"}, {"date": "2015-05-03", "number": 3, "title": "第3期：新的一期"}]`
		qt.Assert(t, os.WriteFile(filepath.Join(gen, "bulletins.json"), []byte(bulletins), 0o644), qt.IsNil)
		waitUntil(t, "the new bulletin is served", func() bool {
			status, body := get(t, base+"bulletins/2015-05-03/")
			return status == http.StatusOK && strings.Contains(body, "第3期：新的一期")
		})
	})

	page := filepath.Join(project, "layouts", "page.html")
	layout, err := os.ReadFile(page)
	qt.Assert(t, err, qt.IsNil)

	t.Run("layout", func(t *testing.T) {
		changed := strings.Replace(string(layout), "<article>", "<article><p>改过的模板</p>", 1)
		qt.Assert(t, os.WriteFile(page, []byte(changed), 0o644), qt.IsNil)
		waitUntil(t, "the changed layout is used", func() bool {
			_, body := get(t, base+"bulletins/2015-05-03/")
			return strings.Contains(body, "改过的模板")
		})
	})

	t.Run("broken layout shows the error, fixed layout the page", func(t *testing.T) {
		qt.Assert(t, os.WriteFile(page, []byte(`{{ define "main" }}{{ .Nope }}{{ end }}`), 0o644), qt.IsNil)
		waitUntil(t, "the error page is served", func() bool {
			status, body := get(t, base+"bulletins/2015-05-03/")
			return status == http.StatusInternalServerError && strings.Contains(body, "生成失败")
		})
		qt.Assert(t, os.WriteFile(page, layout, 0o644), qt.IsNil)
		waitUntil(t, "the page is back", func() bool {
			status, body := get(t, base+"bulletins/2015-05-03/")
			return status == http.StatusOK && strings.Contains(body, "第3期：新的一期")
		})
	})

	cancel()
	qt.Assert(t, <-served, qt.IsNil)
}

func TestServe_OnlyOnLoopback(t *testing.T) {
	for _, addr := range []string{":1313", "0.0.0.0:1313", "[::]:1313", "192.0.2.1:1313", "example.org:1313", "1313"} {
		err := Serve(context.Background(), Options{ProjectDir: fixtureDir}, addr)
		qt.Assert(t, err, qt.ErrorMatches, ".*(回环|无效).*", qt.Commentf("%s", addr))
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	qt.Assert(t, err, qt.IsNil)
	return resp.StatusCode, string(b)
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
