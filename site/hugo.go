package site

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
	"github.com/spf13/fsync"
)

// hugoRun is what one Hugo run adds to hugo.toml.
type hugoRun struct {
	publishDir string
	// workDir receives Hugo's caches, so nothing lands in the project.
	workDir string
	baseURL string
	// serving turns on Hugo's server mode: watching and live reload.
	serving bool
}

// originOf returns scheme://host/ of an absolute URL.
func originOf(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("网址 %q 不完整：--base-url 应当像 https://example.org/qingwang/", base)
	}
	return u.Scheme + "://" + u.Host + "/", nil
}

// newSites loads hugo.toml with the run's settings laid over it. The
// generated data is a module import of an absolute directory whose only
// mount is data/gen, so hugo.toml's own mounts stay as they are.
func newSites(o Options, r hugoRun) (*hugolib.HugoSites, error) {
	env := "production"
	if r.serving {
		env = "development"
	}

	flags := config.New()
	flags.Set("workingDir", o.ProjectDir)
	flags.Set("publishDir", r.publishDir)
	flags.Set("cacheDir", filepath.Join(r.workDir, "cache"))
	flags.Set("resourceDir", filepath.Join(r.workDir, "resources"))
	flags.Set("noBuildLock", true)
	flags.Set("environment", env)
	params := hmaps.Params{}
	for k, v := range o.Params {
		params[strings.ToLower(k)] = v
	}
	if r.baseURL != "" {
		// Pages link to each other relatively (relativeURLs), which Hugo gets
		// wrong under a base URL with a path: it would prefix the path again.
		// So Hugo gets the origin only, and the templates build absolute
		// addresses (sitemap, feed, QR codes) from params.publishurl.
		origin, err := originOf(r.baseURL)
		if err != nil {
			return nil, err
		}
		flags.Set("baseURL", origin)
		params["publishurl"] = strings.TrimSuffix(r.baseURL, "/") + "/"
	}
	if len(params) > 0 {
		flags.Set("params", params)
	}
	if o.GeneratedDir != "" {
		flags.Set("module", hmaps.Params{
			"imports": []any{hmaps.Params{
				"path":           o.GeneratedDir,
				"ignoreConfig":   true,
				"ignoreImports":  true,
				"usePackageJSON": "never",
				"mounts": []any{hmaps.Params{
					"source": ".",
					"target": "data/gen",
				}},
			}},
		})
	}
	if r.serving {
		flags.Set("internal", hmaps.Params{"running": true, "watch": true})
	}

	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		DistinctLevel: logg.LevelWarn,
		StdOut:        o.Logger,
		StdErr:        o.Logger,
		StoreErrors:   r.serving,
	})
	afs := afero.NewOsFs()
	conf, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          afs,
		Logger:      logger,
		Flags:       flags,
		Filename:    filepath.Join(o.ProjectDir, "hugo.toml"),
		Environment: env,
		Environ:     environ(),
	})
	if err != nil {
		return nil, fmt.Errorf("hugo config: %w", err)
	}
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  conf,
		Fs:       hugofs.NewFrom(afs, conf.LoadingInfo.BaseConfig),
		StdOut:   o.Logger,
		StdErr:   o.Logger,
		LogLevel: logg.LevelWarn,
	})
	if err != nil {
		return nil, fmt.Errorf("hugo: %w", err)
	}
	return h, nil
}

// buildSites renders the site and copies static files, as the hugo command
// does; HugoSites.Build leaves static files alone.
func buildSites(h *hugolib.HugoSites, publishDir string) error {
	if err := h.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		return fmt.Errorf("hugo build: %w", err)
	}
	if err := copyStatic(h); err != nil {
		return fmt.Errorf("hugo static: %w", err)
	}
	return nil
}

func copyStatic(h *hugolib.HugoSites) error {
	for _, sfs := range h.BaseFs.SourceFilesystems.Static {
		s := fsync.NewSyncer()
		s.NoTimes = true
		s.NoChmod = true
		s.SrcFs = sfs.Fs
		s.DestFs = h.Deps.Fs.PublishDirStatic
		dst := string(filepath.Separator)
		if sfs.PublishFolder != "" {
			dst = filepath.Join(dst, sfs.PublishFolder)
		}
		if err := s.Sync(dst, string(filepath.Separator)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// environ is the process environment without HUGO_* variables, which would
// otherwise override hugo.toml and make builds depend on the shell.
func environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(strings.ToUpper(kv), "HUGO") {
			env = append(env, kv)
		}
	}
	if env == nil {
		// Hugo reads os.Environ itself when given none.
		env = []string{"QINGWANG=1"}
	}
	return env
}
