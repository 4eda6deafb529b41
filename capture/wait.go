package capture

import "fmt"

// waitCharts waits until every element with class "chart" holds an svg with
// at least one path (ECharts' SVG renderer has drawn it) or chartTimeout
// passes. With settle > 0 it then waits until the charts have not changed for
// settle milliseconds, so that a print or an image does not catch an
// animation half-way, and until the page's fonts are loaded.
func waitCharts(t *tab, settleMS int) error {
	_, err := eval[bool](t, fmt.Sprintf(waitChartsJS, chartTimeout.Milliseconds(), settleMS))
	return err
}

const waitChartsJS = `(async (limit, settle) => {
	const t0 = performance.now();
	const sleep = ms => new Promise(r => setTimeout(r, ms));
	const drawn = el => { const svg = el.querySelector('svg'); return !!svg && svg.querySelector('path') !== null; };
	while (performance.now() - t0 < limit && !Array.from(document.querySelectorAll('.chart')).every(drawn)) {
		await sleep(25);
	}
	if (settle > 0) {
		let last = performance.now();
		const mo = new MutationObserver(() => { last = performance.now(); });
		for (const el of document.querySelectorAll('.chart')) {
			mo.observe(el, {subtree: true, childList: true, attributes: true, characterData: true});
		}
		while (performance.now() - last < settle && performance.now() - t0 < limit) {
			await sleep(25);
		}
		mo.disconnect();
		await Promise.race([document.fonts.ready, sleep(limit)]);
	}
	return true;
})(%d, %d)`

// waitResized waits until every chart's drawing is as wide as its element
// again after the viewport changed (the page redraws on resize), then
// until the charts have settled.
func waitResized(t *tab, settleMS int) error {
	_, err := eval[bool](t, fmt.Sprintf(waitResizedJS, chartTimeout.Milliseconds()))
	if err != nil {
		return err
	}
	return waitCharts(t, settleMS)
}

const waitResizedJS = `(async (limit) => {
	const t0 = performance.now();
	const sleep = ms => new Promise(r => setTimeout(r, ms));
	const fits = el => {
		const svg = el.querySelector('svg');
		return !svg || Math.abs(svg.getBoundingClientRect().width - el.clientWidth) < 2;
	};
	while (performance.now() - t0 < limit && !Array.from(document.querySelectorAll('.chart')).every(fits)) {
		await sleep(10);
	}
	return true;
})(%d)`
