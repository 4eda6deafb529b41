package metrics

import (
	"testing"
	"time"

	"qingwang/volunteer"
)

func TestTargetOn(t *testing.T) {
	r := volunteer.DefaultRules() // 3/20 to 4/20: 31 days
	for _, tc := range []struct {
		d    volunteer.Date
		want float64
	}{
		{day(time.March, 1), 0},
		{day(time.March, 20), 0},
		{day(time.March, 21), 1.0 / 31},
		{day(time.April, 4), 15.0 / 31},
		{day(time.April, 20), 1},
		{day(time.June, 1), 1},
	} {
		if got := TargetOn(r, tc.d); got != tc.want {
			t.Errorf("TargetOn(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

func TestDueOn(t *testing.T) {
	r := volunteer.DefaultRules()
	for _, tc := range []struct{ d, want volunteer.Date }{
		{day(time.April, 1), day(time.April, 20)},
		{day(time.April, 20), day(time.April, 20)},
		{day(time.April, 21), day(time.April, 25)},
		{day(time.April, 25), day(time.April, 25)},
		{day(time.April, 26), day(time.June, 25)},
		{day(time.June, 26), 0},
	} {
		if got := DueOn(r, tc.d); got != tc.want {
			t.Errorf("DueOn(%s) = %s, want %s", tc.d, got, tc.want)
		}
	}
}

// status figures one unit with quota 100 on asOf, registered reg, and reg
// minus week registered seven days before.
func status(t *testing.T, asOf volunteer.Date, reg, week int) Progress {
	t.Helper()
	p := Progress{Quota: 100, Registered: reg, NewWeek: week, Pace: float64(week) / 7}
	schedule(&p, volunteer.DefaultRules(), asOf)
	return p
}

func TestSchedule_Status(t *testing.T) {
	apr10 := day(time.April, 10) // 21 of 31 days: target ceil(67.74) = 68
	for _, tc := range []struct {
		name      string
		d         volunteer.Date
		reg, week int
		want      Status
	}{
		{"exactly the quota is done", apr10, 100, 0, Done},
		{"above the quota is done", apr10, 130, 0, Done},
		{"exactly at 序时进度 is on track", apr10, 68, 0, OnTrack},
		{"one below 序时进度, at 80% of it, no pace", apr10, 67, 0, Behind},
		{"just under 80% of 序时进度 without pace is severely behind", apr10, 54, 0, SeverelyBehind},
		{"at 80% of 序时进度 (54.4 → 55) is only behind", apr10, 55, 0, Behind},
		{"far below but a pace that makes 4/20", apr10, 30, 70, Behind},
		{"far below and a pace that misses 4/20", apr10, 30, 20, SeverelyBehind},
		{"before the start everyone is on track", day(time.March, 15), 0, 0, OnTrack},
		{"after the last assessment below quota", day(time.June, 30), 99, 70, Behind},
		{"after the last assessment far below quota", day(time.June, 30), 50, 70, SeverelyBehind},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if p := status(t, tc.d, tc.reg, tc.week); p.Status != tc.want {
				t.Errorf("status %s, want %s (target %d, projected %s, due %s)", p.Status.Label(), tc.want.Label(), p.Target, p.Projected, p.Due)
			}
		})
	}
}

func TestSchedule_ProjectionAndNeed(t *testing.T) {
	p := status(t, day(time.April, 10), 30, 14) // 2 a day, 70 left
	if p.Projected != day(time.May, 15) {
		t.Errorf("projected %s, want 2015-05-15 (35 days at 2 a day)", p.Projected)
	}
	if p.NeededDaily != 7 {
		t.Errorf("needed %d a day, want 7 (70 in the 10 days to 4/20)", p.NeededDaily)
	}
	if p := status(t, day(time.April, 10), 30, 0); p.Projected != 0 || p.NeededDaily != 7 {
		t.Errorf("no pace: projected %s needed %d; want none and 7", p.Projected, p.NeededDaily)
	}
	if p := status(t, day(time.April, 20), 90, 0); p.NeededDaily != 10 {
		t.Errorf("on the due date: needed %d, want all 10 left", p.NeededDaily)
	}
	if p := status(t, day(time.April, 10), 100, 7); p.Projected != 0 || p.NeededDaily != 0 {
		t.Errorf("done: projected %s needed %d", p.Projected, p.NeededDaily)
	}
}

func TestCompute_RanksPeersWithTies(t *testing.T) {
	units := testUnits(t)
	asOf := day(time.April, 19)
	// 甲县 50/100 and 乙县 100/200 tie on completion; 乙县 has more registered.
	// 丙校 25/50 and 丁校 50/100 likewise; towns have no quota and no rank.
	l := NewLedger(units, []*volunteer.Export{
		counts(t, units, asOf, "a1", 50, "b", 100, "s", 25, "t", 50),
	})
	r := Compute(units, volunteer.DefaultRules(), l, asOf)
	for id, want := range map[string]int{"b": 1, "a": 2, "t": 1, "s": 2, "a1": 0, "city": 0} {
		if got := r.Units[idx(t, units, id)].Rank; got != want {
			t.Errorf("%s rank %d, want %d", id, got, want)
		}
	}
	// Equal completion and equal registered share a rank.
	l = NewLedger(units, []*volunteer.Export{counts(t, units, asOf, "a", 50, "b", 50, "s", 50, "t", 100)})
	r = Compute(units, volunteer.DefaultRules(), l, asOf)
	if ra, rb := r.Units[idx(t, units, "a")].Rank, r.Units[idx(t, units, "b")].Rank; ra != 1 || rb != 2 {
		t.Errorf("50/100 vs 50/200: ranks %d, %d", ra, rb)
	}
	if rs, rt := r.Units[idx(t, units, "s")].Rank, r.Units[idx(t, units, "t")].Rank; rs != 2 || rt != 1 {
		t.Errorf("both complete, 50/50 vs 100/100: ranks %d, %d; want 2 and 1 (ties go by registered)", rs, rt)
	}
	// The same completion and the same registered share a rank.
	l = NewLedger(units, []*volunteer.Export{counts(t, units, asOf, "a", 60, "b", 120, "s", 30, "t", 60)})
	r = Compute(units, volunteer.DefaultRules(), l, asOf)
	if rs, rt := r.Units[idx(t, units, "s")].Rank, r.Units[idx(t, units, "t")].Rank; rs != 2 || rt != 1 {
		t.Errorf("30/50 vs 60/100: ranks %d, %d", rs, rt)
	}
	l = NewLedger(units, []*volunteer.Export{counts(t, units, asOf, "a", 60, "b", 60, "s", 50, "t", 100)})
	u2, err := volunteer.NewUnits([]volunteer.Unit{
		{ID: "c", Name: "市", Kind: volunteer.City},
		{ID: "x", Name: "X", Kind: volunteer.County, Parent: "c", Quota: 100},
		{ID: "y", Name: "Y", Kind: volunteer.County, Parent: "c", Quota: 100},
		{ID: "z", Name: "Z", Kind: volunteer.County, Parent: "c", Quota: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	r = Compute(u2, volunteer.DefaultRules(), NewLedger(u2, []*volunteer.Export{counts(t, u2, asOf, "x", 40, "y", 40, "z", 70)}), asOf)
	if got := []int{r.Units[1].Rank, r.Units[2].Rank, r.Units[3].Rank}; got[0] != 2 || got[1] != 2 || got[2] != 1 {
		t.Errorf("40, 40, 70 of 100: ranks %v, want [2 2 1]", got)
	}
}

func TestCompute_NewRegistrationsAndShares(t *testing.T) {
	units := testUnits(t)
	exports := []*volunteer.Export{
		counts(t, units, day(time.April, 5), "a", 10, "b", 0, "s", 1, "t", 0),  // Sunday: cut-off of 第1期
		counts(t, units, day(time.April, 12), "a", 40, "b", 0, "s", 3, "t", 0), // Sunday: 第2期
		counts(t, units, day(time.April, 18), "a", 70, "b", 5, "s", 9, "t", 0),
		counts(t, units, day(time.April, 19), "a", 80, "b", 5, "s", 10, "t", 0), // Sunday: 第3期
	}
	l := NewLedger(units, exports)
	if got := Cutoffs(l); len(got) != 3 || got[1] != day(time.April, 12) {
		t.Fatalf("cut-offs %v", got)
	}
	r := Compute(units, volunteer.DefaultRules(), l, day(time.April, 19))
	a := r.Units[idx(t, units, "a")]
	if r.Previous != day(time.April, 12) || a.NewPrevious != 40 || a.NewDay != 10 || a.NewWeek != 40 || a.Pace != 40.0/7 {
		t.Errorf("previous %s new: previous %d day %d week %d pace %v", r.Previous, a.NewPrevious, a.NewDay, a.NewWeek, a.Pace)
	}
	if a.MemberShare != 80.0/400 {
		t.Errorf("member share %v, want 0.2 (counts: all volunteers count)", a.MemberShare)
	}
	if s := r.Units[idx(t, units, "s")]; s.StudentShare != 0.1 {
		t.Errorf("student share %v", s.StudentShare)
	}
	if c := r.Units[units.Root()]; c.Registered != 95 || c.Quota != 450 {
		t.Errorf("city %d of %d", c.Registered, c.Quota)
	}
}

func TestCompute_MembersFromRoster(t *testing.T) {
	units := testUnits(t)
	e := roster(t, units, day(time.April, 19), "a1", day(time.April, 1), 10)
	e.Roster.HasMembers = true
	e.Roster.Members[idx(t, units, "a1")] = 4
	r := Compute(units, volunteer.DefaultRules(), NewLedger(units, []*volunteer.Export{e}), day(time.April, 19))
	if a := r.Units[idx(t, units, "a")]; a.MemberVolunteers != 4 || a.MemberShare != 0.01 {
		t.Errorf("members %d share %v; want 4 and 0.01", a.MemberVolunteers, a.MemberShare)
	}
}
