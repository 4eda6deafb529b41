package capture

import (
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"sync"
	"time"
)

// fence is the browser's only way out: Chromium sends every connection,
// loopback ones included, through this proxy on 127.0.0.1, and it passes on
// only those to the origins of open tabs. It catches what the per-tab
// interception cannot see: WebSockets, preconnects, workers.
type fence struct {
	addr string // host:port of the proxy
	srv  *http.Server
	tr   *http.Transport

	mu      sync.Mutex
	allowed map[string]int // host:port of an open tab's origin -> number of tabs
}

func startFence() (*fence, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	f := &fence{
		addr:    l.Addr().String(),
		allowed: map[string]int{},
		tr:      &http.Transport{Proxy: nil, DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext},
	}
	forward := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme, pr.Out.URL.Host, pr.Out.Host = "http", pr.In.URL.Host, pr.In.Host
		},
		Transport: f.tr,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			http.Error(w, err.Error(), http.StatusBadGateway)
		},
	}
	f.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host := r.URL.Host // a proxy request carries the absolute URL
			if r.Method == http.MethodConnect {
				host = r.Host
			}
			if !f.allows(host) {
				http.Error(w, "blocked: qingwang capture lets pages reach their own loopback origin only", http.StatusForbidden)
				return
			}
			if r.Method == http.MethodConnect {
				tunnel(w, host)
				return
			}
			forward.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go f.srv.Serve(l)
	return f, nil
}

// allow lets connections to host (host:port) through until release is called.
func (f *fence) allow(host string) (release func()) {
	f.mu.Lock()
	f.allowed[host]++
	f.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			defer f.mu.Unlock()
			if f.allowed[host]--; f.allowed[host] <= 0 {
				delete(f.allowed, host)
			}
		})
	}
}

func (f *fence) allows(host string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return host != "" && f.allowed[host] > 0
}

func (f *fence) close() {
	f.srv.Close()
	f.tr.CloseIdleConnections()
}

// tunnel answers a CONNECT (a WebSocket to the page's own origin) by joining
// the client's connection to host.
func tunnel(w http.ResponseWriter, host string) {
	up, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		up.Close()
		http.Error(w, "no hijacking", http.StatusInternalServerError)
		return
	}
	down, buf, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	if _, err := down.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
		up.Close()
		down.Close()
		return
	}
	go func() {
		defer up.Close()
		defer down.Close()
		go func() {
			io.Copy(up, buf)
			up.(*net.TCPConn).CloseWrite()
		}()
		io.Copy(down, up)
	}()
}
