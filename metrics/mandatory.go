package metrics

import "qingwang/volunteer"

// MandatoryUnit is one unit's own people who must register (notice 一):
// League cadres, the Young Pioneer chief counselors of city, county and
// town, and each school's brigade counselor and at least two squadron
// counselors.
type MandatoryUnit struct {
	Unit               int
	Listed, Registered int
	Squadron           int // 中队辅导员 listed
	SquadronRegistered int
	Brigade            int // 大队辅导员 listed
	BrigadeRegistered  int
	FullTime           int // 专职团干部 listed
	FullTimeInCore     int // of them, standing in a core team
}

// MandatoryReport matches the latest cadres list against the latest
// roster on or before a day.
type MandatoryReport struct {
	Date               volunteer.Date // of the cadres list
	RosterDate         volunteer.Date // of the roster matched against; 0 if none
	Listed, Registered int
	Units              []MandatoryUnit   // units with people listed, units.csv order
	Missing            []volunteer.Cadre // listed, not found in the roster
	FullTimeNotInCore  []volunteer.Cadre // full-time cadres in no core team
	core               bool              // a core roster was there to check against
}

// Mandatory figures the mandatory registrants as of asOf; nil without a
// cadres list. core may be nil (no core roster): then full-time cadres
// are not checked against teams.
func Mandatory(units *volunteer.Units, exports []*volunteer.Export, core *CoreReport, asOf volunteer.Date) *MandatoryReport {
	src := latestOf(exports, volunteer.Cadres, asOf)
	if len(src) == 0 {
		return nil
	}
	r := &MandatoryReport{Date: src[0].Date, core: core != nil}
	var people *volunteer.PeopleIndex
	if rs := latestOf(exports, volunteer.Roster, asOf); len(rs) > 0 {
		r.RosterDate = rs[0].Date
		people = mergePeople(rs)
	}
	byUnit := map[int]*MandatoryUnit{}
	for _, e := range src {
		for _, c := range e.Cadres {
			m := byUnit[c.Unit]
			if m == nil {
				m = &MandatoryUnit{Unit: c.Unit}
				byUnit[c.Unit] = m
			}
			_, found := people.Find(c.Keys)
			m.Listed++
			r.Listed++
			if found {
				m.Registered++
				r.Registered++
			} else {
				r.Missing = append(r.Missing, c)
			}
			switch c.Position {
			case volunteer.SquadronCounselor:
				m.Squadron++
				if found {
					m.SquadronRegistered++
				}
			case volunteer.BrigadeCounselor:
				m.Brigade++
				if found {
					m.BrigadeRegistered++
				}
			case volunteer.FullTimeCadre:
				m.FullTime++
				if core != nil && core.InAnyTeam(people.Expand(c.Keys)) {
					m.FullTimeInCore++
				} else if core != nil {
					r.FullTimeNotInCore = append(r.FullTimeNotInCore, c)
				}
			}
		}
	}
	for u := 0; u < units.Len(); u++ {
		if m := byUnit[u]; m != nil {
			r.Units = append(r.Units, *m)
		}
	}
	return r
}

// mergePeople joins the people indexes of one day's rosters.
func mergePeople(rs []*volunteer.Export) *volunteer.PeopleIndex {
	if len(rs) == 1 && rs[0].Roster != nil {
		return rs[0].Roster.People
	}
	out := &volunteer.PeopleIndex{}
	for _, e := range rs {
		if e.Roster == nil || e.Roster.People == nil {
			continue
		}
		for _, p := range e.Roster.People.People {
			out.Add(p.Keys, int(p.Unit))
		}
	}
	return out
}

// Within sums the units within unit a (itself included).
func (r *MandatoryReport) Within(units *volunteer.Units, a int) MandatoryUnit {
	sum := MandatoryUnit{Unit: a}
	for _, m := range r.Units {
		if !units.Within(m.Unit, a) {
			continue
		}
		sum.Listed += m.Listed
		sum.Registered += m.Registered
		sum.Squadron += m.Squadron
		sum.SquadronRegistered += m.SquadronRegistered
		sum.Brigade += m.Brigade
		sum.BrigadeRegistered += m.BrigadeRegistered
		sum.FullTime += m.FullTime
		sum.FullTimeInCore += m.FullTimeInCore
	}
	return sum
}
