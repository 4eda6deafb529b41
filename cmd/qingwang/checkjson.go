package main

import "qingwang/volunteer"

// The JSON of check --json, as SPEC.md gives it.
type (
	jsonCheck struct {
		AsOf        string           `json:"as_of"`
		Files       []jsonFile       `json:"files"`
		Problems    []jsonProblem    `json:"problems"`
		Units       []jsonUnit       `json:"units"`
		Core        []jsonTeam       `json:"core,omitempty"`
		Mandatory   *jsonMandatory   `json:"mandatory,omitempty"`
		Projects    []jsonProjects   `json:"projects,omitempty"`
		Assessments []jsonAssessment `json:"assessments,omitempty"`
	}
	jsonTeam struct {
		Team         string `json:"team"`
		Kind         string `json:"kind"`
		Size         int    `json:"size"`
		Minimum      int    `json:"minimum"`
		InOtherTeams int    `json:"in_other_teams"`
		WeChatGroup  bool   `json:"wechat_group"`
	}
	jsonMandatory struct {
		Listed     int `json:"listed"`
		Registered int `json:"registered"`
	}
	jsonProjects struct {
		Unit             string `json:"unit"`
		Count            int    `json:"count"` // own (自主发起) projects this year: what the minimum counts
		Minimum          int    `json:"minimum"`
		ParticipationMet int    `json:"participation_met"`
	}
	jsonAssessment struct {
		Date   string   `json:"date"`
		Unit   string   `json:"unit"`
		Passed bool     `json:"passed"`
		Failed []string `json:"failed"`
	}
	jsonFile struct {
		Path     string `json:"path"`
		Kind     string `json:"kind"`
		Encoding string `json:"encoding"`
		Date     string `json:"date"`
		Rows     int    `json:"rows"`
		Accepted int    `json:"accepted"`
		Rejected int    `json:"rejected"`
	}
	jsonProblem struct {
		Path   string `json:"path"`
		Line   int    `json:"line"`
		Column string `json:"column,omitempty"`
		Reason string `json:"reason"`
	}
	jsonUnit struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		Kind       string `json:"kind"`
		Quota      *int   `json:"quota"` // null: units.csv gives none
		Registered int    `json:"registered"`
	}
)

func checkJSON(s *snapshot) jsonCheck {
	out := jsonCheck{AsOf: s.report.AsOf.String(), Files: []jsonFile{}, Problems: []jsonProblem{}, Units: []jsonUnit{}}
	problem := func(p volunteer.Problem) {
		out.Problems = append(out.Problems, jsonProblem{p.Path, p.Line, p.Column, p.Reason})
	}
	for _, p := range s.data.Failed {
		problem(p)
	}
	for _, e := range s.exports {
		out.Files = append(out.Files, jsonFile{e.Path, e.Kind.String(), string(e.Encoding), e.Date.String(), e.Rows, e.Accepted, e.Rejected})
		for _, p := range e.Problems {
			problem(p)
		}
	}
	units := s.data.Units
	for i, p := range s.report.Units {
		u := units.At(i)
		ju := jsonUnit{ID: u.ID, Name: u.Name, Kind: u.Kind.String(), Registered: p.Registered}
		if q := units.Quota(i); q > 0 {
			ju.Quota = &q
		}
		out.Units = append(out.Units, ju)
	}
	if s.notice.Core != nil {
		out.Core = []jsonTeam{}
		for _, t := range s.notice.Core.Teams {
			u := units.At(t.Unit)
			out.Core = append(out.Core, jsonTeam{u.ID, u.Kind.String(), t.Size, t.Minimum, t.InOtherTeams, t.WeChat})
		}
	}
	if m := s.notice.Mandatory; m != nil {
		out.Mandatory = &jsonMandatory{m.Listed, m.Registered}
	}
	if s.notice.Projects != nil {
		out.Projects = []jsonProjects{}
		for _, p := range s.notice.Projects.Units {
			out.Projects = append(out.Projects, jsonProjects{units.At(p.Unit).ID, p.Own, p.Minimum, p.ParticipationMet})
		}
	}
	for _, v := range s.verdicts {
		a := jsonAssessment{Date: v.Date.String(), Unit: units.At(v.Unit).ID, Passed: v.Passed, Failed: []string{}}
		for _, c := range v.Failed() {
			a.Failed = append(a.Failed, string(c))
		}
		out.Assessments = append(out.Assessments, a)
	}
	return out
}
