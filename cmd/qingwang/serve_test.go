package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The preview figures the data folder again when a file in it changes,
// and keeps the last good figures when the folder cannot be read.
func TestServe_RegeneratesWhenTheDataChanges(t *testing.T) {
	data, gen := t.TempDir(), t.TempDir()
	copyDir(t, "testdata/season", data)
	os.Remove(filepath.Join(data, "exports", "旧表格.xls"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log bytes.Buffer
	p := &pipeline{ctx: ctx, dataDir: data, stderr: &syncWriter{w: &log}}
	state := folderState(data)
	if _, _, err := p.figure(gen); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(gen, "site.json"))
	go p.regenerateOnChange(gen, 20*time.Millisecond, state)

	// A new day's counts arrive.
	b, _ := os.ReadFile(filepath.Join(data, "exports", "注册汇总_2015-04-19.csv"))
	os.WriteFile(filepath.Join(data, "exports", "注册汇总_2015-06-01.csv"), bytes.ReplaceAll(b, []byte("2015-04-19"), []byte("2015-06-01")), 0o644)
	waitFor(t, func() bool {
		after, _ := os.ReadFile(filepath.Join(gen, "site.json"))
		return !bytes.Equal(before, after) && bytes.Contains(after, []byte(`"as_of": "2015-06-01"`))
	})

	// A broken units.csv: the last good figures stay.
	good, _ := os.ReadFile(filepath.Join(gen, "site.json"))
	os.WriteFile(filepath.Join(data, "units.csv"), []byte("编号\n"), 0o644)
	w := p.stderr.(*syncWriter)
	waitFor(t, func() bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		return strings.Contains(log.String(), "预览保持上一次的结果")
	})
	if now, _ := os.ReadFile(filepath.Join(gen, "site.json")); !bytes.Equal(good, now) {
		t.Error("a broken data folder replaced the last good figures")
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}

// syncWriter lets the test read what the regenerating goroutine writes.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}
