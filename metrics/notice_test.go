package metrics

import (
	"strings"
	"testing"
	"time"

	"qingwang/volunteer"
)

func vid(s string) volunteer.PersonKeys {
	return volunteer.PersonKeys{VolunteerID: volunteer.KeyOf(volunteer.ByVolunteerID, s)}
}

func core(on volunteer.Date, members ...volunteer.CoreMember) *volunteer.Export {
	return &volunteer.Export{Path: "core", Kind: volunteer.Core, Date: on, Core: members}
}

// team makes n members of team u named prefix0…, with a WeChat group.
func team(u int, prefix string, n int) []volunteer.CoreMember {
	var out []volunteer.CoreMember
	for i := 0; i < n; i++ {
		out = append(out, volunteer.CoreMember{Team: u, Person: vid(prefix + string(rune('a'+i%26)) + string(rune('a'+i/26))), WeChat: true})
	}
	return out
}

func TestCoreTeams_SizesOverlapsAndWeChat(t *testing.T) {
	units := testUnits(t)
	rules := volunteer.DefaultRules() // county 30, town 5, school 50, city 100
	a, a1, b, s := idx(t, units, "a"), idx(t, units, "a1"), idx(t, units, "b"), idx(t, units, "s")
	members := append(team(a, "a", 30), team(b, "b", 29)...) // a exactly at its minimum; b one short
	members = append(members, team(s, "s", 50)...)
	members[len(members)-1].WeChat = false // the last school row only: the team still has its group
	for i := range members {
		if members[i].Team == s {
			members[i].WeChat = false // no school row names a group
		}
	}
	// One person in three teams: county a, town a1 and school s.
	three := vid("three")
	members = append(members,
		volunteer.CoreMember{Team: a1, Person: three}, volunteer.CoreMember{Team: s, Person: three})
	members[0].Person = three // a's first member
	r := CoreTeams(units, rules, []*volunteer.Export{core(day(time.April, 24), members...)}, day(time.April, 25))
	got := map[string]Team{}
	for _, tm := range r.Teams {
		got[units.At(tm.Unit).ID] = tm
	}
	if tm := got["a"]; tm.Size != 30 || tm.InOtherTeams != 1 || tm.Met() {
		t.Errorf("a: %+v; want 30, exactly the minimum, but 1 in other teams, so not met", tm)
	}
	if tm := got["b"]; tm.Size != 29 || tm.Met() {
		t.Errorf("b: %+v; want 29 of 30, not met", tm)
	}
	if tm := got["a1"]; tm.Size != 1 || tm.InOtherTeams != 1 {
		t.Errorf("a1: %+v", tm)
	}
	if tm := got["s"]; tm.Size != 51 || tm.WeChat || tm.InOtherTeams != 1 {
		t.Errorf("s: %+v; want 51 without a WeChat group", tm)
	}
	if tm, ok := got["city"]; !ok || tm.Size != 0 || tm.Minimum != 100 {
		t.Errorf("the city must be listed without a team: %+v %v", tm, ok)
	}
	if _, ok := got["a2"]; ok {
		t.Error("a town without a team is not listed")
	}
	if len(r.Overlaps) != 1 || len(r.Overlaps[0].Teams) != 3 {
		t.Errorf("overlaps %+v; want one person in three teams", r.Overlaps)
	}
	// With 30 people and nobody elsewhere, a county team meets the rule.
	r = CoreTeams(units, rules, []*volunteer.Export{core(day(time.April, 24), team(a, "x", 30)...)}, day(time.April, 25))
	if tm, _ := r.Team(a); !tm.Met() {
		t.Errorf("exactly 30, no overlap: %+v not met", tm)
	}
	if CoreTeams(units, rules, nil, day(time.April, 25)) != nil {
		t.Error("no core roster must give nil")
	}
}

func TestCoreTeams_OverlapThroughAnotherIdentifier(t *testing.T) {
	units := testUnits(t)
	a, s := idx(t, units, "a"), idx(t, units, "s")
	idn := volunteer.KeyOf(volunteer.ByIDNumber, "441402199001011234")
	person := volunteer.PersonKeys{VolunteerID: volunteer.KeyOf(volunteer.ByVolunteerID, "GD1"), IDNumber: idn}
	ro := roster(t, units, day(time.April, 24), "a", day(time.April, 1), 1)
	ro.Roster.People = &volunteer.PeopleIndex{}
	ro.Roster.People.Add(person, a)
	// Team a lists the volunteer id, school s the ID number: the roster joins them.
	c := core(day(time.April, 24),
		volunteer.CoreMember{Team: a, Person: volunteer.PersonKeys{VolunteerID: person.VolunteerID}},
		volunteer.CoreMember{Team: s, Person: volunteer.PersonKeys{IDNumber: idn}})
	r := CoreTeams(units, volunteer.DefaultRules(), []*volunteer.Export{ro, c}, day(time.April, 25))
	if len(r.Overlaps) != 1 {
		t.Errorf("overlaps %+v; want the person found in both teams", r.Overlaps)
	}
}

