package metrics

import (
	"cmp"
	"math"
	"slices"

	"qingwang/volunteer"
)

// Status is where a unit stands against its quota and the 序时进度.
type Status uint8

const (
	NoQuota        Status = iota // a unit without a quota (most towns)
	Done                         // 已完成: registered ≥ quota
	OnTrack                      // 正常: at or above 序时进度
	Behind                       // 滞后: below it, but catching up or close
	SeverelyBehind               // 严重滞后: far below it, and its pace will not make the due date
)

func (s Status) Label() string {
	return [...]string{"—", "已完成", "正常", "滞后", "严重滞后"}[s]
}

// Lagging reports whether the unit is named among those behind schedule.
func (s Status) Lagging() bool { return s == Behind || s == SeverelyBehind }

// Progress is one unit's registration figures on a day.
type Progress struct {
	Unit       int
	Registered int
	Quota      int
	Completion float64 // Registered / Quota; 0 without a quota
	Rank       int     // among peers (same kind, same parent) by completion; 0 unranked
	Peers      int     // how many are ranked with it

	NewDay      int            // since the day before
	NewWeek     int            // since seven days before
	NewPrevious int            // since the previous bulletin's cut-off (Report.Previous)
	Pace        float64        // mean new registrations per day over the last seven days
	Target      int            // 序时进度: where the unit should be by today
	TargetShare float64        // the same as a share of the quota
	Status      Status         //
	Due         volunteer.Date // the next date the quota is due: the deadline, then each assessment
	Projected   volunteer.Date // when the quota is reached at Pace; 0 if done or never
	NeededDaily int            // registrations a day still needed to meet the quota by Due

	MemberVolunteers int     // League members among the volunteers (or all, when rosters do not say)
	MemberShare      float64 // MemberVolunteers / League members; 0 without a base
	StudentShare     float64 // Registered / students; 0 without a base
}

// Report holds every unit's progress on one day.
type Report struct {
	AsOf     volunteer.Date
	Previous volunteer.Date // the previous bulletin's cut-off; 0 for the first
	Units    []Progress     // by unit index
}

// Compute figures every unit as of asOf.
func Compute(units *volunteer.Units, rules volunteer.Rules, l *Ledger, asOf volunteer.Date) *Report {
	r := &Report{AsOf: asOf, Previous: PreviousCutoff(l, asOf), Units: make([]Progress, units.Len())}
	for u := range r.Units {
		p := &r.Units[u]
		p.Unit = u
		p.Quota = units.Quota(u)
		p.Registered = l.Registered(u, asOf, asOf)
		p.NewDay = p.Registered - l.Registered(u, asOf.AddDays(-1), asOf)
		p.NewWeek = p.Registered - l.Registered(u, asOf.AddDays(-7), asOf)
		if r.Previous != 0 {
			p.NewPrevious = p.Registered - l.Registered(u, r.Previous, asOf)
		}
		p.Pace = float64(p.NewWeek) / 7
		schedule(p, rules, asOf)
		unit := units.At(u)
		p.MemberVolunteers = p.Registered
		if n, ok := l.Members(u, asOf); ok {
			p.MemberVolunteers = n
		}
		if unit.Members > 0 {
			p.MemberShare = float64(p.MemberVolunteers) / float64(unit.Members)
		}
		if unit.Students > 0 {
			p.StudentShare = float64(p.Registered) / float64(unit.Students)
		}
	}
	rank(units, r.Units)
	return r
}

// TargetOn is the 序时进度 share on day d: nothing before the start, the
// whole quota from the deadline on, in a straight line between.
func TargetOn(rules volunteer.Rules, d volunteer.Date) float64 {
	switch {
	case d <= rules.Start:
		return 0
	case d >= rules.Deadline:
		return 1
	}
	return float64(rules.Start.DaysUntil(d)) / float64(rules.Start.DaysUntil(rules.Deadline))
}

// DueOn is the next date the quota is due on or after d: the deadline, then
// each assessment; 0 once the last has passed.
func DueOn(rules volunteer.Rules, d volunteer.Date) volunteer.Date {
	if d <= rules.Deadline {
		return rules.Deadline
	}
	for _, a := range rules.Assessments {
		if d <= a {
			return a
		}
	}
	return 0
}

func schedule(p *Progress, rules volunteer.Rules, d volunteer.Date) {
	p.Due = DueOn(rules, d)
	if p.Quota == 0 {
		p.Status = NoQuota
		return
	}
	p.Completion = float64(p.Registered) / float64(p.Quota)
	p.TargetShare = TargetOn(rules, d)
	p.Target = int(math.Ceil(p.TargetShare * float64(p.Quota)))
	left := p.Quota - p.Registered
	if left <= 0 {
		p.Status = Done
		return
	}
	if p.Pace > 0 {
		p.Projected = d.AddDays(int(math.Ceil(float64(left) / p.Pace)))
	}
	days := d.DaysUntil(p.Due)
	if p.Due == 0 || days <= 0 {
		p.NeededDaily = left
	} else {
		p.NeededDaily = (left + days - 1) / days
	}
	paceOK := p.Projected != 0 && p.Due != 0 && p.Projected <= p.Due
	switch {
	case p.Registered >= p.Target:
		p.Status = OnTrack
	case paceOK || float64(p.Registered) >= rules.SevereLag*float64(p.Target):
		p.Status = Behind
	default:
		p.Status = SeverelyBehind
	}
}

// rank orders peers (same kind, same parent, with a quota) by completion,
// then by registered; equal figures share a rank.
func rank(units *volunteer.Units, ps []Progress) {
	groups := map[[2]int][]int{}
	var keys [][2]int
	for u := range ps {
		if ps[u].Quota == 0 {
			continue
		}
		k := [2]int{int(units.At(u).Kind), units.Parent(u)}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], u)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		slices.SortStableFunc(g, func(a, b int) int { return compareProgress(&ps[b], &ps[a]) })
		for i, u := range g {
			ps[u].Peers = len(g)
			if i > 0 && compareProgress(&ps[u], &ps[g[i-1]]) == 0 {
				ps[u].Rank = ps[g[i-1]].Rank
			} else {
				ps[u].Rank = i + 1
			}
		}
	}
}

func compareProgress(a, b *Progress) int {
	// Compare completions exactly: a/b vs c/d as a*d vs c*b.
	if c := cmp.Compare(a.Registered*b.Quota, b.Registered*a.Quota); c != 0 {
		return c
	}
	return cmp.Compare(a.Registered, b.Registered)
}

// Ranked returns the units of a kind under the city, best first.
func (r *Report) Ranked(units *volunteer.Units, k volunteer.Kind) []Progress {
	var out []Progress
	for _, u := range units.OfKind(k) {
		out = append(out, r.Units[u])
	}
	slices.SortStableFunc(out, func(a, b Progress) int {
		if a.Rank == 0 || b.Rank == 0 {
			return cmp.Compare(b.Rank, a.Rank) // ranked first
		}
		return cmp.Compare(a.Rank, b.Rank)
	})
	return out
}
