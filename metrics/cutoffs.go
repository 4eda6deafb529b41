package metrics

import "qingwang/volunteer"

// Cutoffs are the bulletins' cut-off dates: in each week (Monday to
// Sunday) with a registration export, the latest such export's date. The
// bulletins are numbered in this order: 第1期 is the first.
func Cutoffs(l *Ledger) []volunteer.Date {
	var out []volunteer.Date
	for _, d := range l.Dates() {
		if n := len(out); n > 0 && weekOf(out[n-1]) == weekOf(d) {
			out[n-1] = d
			continue
		}
		out = append(out, d)
	}
	return out
}

// weekOf returns the Monday starting d's week.
func weekOf(d volunteer.Date) volunteer.Date {
	wd := int(d.Weekday()+6) % 7 // Monday 0 … Sunday 6
	return d.AddDays(-wd)
}

// PreviousCutoff is the cut-off of the bulletin before the one covering
// asOf's week, or 0.
func PreviousCutoff(l *Ledger, asOf volunteer.Date) volunteer.Date {
	var prev volunteer.Date
	for _, c := range Cutoffs(l) {
		if weekOf(c) >= weekOf(asOf) {
			break
		}
		prev = c
	}
	return prev
}
