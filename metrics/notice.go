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
