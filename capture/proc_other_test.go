//go:build !linux

package capture

func processesUsing(dir string) []int { return nil }
