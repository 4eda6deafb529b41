package metrics

import (
	"testing"
	"time"

	"qingwang/volunteer"
)

func TestLedger_RegisteredFollowsTheSpecRules(t *testing.T) {
	units := testUnits(t)
	l := NewLedger(units, []*volunteer.Export{
		// A roster on 4/12 that knows registrations back to 3/25.
		roster(t, units, day(time.April, 12), "a1", day(time.March, 25), 3, "a2", day(time.April, 5), 4, "a", day(time.April, 10), 1, "s", day(time.April, 1), 2),
		// A counts export on 4/14, then a roster on 4/19.
		counts(t, units, day(time.April, 14), "a", 12, "b", 7, "s", 3),
		roster(t, units, day(time.April, 19), "a1", day(time.March, 25), 3, "a2", day(time.April, 5), 4, "a", day(time.April, 10), 1, "a1", day(time.April, 16), 6, "s", day(time.April, 1), 2),
	})
	a, a1, city, b := idx(t, units, "a"), idx(t, units, "a1"), units.Root(), idx(t, units, "b")
	asOf := day(time.April, 19)
	for _, tc := range []struct {
		name string
		u    int
		d    volunteer.Date
		want int
	}{
		{"before any registration: the first roster's times", a, day(time.March, 20), 0},
		{"before the first export: its registration times", a, day(time.April, 6), 7},
		{"a town, by its own registration times", a1, day(time.April, 6), 3},
		{"the day of a roster: the roster", a, day(time.April, 12), 8},
		{"between exports: the next roster's registration times", a, day(time.April, 13), 8},
		{"the day of a counts export: the counts", a, day(time.April, 14), 12},
		{"counts without a row for the city: the sum of its parts", city, day(time.April, 14), 22},
		{"a unit only counts know", b, day(time.April, 14), 7},
		{"after the counts: the later roster's times", a, day(time.April, 16), 14},
		{"a unit the later roster does not list", b, day(time.April, 16), 0},
		{"the as-of day", a, asOf, 14},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := l.Registered(tc.u, tc.d, asOf); got != tc.want {
				t.Errorf("Registered(%s, %s) = %d, want %d", units.At(tc.u).Name, tc.d, got, tc.want)
			}
		})
	}
	// As of 4/15, the 4/19 roster does not exist yet: the counts stand.
	if got := l.Registered(a, day(time.April, 15), day(time.April, 15)); got != 12 {
		t.Errorf("as of 4/15: %d, want 12 from the 4/14 counts", got)
	}
}
