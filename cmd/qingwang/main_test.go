package main

import (
	"os"
	"testing"
)

// TestMain keeps the cache of parsed exports that builds write out of the
// user's own cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "qingwang-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
