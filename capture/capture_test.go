package capture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
)

// One browser and one fixture server for all tests; TestMain closes them.
var shared struct {
	once    sync.Once
	browser *Browser
	base    string
	stop    func()
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.browser != nil {
		shared.browser.Close()
	}
	if shared.stop != nil {
		shared.stop()
	}
	os.Exit(code)
}

// sharedBrowser returns the shared browser and the base URL of testdata, and
// skips the test where no Chromium is installed.
func sharedBrowser(t *testing.T) (*Browser, string) {
	t.Helper()
	shared.once.Do(func() {
		shared.browser, shared.err = Start(context.Background())
		if shared.err == nil {
			shared.base, shared.stop = Serve("testdata")
		}
	})
	if errors.Is(shared.err, ErrNoBrowser) {
		t.Skipf("跳过需要浏览器的测试：%v", shared.err)
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.browser, shared.base
}

// testCtx bounds a test: a hung page fails the test instead of the run.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func inspect(t *testing.T, page string, width int) Report {
	t.Helper()
	b, base := sharedBrowser(t)
	r, err := b.Inspect(testCtx(t), base+"/"+page, width, 812)
	qt.Assert(t, err, qt.IsNil)
	return r
}

// The undrawn-chart test shortens chartTimeout, so it must not run beside
// the others: parallel tests wait until every sequential one has finished.
func TestInspect_ChartWithoutPathsIsNotDrawn(t *testing.T) {
	defer func(d time.Duration) { chartTimeout = d }(chartTimeout)
	chartTimeout = 300 * time.Millisecond

	r := inspect(t, "undrawn.html", 375)
	qt.Assert(t, r.Charts, qt.DeepEquals, []Chart{{ID: "drawn", Paths: 1}, {ID: "empty", Paths: 0}})
	qt.Assert(t, r.ChartsDrawn(), qt.Equals, 1)
	qt.Assert(t, r.Problems(), qt.DeepEquals, []string{"图表 #empty 没有画出来"})
}

func TestInspect_InlineAndLateChartsDrawn(t *testing.T) {
	t.Parallel()
	r := inspect(t, "chart.html", 375)
	// weekly-new is drawn by a script 300 ms after load.
	qt.Assert(t, r.Charts, qt.DeepEquals, []Chart{{ID: "county-bars", Paths: 3}, {ID: "weekly-new", Paths: 2}})
	qt.Assert(t, r.Problems(), qt.IsNil)
	qt.Assert(t, r.ViewportWidth, qt.Equals, 375)
}

func TestInspect_ConsoleErrorAndException(t *testing.T) {
	t.Parallel()
	r := inspect(t, "console.html", 375)
	qt.Assert(t, r.Console, qt.HasLen, 2)
	qt.Assert(t, r.Console[0].Kind, qt.Equals, "console.error")
	qt.Assert(t, r.Console[0].Text, qt.Equals, "图表数据缺失： county-bars")
	qt.Assert(t, r.Console[0].Line, qt.Equals, 9)
	qt.Assert(t, r.Console[1].Kind, qt.Equals, "exception")
	qt.Assert(t, r.Console[1].Text, qt.Contains, "未捕获的异常：option 为空")
}

func TestInspect_ExternalRequestsBlockedAndRecorded(t *testing.T) {
	t.Parallel()
	// Another origin on this machine that the page tries to reach; it must
	// see nothing, whichever way the page asks.
	var hits atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		t.Errorf("a request reached the other origin: %s %s", r.Method, r.URL)
	}))
	defer other.Close()
	port := strings.TrimPrefix(other.URL, "http://127.0.0.1:")

	r := inspect(t, "external.html?port="+port, 375)
	qt.Assert(t, hits.Load(), qt.Equals, int64(0))

	got := map[string]Request{}
	for _, q := range r.External {
		qt.Check(t, q.Blocked, qt.IsTrue, qt.Commentf("%s", q.URL))
		got[q.URL] = q
	}
	for url, typ := range map[string]string{
		"https://cdn.example.com/theme.css":        "Stylesheet",
		"https://cdn.example.com/logo.png":         "Image",
		"http://127.0.0.1:" + port + "/track.js":   "Script",
		"http://127.0.0.1:" + port + "/beacon":     "XHR",
		"http://localhost:" + port + "/pixel.png":  "Image",
		"http://localhost:" + port + "/frame.html": "Document",
		"ws://127.0.0.1:" + port + "/socket":       "WebSocket",
	} {
		qt.Check(t, got[url].Type, qt.Equals, typ, qt.Commentf("%s in %v", url, r.External))
	}
	qt.Assert(t, got["http://127.0.0.1:"+port+"/beacon"].Method, qt.Equals, "POST")
	// Each blocked request is reported once, not again as a console error.
	qt.Assert(t, r.Console, qt.IsNil)
	qt.Assert(t, r.ChartsDrawn(), qt.Equals, 1)
}

