//go:build !linux

package site

import (
	"errors"
	"os"
)

func swapDir(stage, dst string) error {
	if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dst)
	}
	return swapByRenames(stage, dst)
}
