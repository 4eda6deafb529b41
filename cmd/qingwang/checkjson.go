package main

import "qingwang/volunteer"

// The JSON of check --json, as SPEC.md gives it.
type (
	jsonCheck struct {
		AsOf     string        `json:"as_of"`
		Files    []jsonFile    `json:"files"`
		Problems []jsonProblem `json:"problems"`
		Units    []jsonUnit    `json:"units"`
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
	return out
}
