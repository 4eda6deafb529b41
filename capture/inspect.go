package capture

import (
	"context"
	"fmt"
)

// Report is what Inspect saw on one page.
type Report struct {
	URL           string
	Width, Height int // the viewport, in CSS pixels

	// Console holds console.error calls, uncaught exceptions and the
	// browser's own error entries (a missing file, a failed script).
	Console []Message
	// External holds every request to an origin other than the page's own;
	// each one was blocked before it left the machine.
	External []Request
	// Dialogs holds every alert, confirm and prompt the page opened; each
	// one was dismissed.
	Dialogs []Dialog
	// Charts holds every element with class "chart", in document order.
	Charts []Chart

	// ScrollWidth is the document's scroll width; above ViewportWidth the
	// page scrolls sideways.
	ScrollWidth, ViewportWidth int
	// Overflowing holds a selector for each element that reaches past the
	// right edge of the viewport and is not inside a box that scrolls or
	// clips it sideways (only the outermost of nested ones). A selector
	// followed by " (文字)" names an element whose text runs past the edge.
	Overflowing []string
	// Injected holds elements that data should never have produced: on*
	// attributes, img[src="x"], javascript: links.
	Injected []string
}

// Message is a console error, an uncaught exception or a browser error entry.
type Message struct {
	Kind string // "console.error", "console.assert", "exception" or "log.<source>" such as "log.network"
	Text string
	URL  string
	Line int // 1-based; 0 when unknown
}

func (m Message) String() string {
	if m.URL == "" {
		return m.Kind + ": " + m.Text
	}
	return fmt.Sprintf("%s: %s (%s:%d)", m.Kind, m.Text, m.URL, m.Line)
}

// Request is a request to another origin.
type Request struct {
	URL, Method string
	Type        string // the resource type: Script, Image, Document, Fetch, WebSocket…
	Blocked     bool   // always true: nothing leaves the machine
}

// Dialog is a JavaScript dialog.
type Dialog struct {
	Type    string // alert, confirm, prompt or beforeunload
	Message string
	URL     string
}

// Chart is one element with class "chart".
type Chart struct {
	ID    string
	Paths int // svg paths inside it
}

// Drawn reports whether ECharts drew the chart: an svg with a path.
func (c Chart) Drawn() bool { return c.Paths > 0 }

// ChartsDrawn counts the drawn charts.
func (r Report) ChartsDrawn() int {
	n := 0
	for _, c := range r.Charts {
		if c.Drawn() {
			n++
		}
	}
	return n
}

// Problems lists, in words, what is wrong with the page: console errors,
// external requests, dialogs, undrawn charts, sideways overflow and injected
// elements. A page without problems gives nil.
func (r Report) Problems() []string {
	var p []string
	for _, m := range r.Console {
		p = append(p, "控制台错误 "+m.String())
	}
	for _, q := range r.External {
		p = append(p, fmt.Sprintf("请求了外部地址 %s（%s，已拦截）", q.URL, q.Type))
	}
	for _, d := range r.Dialogs {
		p = append(p, fmt.Sprintf("弹出了 %s 对话框：%q", d.Type, d.Message))
	}
	for _, c := range r.Charts {
		if !c.Drawn() {
			p = append(p, fmt.Sprintf("图表 #%s 没有画出来", c.ID))
		}
	}
	if r.ScrollWidth > r.ViewportWidth {
		p = append(p, fmt.Sprintf("页面宽 %d 像素，超出 %d 像素宽的屏幕，会左右滚动", r.ScrollWidth, r.ViewportWidth))
	}
	for _, s := range r.Overflowing {
		p = append(p, "超出屏幕右边的元素 "+s)
	}
	for _, s := range r.Injected {
		p = append(p, "不应存在的元素 "+s)
	}
	return p
}

