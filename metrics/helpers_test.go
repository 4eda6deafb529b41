package metrics

import (
	"testing"
	"time"

	"qingwang/volunteer"
)

// testUnits is a small tree: the city, two counties (one with two towns),
// and two schools.
func testUnits(t testing.TB) *volunteer.Units {
	t.Helper()
	u, err := volunteer.NewUnits([]volunteer.Unit{
		{ID: "city", Name: "市", Kind: volunteer.City},
		{ID: "a", Name: "甲县", Kind: volunteer.County, Parent: "city", Quota: 100, Members: 400},
		{ID: "b", Name: "乙县", Kind: volunteer.County, Parent: "city", Quota: 200},
		{ID: "a1", Name: "甲一镇", Kind: volunteer.Town, Parent: "a"},
		{ID: "a2", Name: "甲二镇", Kind: volunteer.Town, Parent: "a"},
		{ID: "s", Name: "丙校", Kind: volunteer.School, Parent: "city", Quota: 50, Students: 100},
		{ID: "t", Name: "丁校", Kind: volunteer.School, Parent: "city", Quota: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func day(m time.Month, d int) volunteer.Date { return volunteer.NewDate(2015, m, d) }

// roster builds a roster export dated on from (unit id, day, n) triples.
func roster(t testing.TB, units *volunteer.Units, on volunteer.Date, regs ...any) *volunteer.Export {
	t.Helper()
	rc := &volunteer.RosterCounts{Members: make([]int, units.Len())}
	for i := 0; i < len(regs); i += 3 {
		u, ok := units.Index(regs[i].(string))
		if !ok {
			t.Fatalf("no unit %v", regs[i])
		}
		rc.Registrations = append(rc.Registrations, volunteer.DayCount{Unit: int32(u), Day: regs[i+1].(volunteer.Date), N: int32(regs[i+2].(int))})
	}
	return &volunteer.Export{Path: "roster-" + on.String(), Kind: volunteer.Roster, Date: on, Roster: rc}
}

// counts builds a counts export of one day from (unit id, registered) pairs.
func counts(t testing.TB, units *volunteer.Units, on volunteer.Date, rows ...any) *volunteer.Export {
	t.Helper()
	e := &volunteer.Export{Path: "counts-" + on.String(), Kind: volunteer.Counts, Date: on}
	for i := 0; i < len(rows); i += 2 {
		u, ok := units.Index(rows[i].(string))
		if !ok {
			t.Fatalf("no unit %v", rows[i])
		}
		e.Counts = append(e.Counts, volunteer.Count{Day: on, Unit: u, Registered: rows[i+1].(int)})
	}
	return e
}

func idx(t testing.TB, units *volunteer.Units, id string) int {
	t.Helper()
	u, ok := units.Index(id)
	if !ok {
		t.Fatalf("no unit %s", id)
	}
	return u
}
