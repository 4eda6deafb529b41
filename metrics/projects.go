package metrics

import (
	"math"

	"qingwang/volunteer"
)

// UnitProjects is one unit's volunteer projects in the calendar year
// (notice 二): at least the minimum of its own (自主发起) projects a year,
// and participation at the threshold of each project's type.
type UnitProjects struct {
	Unit             int
	Own              int   // 自主发起 projects this year: what the minimum counts
	Theme            int   // 上级主题活动 it took part in
	ByAction         []int // all its projects this year, per rules.Actions
	Minimum          int   // a year
	Expected         int   // the minimum pro rata to the day
	ParticipationMet int   // projects whose participation reaches their threshold
	NoBase           int   // projects without 组织人数: participation unknown
}

// Total is the unit's projects of both types.
func (p UnitProjects) Total() int { return p.Own + p.Theme }

// ProjectResult is one project's participation.
type ProjectResult struct {
	volunteer.Project
	Share     float64 // participants / base; 0 when base is 0
	Threshold float64
	Met       bool
}

// ProjectsReport is the projects as of a day.
type ProjectsReport struct {
	Date     volunteer.Date // of the projects export
	Year     int
	Units    []UnitProjects // every unit with a minimum, units.csv order
	Projects []ProjectResult
}

// ProjectsOf figures projects from the latest projects export on or before
// asOf, counting those published in asOf's year up to asOf; nil without one.
func ProjectsOf(units *volunteer.Units, rules volunteer.Rules, exports []*volunteer.Export, asOf volunteer.Date) *ProjectsReport {
	src := latestOf(exports, volunteer.Projects, asOf)
	if len(src) == 0 {
		return nil
	}
	year := asOf.Year()
	r := &ProjectsReport{Date: src[0].Date, Year: year}
	byUnit := map[int]*UnitProjects{}
	unit := func(u int) *UnitProjects {
		if byUnit[u] == nil {
			byUnit[u] = &UnitProjects{Unit: u, ByAction: make([]int, len(rules.Actions)), Minimum: rules.ProjectMinimum[units.At(u).Kind]}
		}
		return byUnit[u]
	}
	seen := map[string]bool{}
	for _, e := range src {
		for _, p := range e.Projects {
			if p.Published.Year() != year || p.Published > asOf || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			res := ProjectResult{Project: p, Threshold: rules.OwnParticipation}
			if p.Type == volunteer.ThemeProject {
				res.Threshold = rules.ThemeParticipation
			}
			up := unit(p.Unit)
			if p.Base > 0 {
				res.Share = float64(p.Participants) / float64(p.Base)
				res.Met = p.Participants*1000 >= int(math.Round(res.Threshold*1000))*p.Base
			} else {
				up.NoBase++
			}
			r.Projects = append(r.Projects, res)
			if p.Type == volunteer.ThemeProject {
				up.Theme++
			} else {
				up.Own++
			}
			if p.Action >= 0 && p.Action < len(up.ByAction) {
				up.ByAction[p.Action]++
			}
			if res.Met {
				up.ParticipationMet++
			}
		}
	}
	days := float64(volunteer.NewDate(year, 1, 1).DaysUntil(volunteer.NewDate(year+1, 1, 1)))
	elapsed := float64(volunteer.NewDate(year, 1, 1).DaysUntil(asOf) + 1)
	for u := 0; u < units.Len(); u++ {
		if rules.ProjectMinimum[units.At(u).Kind] == 0 && byUnit[u] == nil {
			continue
		}
		up := unit(u)
		up.Expected = int(math.Ceil(float64(up.Minimum) * elapsed / days))
		r.Units = append(r.Units, *up)
	}
	return r
}

// Unit returns the projects of unit u.
func (r *ProjectsReport) Unit(u int) (UnitProjects, bool) {
	for _, p := range r.Units {
		if p.Unit == u {
			return p, true
		}
	}
	return UnitProjects{}, false
}
