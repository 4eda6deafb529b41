package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"qingwang/ingest"
	"qingwang/metrics"
	"qingwang/volunteer"
)

// wantVerdicts is the story the assessments tell, per county and school:
// the criteria failed on 4/25 and on 6/25 ("" passes).
var wantVerdicts = map[string][2]string{
	"meijiang":      {"", ""},                                                     // overshoots
	"meixian":       {"core", "core"},                                             // one person in its team, a town's and the city's
	"xingning":      {"mandatory", ""},                                            // three town cadres register after 4/25
	"pingyuan":      {"registration mandatory", "registration mandatory"},         // lags; two cadres never register
	"jiaoling":      {"core", ""},                                                 // a full-time cadre in no team until 6/24
	"dabu":          {"participation", ""},                                        // a project below 50%, then above
	"fengshun":      {"registration participation", "registration participation"}, // lags; a project with 组织人数 0
	"wuhua":         {"core", "core"},                                             // team 28, then 29 of 30
	"shifan":        {"core", ""},                                                 // one person also in the city's team until 6/24
	"yixueyuan":     {"", ""},
	"zhiye":         {"registration participation", "participation"}, // a little short on 4/25; a project below 50%
	"nongye":        {"", ""},
	"jiaying-jishu": {"", ""},
	"dongshan":      {"mandatory", ""},             // one 中队辅导员 of two registered by 4/25
	"zengxianzi":    {"projects", ""},              // 2 own projects by 4/25, 3 due
	"yishu":         {"registration projects", ""}, // lags, catches up; behind on projects
	"jiaotong":      {"", ""},                      // no WeChat group: reported, not failing
	"yuedong":       {"registration", ""},          // a little short on 4/25
	"jishu":         {"", ""},
	"jixie":         {"registration", ""}, // lags, catches up
}

// TestGenerate_Assessments reads seasons with package ingest and assesses
// them with package metrics: the story's verdicts, whatever the seed and
// however often rosters come.
func TestGenerate_Assessments(t *testing.T) {
	dir, _, _ := defaultSeason(t)
	t.Run("seed 1, weekly rosters", func(t *testing.T) { checkAssessments(t, dir) })
	t.Run("seed 7, rosters of the assessments only", func(t *testing.T) {
		if testing.Short() {
			t.Skip("-short")
		}
		units, raw := loadUnits(t)
		dir := t.TempDir()
		if _, err := Generate(context.Background(), dir, units, raw, volunteer.DefaultRules(), Options{Seed: 7, RosterEvery: -1}); err != nil {
			t.Fatal(err)
		}
		checkAssessments(t, dir)
	})
}

