package site

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// errNoNpm is returned when node_modules must be installed and npm is missing.
var errNoNpm = errors.New("找不到 npm 命令。生成网站要用 npm 安装图表库 ECharts（版本固定在 package-lock.json 里），npm 随 Node.js 一起安装。" +
	"请先安装 Node.js：Debian/Ubuntu 上运行 sudo apt-get install nodejs npm，其他系统从 Node.js 官网下载安装包；装好后重新运行本命令")

// ensureNodeModules runs npm ci in dir when node_modules does not hold the
// versions package-lock.json pins. A directory without package-lock.json
// needs nothing.
func ensureNodeModules(ctx context.Context, dir string, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	want, err := lockedVersions(filepath.Join(dir, "package-lock.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("npm: %w", err)
	}
	if installed(dir, want) {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return errNoNpm
	}
	fmt.Fprintln(log, "正在用 npm ci 安装 package-lock.json 固定的前端依赖……")
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Stdout = log
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci 失败（在 %s）：%w；请检查网络后重新运行", dir, err)
	}
	if !installed(dir, want) {
		return fmt.Errorf("npm ci 之后 node_modules 仍与 package-lock.json 不符（在 %s）", dir)
	}
	return nil
}

// lockedVersions reads the direct dependencies' versions from a lockfile.
func lockedVersions(lockfile string) (map[string]string, error) {
	b, err := os.ReadFile(lockfile)
	if err != nil {
		return nil, err
	}
	var lock struct {
		Packages map[string]struct {
			Version      string            `json:"version"`
			Dependencies map[string]string `json:"dependencies"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		return nil, fmt.Errorf("%s: %w", lockfile, err)
	}
	want := make(map[string]string)
	for name := range lock.Packages[""].Dependencies {
		want[name] = lock.Packages["node_modules/"+name].Version
	}
	return want, nil
}

func installed(dir string, want map[string]string) bool {
	for name, version := range want {
		b, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
		if err != nil {
			return false
		}
		var pkg struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(b, &pkg) != nil || pkg.Version != version {
			return false
		}
	}
	return true
}
