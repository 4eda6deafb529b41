package metrics

import (
	"context"
	"testing"

	"qingwang/ingest"
	"qingwang/volunteer"
)

// The two ways of feeding qingwang give the same figures on the demo
// season: rosters of people (the platform's export) or counts per unit and
// day (what a SQL engine computes for a province, see the README).
func TestLedger_CountsPathEqualsRosterPath(t *testing.T) {
	ds, err := ingest.ReadDir(context.Background(), "../data", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rosters, counts []*volunteer.Export
	for _, e := range ds.Exports {
		switch e.Kind {
		case volunteer.Roster:
			rosters = append(rosters, e)
		case volunteer.Counts:
			counts = append(counts, e)
		}
	}
	byRoster := NewLedger(ds.Units, rosters)
	byCounts := NewLedger(ds.Units, counts)
	checked := 0
	for _, r := range rosters {
		// Every day up to each roster, every unit: the roster's registration
		// times against the counts of that day.
		for d := r.Date.AddDays(-30); d <= r.Date; d++ {
			for u := 0; u < ds.Units.Len(); u++ {
				a, b := byRoster.Registered(u, d, r.Date), byCounts.Registered(u, d, r.Date)
				if a != b {
					t.Fatalf("%s on %s: roster path %d, counts path %d", ds.Units.At(u).Name, d, a, b)
				}
				checked++
			}
		}
		ra := Compute(ds.Units, ds.Rules, byRoster, r.Date)
		rb := Compute(ds.Units, ds.Rules, byCounts, r.Date)
		for u := range ra.Units {
			pa, pb := ra.Units[u], rb.Units[u]
			pa.MemberVolunteers, pb.MemberVolunteers, pa.MemberShare, pb.MemberShare = 0, 0, 0, 0 // only rosters know 政治面貌
			pa.NewPrevious, pb.NewPrevious = 0, 0                                                 // the bulletins' weeks differ: rosters alone are fewer
			if pa != pb {
				t.Fatalf("%s as of %s: %+v vs %+v", ds.Units.At(u).Name, r.Date, pa, pb)
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d comparisons", checked)
	}
}
