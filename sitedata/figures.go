package sitedata

import (
	"fmt"

	"qingwang/charts"

	"qingwang/metrics"
	"qingwang/volunteer"
)

// Figures are one unit's numbers as pages print them.
type Figures struct {
	Registered  int    `json:"registered"`
	Quota       int    `json:"quota"`
	Completion  string `json:"completion"` // 87.5%, or — without a quota
	Rank        int    `json:"rank"`
	Peers       int    `json:"peers"`
	NewPrevious int    `json:"new_previous"`
	NewDay      int    `json:"new_day"`
	NewWeek     int    `json:"new_week"`
	Pace        string `json:"pace"`   // new a day over the last week, 12.3
	Target      string `json:"target"` // 序时进度 as a share
	TargetCount int    `json:"target_count"`
	Status      string `json:"status"`
	StatusClass string `json:"status_class"`
	Projected   string `json:"projected"` // 5月3日, 已完成, or 按现速无法完成
	NeededDaily int    `json:"needed_daily"`
	Due         string `json:"due"`
	MemberShare string `json:"member_share"` // empty without a base
	// MemberShareMet: League members among the volunteers reach the
	// notice's share of the unit's members (20%).
	MemberShareMet bool `json:"member_share_met"`
	Over           int  `json:"over"` // registered beyond the quota
}

// Row is a unit's line in a ranking table.
type Row struct {
	No   int    `json:"no"`
	ID   string `json:"id"`
	Name string `json:"name"`
	Figures
}

// Lag names a unit behind 序时进度.
type Lag struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Status     string `json:"status"`
	Class      string `json:"class"`
	Completion string `json:"completion"`
	Projected  string `json:"projected"`
}

func statusClass(s metrics.Status) string {
	return [...]string{"noquota", "done", "ontrack", "behind", "severe"}[s]
}

// percent prints a share as every chart does.
func percent(f float64) string { return charts.PercentText(f) }

func (b *builder) figures(r *metrics.Report, u int) Figures {
	p := r.Units[u]
	f := Figures{
		Registered: p.Registered, Quota: p.Quota, Rank: p.Rank, Peers: p.Peers,
		NewPrevious: p.NewPrevious, NewDay: p.NewDay, NewWeek: p.NewWeek,
		Pace: fmt.Sprintf("%.1f", p.Pace), Status: p.Status.Label(), StatusClass: statusClass(p.Status),
		NeededDaily: p.NeededDaily, Completion: "—",
	}
	if p.Quota > 0 {
		f.Completion = percent(p.Completion)
		f.Target = percent(p.TargetShare)
		f.TargetCount = p.Target
		switch {
		case p.Status == metrics.Done:
			f.Projected = "已完成"
		case p.Projected != 0:
			f.Projected = p.Projected.ChineseFrom(r.AsOf)
		default:
			f.Projected = "按现速无法完成"
		}
	}
	if p.Due != 0 {
		f.Due = p.Due.Chinese()
	}
	if p.MemberShare > 0 {
		f.MemberShare = percent(p.MemberShare)
		f.MemberShareMet = p.MemberShare >= b.rules.MemberShare
	}
	if p.Quota > 0 && p.Registered > p.Quota {
		f.Over = p.Registered - p.Quota
	}
	return f
}

// rows is the ranking table of one kind of unit, best first.
func (b *builder) rows(r *metrics.Report, k volunteer.Kind) []Row {
	var out []Row
	for i, p := range r.Ranked(b.units, k) {
		u := b.units.At(p.Unit)
		out = append(out, Row{No: i + 1, ID: u.ID, Name: u.Name, Figures: b.figures(r, p.Unit)})
	}
	return out
}

// lagging names the counties, schools and universities behind 序时进度,
// worst first within each kind.
func (b *builder) lagging(r *metrics.Report) []Lag {
	out := []Lag{} // templates count it: never null

	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		ranked := r.Ranked(b.units, k)
		for i := len(ranked) - 1; i >= 0; i-- {
			p := ranked[i]
			if !p.Status.Lagging() {
				continue
			}
			f := b.figures(r, p.Unit)
			u := b.units.At(p.Unit)
			out = append(out, Lag{u.ID, u.Name, f.Status, f.StatusClass, f.Completion, f.Projected})
		}
	}
	return out
}