func TestInspect_DialogsRecordedAndDismissed(t *testing.T) {
	t.Parallel()
	r := inspect(t, "dialogs.html", 375)
	qt.Assert(t, r.Dialogs, qt.HasLen, 3)
	for i, want := range []Dialog{{Type: "alert", Message: "alert 弹窗"}, {Type: "confirm", Message: "confirm 弹窗"}, {Type: "prompt", Message: "prompt 弹窗"}} {
		qt.Check(t, r.Dialogs[i].Type, qt.Equals, want.Type)
		qt.Check(t, r.Dialogs[i].Message, qt.Equals, want.Message)
	}
}

func TestInspect_HostileMarkupReported(t *testing.T) {
	t.Parallel()
	r := inspect(t, "hostile.html", 375)
	qt.Assert(t, r.Injected, qt.DeepEquals, []string{
		`body > table > tbody > tr > td > img [onerror][src="x"]`,
		`body > a [href=javascript:]`,
	})
	// The handler ran; its alert was caught, and did not stop the page.
	qt.Assert(t, r.Dialogs, qt.HasLen, 1)
	qt.Assert(t, r.Dialogs[0].Message, qt.Equals, "名称里的代码执行了")
}

func TestInspect_WideTableOverflowsPhone(t *testing.T) {
	t.Parallel()
	r := inspect(t, "wide.html", 375)
	qt.Assert(t, r.ViewportWidth, qt.Equals, 375)
	qt.Assert(t, r.ScrollWidth > 375, qt.IsTrue, qt.Commentf("scrollWidth %d", r.ScrollWidth))
	qt.Assert(t, r.Overflowing, qt.DeepEquals, []string{"body > table.ranking"})
}

func TestInspect_WideTableInScrollBoxFitsPhone(t *testing.T) {
	t.Parallel()
	r := inspect(t, "wide-scroll.html", 375)
	qt.Assert(t, r.ScrollWidth, qt.Equals, 375)
	qt.Assert(t, r.Overflowing, qt.HasLen, 0)
	qt.Assert(t, r.Problems(), qt.IsNil)
}

func TestInspect_WideTableFitsDesktop(t *testing.T) {
	t.Parallel()
	r := inspect(t, "wide.html", 1280)
	qt.Assert(t, r.ViewportWidth, qt.Equals, 1280)
	qt.Assert(t, r.Problems(), qt.IsNil)
}

func TestInspect_RefusesPagesOffLoopback(t *testing.T) {
	t.Parallel()
	b, _ := sharedBrowser(t)
	for _, u := range []string{"https://example.com/", "http://10.0.0.1/", "file:///etc/passwd"} {
		_, err := b.Inspect(testCtx(t), u, 375, 812)
		qt.Check(t, err, qt.ErrorMatches, `.*不是本机回环地址上的 http 网址.*`, qt.Commentf("%s", u))
	}
}

func TestPDF_A4WithThePagesOwnMargins(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	pdf, err := b.PDF(testCtx(t), base+"/print.html", PDFOptions{})
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(pdf[:5]), qt.Equals, "%PDF-")

	// Chromium lays out in whole CSS pixels: A4 comes out as 594.96 × 841.92.
	w, h := pageSize(t, pdf)
	qt.Check(t, abs(w-595.28) < 1 && abs(h-841.89) < 1, qt.IsTrue, qt.Commentf("page size %.2f × %.2f pt", w, h))

	// @page's 28 mm left margin, not Chromium's default of 1 cm.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) not installed: text and margins not checked")
		return
	}
	file := filepath.Join(t.TempDir(), "b.pdf")
	qt.Assert(t, os.WriteFile(file, pdf, 0o644), qt.IsNil)
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", file, "-").Output()
	qt.Assert(t, err, qt.IsNil)
	m := regexp.MustCompile(`xMin="([0-9.]+)"[^>]*>第12期<`).FindSubmatch(out)
	qt.Assert(t, m, qt.Not(qt.IsNil), qt.Commentf("%s", out))
	x, _ := strconv.ParseFloat(string(m[1]), 64)
	qt.Assert(t, abs(x-28/25.4*72) < 2, qt.IsTrue, qt.Commentf("第12期 starts at %.1f pt", x))
}

