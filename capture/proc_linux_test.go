package capture

import (
	"bytes"
	"os"
	"strconv"
)

// processesUsing returns the pids of the processes started with dir as their
// profile: a browser's helpers that outlived Close.
func processesUsing(dir string) []int {
	want := []byte("--user-data-dir=" + dir)
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil {
			continue
		}
		for arg := range bytes.SplitSeq(cmdline, []byte{0}) {
			if bytes.Equal(arg, want) {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}
