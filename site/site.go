// Package site runs the embedded Hugo that turns the project's templates and
// the generated data into the static site. It is the only package that imports
// Hugo.
//
// The project directory holds hugo.toml, layouts/, assets/, content/, static/
// and node_modules/. The generated data directory is mounted at run time as
// data/gen, so templates read it as hugo.Data.gen.…; nothing is written into
// the project directory except node_modules (by npm ci).
//
// Hugo keeps a process-wide logger, so Build and the rebuilds of Serve in one
// process take turns.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Options says where the site comes from and where it goes.
type Options struct {
	// ProjectDir is the directory with hugo.toml, layouts, assets, content
	// and node_modules (the repository root).
	ProjectDir string
	// GeneratedDir holds the generated JSON data, mounted as data/gen.
	// Optional.
	GeneratedDir string
	// OutDir receives the built site (Build only).
	OutDir string
	// BaseURL overrides hugo.toml's baseURL (Build only; Serve uses its
	// own address).
	BaseURL string
	// Logger receives Hugo's warnings and errors and npm's output.
	// Nil discards them.
	Logger io.Writer
	// Params are added to the site's params (keys in lower case), e.g.
	// printed: the bulletins have their PDF and long image beside them.
	Params map[string]any
	// Finish, when set, runs on the built tree before it replaces OutDir
	// (Build only), so what it adds (PDFs, images) is swapped in with the
	// pages, and its failure leaves OutDir as it was. previous is the
	// site being replaced, or "" when there is none.
	Finish func(ctx context.Context, built, previous string) error `json:"-"`
}

// hugoMu serializes Hugo runs: Hugo counts errors in a process-wide logger.
var hugoMu sync.Mutex

// Build builds the site into a fresh directory beside o.OutDir and, only
// when the build succeeds, swaps it into place atomically. A failed or
// cancelled build leaves o.OutDir as it was.
func Build(ctx context.Context, o Options) error {
	o, err := o.normalize()
	if err != nil {
		return err
	}
	if o.OutDir == "" {
		return errors.New("site: 没有指定输出目录")
	}
	if err := checkOutDir(o); err != nil {
		return err
	}
	if err := ensureNodeModules(ctx, o.ProjectDir, o.Logger); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	parent, base := filepath.Split(o.OutDir)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fmt.Errorf("site: 创建输出目录的上级目录: %w", err)
	}
	stage, err := os.MkdirTemp(parent, base+".tmp-*")
	if err != nil {
		return fmt.Errorf("site: 创建临时输出目录: %w", err)
	}
	defer func() {
		if stage != "" {
			os.RemoveAll(stage)
		}
	}()
	// MkdirTemp makes 0700; a web server running as another user must be
	// able to read the published tree.
	if err := os.Chmod(stage, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}

	work, err := os.MkdirTemp("", "qingwang-hugo-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(work)

	// Hugo cannot be interrupted: a build cancelled meanwhile runs to its
	// end and its output is thrown away.
	start := time.Now()
	if err := buildOnce(o, hugoRun{publishDir: stage, workDir: work, baseURL: o.BaseURL}); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.Finish != nil {
		previous := o.OutDir
		if _, err := os.Stat(previous); err != nil {
			previous = ""
		}
		if err := o.Finish(ctx, stage, previous); err != nil {
			return err
		}
	}

	if err := swapDir(stage, o.OutDir); err != nil {
		return fmt.Errorf("site: 替换输出目录 %s: %w", o.OutDir, err)
	}
	// After an exchange stage holds the previous site.
	if err := os.RemoveAll(stage); err != nil {
		fmt.Fprintf(o.Logger, "警告：旧网站目录 %s 没能删除，可以手动删除：%v\n", stage, err)
	}
	stage = ""
	fmt.Fprintf(o.Logger, "网站已生成到 %s，用时 %s\n", o.OutDir, time.Since(start).Round(time.Millisecond))
	return nil
}

func buildOnce(o Options, r hugoRun) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()

	h, err := newSites(o, r)
	if err != nil {
		return err
	}
	defer h.Close()
	return buildSites(h, r.publishDir)
}

func (o Options) normalize() (Options, error) {
	if o.Logger == nil {
		o.Logger = io.Discard
	}
	if o.ProjectDir == "" {
		return o, errors.New("site: 没有指定项目目录")
	}
	for _, p := range []*string{&o.ProjectDir, &o.GeneratedDir, &o.OutDir} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return o, fmt.Errorf("site: %w", err)
		}
		*p = abs
	}
	if _, err := os.Stat(filepath.Join(o.ProjectDir, "hugo.toml")); err != nil {
		return o, fmt.Errorf("site: 项目目录 %s 里没有 hugo.toml: %w", o.ProjectDir, err)
	}
	if o.GeneratedDir != "" {
		if fi, err := os.Stat(o.GeneratedDir); err != nil || !fi.IsDir() {
			return o, fmt.Errorf("site: 生成数据目录 %s 不存在", o.GeneratedDir)
		}
	}
	return o, nil
}

// checkOutDir refuses output directories whose replacement would destroy
// something that is not a built site.
func checkOutDir(o Options) error {
	for _, keep := range []string{o.ProjectDir, o.GeneratedDir} {
		if keep != "" && within(keep, o.OutDir) {
			return fmt.Errorf("site: 输出目录 %s 包含了 %s，构建会替换整个输出目录；请换一个输出目录（例如 public）", o.OutDir, keep)
		}
	}
	entries, err := os.ReadDir(o.OutDir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("site: 读取输出目录: %w", err)
	}
	if _, err := os.Stat(filepath.Join(o.OutDir, "index.html")); err != nil {
		return fmt.Errorf("site: 输出目录 %s 已有文件，但看起来不是之前生成的网站（没有 index.html）；为免误删，没有替换它。请换一个输出目录，或确认后手动清空它", o.OutDir)
	}
	return nil
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
