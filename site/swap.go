package site

import (
	"os"
)

// swapByRenames swaps with two renames: for a moment dst does not exist,
// but it is never half written.
func swapByRenames(stage, dst string) error {
	old := stage + ".old"
	if err := os.Rename(dst, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dst); err != nil {
		os.Rename(old, dst)
		return err
	}
	return os.Rename(old, stage)
}