// pageSize reads the first page's size in points: from pdfinfo when poppler
// is installed, else from the first /MediaBox (Chromium writes page
// dictionaries uncompressed).
func pageSize(t *testing.T, pdf []byte) (w, h float64) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		cmd := exec.Command("pdfinfo", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		qt.Assert(t, err, qt.IsNil)
		m := regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`).FindSubmatch(out)
		qt.Assert(t, m, qt.Not(qt.IsNil), qt.Commentf("%s", out))
		w, _ = strconv.ParseFloat(string(m[1]), 64)
		h, _ = strconv.ParseFloat(string(m[2]), 64)
		return w, h
	}
	m := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`).FindSubmatch(pdf)
	qt.Assert(t, m, qt.Not(qt.IsNil), qt.Commentf("no MediaBox"))
	w, _ = strconv.ParseFloat(string(m[1]), 64)
	h, _ = strconv.ParseFloat(string(m[2]), 64)
	return w, h
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestLongImage_PhoneWidthWholePage(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	data, err := b.LongImage(testCtx(t), base+"/long.html", 375, 2)
	qt.Assert(t, err, qt.IsNil)
	img, err := png.Decode(bytes.NewReader(data))
	qt.Assert(t, err, qt.IsNil)
	size := img.Bounds().Size()
	qt.Assert(t, size.X, qt.Equals, 750)
	qt.Assert(t, size.Y > 2*812, qt.IsTrue, qt.Commentf("height %d", size.Y))
	// The page ends in a red block: the image reaches the bottom, painted.
	r, g, bl, _ := img.At(size.X/2, size.Y-5).RGBA()
	qt.Assert(t, [3]uint32{r >> 8, g >> 8, bl >> 8}, qt.Equals, [3]uint32{255, 0, 0})
}

func TestBrowser_TabsInParallel(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	ctx := testCtx(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := range 4 {
		wg.Go(func() {
			r, err := b.Inspect(ctx, base+"/chart.html", 375, 812)
			if err == nil && r.ChartsDrawn() != 2 {
				err = fmt.Errorf("tab %d: %d charts drawn", i, r.ChartsDrawn())
			}
			errs <- err
		})
	}
	wg.Go(func() {
		_, err := b.PDF(ctx, base+"/print.html", PDFOptions{})
		errs <- err
	})
	wg.Go(func() {
		_, err := b.LongImage(ctx, base+"/chart.html", 375, 2)
		errs <- err
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		qt.Check(t, err, qt.IsNil)
	}
}

func TestInspect_CallerCancelStopsTheVisit(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := b.Inspect(ctx, base+"/chart.html", 375, 812)
	qt.Assert(t, errors.Is(err, context.Canceled), qt.IsTrue, qt.Commentf("%v", err))
	// The browser is still fine.
	r := inspect(t, "chart.html", 375)
	qt.Assert(t, r.ChartsDrawn(), qt.Equals, 2)
}

// Both takes the long image as a phone sees the page and the PDF as the
// printer does, in one visit: the same results as LongImage and PDF.
func TestBoth_ImageThenPDF(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	img, pdf, err := b.Both(testCtx(t), base+"/print.html", 375, 2, PDFOptions{})
	qt.Assert(t, err, qt.IsNil)
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, cfg.Width, qt.Equals, 750)
	qt.Assert(t, string(pdf[:5]), qt.Equals, "%PDF-")
	w, h := pageSize(t, pdf)
	qt.Check(t, abs(w-595.28) < 1 && abs(h-841.89) < 1, qt.IsTrue, qt.Commentf("page size %.2f × %.2f pt", w, h))
}

func TestChartsTime(t *testing.T) {
	t.Parallel()
	b, base := sharedBrowser(t)
	d, err := b.ChartsTime(testCtx(t), base+"/chart.html", 375, 4)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, d > 0, qt.IsTrue, qt.Commentf("%v", d))
}
