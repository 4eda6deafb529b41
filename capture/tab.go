package capture

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chartTimeout is how long a page may take to draw its charts after the load
// event (a variable for the tests). pageTimeout bounds a whole visit, so a
// page that never finishes loading cannot stop a build.
var chartTimeout = 5 * time.Second

const pageTimeout = 30 * time.Second

// A viewport is the device a page is opened on.
type viewport struct {
	width, height int
	scale         float64 // device pixels per CSS pixel
	mobile        bool    // mobile layout (meta viewport, overlay scrollbars) and touch
	print         bool    // lay out with the print stylesheet
	slowdown      float64 // CPU throttling: 4 runs the page four times slower; 0 or 1 none
}

// phoneWidth is the widest viewport that is emulated as a phone.
const phoneWidth = 480

// newViewport is a phone at deviceScale for widths up to phoneWidth and a
// desktop window otherwise.
func newViewport(width, height int, deviceScale float64) viewport {
	return viewport{width: width, height: height, scale: deviceScale, mobile: width <= phoneWidth}
}

// tab is one page in its own tab, watched from before its first request.
type tab struct {
	ctx   context.Context // a chromedp context: the tab, bounded by pageTimeout and the caller's ctx
	rec   *recorder
	world runtime.ExecutionContextID // isolated world where our scripts run
}

// openTab opens url in a new tab at vp and waits for the load event. The
// caller must call the returned func to close the tab.
func (b *Browser) openTab(ctx context.Context, rawURL string, vp viewport) (*tab, func(), error) {
	origin, err := loopbackOrigin(rawURL)
	if err != nil {
		return nil, nil, err
	}
	if vp.width <= 0 || vp.height <= 0 || vp.scale <= 0 {
		return nil, nil, fmt.Errorf("打开 %s：视口 %d×%d、缩放 %g 无效", rawURL, vp.width, vp.height, vp.scale)
	}
	release := b.fence.allow(strings.TrimPrefix(origin, "http://"))
	rec := &recorder{origin: origin}
	tabCtx, cancelTab := chromedp.NewContext(b.ctx, chromedp.WithListener(rec.listen))
	// The first run on tabCtx ties the tab to tabCtx itself, so the caller's
	// ctx and the time limit go on a child, and AfterFunc closes the tab
	// when the caller gives up.
	stop := context.AfterFunc(ctx, cancelTab)
	runCtx, cancelRun := context.WithTimeout(tabCtx, pageTimeout)
	closeTab := func() {
		cancelRun()
		stop()
		cancelTab()
		release()
	}
	t := &tab{ctx: runCtx, rec: rec}
	rec.ctx = tabCtx

	fail := func(err error) (*tab, func(), error) {
		closeTab()
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, nil, fmt.Errorf("打开 %s：%w", rawURL, err)
	}
	if err := chromedp.Do(tabCtx); err != nil { // creates the tab
		return fail(err)
	}
	err = chromedp.Do(runCtx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			// Every request pauses until rec.listen lets it go or fails it.
			_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
			return err
		}),
		emulate(vp),
		chromedp.Navigate(rawURL),
	)
	if err != nil {
		return fail(err)
	}
	t.world, err = isolatedWorld(runCtx)
	if err != nil {
		return fail(err)
	}
	return t, closeTab, nil
}

// emulate sets the viewport; a phone gets the mobile layout and touch.
func emulate(vp viewport) chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(vp.scale), chromedp.EmulatePortrait}
	if vp.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(int64(vp.width), int64(vp.height), opts...)}
	if vp.print {
		steps = append(steps, emulatePrint())
	}
	if vp.slowdown > 1 {
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: vp.slowdown})
			return err
		}))
	}
	return chromedp.Steps(steps...)
}

// isolatedWorld makes a JavaScript world in the main frame that shares the
// DOM with the page but not its globals, so a page cannot tamper with the
// functions our probes call.
func isolatedWorld(ctx context.Context) (runtime.ExecutionContextID, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	w, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{
		FrameID:   tree.FrameTree.Frame.ID,
		WorldName: "qingwang-capture",
	})
	return w.ExecutionContextID, err
}

// eval runs a script in the tab's isolated world, awaiting a promise, and
// decodes its JSON result into T.
func eval[T any](t *tab, script string) (T, error) {
	return chromedp.Run(t.ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise,
		func(p *runtime.EvaluateParams) { p.ContextID = t.world }))
}

