package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qingwang/capture"
	"qingwang/ingest"
	"qingwang/issued"
	"qingwang/printout"
	"qingwang/site"
	"qingwang/sitedata"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", stderr)
	dataDir := fs.String("data", "data", "数据文件夹（其中有 units.csv 和 exports/）")
	out := fs.String("out", "public", "生成网站的文件夹；生成成功后才替换原有内容")
	baseURL := fs.String("base-url", "", "网站发布后的地址，如 https://example.org/qingwang/（用于站点地图、订阅和二维码）")
	verbose := fs.Bool("v", false, "打印各阶段的用时和内存")
	pdf := fs.Bool("pdf", false, "用本机的 Chromium 为每期通报生成 A4 PDF（bulletin.pdf）和微信长图（share.png）")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	project, err := projectDir()
	if err != nil {
		return err
	}
	b := &pipeline{ctx: ctx, project: project, dataDir: *dataDir, stderr: stderr, verbose: *verbose}
	gen, err := os.MkdirTemp("", "qingwang-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(gen)
	s, toIssue, err := b.figure(gen)
	if err != nil {
		return err
	}
	o := site.Options{ProjectDir: project, GeneratedDir: gen, OutDir: *out, BaseURL: *baseURL, Logger: stderr}
	if *pdf {
		browser, err := capture.Start(ctx)
		switch {
		case errors.Is(err, capture.ErrNoBrowser):
			fmt.Fprintf(stderr, "注意：%v\n没有生成 PDF 和长图，网站照常生成。\n", err)
		case err != nil:
			return err
		default:
			defer browser.Close()
			o.Params = map[string]any{"printed": true}
			o.Finish = func(ctx context.Context, built, previous string) error {
				return b.stage("打印通报", func() error {
					st, err := printout.Make(ctx, browser, built, previous, printTabs)
					if err == nil {
						fmt.Fprintf(stdout, "通报 PDF 和长图：新生成 %d 期，未变沿用 %d 期，用时 %.1f 秒。\n", st.Made, st.Kept, st.Took.Seconds())
					}
					return err
				})
			}
		}
	}
	if err := b.stage("生成网站", func() error { return site.Build(ctx, o) }); err != nil {
		return err
	}
	// Only a published bulletin is issued: a failed build records nothing.
	if err := b.issue(toIssue); err != nil {
		return err
	}
	issues := 0
	for _, b := range s.Bulletins {
		if !b.Superseded {
			issues++
		}
	}
	fmt.Fprintf(stdout, "已生成网站 %s：通报 %d 期，每日情况 %d 天，单位页 %d 个，数据截至%s。\n",
		*out, issues, len(s.Days), len(s.Units), s.Meta.AsOfCN)
	if *baseURL == "" {
		fmt.Fprintln(stdout, "提示：发布前请用 --base-url 指定网站地址，站点地图和订阅中的链接才会正确。")
	}
	return nil
}

// printTabs is how many bulletins are printed at once: two cores, and
// Chromium's own processes.
const printTabs = 2

// pipeline runs the stages of build and serve: read, figure, write.
type pipeline struct {
	ctx     context.Context
	project string
	dataDir string
	stderr  io.Writer
	verbose bool
}

// figure reads the data folder and writes the site's data into gen. The
// bulletins are laid over the records of those already issued; the ones
// to issue now come back, for the caller to record once they are published.
func (p *pipeline) figure(gen string) (*sitedata.Site, []*issued.Record, error) {
	var ds *ingest.Dataset
	if err := p.stage("读取导出", func() (err error) {
		ds, err = ingest.ReadDir(p.ctx, p.dataDir, ingest.Options{Cache: exportCache(), Progress: progress(p.stderr)})
		return err
	}); err != nil {
		return nil, nil, err
	}
	p.warn(ds)
	var s *sitedata.Site
	var toIssue []*issued.Record
	if err := p.stage("计算数字", func() (err error) {
		if s, err = sitedata.Build(ds); err != nil {
			return err
		}
		records, err := issued.Load(p.dataDir)
		if err != nil {
			return err
		}
		out := issued.Apply(records, s.Bulletins, ds.Exports)
		s.Bulletins = out.Bulletins
		for _, w := range out.Warnings {
			fmt.Fprintln(p.stderr, "注意："+w.String())
		}
		toIssue = out.Issued
		return s.Write(gen)
	}); err != nil {
		return nil, nil, err
	}
	return s, toIssue, nil
}

// issue records the bulletins a build has just published.
func (p *pipeline) issue(records []*issued.Record) error {
	for _, r := range records {
		if err := r.Save(p.dataDir); err != nil {
			return fmt.Errorf("记录已发布的通报: %w", err)
		}
	}
	if n := len(records); n > 0 {
		fmt.Fprintf(p.stderr, "已发布 %d 期新通报，记录在 %s/%s/ 中：请把这些文件提交到版本库，它们保证已发布的通报不再改变。\n", n, p.dataDir, issued.Dir)
	}
	return nil
}

// warn says what did not count, so a build never hides a problem.
func (p *pipeline) warn(ds *ingest.Dataset) {
	for _, f := range ds.Failed {
		fmt.Fprintf(p.stderr, "注意：%s 无法读取，没有计入：%s\n", f.Path, f.Reason)
	}
	rejected, files := 0, 0
	for _, e := range ds.Exports {
		if e.Rejected > 0 {
			rejected += e.Rejected
			files++
		}
	}
	if rejected > 0 {
		fmt.Fprintf(p.stderr, "注意：%d 个文件中共有 %d 行被拒收，没有计入；运行 qingwang check 查看每一行的原因。\n", files, rejected)
	}
}

// stage runs one stage, timing it when verbose.
func (p *pipeline) stage(name string, f func() error) error {
	start := time.Now()
	err := f()
	if p.verbose {
		fmt.Fprintf(p.stderr, "%s：%.2f 秒%s\n", name, time.Since(start).Seconds(), peakMemory())
	}
	return err
}

// peakMemory reports the process's peak resident memory so far (Linux).
func peakMemory() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var kb int
	for _, line := range strings.Split(string(b), "\n") {
		if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &kb); err == nil {
			return fmt.Sprintf("，内存峰值 %d MB", kb/1024)
		}
	}
	return ""
}

// projectDir is the folder with hugo.toml: the working directory, as the
// README says to run qingwang from the project's root.
func projectDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(wd, "hugo.toml")); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("当前文件夹 %s 中没有 hugo.toml：请在 qingwang 项目的根目录运行", wd)
	}
	return wd, nil
}
