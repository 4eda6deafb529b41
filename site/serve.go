package site

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/livereload"
	"github.com/gohugoio/hugo/watcher"
)

// Serve previews the site at addr, a loopback address such as
// 127.0.0.1:1313, until ctx is done. It rebuilds when files under the
// project's hugo.toml, content, layouts, assets, static or data, or under
// o.GeneratedDir change, and reloads open pages.
//
// Hugo's own server (commands package) cannot be stopped by a context,
// prints to os.Stdout and installs signal handlers, so Serve drives
// HugoSites itself with Hugo's watcher and livereload packages.
func Serve(ctx context.Context, o Options, addr string) error {
	o, err := o.normalize()
	if err != nil {
		return err
	}
	addr, err = loopback(addr)
	if err != nil {
		return err
	}
	if err := ensureNodeModules(ctx, o.ProjectDir, o.Logger); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("site: 预览服务无法监听 %s: %w", addr, err)
	}
	defer ln.Close()

	work, err := os.MkdirTemp("", "qingwang-serve-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(work)

	s := &server{
		o: o,
		run: hugoRun{
			publishDir: filepath.Join(work, "public"),
			workDir:    work,
			baseURL:    "http://" + ln.Addr().String() + "/",
			serving:    true,
		},
	}
	defer s.close()
	startLiveReload.Do(livereload.Initialize)

	w, err := watcher.New(300*time.Millisecond, 700*time.Millisecond, false)
	if err != nil {
		return fmt.Errorf("site: 监视文件变化: %w", err)
	}
	defer w.Close()

	s.fullBuild()
	s.watch(w)

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(o.Logger, "预览地址：%s（按 Ctrl+C 停止）\n", s.run.baseURL)

	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			return nil
		case err := <-served:
			return fmt.Errorf("site: 预览服务: %w", err)
		case evs := <-w.Events:
			s.handleEvents(w, evs)
		case err := <-w.Errors():
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(o.Logger, "监视文件变化出错：%v\n", err)
			}
		}
	}
}

// livereload keeps one process-wide hub.
var startLiveReload sync.Once

// loopback checks that addr is on a loopback interface; localhost becomes
// 127.0.0.1, whatever name resolution says.
func loopback(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("site: 预览地址 %q 无效，应当像 127.0.0.1:1313: %w", addr, err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("site: 预览服务只在本机回环地址上提供（例如 127.0.0.1:1313），不接受 %q", addr)
	}
	return net.JoinHostPort(host, port), nil
}

type server struct {
	o   Options
	run hugoRun
	h   *hugolib.HugoSites // nil while the config is broken

	mu  sync.Mutex
	err error // of the last build, shown in the browser
}

func (s *server) close() {
	if s.h != nil {
		s.h.Close()
		s.h = nil
	}
}

func (s *server) setErr(err error) {
	s.mu.Lock()
	s.err = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.o.Logger, "生成失败：%v\n", err)
	}
}

func (s *server) lastErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *server) fullBuild() {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	s.close()
	start := time.Now()
	if err := os.RemoveAll(s.run.publishDir); err != nil {
		s.setErr(err)
		return
	}
	h, err := newSites(s.o, s.run)
	if err != nil {
		s.setErr(err)
		return
	}
	s.h = h
	if err := buildSites(h, s.run.publishDir); err != nil {
		s.setErr(err)
		return
	}
	s.setErr(nil)
	fmt.Fprintf(s.o.Logger, "已生成，用时 %s\n", time.Since(start).Round(time.Millisecond))
}

// watchRoots are watched with everything below them.
func (s *server) watchRoots() []string {
	var roots []string
	for _, d := range []string{"content", "layouts", "assets", "static", "data", "i18n"} {
		roots = append(roots, filepath.Join(s.o.ProjectDir, d))
	}
	if s.o.GeneratedDir != "" {
		roots = append(roots, s.o.GeneratedDir)
	}
	if s.h != nil {
		roots = append(roots, s.h.BaseFs.WatchFilenames()...)
	}
	return roots
}

