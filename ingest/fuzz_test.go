package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"qingwang/volunteer"
)

// The readers must never panic, and whatever they accept must be
// accounted for. Seeds live in testdata/fuzz; run one target with e.g.
//
//	go test ./ingest -run '^$' -fuzz FuzzReadExport -fuzztime 5m

func FuzzReadExport(f *testing.F) {
	f.Add([]byte(rosterText), false)
	f.Add(gbk(crlf(rosterText)), false)
	f.Add(utf16le(rosterText), false)
	f.Add([]byte("统计日期,单位名称,累计注册数\n2015-04-26,梅江区,12\n2015-04-26,合计,12\n"), false)
	units := testUnits(f)
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		name := "exports/fuzz_20150426.csv"
		if xlsx {
			name = "exports/fuzz_20150426.xlsx"
		}
		e, err := ReadExport(context.Background(), name, bytes.NewReader(data), units, volunteer.DefaultRules(), Options{KeepPeople: true})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		assertAccounting(t, e)
		if e.Date == 0 || len(e.SHA256) != 64 {
			t.Fatalf("date %s sha %q", e.Date, e.SHA256)
		}
		for _, p := range e.Problems {
			if !utf8.ValidString(p.Reason) {
				t.Fatalf("reason not UTF-8: %q", p.Reason)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2015-04-26", "2015/4/26 9:05", "2015年4月26日10时23分", "20150426102311", "42120.5", "2015-04-26T10:00:00+09:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if y := d.Year(); y < 1000 || y > 9999 {
			t.Fatalf("ParseDate(%q) = %s", s, d)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %s does not round-trip: %s %v", s, d, back, err)
		}
	})
}

func FuzzReadUnits(f *testing.F) {
	f.Add("编号,名称,类型,上级,任务数\nmz,梅州市,市,,\nmj,梅江区,县区,mz,1200\n")
	f.Add("id,name,kind,parent\na,A,city,\nb,B,town,a\nc,C,town,b\n")
	f.Fuzz(func(t *testing.T, text string) {
		u, err := ReadUnits(strings.NewReader(text), "units.csv")
		if err != nil {
			return
		}
		for i := 0; i < u.Len(); i++ {
			if !u.Within(i, u.Root()) {
				t.Fatalf("unit %d not under the city", i)
			}
			u.Path(i)
		}
	})
}

func FuzzMatcher(f *testing.F) {
	for _, s := range []string{"共青团梅江区委员会", "梅州市/兴宁市/大坪镇", "梅江去", "大坪镇", "-/>"} {
		f.Add(s)
	}
	units := testUnits(f)
	m := newMatcher(units)
	f.Fuzz(func(t *testing.T, s string) {
		u, err := m.find(s)
		if err == nil && (u < 0 || u >= units.Len()) {
			t.Fatalf("find(%q) = %d", s, u)
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}
