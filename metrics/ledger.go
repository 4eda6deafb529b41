package metrics

import (
	"slices"
	"sort"

	"qingwang/volunteer"
)

// Ledger answers registered(unit, D) from every roster and counts export.
//
// SPEC: registered(unit, D) comes from the latest export dated on or before
// D; for days before an export's date the roster's registration times are
// used. Within a report as of A, only exports dated on or before A count,
// and for a day D ≤ A:
//
//  1. an export dated D gives the figure (a roster before a counts export);
//  2. else the earliest roster dated after D counts its people registered
//     on or before D: the history a later roster tells;
//  3. else the latest export before D still stands;
//  4. else nothing was registered.
type Ledger struct {
	units *volunteer.Units
	obs   []observation // by date; on one date rosters first
}

// observation is one export's, or one day of a counts export's, figures.
type observation struct {
	date   volunteer.Date
	path   string
	roster *curves // for rosters: registrations over time
	totals []int   // for counts: per unit, its parts included
	// members per unit (its parts included) from a roster with 政治面貌.
	members []int
}

// curves holds, per unit with its parts, the cumulative registrations on
// each day anybody registered.
type curves struct {
	days [][]volunteer.Date
	cum  [][]int
}

func (c *curves) at(u int, d volunteer.Date) int {
	days := c.days[u]
	i := sort.Search(len(days), func(i int) bool { return days[i] > d })
	if i == 0 {
		return 0
	}
	return c.cum[u][i-1]
}

// NewLedger indexes the registration exports among exports.
func NewLedger(units *volunteer.Units, exports []*volunteer.Export) *Ledger {
	l := &Ledger{units: units}
	for _, e := range exports {
		switch {
		case e.Kind == volunteer.Roster && e.Roster != nil:
			l.obs = append(l.obs, l.rosterObservation(e))
		case e.Kind == volunteer.Counts:
			l.obs = append(l.obs, l.countsObservations(e)...)
		}
	}
	slices.SortStableFunc(l.obs, func(a, b observation) int {
		if a.date != b.date {
			return int(a.date - b.date)
		}
		if (a.roster != nil) != (b.roster != nil) {
			if a.roster != nil {
				return -1
			}
			return 1
		}
		return 0
	})
	return l
}

func (l *Ledger) rosterObservation(e *volunteer.Export) observation {
	n := l.units.Len()
	perDay := make([]map[volunteer.Date]int, n)
	for _, r := range e.Roster.Registrations {
		for u := int(r.Unit); u >= 0; u = l.units.Parent(u) {
			if perDay[u] == nil {
				perDay[u] = map[volunteer.Date]int{}
			}
			perDay[u][r.Day] += int(r.N)
		}
	}
	c := &curves{days: make([][]volunteer.Date, n), cum: make([][]int, n)}
	for u, m := range perDay {
		for d := range m {
			c.days[u] = append(c.days[u], d)
		}
		slices.Sort(c.days[u])
		sum := 0
		for _, d := range c.days[u] {
			sum += m[d]
			c.cum[u] = append(c.cum[u], sum)
		}
	}
	o := observation{date: e.Date, path: e.Path, roster: c}
	if e.Roster.HasMembers {
		o.members = l.subtreeSums(e.Roster.Members)
	}
	return o
}

// subtreeSums adds each unit's own numbers to all its ancestors.
func (l *Ledger) subtreeSums(own []int) []int {
	out := make([]int, l.units.Len())
	for u, v := range own {
		for a := u; a >= 0; a = l.units.Parent(a) {
			out[a] += v
		}
	}
	return out
}

// countsObservations splits a counts export by day. A unit without a row
// of its own is the sum of its parts' figures.
func (l *Ledger) countsObservations(e *volunteer.Export) []observation {
	byDay := map[volunteer.Date]map[int]int{}
	var days []volunteer.Date
	for _, c := range e.Counts {
		if byDay[c.Day] == nil {
			byDay[c.Day] = map[int]int{}
			days = append(days, c.Day)
		}
		byDay[c.Day][c.Unit] = c.Registered
	}
	slices.Sort(days)
	var out []observation
	for _, d := range days {
		given := byDay[d]
		totals := make([]int, l.units.Len())
		var fill func(u int) int
		fill = func(u int) int {
			if v, ok := given[u]; ok {
				totals[u] = v
				for _, c := range l.units.Children(u) {
					fill(c)
				}
				return v
			}
			s := 0
			for _, c := range l.units.Children(u) {
				s += fill(c)
			}
			totals[u] = s
			return s
		}
		fill(l.units.Root())
		out = append(out, observation{date: d, path: e.Path, totals: totals})
	}
	return out
}

func (o *observation) value(u int, d volunteer.Date) int {
	if o.roster != nil {
		return o.roster.at(u, d)
	}
	return o.totals[u]
}

// Registered returns registered(u, d) as known on asOf (d ≤ asOf).
func (l *Ledger) Registered(u int, d, asOf volunteer.Date) int {
	if o := l.source(d, asOf); o != nil {
		return o.value(u, d)
	}
	return 0
}

// source picks the observation that tells day d, as known on asOf.
func (l *Ledger) source(d, asOf volunteer.Date) *observation {
	// Observations dated after asOf do not exist yet.
	n := sort.Search(len(l.obs), func(i int) bool { return l.obs[i].date > asOf })
	obs := l.obs[:n]
	i := sort.Search(len(obs), func(i int) bool { return obs[i].date >= d })
	if i < len(obs) && obs[i].date == d {
		return &obs[i]
	}
	for j := i; j < len(obs); j++ {
		if obs[j].roster != nil {
			return &obs[j]
		}
	}
	if i > 0 {
		return &obs[i-1]
	}
	return nil
}

// Members returns the League members among u's volunteers as of asOf, from
// the latest roster that gives 政治面貌; ok is false when none does.
func (l *Ledger) Members(u int, asOf volunteer.Date) (n int, ok bool) {
	for i := len(l.obs) - 1; i >= 0; i-- {
		if o := &l.obs[i]; o.date <= asOf && o.members != nil {
			return o.members[u], true
		}
	}
	return 0, false
}

// Dates lists the days some registration export tells, in order.
func (l *Ledger) Dates() []volunteer.Date {
	var out []volunteer.Date
	for _, o := range l.obs {
		if len(out) == 0 || out[len(out)-1] != o.date {
			out = append(out, o.date)
		}
	}
	return out
}

// SourcePath names the export that tells day d as of asOf, for receipts.
func (l *Ledger) SourcePath(d, asOf volunteer.Date) string {
	if o := l.source(d, asOf); o != nil {
		return o.path
	}
	return ""
}