func (s *server) watch(w *watcher.Batcher) {
	// The project directory itself, for hugo.toml and new top-level folders.
	w.Add(s.o.ProjectDir)
	for _, root := range s.watchRoots() {
		addDirs(w, root)
	}
}

func addDirs(w *watcher.Batcher, root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || n == ".git" {
				return filepath.SkipDir
			}
			w.Add(path)
		}
		return nil
	})
}

func (s *server) handleEvents(w *watcher.Batcher, evs []fsnotify.Event) {
	var (
		full    bool
		dynamic []fsnotify.Event
		static  bool
	)
	for _, ev := range evs {
		if ev.Op == fsnotify.Chmod || ev.Name == "" || isTempFile(ev.Name) {
			continue
		}
		if filepath.Dir(ev.Name) == s.o.ProjectDir {
			// Only hugo.toml and the source folders matter at the top.
			switch filepath.Base(ev.Name) {
			case "hugo.toml", "content", "layouts", "assets", "static", "data", "i18n":
				full = true
			}
			continue
		}
		if ev.Has(fsnotify.Create) {
			if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
				addDirs(w, ev.Name)
				filepath.WalkDir(ev.Name, func(path string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						dynamic = append(dynamic, fsnotify.Event{Name: path, Op: fsnotify.Create})
					}
					return nil
				})
				continue
			}
		}
		if s.h != nil && s.h.ShouldSkipFileChangeEvent(ev) {
			continue
		}
		if s.h != nil && s.h.BaseFs.SourceFilesystems.IsStatic(ev.Name) {
			static = true
			continue
		}
		dynamic = append(dynamic, ev)
	}
	if !full && !static && len(dynamic) == 0 {
		return
	}

	fmt.Fprintln(s.o.Logger, "文件有变化，重新生成……")
	if full || s.h == nil || s.lastErr() != nil || len(dynamic) > 50 {
		s.fullBuild()
		s.watch(w)
	} else {
		s.rebuild(dynamic, static)
	}
	livereload.ForceRefresh()
}

func (s *server) rebuild(evs []fsnotify.Event, static bool) {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	start := time.Now()
	if len(evs) > 0 {
		if err := s.h.Build(hugolib.BuildCfg{NoBuildLock: true}, evs...); err != nil {
			s.setErr(fmt.Errorf("hugo build: %w", err))
			return
		}
	}
	if static {
		if err := copyStatic(s.h); err != nil {
			s.setErr(fmt.Errorf("hugo static: %w", err))
			return
		}
	}
	s.setErr(nil)
	fmt.Fprintf(s.o.Logger, "已重新生成，用时 %s\n", time.Since(start).Round(time.Millisecond))
}

func isTempFile(name string) bool {
	base := filepath.Base(name)
	ext := filepath.Ext(name)
	return strings.HasSuffix(base, "~") || ext == ".swp" || ext == ".swx" || ext == ".tmp" ||
		base == "4913" || base == ".DS_Store" || strings.HasPrefix(base, ".#") ||
		strings.HasPrefix(base, "#") || strings.HasPrefix(ext, ".goutputstream")
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/livereload.js":
		livereload.ServeJS(w, r)
		return
	case "/livereload":
		livereload.Handler(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if err := s.lastErr(); err != nil && (strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(r.URL.Path, ".html")) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		errorPage.Execute(w, map[string]any{"Err": err.Error(), "Port": portOf(s.run.baseURL)})
		return
	}
	http.FileServer(http.Dir(s.run.publishDir)).ServeHTTP(w, r)
}

func portOf(baseURL string) string {
	_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(baseURL, "http://"), "/"))
	return port
}

var errorPage = template.Must(template.New("").Parse(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>生成失败</title>
<script src="/livereload.js?mindelay=10&amp;v=2&amp;port={{ .Port }}&amp;path=livereload" defer></script>
</head>
<body>
<h1>生成失败</h1>
<p>改正后保存，本页会自动刷新。</p>
<pre style="white-space:pre-wrap">{{ .Err }}</pre>
</body>
</html>
`))
