package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"golang.org/x/sys/unix"
)

// A data file that is a named pipe holds Hugo mid-build until the test has
// cancelled the build.
func TestBuild_CancelledMidBuildKeepsPreviousSite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	project := projectCopy(t)
	qt.Assert(t, build(t, context.Background(), Options{ProjectDir: project, GeneratedDir: genDir(t, nil), OutDir: out}), qt.IsNil)
	before := readTree(t, out)

	gen := genDir(t, map[string]string{"bulletins.json": `[{"date": "2015-05-03", "number": 3, "title": "第3期"}]`})
	fifo := filepath.Join(gen, "slow.json")
	qt.Assert(t, unix.Mkfifo(fifo, 0o644), qt.IsNil)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- build(t, ctx, Options{ProjectDir: project, GeneratedDir: gen, OutDir: out}) }()

	// Opening the write end without blocking succeeds only while Hugo has
	// the pipe open to read. Closing it at once gives Hugo an empty file,
	// which is valid data. Hugo may open the file more than once.
	feed := func() bool {
		f, err := os.OpenFile(fifo, os.O_WRONLY|unix.O_NONBLOCK, 0)
		if err != nil {
			if !errors.Is(err, unix.ENXIO) {
				t.Error(err)
			}
			return false
		}
		f.Close()
		return true
	}
	deadline := time.After(time.Minute)
	for fed := false; !fed; {
		select {
		case err := <-done:
			t.Fatalf("build ended before reading the named pipe: %v", err)
		case <-deadline:
			t.Fatal("Hugo never read the named pipe")
		case <-time.After(5 * time.Millisecond):
			fed = feed()
		}
	}
	cancel()
	var err error
	for waiting := true; waiting; {
		select {
		case err = <-done:
			waiting = false
		case <-deadline:
			t.Fatal("build did not end")
		case <-time.After(5 * time.Millisecond):
			feed()
		}
	}

	qt.Assert(t, err, qt.ErrorIs, context.Canceled)
	assertSameTree(t, readTree(t, out), before)
	assertNoStaging(t, dir)
}
