package capture

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// Printer keeps one tab open to make the long image and PDF of page after
// page of one site: opening a tab starts a renderer and compiles the
// charts script again, which costs more than printing a bulletin. A
// Printer is not for concurrent use; make one per worker.
type Printer struct {
	origin string
	rec    *recorder
	tabCtx context.Context
	close  func()
}

// NewPrinter opens a tab for pages under base, an address from Serve.
func (b *Browser) NewPrinter(ctx context.Context, base string) (*Printer, error) {
	origin, err := loopbackOrigin(base)
	if err != nil {
		return nil, err
	}
	release := b.fence.allow(strings.TrimPrefix(origin, "http://"))
	rec := &recorder{origin: origin}
	tabCtx, cancelTab := chromedp.NewContext(b.ctx, chromedp.WithListener(rec.listen))
	stop := context.AfterFunc(ctx, cancelTab)
	p := &Printer{origin: origin, rec: rec, tabCtx: tabCtx, close: func() { stop(); cancelTab(); release() }}
	rec.ctx = tabCtx
	if err := chromedp.Do(tabCtx); err != nil { // creates the tab
		p.close()
		return nil, fmt.Errorf("打开标签页：%w", err)
	}
	runCtx, cancel := context.WithTimeout(tabCtx, pageTimeout)
	defer cancel()
	err = chromedp.Do(runCtx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
		return err
	}))
	if err != nil {
		p.close()
		return nil, fmt.Errorf("打开标签页：%w", err)
	}
	return p, nil
}

// Both loads url in the printer's tab and makes its long image (cssWidth
// CSS pixels at scale) and its PDF, as Browser.Both does.
func (p *Printer) Both(ctx context.Context, url string, cssWidth int, scale float64, o PDFOptions) (png, pdf []byte, err error) {
	origin, err := loopbackOrigin(url)
	if err != nil {
		return nil, nil, err
	}
	if origin != p.origin {
		return nil, nil, fmt.Errorf("网址 %s 不在 %s 上", url, p.origin)
	}
	runCtx, cancel := context.WithTimeout(p.tabCtx, pageTimeout)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	t := &tab{ctx: runCtx, rec: p.rec}
	err = chromedp.Do(runCtx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			// Back to the screen after the last page's print layout.
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
			return err
		}),
		emulate(newViewport(cssWidth, 812, scale)),
		chromedp.Navigate(url),
	)
	if err != nil {
		return nil, nil, fmt.Errorf("打开 %s：%w", url, err)
	}
	if t.world, err = isolatedWorld(runCtx); err != nil {
		return nil, nil, fmt.Errorf("打开 %s：%w", url, err)
	}
	return both(t, url, cssWidth, o)
}

// Close closes the tab.
func (p *Printer) Close() { p.close() }
