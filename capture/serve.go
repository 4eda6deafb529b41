package capture

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// contentTypes fixes the types of the files a built site holds. The mime
// package would read /etc/mime.types too, which differs between machines
// (application/javascript without a charset, application/xml).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".svg":         "image/svg+xml; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".woff2":       "font/woff2",
}

// Serve serves the static directory dir (a built site) on a new port of
// 127.0.0.1 and returns its base URL, without a trailing slash, and a func
// that stops the server. Like httptest.NewServer it panics when it cannot
// listen, which on a machine with a loopback interface does not happen.
func Serve(dir string) (baseURL string, stop func()) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("capture: 无法在 127.0.0.1 上监听：%v", err))
	}
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := r.URL.Path
			if strings.HasSuffix(p, "/") {
				p += "index.html"
			}
			if ct, ok := contentTypes[strings.ToLower(path.Ext(p))]; ok {
				w.Header().Set("Content-Type", ct)
			}
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "no-store")
			files.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go srv.Serve(l)
	return "http://" + l.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(ctx) != nil {
			srv.Close()
		}
	}
}
