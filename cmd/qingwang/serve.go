package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"qingwang/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dataDir := fs.String("data", "data", "数据文件夹（其中有 units.csv 和 exports/）")
	addr := fs.String("addr", "127.0.0.1:1313", "预览地址（只能是本机地址）")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	project, err := projectDir()
	if err != nil {
		return err
	}
	gen, err := os.MkdirTemp("", "qingwang-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(gen)
	p := &pipeline{ctx: ctx, project: project, dataDir: *dataDir, stderr: stderr}
	state := folderState(*dataDir) // before figuring: a change meanwhile is seen
	if _, _, err := p.figure(gen); err != nil {
		return err
	}
	go p.regenerateOnChange(gen, time.Second, state)
	fmt.Fprintf(stdout, "数据文件夹 %s 中的文件有变化时，预览会自动更新。\n", *dataDir)
	return site.Serve(ctx, site.Options{ProjectDir: project, GeneratedDir: gen, Logger: stderr}, *addr)
}

// regenerateOnChange figures the data folder again whenever a file in it
// changes; the preview server sees the new data and reloads open pages.
// A data folder that cannot be read keeps the last good figures.
func (p *pipeline) regenerateOnChange(gen string, every time.Duration, last [32]byte) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-t.C:
		}
		now := folderState(p.dataDir)
		if now == last {
			continue
		}
		last = now
		if _, _, err := p.figure(gen); err != nil {
			fmt.Fprintf(p.stderr, "数据有误，预览保持上一次的结果：%v\n", err)
			continue
		}
		fmt.Fprintln(p.stderr, "数据已更新。")
	}
}

// folderState sums up the names, sizes and times of every file under dir.
func folderState(dir string) [32]byte {
	h := sha256.New()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
