// Package printout makes each weekly bulletin's printed forms beside its
// page: bulletin.pdf, an A4 bulletin in the official style (the page's own
// print stylesheet), and share.png, the whole bulletin as one 750-px-wide
// long image for WeChat groups, where a shared link shows only a title and
// Android cannot open PDFs.
//
// A bulletin whose page did not change since the previous build keeps its
// files (fingerprinted styles and scripts are named in the page, so the
// page's bytes cover them), so re-running is cheap and files do not churn.
package printout

import (
	"bytes"
	"cmp"
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"qingwang/capture"
)

// File names beside each bulletin's index.html.
const (
	PDFName   = "bulletin.pdf"
	ImageName = "share.png"
)

// Phone width of the long image in CSS pixels, at twice the density:
// 375 × 2 = 750 px, what WeChat shows full width.
const (
	imageWidth = 375
	imageScale = 2
)

// Stats says what Make did.
type Stats struct {
	Made, Kept int
	Took       time.Duration
}

// Make writes the PDF and the long image of every bulletin under
// built/bulletins, using tabs of b in parallel; a bulletin whose page is
// byte-identical in previous (the site being replaced; may be "") gets
// that site's files instead.
func Make(ctx context.Context, b *capture.Browser, built, previous string, tabs int) (Stats, error) {
	start := time.Now()
	pages, err := filepath.Glob(filepath.Join(built, "bulletins", "*", "index.html"))
	if err != nil {
		return Stats{}, err
	}
	superseded, _ := filepath.Glob(filepath.Join(built, "bulletins", "*", "v*", "index.html"))
	pages = append(pages, superseded...)
	sort.Strings(pages)
	base, stop := capture.Serve(built)
	defer stop()

	var (
		mu    sync.Mutex
		stats Stats
		first error
		wg    sync.WaitGroup
	)
	note := func(kept bool, err error) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err != nil:
			first = cmp.Or(first, err)
		case kept:
			stats.Kept++
		default:
			stats.Made++
		}
	}
	work := make(chan string)
	for range max(tabs, 1) {
		wg.Go(func() {
			// One tab per worker, page after page: cheaper than a tab a page.
			// It opens with the first page that needs it; if it cannot, the
			// worker only drains its share of the work.
			var pr *capture.Printer
			var broken bool
			defer func() {
				if pr != nil {
					pr.Close()
				}
			}()
			for page := range work {
				if broken {
					continue
				}
				open := func() (*capture.Printer, error) {
					if pr == nil {
						var err error
						if pr, err = b.NewPrinter(ctx, base); err != nil {
							broken = true
							return nil, err
						}
					}
					return pr, nil
				}
				note(one(ctx, open, built, previous, base, page))
			}
		})
	}
	for _, p := range pages {
		select {
		case work <- p:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	stats.Took = time.Since(start)
	return stats, first
}

// one makes or keeps the files of one bulletin page; open gives the tab
// to make them in.
func one(ctx context.Context, open func() (*capture.Printer, error), built, previous, base, page string) (kept bool, err error) {
	dir := filepath.Dir(page)
	rel, _ := filepath.Rel(built, dir)
	if previous != "" && keep(page, filepath.Join(previous, rel), dir) {
		return true, nil
	}
	pr, err := open()
	if err != nil {
		return false, err
	}
	url := base + "/" + filepath.ToSlash(rel) + "/"
	png, pdf, err := pr.Both(ctx, url, imageWidth, imageScale, capture.PDFOptions{})
	if err != nil {
		return false, err
	}
	if err := os.WriteFile(filepath.Join(dir, PDFName), pdf, 0o644); err != nil {
		return false, err
	}
	return false, os.WriteFile(filepath.Join(dir, ImageName), png, 0o644)
}

// keep copies the previous site's files of a bulletin whose page has not
// changed, and reports whether it did.
func keep(page, prevDir, dir string) bool {
	now, err1 := os.ReadFile(page)
	before, err2 := os.ReadFile(filepath.Join(prevDir, "index.html"))
	if err1 != nil || err2 != nil || !bytes.Equal(now, before) {
		return false
	}
	var files [2][]byte
	for i, name := range []string{PDFName, ImageName} {
		b, err := os.ReadFile(filepath.Join(prevDir, name))
		if err != nil {
			return false
		}
		files[i] = b
	}
	for i, name := range []string{PDFName, ImageName} {
		if os.WriteFile(filepath.Join(dir, name), files[i], 0o644) != nil {
			return false
		}
	}
	return true
}
