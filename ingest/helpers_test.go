package ingest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"qingwang/volunteer"
)

func testUnits(t testing.TB) *volunteer.Units {
	t.Helper()
	f, err := os.Open("../data/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, err := ReadUnits(f, "units.csv")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// read reads an export from text and asserts the row accounting every
// export must satisfy.
func read(t testing.TB, name string, data []byte) *volunteer.Export {
	t.Helper()
	e, err := ReadExport(context.Background(), name, bytes.NewReader(data), testUnits(t), volunteer.DefaultRules(), Options{KeepPeople: true})
	if err != nil {
		t.Fatalf("ReadExport(%s): %v", name, err)
	}
	assertAccounting(t, e)
	return e
}

// assertAccounting checks rows = accepted + rejected, one problem per
// rejected row, each naming the file and a line.
func assertAccounting(t testing.TB, e *volunteer.Export) {
	t.Helper()
	if e.Rows != e.Accepted+e.Rejected {
		t.Errorf("%s: rows %d != accepted %d + rejected %d", e.Path, e.Rows, e.Accepted, e.Rejected)
	}
	if len(e.Problems) != e.Rejected {
		t.Errorf("%s: %d problems for %d rejected rows", e.Path, len(e.Problems), e.Rejected)
	}
	for _, p := range e.Problems {
		if p.Path != e.Path || p.Line < 1 || p.Reason == "" || p.Rule == "" {
			t.Errorf("%s: incomplete problem %+v", e.Path, p)
		}
	}
}

func gbk(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func utf16le(s string) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func utf16be(s string) []byte {
	b, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// problemAt returns the problem of a line, or fails.
func problemAt(t testing.TB, e *volunteer.Export, line int) volunteer.Problem {
	t.Helper()
	for _, p := range e.Problems {
		if p.Line == line {
			return p
		}
	}
	t.Fatalf("%s: no problem at line %d; problems: %v", e.Path, line, e.Problems)
	return volunteer.Problem{}
}

// registered sums a roster's registrations of one unit id (not its parts).
func registered(t testing.TB, e *volunteer.Export, id string) int {
	t.Helper()
	u, ok := testUnits(t).Index(id)
	if !ok {
		t.Fatalf("no unit %s", id)
	}
	n := 0
	for _, r := range e.Roster.Registrations {
		if int(r.Unit) == u {
			n += int(r.N)
		}
	}
	return n
}
