package metrics

import "qingwang/volunteer"

// latestOf returns the exports of kind k from the latest date on or before
// d: a list such as the core teams is a snapshot, and several files of one
// day (one per county, say) make it together.
func latestOf(exports []*volunteer.Export, k volunteer.ExportKind, d volunteer.Date) []*volunteer.Export {
	var on volunteer.Date
	for _, e := range exports {
		if e.Kind == k && e.Date <= d && e.Date > on {
			on = e.Date
		}
	}
	var out []*volunteer.Export
	for _, e := range exports {
		if e.Kind == k && e.Date == on && on != 0 {
			out = append(out, e)
		}
	}
	return out
}

// Notice is the rest of the notice's figures on one day, each from the
// latest export of its kind; a part is nil when there is none.
type Notice struct {
	Core      *CoreReport
	Mandatory *MandatoryReport
	Projects  *ProjectsReport
}

// NoticeOn figures core teams, mandatory registrants and projects on d.
func NoticeOn(units *volunteer.Units, rules volunteer.Rules, exports []*volunteer.Export, d volunteer.Date) Notice {
	core := CoreTeams(units, rules, exports, d)
	return Notice{
		Core:      core,
		Mandatory: Mandatory(units, exports, core, d),
		Projects:  ProjectsOf(units, rules, exports, d),
	}
}

// Any reports whether any of the lists was exported.
func (n Notice) Any() bool { return n.Core != nil || n.Mandatory != nil || n.Projects != nil }
