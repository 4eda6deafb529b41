package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"qingwang/ingest"
)

// progress shows how reading the exports goes: a bar redrawn in place on
// a terminal, a plain line every tenth of the way otherwise (logs, CI).
func progress(w io.Writer) func(ingest.Progress) {
	f, ok := w.(*os.File)
	tty := ok && term.IsTerminal(int(f.Fd()))
	rows, cached, step := 0, 0, 0
	start := time.Now()
	return func(p ingest.Progress) {
		rows += p.Rows
		if p.Cached {
			cached++
		}
		if tty {
			const width = 24
			done := width * p.Done / max(p.Total, 1)
			fmt.Fprintf(w, "\r读取导出 [%s%s] %d/%d 个文件，%d 行（%d 个来自缓存）", strings.Repeat("#", done), strings.Repeat("-", width-done), p.Done, p.Total, rows, cached)
			if p.Done == p.Total {
				fmt.Fprintln(w)
			}
			return
		}
		if s := 10 * p.Done / max(p.Total, 1); s > step || p.Done == p.Total {
			step = s
			// Quick reads say it once; slow ones every tenth of the way.
			if time.Since(start) > 2*time.Second || p.Done == p.Total {
				fmt.Fprintf(w, "读取导出 %d/%d 个文件，%d 行（%d 个来自缓存）\n", p.Done, p.Total, rows, cached)
			}
		}
	}
}

// exportCache is the cache of parsed exports in the user's cache folder,
// salted with this program's own bytes: a new qingwang reads afresh.
func exportCache() *ingest.Cache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return &ingest.Cache{Dir: filepath.Join(dir, "qingwang", "exports"), Salt: hex.EncodeToString(h.Sum(nil))}
}
