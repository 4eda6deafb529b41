package site

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swapDir puts the tree at stage in place of dst in one step. When dst
// existed, stage holds the previous tree afterwards.
func swapDir(stage, dst string) error {
	if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dst)
	}
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, dst, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		// The file system cannot exchange.
		return swapByRenames(stage, dst)
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: stage, New: dst, Err: err}
	}
	return nil
}
