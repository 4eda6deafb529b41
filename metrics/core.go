package metrics

import (
	"slices"

	"qingwang/volunteer"
)

// Team is one core team (骨干队伍) against the notice's rules: at least
// the minimum of its level, nobody also in another team, a WeChat group.
type Team struct {
	Unit         int
	Size         int
	Minimum      int
	InOtherTeams int // its people who also stand in another team
	WeChat       bool
}

// Met reports whether the team is large enough and overlaps no other.
func (t Team) Met() bool { return t.Size >= t.Minimum && t.InOtherTeams == 0 }

// Overlap is a person in more than one team; the notice forbids it.
type Overlap struct {
	Person volunteer.PersonKeys
	Name   string // only when ingest kept names, for the follow-up list
	Teams  []int
}

// CoreReport is the core teams as of a day.
type CoreReport struct {
	Date     volunteer.Date // of the core roster used
	Teams    []Team         // every team listed, and every city, county, school and university without one
	Overlaps []Overlap
	teamsOf  map[volunteer.PersonKey][]int // identifier -> the teams it stands in
}

// CoreTeams figures the core teams from the latest core roster on or
// before asOf; nil when there is none. People are matched across teams by
// any identifier the latest roster knows for them.
func CoreTeams(units *volunteer.Units, rules volunteer.Rules, exports []*volunteer.Export, asOf volunteer.Date) *CoreReport {
	src := latestOf(exports, volunteer.Core, asOf)
	if len(src) == 0 {
		return nil
	}
	people := mergePeople(latestOf(exports, volunteer.Roster, asOf))
	var members []volunteer.CoreMember
	for _, e := range src {
		for _, m := range e.Core {
			m.Person = people.Expand(m.Person)
			members = append(members, m)
		}
	}
	// Which teams each identifier stands in.
	teamsOf := map[volunteer.PersonKey][]int{}
	r := &CoreReport{Date: src[0].Date, teamsOf: teamsOf}
	add := func(k volunteer.PersonKey, team int) {
		if k != 0 && !slices.Contains(teamsOf[k], team) {
			teamsOf[k] = append(teamsOf[k], team)
		}
	}
	for _, m := range members {
		add(m.Person.VolunteerID, m.Team)
		add(m.Person.IDNumber, m.Team)
		add(m.Person.Mobile, m.Team)
	}
	teams := map[int]*Team{}
	team := func(u int) *Team {
		if teams[u] == nil {
			teams[u] = &Team{Unit: u, Minimum: rules.CoreMinimum[units.At(u).Kind]}
		}
		return teams[u]
	}
	seen := map[volunteer.PersonKey]bool{}
	for _, m := range members {
		t := team(m.Team)
		t.Size++
		t.WeChat = t.WeChat || m.WeChat
		var all []int
		for _, k := range []volunteer.PersonKey{m.Person.VolunteerID, m.Person.IDNumber, m.Person.Mobile} {
			for _, u := range teamsOf[k] {
				if !slices.Contains(all, u) {
					all = append(all, u)
				}
			}
		}
		if len(all) > 1 {
			t.InOtherTeams++
			if p := m.Person.Primary(); !seen[p] {
				seen[p] = true
				slices.Sort(all)
				r.Overlaps = append(r.Overlaps, Overlap{Person: m.Person, Name: m.Name, Teams: all})
			}
		}
	}
	for u := 0; u < units.Len(); u++ {
		switch units.At(u).Kind {
		case volunteer.City, volunteer.County, volunteer.School, volunteer.University:
			team(u)
		}
		if t := teams[u]; t != nil {
			r.Teams = append(r.Teams, *t)
		}
	}
	return r
}

// Team returns the team of unit u, if it has one or must have one.
func (r *CoreReport) Team(u int) (Team, bool) {
	for _, t := range r.Teams {
		if t.Unit == u {
			return t, true
		}
	}
	return Team{}, false
}

// InAnyTeam reports whether a person stands in some core team.
func (r *CoreReport) InAnyTeam(k volunteer.PersonKeys) bool {
	return k.VolunteerID != 0 && len(r.teamsOf[k.VolunteerID]) > 0 ||
		k.IDNumber != 0 && len(r.teamsOf[k.IDNumber]) > 0 ||
		k.Mobile != 0 && len(r.teamsOf[k.Mobile]) > 0
}