func checkAssessments(t *testing.T, dir string) {
	ds, err := ingest.ReadDir(context.Background(), dir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Failed) > 0 {
		t.Fatalf("unreadable: %v", ds.Failed)
	}
	u, rules := ds.Units, ds.Rules
	cal, _ := newCalendar(rules)
	ledger := metrics.NewLedger(u, ds.Exports)
	id := func(i int) string { return u.At(i).ID }
	unit := func(name string) int {
		for i := range u.Len() {
			if id(i) == name {
				return i
			}
		}
		t.Fatalf("no unit %s", name)
		return -1
	}
	for k, d := range []volunteer.Date{cal.a1, cal.a2} {
		passed := 0
		vs := metrics.Assess(u, rules, metrics.Compute(u, rules, ledger, d), metrics.NoticeOn(u, rules, ds.Exports, d))
		if len(vs) != len(wantVerdicts) {
			t.Errorf("%s: %d units assessed, want %d", d, len(vs), len(wantVerdicts))
		}
		for _, v := range vs {
			var failed []string
			for _, c := range v.Failed() {
				failed = append(failed, string(c))
			}
			want, ok := wantVerdicts[id(v.Unit)]
			if got := strings.Join(failed, " "); !ok || got != want[k] {
				var why []string
				for _, r := range v.Results {
					if !r.Met {
						why = append(why, r.Criterion.Label()+"："+r.Detail)
					}
				}
				t.Errorf("%s %s: failed [%s], want [%s] %v", d, u.At(v.Unit).Name, got, want[k], why)
			}
			if v.Passed {
				passed++
			}
		}
		if want := [2]int{6, 15}[k]; passed != want {
			t.Errorf("%s: %d of %d pass, want %d", d, passed, len(vs), want)
		}

		// The figures behind the verdicts.
		core := metrics.CoreTeams(u, rules, ds.Exports, d)
		mand := metrics.Mandatory(u, ds.Exports, core, d)
		proj := metrics.ProjectsOf(u, rules, ds.Exports, d)
		// Overlaps as the teams' unit ids, in units.csv order.
		var overlaps []string
		for _, o := range core.Overlaps {
			var names []string
			for _, team := range o.Teams {
				names = append(names, id(team))
			}
			overlaps = append(overlaps, strings.Join(names, "+"))
		}
		slices.Sort(overlaps)
		town := -1
		forms := newForms(u)
		for _, c := range u.Children(unit(tripleCountyID)) {
			if town < 0 && forms[c].plain == u.At(c).Name {
				town = c
			}
		}
		city := id(u.Root())
		wantOverlaps := []string{city + "+" + tripleCountyID + "+" + id(town)}
		if k == 0 {
			wantOverlaps = append(wantOverlaps, city+"+"+doubleSchoolID)
		}
		slices.Sort(wantOverlaps)
		if !slices.Equal(overlaps, wantOverlaps) {
			t.Errorf("%s: overlaps %v, want %v", d, overlaps, wantOverlaps)
		}
		if team, _ := core.Team(unit(shortTeamID)); team.Size != [2]int{28, 29}[k] || team.Minimum != 30 {
			t.Errorf("%s: %s's team %d of %d, want %d", d, shortTeamID, team.Size, team.Minimum, [2]int{28, 29}[k])
		}
		for _, team := range core.Teams {
			if team.WeChat == (id(team.Unit) == noWeChatID) {
				t.Errorf("%s: %s's team: WeChat group %v", d, id(team.Unit), team.WeChat)
			}
		}
		if s := mand.Within(u, unit(cadreOutOfCoreID)); s.FullTime-s.FullTimeInCore != 1-k {
			t.Errorf("%s: %s: %d of %d full-time cadres in a team", d, cadreOutOfCoreID, s.FullTimeInCore, s.FullTime)
		}
		// Cadres not registered: two of missingCadresID's on both dates;
		// on 4/25 also three of lateTownCadresID's towns' and one of
		// lateSquadronID's.
		missing := map[string]int{}
		towns := map[int]bool{}
		for _, c := range mand.Missing {
			switch {
			case u.Parent(c.Unit) == unit(lateTownCadresID):
				missing[lateTownCadresID+" towns"]++
				towns[c.Unit] = true
			case c.Unit == unit(lateSquadronID) && c.Position == volunteer.SquadronCounselor:
				missing[lateSquadronID]++
			default:
				missing[id(c.Unit)]++
			}
		}
		wantMissing := map[string]int{missingCadresID: 2}
		if k == 0 {
			wantMissing[lateTownCadresID+" towns"] = 3
			wantMissing[lateSquadronID] = 1
		}
		if fmt.Sprint(missing) != fmt.Sprint(wantMissing) || len(towns) != wantMissing[lateTownCadresID+" towns"] {
			t.Errorf("%s: cadres not registered %v in %d towns, want %v in distinct towns", d, missing, len(towns), wantMissing)
		}
		if s := mand.Within(u, unit(lateSquadronID)); s.SquadronRegistered != [2]int{1, 2}[k] || s.Squadron != 2 {
			t.Errorf("%s: %s: %d of %d 中队辅导员 registered", d, lateSquadronID, s.SquadronRegistered, s.Squadron)
		}
		if p, _ := proj.Unit(unit(zeroBaseID)); p.NoBase != 1 {
			t.Errorf("%s: %s: %d projects without 组织人数", d, zeroBaseID, p.NoBase)
		}
		if p, _ := proj.Unit(unit(noProjectsID)); p.Total() != 0 || p.Minimum != 4 {
			t.Errorf("%s: %s: %d projects", d, noProjectsID, p.Total())
		}
		for _, f := range fewProjects {
			p, _ := proj.Unit(unit(f.id))
			if want := [2]int{f.n1, f.n1 + f.n2}[k]; p.Own != want || p.Expected != [2]int{3, 4}[k] {
				t.Errorf("%s: %s: %d own projects of %d due, want %d", d, f.id, p.Own, p.Expected, want)
			}
		}
	}
}
