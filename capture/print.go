package capture

import (
	"context"
	"fmt"
	"math"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// settleMS is how long the charts must stay unchanged before a print or an
// image: ECharts animates its first drawing.
const settleMS = 30

// resizeSettleMS is longer: a page redraws its charts in the frame after
// a resize.
const resizeSettleMS = 30

// a4 is the sheet in inches, for pages without @page size. Chromium rounds
// the sheet to whole CSS pixels either way (594.96×841.92 pt from @page size
// A4, 595.92×841.92 pt from this), so a check for A4 needs about 1 pt of
// tolerance.
var a4 = chromedp.PaperSize{Width: 210 / 25.4, Height: 297 / 25.4}

// typeAreaWidth is the width of the GB/T 9704 type area, 156 mm, in CSS
// pixels.
const typeAreaWidth = 590

// PDFOptions tunes PDF.
type PDFOptions struct {
	// ViewportWidth is the CSS width the page is laid out and its charts are
	// drawn at before printing; 0 means the GB/T 9704 type area (156 mm,
	// 590 px). Make it the width of the printed text block, so that charts,
	// which are drawn at a fixed size, fit the sheet.
	ViewportWidth int
	// Outline adds the document outline (bookmarks from the headings).
	Outline bool
}

// PDF prints url on A4 through Chromium, once its charts are drawn and
// settled. The page is laid out with its print stylesheet from the start,
// and its own @page rules (size, margins) win over the A4 default. No header
// or footer is added: page numbers belong to the page's @page rules.
func (b *Browser) PDF(ctx context.Context, url string, o PDFOptions) ([]byte, error) {
	w := o.ViewportWidth
	if w == 0 {
		w = typeAreaWidth
	}
	vp := viewport{width: w, height: int(math.Round(a4.Height * 96)), scale: 1, print: true}
	t, closeTab, err := b.openTab(ctx, url, vp)
	if err != nil {
		return nil, err
	}
	defer closeTab()
	if err := waitCharts(t, settleMS); err != nil {
		return nil, fmt.Errorf("打印 %s：等待图表：%w", url, err)
	}
	pdf, err := printPDF(t, o)
	if err != nil {
		return nil, fmt.Errorf("打印 %s：%w", url, err)
	}
	return pdf, nil
}

func printPDF(t *tab, o PDFOptions) ([]byte, error) {
	opts := []chromedp.PDFOption{
		chromedp.PDFPaper(a4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		func(p *page.PrintToPDFParams) { p.DisplayHeaderFooter = new(false) },
	}
	if o.Outline {
		opts = append(opts, chromedp.PDFOutlineAndTagged())
	}
	return chromedp.Run(t.ctx, chromedp.PrintToPDF(opts...))
}

// LongImage takes the whole page at cssWidth CSS pixels (a phone when ≤ 480)
// as one PNG, scale device pixels per CSS pixel: 375 at 2 gives an image 750
// pixels wide, as tall as the page.
func (b *Browser) LongImage(ctx context.Context, url string, cssWidth int, scale float64) ([]byte, error) {
	vp := newViewport(cssWidth, 812, scale)
	if !vp.mobile {
		vp.height = 900
	}
	t, closeTab, err := b.openTab(ctx, url, vp)
	if err != nil {
		return nil, err
	}
	defer closeTab()
	if err := waitCharts(t, settleMS); err != nil {
		return nil, fmt.Errorf("截图 %s：等待图表：%w", url, err)
	}
	png, err := screenshot(t, cssWidth)
	if err != nil {
		return nil, fmt.Errorf("截图 %s：%w", url, err)
	}
	return png, nil
}

// screenshot takes the whole page, cssWidth CSS pixels wide, as a PNG.
func screenshot(t *tab, cssWidth int) ([]byte, error) {
	return chromedp.Run(t.ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, tg, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		res, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			CaptureBeyondViewport: new(true),
			OptimizeForSpeed:      new(true),
			FromSurface:           new(true),
			Clip: &page.Viewport{
				Width:  float64(cssWidth),
				Height: math.Ceil(m.CSSContentSize.Height),
				Scale:  1,
			},
		})
		return res.Data, err
	})
}

// Both makes a page's long image and its PDF in one visit, as LongImage
// and PDF would: the page is loaded, drawn and taken as a phone sees it,
// then laid out again for print. One load instead of two is most of the
// cost saved when a build prints many bulletins.
func (b *Browser) Both(ctx context.Context, url string, cssWidth int, scale float64, o PDFOptions) (png, pdf []byte, err error) {
	t, closeTab, err := b.openTab(ctx, url, newViewport(cssWidth, 812, scale))
	if err != nil {
		return nil, nil, err
	}
	defer closeTab()
	return both(t, url, cssWidth, o)
}

// both takes the long image of the page open in t, then its PDF.
func both(t *tab, url string, cssWidth int, o PDFOptions) (png, pdf []byte, err error) {
	if err := waitCharts(t, settleMS); err != nil {
		return nil, nil, fmt.Errorf("截图 %s：等待图表：%w", url, err)
	}
	if png, err = screenshot(t, cssWidth); err != nil {
		return nil, nil, fmt.Errorf("截图 %s：%w", url, err)
	}
	w := o.ViewportWidth
	if w == 0 {
		w = typeAreaWidth
	}
	vp := viewport{width: w, height: int(math.Round(a4.Height * 96)), scale: 1, print: true}
	if _, err := chromedp.Run(t.ctx, emulate(vp)); err != nil {
		return nil, nil, fmt.Errorf("打印 %s：%w", url, err)
	}
	// The page redraws its charts for the new width after a resize event.
	if err := waitResized(t, resizeSettleMS); err != nil {
		return nil, nil, fmt.Errorf("打印 %s：等待图表：%w", url, err)
	}
	if pdf, err = printPDF(t, o); err != nil {
		return nil, nil, fmt.Errorf("打印 %s：%w", url, err)
	}
	return png, pdf, nil
}

// emulatePrint lays the page out with its print stylesheet.
func emulatePrint() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}