// Inspect opens url at a width×height viewport (a phone with device scale 2
// and touch when width ≤ 480, a desktop window otherwise), waits for the
// load event and for the charts (see waitCharts), and reports what it saw.
// Only pages on the loopback address can be inspected.
func (b *Browser) Inspect(ctx context.Context, url string, width, height int) (Report, error) {
	scale := 1.0
	if width <= phoneWidth {
		scale = 2
	}
	t, closeTab, err := b.openTab(ctx, url, newViewport(width, height, scale))
	if err != nil {
		return Report{}, err
	}
	defer closeTab()
	if err := waitCharts(t, 0); err != nil {
		return Report{}, fmt.Errorf("检查 %s：等待图表：%w", url, err)
	}
	probe, err := eval[probeResult](t, probeJS)
	if err != nil {
		return Report{}, fmt.Errorf("检查 %s：%w", url, err)
	}
	// The probe's reply came after every event the page caused before it.
	console, external, dialogs, err := t.rec.snapshot()
	if err != nil {
		return Report{}, fmt.Errorf("检查 %s：拦截请求或关闭对话框失败：%w", url, err)
	}
	return Report{
		URL: url, Width: width, Height: height,
		Console: console, External: external, Dialogs: dialogs,
		Charts:      probe.Charts,
		ScrollWidth: probe.ScrollWidth, ViewportWidth: probe.ViewportWidth,
		Overflowing: probe.Overflowing,
		Injected:    probe.Injected,
	}, nil
}

// probeResult is what probeJS returns.
type probeResult struct {
	Charts        []Chart  `json:"charts"`
	ScrollWidth   int      `json:"scrollWidth"`
	ViewportWidth int      `json:"viewportWidth"`
	Overflowing   []string `json:"overflowing"`
	Injected      []string `json:"injected"`
}

// probeJS runs in the isolated world after the charts are drawn.
const probeJS = `(() => {
	const sel = el => {
		const parts = [];
		for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
			if (e.id) { parts.unshift('#' + CSS.escape(e.id)); break; }
			let s = e.localName;
			if (e !== document.body) {
				for (const c of e.classList) s += '.' + CSS.escape(c);
				const same = e.parentElement ? Array.from(e.parentElement.children).filter(x => x.localName === e.localName) : [];
				if (same.length > 1) s += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
			}
			parts.unshift(s);
		}
		return parts.join(' > ');
	};

	const charts = Array.from(document.querySelectorAll('.chart'), el => ({
		ID: el.id, Paths: el.querySelectorAll('svg path').length,
	}));

	const vw = document.documentElement.clientWidth;
	// A box that scrolls or clips sideways keeps what is inside it off the
	// page's own width. html and body do not count: on a phone their
	// overflow only hides what a reader then cannot reach.
	const contained = el => {
		for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
			const ox = getComputedStyle(p).overflowX;
			if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
		}
		return false;
	};
	const past = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > vw + 0.5; };
	const overflowing = [];
	for (const el of document.body ? document.body.querySelectorAll('*') : []) {
		if (overflowing.length >= 20) break;
		if (!past(el) || contained(el)) continue;
		const p = el.parentElement;
		if (p && p !== document.body && past(p) && !contained(p)) continue; // the parent is reported
		overflowing.push(sel(el));
	}
	if (document.body) {
		const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let n = walk.nextNode(); n && overflowing.length < 20; n = walk.nextNode()) {
			if (!n.data.trim() || !n.parentElement) continue;
			range.selectNodeContents(n);
			const r = range.getBoundingClientRect();
			const p = n.parentElement;
			if (r.width > 0 && r.right > vw + 0.5 && !past(p) && !contained(n)) overflowing.push(sel(p) + ' (文字)');
		}
	}

	const injected = [];
	for (const el of document.querySelectorAll('*')) {
		const why = [];
		for (const a of el.attributes) {
			if (/^on/i.test(a.name)) why.push('[' + a.name + ']');
			else if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) why.push('[' + a.name + '=javascript:]');
		}
		if (el.localName === 'img' && el.getAttribute('src') === 'x') why.push('[src="x"]');
		if (why.length) injected.push(sel(el) + ' ' + why.join(''));
	}

	return {
		charts, overflowing, injected,
		scrollWidth: document.documentElement.scrollWidth,
		viewportWidth: vw,
	};
})()`
