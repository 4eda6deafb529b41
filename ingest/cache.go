package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"qingwang/volunteer"
)

// Cache keeps each export's aggregates on disk, keyed by the file's
// content, so a season of exports plus one new file costs the new file's
// reading. Salt must change whenever what reading yields could: the tool
// itself, units.csv, rules.toml. It lives outside the repository (the
// user's cache folder): aggregates hash people, which is not for git.
type Cache struct {
	Dir  string
	Salt string
}

// cacheMaxAge drops entries no build used for this long.
const cacheMaxAge = 30 * 24 * time.Hour

// key names an entry: the file's SHA-256, the salt, and for rosters the
// people they are asked to remember.
func (c *Cache) key(fileSHA, salt, extra string) string {
	h := sha256.New()
	for _, s := range []string{c.Salt, salt, fileSHA, extra} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fileSHA is the SHA-256 of a file's bytes.
func fileSHA(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key+".gob") }

func (c *Cache) load(key string) (*volunteer.Export, bool) {
	p := c.path(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	var e volunteer.Export
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&e) != nil {
		os.Remove(p)
		return nil, false
	}
	now := time.Now()
	os.Chtimes(p, now, now)
	return &e, true
}

func (c *Cache) store(key string, e *volunteer.Export) {
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(e) != nil {
		return
	}
	p := c.path(key)
	if os.MkdirAll(filepath.Dir(p), 0o700) != nil {
		return
	}
	tmp := p + ".tmp"
	if os.WriteFile(tmp, buf.Bytes(), 0o600) == nil {
		os.Rename(tmp, p)
	}
}

// prune removes entries no build has used for cacheMaxAge.
func (c *Cache) prune() {
	old := time.Now().Add(-cacheMaxAge)
	filepath.WalkDir(c.Dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil && info.ModTime().Before(old) {
				os.Remove(p)
			}
		}
		return nil
	})
}

// wantedHash sums the keys a roster is asked to remember.
func wantedHash(w map[volunteer.PersonKey]bool) string {
	if len(w) == 0 {
		return ""
	}
	keys := make([]uint64, 0, len(w))
	for k := range w {
		keys = append(keys, uint64(k))
	}
	slices.Sort(keys)
	h := sha256.New()
	var b [8]byte
	for _, k := range keys {
		for i := range b {
			b[i] = byte(k >> (8 * i))
		}
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
