package demo

import (
	"bytes"
	"os"
	"testing"

	"qingwang/ingest"
	"qingwang/volunteer"
)

// loadUnits reads the project's units table.
func loadUnits(t testing.TB) (*volunteer.Units, []byte) {
	t.Helper()
	return loadUnitsFrom(t, "../data/units.csv")
}

// loadUnitsFrom reads a units.csv; the golden test uses a frozen copy in
// testdata, so that editing the project's table does not change it.
func loadUnitsFrom(t testing.TB, path string) (*volunteer.Units, []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	units, err := ingest.ReadUnits(bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	return units, raw
}
