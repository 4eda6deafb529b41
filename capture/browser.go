// Package capture drives one headless Chromium over pages served from a
// loopback http.Server: it checks built pages the way a phone shows them
// (Inspect), prints bulletins to A4 PDF (PDF) and takes the long images that
// are shared in WeChat groups (LongImage).
//
// Every tab blocks and records each request that leaves the page's own
// loopback origin, and dismisses and records every JavaScript dialog, so a
// hostile name in the data can neither phone home nor stop a build.
package capture

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned by Start when no Chromium can be found. Callers
// that can do without a browser (a site build without PDFs, a test) check it
// with errors.Is and go on.
var ErrNoBrowser = errors.New("找不到 Chromium 浏览器，无法生成 PDF 和长图、也无法在浏览器里检查页面。" +
	"Debian/Ubuntu 上请运行 sudo apt-get install chromium fonts-noto-cjk 安装浏览器和中文字体；" +
	"浏览器装在别处时，用环境变量 CHROMIUM 指定它的路径")

// candidates are the programs tried after $CHROMIUM, in order.
var candidates = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// findChromium returns the path of the browser to run. $CHROMIUM, when set,
// is the only candidate: a wrong setting is an error, not a reason to run
// some other browser.
func findChromium() (string, error) {
	if v := os.Getenv("CHROMIUM"); v != "" {
		p, err := exec.LookPath(v)
		if err != nil {
			return "", fmt.Errorf("%w（环境变量 CHROMIUM=%s 不是可以运行的程序）", ErrNoBrowser, v)
		}
		return p, nil
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Browser is one headless Chromium. Its methods open a tab each, so they may
// run in parallel from several goroutines.
type Browser struct {
	ctx         context.Context // chromedp context that owns the browser
	cancelAlloc context.CancelFunc
	cancelCtx   context.CancelFunc
	userDataDir string
	fence       *fence
	started     bool

	closeOnce sync.Once
	closeErr  error
}

// Start starts a headless Chromium with a fresh profile. ctx bounds the start
// only; the browser runs until Close.
func Start(ctx context.Context) (*Browser, error) {
	path, err := findChromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "qingwang-chromium-")
	if err != nil {
		return nil, fmt.Errorf("启动 Chromium：%w", err)
	}
	fence, err := startFence()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("启动 Chromium：%w", err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// Already in the defaults; named here because this machine's closed
		// network refuses Chromium's connections without them.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		// The defaults let any page open windows; a popup would be a tab
		// whose requests no interception of ours sees.
		chromedp.Flag("disable-popup-blocking", false),
		// A second fence behind each tab's interception, for what that
		// cannot see (WebSockets, preconnects, workers): every connection,
		// loopback too ("<-loopback>"), goes through the fence proxy, no
		// host name resolves, and WebRTC gets no UDP of its own.
		chromedp.ProxyServer("http://"+fence.addr),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"),
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// abortStart is a plain cancel: the cancel func of NewContext takes the
	// allocation token, and a second call of it, or chromedp.Cancel after it,
	// then waits for ever when no browser was allocated.
	parent, abortStart := context.WithCancel(allocCtx)
	bctx, cancelCtx := chromedp.NewContext(parent)
	b := &Browser{ctx: bctx, cancelAlloc: cancelAlloc, cancelCtx: cancelCtx, userDataDir: dir, fence: fence}

	// The first run binds the browser's life to bctx, so it must not get the
	// caller's ctx; give up the start when the caller does.
	stop := context.AfterFunc(ctx, abortStart)
	err = chromedp.Do(bctx)
	if !stop() || err != nil {
		abortStart()
		b.Close()
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, fmt.Errorf("启动 Chromium（%s）：%w", path, err)
	}
	b.started = true
	return b, nil
}

// Close stops the browser and removes its profile directory.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() {
		if b.started {
			// A graceful close; the cancels below force it.
			ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
			chromedp.Cancel(ctx)
			cancel()
		}
		b.cancelCtx()
		b.cancelAlloc() // waits for the process to exit
		b.fence.close()
		b.closeErr = removeAllRetry(b.userDataDir)
	})
	return b.closeErr
}

// removeAllRetry removes dir, trying again while helper processes that
// outlive the browser by a moment still write in it.
func removeAllRetry(dir string) error {
	deadline := time.Now().Add(3 * time.Second)
	for {
		err := os.RemoveAll(dir)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