// loopbackOrigin returns the origin of rawURL, which must be http on a
// loopback address: capture only ever visits pages that Serve serves.
func loopbackOrigin(rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("网址 %q 无法解析：%w", rawURL, err)
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	if u.Scheme != "http" || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return "", fmt.Errorf("网址 %q 不是本机回环地址上的 http 网址：只能打开 Serve 在 127.0.0.1 上提供的页面", rawURL)
	}
	return u.Scheme + "://" + u.Host, nil
}

// sameOrigin reports whether rawURL is on origin, or is a URL that never
// touches the network (data:, blob: and the like).
func sameOrigin(rawURL, origin string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "ws":
		return "http://"+u.Host == origin
	case "wss":
		return "https://"+u.Host == origin
	case "http", "https", "ftp":
		return u.Scheme+"://"+u.Host == origin
	case "data", "blob", "about":
		return true
	}
	return false
}

// recorder collects what a tab does. Its listen method runs in the loop that
// reads the tab's messages, in order, so everything the browser sent before
// the reply to our last command is in the recorder when that command returns.
type recorder struct {
	ctx    context.Context // the tab, for the commands that answer events
	origin string

	mu       sync.Mutex
	console  []Message
	external []Request
	dialogs  []Dialog
	errs     []error // failures of the commands that answer events
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *fetch.EventRequestPaused:
		allow := sameOrigin(ev.Request.URL, r.origin)
		if !allow {
			r.external = append(r.external, Request{URL: ev.Request.URL, Method: ev.Request.Method, Type: string(ev.ResourceType), Blocked: true})
		}
		// No command may run inside the listener.
		go r.answer(func(ctx context.Context) error {
			if allow {
				_, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				return err
			}
			_, err := chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			return err
		})
	case *network.EventWebSocketCreated:
		// The Fetch domain does not see WebSockets; the fence stops them.
		if !sameOrigin(ev.URL, r.origin) {
			r.external = append(r.external, Request{URL: ev.URL, Method: "GET", Type: "WebSocket", Blocked: true})
		}
	case *page.EventJavascriptDialogOpening:
		r.dialogs = append(r.dialogs, Dialog{Type: string(ev.Type), Message: ev.Message, URL: ev.URL})
		// Leaving a page must not be held up by its beforeunload handler.
		accept := ev.Type == page.DialogTypeBeforeunload
		go r.answer(func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
			return err
		})
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			m := Message{Kind: "console." + string(ev.Type), Text: argsText(ev.Args)}
			if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
				m.URL, m.Line = st.CallFrames[0].URL, int(st.CallFrames[0].LineNumber)+1
			}
			r.console = append(r.console, m)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text = d.Exception.Description
		}
		r.console = append(r.console, Message{Kind: "exception", Text: text, URL: d.URL, Line: int(d.LineNumber) + 1})
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e.Level == cdplog.EntryLevelError {
			m := Message{Kind: "log." + string(e.Source), Text: e.Text, URL: e.URL}
			if e.LineNumber > 0 { // 0-based, and 0 when there is none
				m.Line = int(e.LineNumber) + 1
			}
			r.console = append(r.console, m)
		}
	}
}

// answer runs a command that answers an event, keeping its failure unless the
// tab is already gone.
func (r *recorder) answer(call func(ctx context.Context) error) {
	if err := call(r.ctx); err != nil && r.ctx.Err() == nil && !errors.Is(err, chromedp.ErrTargetDetached) {
		r.mu.Lock()
		r.errs = append(r.errs, err)
		r.mu.Unlock()
	}
}

// argsText renders console arguments the way the console shows them, one
// after the other.
func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
				continue
			}
		case a.Description != "":
			parts = append(parts, a.Description)
			continue
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
			continue
		}
		parts = append(parts, string(a.Value))
	}
	return strings.Join(parts, " ")
}

// snapshot returns copies of what the recorder holds. Two kinds of browser
// log entries are left out: the failure of each request we blocked (it is
// reported once, as external), and a missing /favicon.ico, which the browser
// asks for on its own.
func (r *recorder) snapshot() (console []Message, external []Request, dialogs []Dialog, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	blocked := func(m Message) bool {
		for _, q := range r.external {
			if m.URL == q.URL || strings.Contains(m.Text, "'"+q.URL+"'") {
				return true
			}
		}
		return false
	}
	for _, m := range r.console {
		if strings.HasPrefix(m.Kind, "log.") && (blocked(m) || m.URL == r.origin+"/favicon.ico") {
			continue
		}
		console = append(console, m)
	}
	return console, append([]Request(nil), r.external...), append([]Dialog(nil), r.dialogs...), errors.Join(r.errs...)
}
