package sitedata

import (
	"fmt"

	"qingwang/metrics"
	"qingwang/volunteer"
)

// Assessment is the page of one assessment date: every county, school
// and university against each criterion, with the one-vote veto.
type Assessment struct {
	Date      string          `json:"date"`
	DateCN    string          `json:"date_cn"`
	Title     string          `json:"title"`
	Headline  string          `json:"headline"`
	Passed    int             `json:"passed"`
	Failed    int             `json:"failed"`
	Criteria  []string        `json:"criteria"`
	Rows      []AssessmentRow `json:"rows"`
	Core      []TeamRow       `json:"core"`
	Mandatory []MandatoryRow  `json:"mandatory"`
	Projects  []ProjectRow    `json:"projects"`
	Notes     []string        `json:"notes"`
	Bulletin  int             `json:"bulletin"` // the number of the bulletin nearest the date
}

// AssessmentRow is one unit's verdict.
type AssessmentRow struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Kind    string          `json:"kind"`
	Results []CriterionCell `json:"results"`
	Passed  bool            `json:"passed"`
	Verdict string          `json:"verdict"` // 通过 or 一票否决
}

// CriterionCell is one criterion of one unit.
type CriterionCell struct {
	Criterion string `json:"criterion"`
	Label     string `json:"label"`
	Met       bool   `json:"met"`
	Detail    string `json:"detail"`
}

// TeamRow is a core team.
type TeamRow struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Size         int    `json:"size"`
	Minimum      int    `json:"minimum"`
	InOtherTeams int    `json:"in_other_teams"`
	WeChat       bool   `json:"wechat"`
	Met          bool   `json:"met"`
}

// MandatoryRow is a unit's mandatory registrants, its towns included.
type MandatoryRow struct {
	ID                 string `json:"id"`
	Name               string `json:"name"`
	Listed             int    `json:"listed"`
	Registered         int    `json:"registered"`
	SquadronRegistered int    `json:"squadron_registered"`
	FullTime           int    `json:"full_time"`
	FullTimeInCore     int    `json:"full_time_in_core"`
}

// ProjectRow is a unit's projects this year.
type ProjectRow struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Own              int    `json:"own"`
	Expected         int    `json:"expected"`
	Minimum          int    `json:"minimum"`
	Theme            int    `json:"theme"`
	ParticipationMet int    `json:"participation_met"`
	Total            int    `json:"total"`
	ByAction         []int  `json:"by_action"`
}

// assessed lists the units assessed: counties, schools, universities.
func (b *builder) assessed() []int {
	var out []int
	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		out = append(out, b.units.OfKind(k)...)
	}
	return out
}

func (b *builder) assessment(d volunteer.Date) Assessment {
	n := metrics.NoticeOn(b.units, b.rules, b.ds.Exports, d)
	verdicts := metrics.Assess(b.units, b.rules, b.report(d), n)
	a := Assessment{Date: d.String(), DateCN: d.ChineseFull(), Notes: []string{}}
	for _, c := range metrics.Criteria {
		a.Criteria = append(a.Criteria, c.Label())
	}
	byUnit := map[int]metrics.Verdict{}
	for _, v := range verdicts {
		byUnit[v.Unit] = v
	}
	for _, u := range b.assessed() {
		v := byUnit[u]
		unit := b.units.At(u)
		row := AssessmentRow{ID: unit.ID, Name: unit.Name, Kind: unit.Kind.Label(), Passed: v.Passed, Verdict: "一票否决"}
		if v.Passed {
			row.Verdict = "通过"
			a.Passed++
		} else {
			a.Failed++
		}
		for _, r := range v.Results {
			row.Results = append(row.Results, CriterionCell{string(r.Criterion), r.Criterion.Label(), r.Met, r.Detail})
		}
		a.Rows = append(a.Rows, row)
	}
	a.Title = fmt.Sprintf("%s考核结果：%d个单位通过，%d个单位一票否决", d.Chinese(), a.Passed, a.Failed)
	a.Headline = fmt.Sprintf("%s统计考核各县（市、区）和院校，%d个单位各项达标，%d个单位因有未达标项目被一票否决", d.Chinese(), a.Passed, a.Failed)

	if core := n.Core; core != nil {
		for _, t := range core.Teams {
			u := b.units.At(t.Unit)
			a.Core = append(a.Core, TeamRow{u.ID, u.Name, t.Size, t.Minimum, t.InOtherTeams, t.WeChat, t.Met()})
		}
		if n := len(core.Overlaps); n > 0 {
			a.Notes = append(a.Notes, fmt.Sprintf("有%d人同时在多支骨干队伍中（通知要求各级骨干队伍成员互相不重复），名单已另行通知相关单位。", n))
		}
	} else {
		a.Notes = append(a.Notes, "截至考核日没有骨干名单导出。")
	}
	if m := n.Mandatory; m != nil {
		for _, u := range b.assessed() {
			s := m.Within(b.units, u)
			unit := b.units.At(u)
			a.Mandatory = append(a.Mandatory, MandatoryRow{unit.ID, unit.Name, s.Listed, s.Registered, s.SquadronRegistered, s.FullTime, s.FullTimeInCore})
		}
		a.Notes = append(a.Notes, fmt.Sprintf("应注册人员共%d人，已注册%d人（%s的应注册名单对照%s的志愿者名单）。", m.Listed, m.Registered, m.Date.Chinese(), m.RosterDate.Chinese()))
	} else {
		a.Notes = append(a.Notes, "截至考核日没有应注册名单导出。")
	}
	if p := n.Projects; p != nil {
		none := 0
		for _, up := range p.Units {
			unit := b.units.At(up.Unit)
			if unit.Kind == volunteer.Town {
				if up.Total() == 0 {
					none++
				}
				continue
			}
			a.Projects = append(a.Projects, ProjectRow{unit.ID, unit.Name, up.Own, up.Expected, up.Minimum, up.Theme, up.ParticipationMet, up.Total(), up.ByAction})
		}
		if none > 0 {
			a.Notes = append(a.Notes, fmt.Sprintf("有%d个镇（街道）今年尚未开展志愿项目。", none))
		}
	} else {
		a.Notes = append(a.Notes, "截至考核日没有志愿项目导出。")
	}
	a.Bulletin = b.nearestBulletin(d)
	return a
}

// nearestBulletin is the number of the bulletin whose cut-off is nearest
// d (the later one on a tie).
func (b *builder) nearestBulletin(d volunteer.Date) int {
	best, bestGap := 0, 1<<30
	for i, c := range b.cutoffs {
		gap := c.DaysUntil(d)
		if gap < 0 {
			gap = -gap
		}
		if gap <= bestGap {
			best, bestGap = i+1, gap
		}
	}
	return best
}
