package capture

import (
	"context"
	"fmt"
	"time"
)

// ChartsTime opens url as a phone cssWidth wide whose CPU runs slowdown
// times slower (4 is a mid-range phone), and returns how long after the
// navigation started every chart on the page was drawn.
func (b *Browser) ChartsTime(ctx context.Context, url string, cssWidth int, slowdown float64) (time.Duration, error) {
	vp := newViewport(cssWidth, 812, 2)
	vp.slowdown = slowdown
	t, closeTab, err := b.openTab(ctx, url, vp)
	if err != nil {
		return 0, err
	}
	defer closeTab()
	ms, err := eval[float64](t, fmt.Sprintf(chartsTimeJS, chartTimeout.Milliseconds()))
	if err != nil {
		return 0, fmt.Errorf("测量 %s：%w", url, err)
	}
	if ms < 0 {
		return 0, fmt.Errorf("测量 %s：%d 毫秒内图表没有画完", url, chartTimeout.Milliseconds())
	}
	return time.Duration(ms * float64(time.Millisecond)), nil
}

// chartsTimeJS polls (every 5 ms) until every chart has an svg path and
// returns performance.now(), which counts from the navigation's start.
const chartsTimeJS = `(async (limit) => {
	const drawn = el => { const svg = el.querySelector('svg'); return !!svg && svg.querySelector('path') !== null; };
	while (performance.now() < limit + 30000) {
		const charts = Array.from(document.querySelectorAll('.chart'));
		if (charts.length > 0 && charts.every(drawn)) {
			const nav = performance.getEntriesByType('navigation')[0];
			console.debug('dcl', nav.domContentLoadedEventEnd, 'load', nav.loadEventEnd);
			window.__qwTiming = [nav.responseEnd, nav.domContentLoadedEventEnd, performance.now()];
			return performance.now();
		}
		await new Promise(r => setTimeout(r, 5));
	}
	return -1;
})(%d)`