func TestMandatory_MatchesByAnyIdentifier(t *testing.T) {
	units := testUnits(t)
	a, a1, s := idx(t, units, "a"), idx(t, units, "a1"), idx(t, units, "s")
	mob := volunteer.KeyOf(volunteer.ByMobile, "13900000001")
	byMobile := volunteer.PersonKeys{VolunteerID: volunteer.KeyOf(volunteer.ByVolunteerID, "GD1"), Mobile: mob}
	ro := roster(t, units, day(time.April, 20), "a1", day(time.April, 1), 3)
	ro.Roster.People = &volunteer.PeopleIndex{}
	ro.Roster.People.Add(byMobile, a1)
	ro.Roster.People.Add(vid("GD2"), s)
	ro.Roster.People.Add(vid("GD3"), s)
	cadres := &volunteer.Export{Path: "cadres", Kind: volunteer.Cadres, Date: day(time.April, 15), Cadres: []volunteer.Cadre{
		{Unit: a1, Position: volunteer.ChiefCounselor, Keys: volunteer.PersonKeys{Mobile: mob}}, // only by mobile
		{Unit: a, Position: volunteer.FullTimeCadre, Keys: vid("GD9")},                          // not registered
		{Unit: s, Position: volunteer.BrigadeCounselor, Keys: vid("GD2")},
		{Unit: s, Position: volunteer.SquadronCounselor, Keys: vid("GD3")},
	}}
	m := Mandatory(units, []*volunteer.Export{ro, cadres}, nil, day(time.April, 25))
	if m.Listed != 4 || m.Registered != 3 || len(m.Missing) != 1 || m.Missing[0].Keys != vid("GD9") {
		t.Fatalf("listed %d registered %d missing %+v", m.Listed, m.Registered, m.Missing)
	}
	if w := m.Within(units, a); w.Listed != 2 || w.Registered != 1 {
		t.Errorf("county a with its town: %+v", w)
	}
	// A school with one registered squadron counselor fails: it needs two.
	res := mandatoryResult(units, m, s)
	if res.Met || !strings.Contains(res.Detail, "中队辅导员已注册1人") {
		t.Errorf("school: %+v", res)
	}
	if Mandatory(units, []*volunteer.Export{ro}, nil, day(time.April, 25)) != nil {
		t.Error("no cadres list must give nil")
	}
}

func project(id string, u int, typ volunteer.ProjectType, on volunteer.Date, participants, base int) volunteer.Project {
	return volunteer.Project{ID: id, Unit: u, Type: typ, Published: on, Participants: participants, Base: base}
}

func TestProjects_ThresholdsAndProRata(t *testing.T) {
	units := testUnits(t)
	a, b := idx(t, units, "a"), idx(t, units, "b")
	on := day(time.April, 1)
	e := &volunteer.Export{Path: "projects", Kind: volunteer.Projects, Date: day(time.April, 24), Projects: []volunteer.Project{
		project("p1", a, volunteer.OwnProject, on, 50, 100),                                     // exactly 50%: met
		project("p2", a, volunteer.OwnProject, on, 49, 100),                                     // just under: not met
		project("p3", a, volunteer.ThemeProject, on, 80, 100),                                   // exactly 80%: met
		project("p4", a, volunteer.ThemeProject, on, 79, 100),                                   // not met
		project("p5", a, volunteer.OwnProject, on, 10, 0),                                       // base 0: cannot be met
		project("p6", a, volunteer.OwnProject, volunteer.NewDate(2014, time.December, 1), 1, 1), // last year
		project("p7", a, volunteer.OwnProject, day(time.April, 30), 1, 1),                       // after the day
	}}
	r := ProjectsOf(units, volunteer.DefaultRules(), []*volunteer.Export{e}, day(time.April, 25))
	pa, _ := r.Unit(a)
	if pa.Own != 3 || pa.Theme != 2 || pa.ParticipationMet != 2 || pa.NoBase != 1 {
		t.Errorf("a: %+v; want 3 own, 2 theme, 2 met, 1 without base", pa)
	}
	// 4/25 is day 115 of 365: 8 × 115/365 = 2.52, so 3 are expected.
	if pa.Minimum != 8 || pa.Expected != 3 {
		t.Errorf("a: minimum %d expected %d; want 8 and 3", pa.Minimum, pa.Expected)
	}
	if pb, ok := r.Unit(b); !ok || pb.Total() != 0 || pb.Expected != 3 {
		t.Errorf("a county with no projects must be listed with none: %+v %v", pb, ok)
	}
	if ta, ok := r.Unit(idx(t, units, "a1")); !ok || ta.Minimum != 4 || ta.Expected != 2 {
		t.Errorf("a town: %+v", ta)
	}
	if res := participationResult(volunteer.DefaultRules(), r, a); res.Met || !strings.Contains(res.Detail, "没有组织人数") {
		t.Errorf("participation of a: %+v", res)
	}
	if res := participationResult(volunteer.DefaultRules(), r, b); !res.Met {
		t.Errorf("participation of a unit without projects is not failed twice: %+v", res)
	}
}

func TestAssess_OneVoteVeto(t *testing.T) {
	units := testUnits(t)
	rules := volunteer.DefaultRules()
	d := day(time.April, 25)
	a := idx(t, units, "a")
	exports := []*volunteer.Export{counts(t, units, day(time.April, 25), "a", 100, "b", 100, "s", 50, "t", 100)}
	vs := Assess(units, rules, Compute(units, rules, NewLedger(units, exports), d), NoticeOn(units, rules, exports, d))
	if len(vs) != 4 {
		t.Fatalf("%d verdicts; want the 2 counties and 2 schools", len(vs))
	}
	for _, v := range vs {
		if v.Unit == a {
			if v.Passed || v.Results[0].Criterion != Registration || !v.Results[0].Met {
				t.Errorf("a meets its quota but has no lists: %+v", v)
			}
			if f := v.Failed(); len(f) != 4 || f[0] != MandatoryReg {
				t.Errorf("failed %v; want the four criteria without data", f)
			}
		}
	}
}
