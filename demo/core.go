package demo

import (
	"math/rand/v2"

	"qingwang/volunteer"
)

// member is one person's place in one core team.
type member struct {
	serial uint32
	post   string // 队长, 副队长, 专职团干部 or 队员
	second bool   // joined after the first core roster
	left   bool   // left before the second core roster
}

// team is one core team, named after its unit.
type team struct {
	unit    int
	name    string
	wechat  string // the group's name; empty for a team without one
	members []member
}

// coreDates are the core rosters' dates: the eves of the two assessments.
func (g *gen) coreDates() (volunteer.Date, volunteer.Date) {
	return g.s.cal.a1 - 1, g.s.cal.a2 - 1
}

func (g *gen) coreMinimum(k volunteer.Kind) int {
	if n, ok := g.rules.CoreMinimum[k]; ok {
		return n
	}
	return volunteer.DefaultRules().CoreMinimum[k]
}

// planCore forms the teams: the city's, every county's and school's, and
// those of about a third of the towns (always one of tripleCountyID's),
// each a little above its minimum, from people of the unit (its parts
// included) registered by the first roster's date. Full-time cadres join
// their unit's team, all but one of cadreOutOfCoreID's, who joins only by
// the second roster. The short team (shortTeamID) is two below its minimum,
// then one; one school's team has no WeChat group. Then the overlaps the
// notice forbids (see overlap). The second roster adds a few members to
// most teams.
func (g *gen) planCore(cadres []cadre) []*team {
	s, u := g.s, g.units
	r := rand.New(rand.NewPCG(s.seed, 3))
	c1, c2 := g.coreDates()
	tripleTown := g.tripleTown()
	var teams []*team
	byUnit := make([]*team, u.Len())
	for i := range u.Len() {
		x := u.At(i)
		switch x.Kind {
		case volunteer.Town:
			if i != tripleTown && (hashN(x.ID, "team", 3) != 0 || g.forms[i].plain != x.Name) {
				continue
			}
		case volunteer.City, volunteer.County, volunteer.School, volunteer.University:
		default:
			continue
		}
		t := &team{unit: i, name: g.forms[i].team[len(teams)%2]}
		if x.ID != noWeChatID {
			t.wechat = g.forms[i].plain + [...]string{"青网骨干群", "网络文明志愿者骨干微信群"}[hashN(x.ID, "wechat", 2)]
		}
		teams = append(teams, t)
		byUnit[i] = t
	}

	used := make([]bool, len(s.people))
	// Full-time cadres first; the first of the story's unit joins late.
	skipped := false
	for _, c := range cadres {
		t := byUnit[c.unit]
		if c.pos != volunteer.FullTimeCadre || t == nil || s.dayOf(c.serial) == 0 || s.dayOf(c.serial) > c1 {
			continue
		}
		m := member{serial: c.serial, post: volunteer.FullTimeCadre.Label()}
		if u.At(c.unit).ID == cadreOutOfCoreID && !skipped {
			skipped = true
			m.second = true
		}
		t.members = append(t.members, m)
		used[c.serial] = true
	}
	// The city's team last: it draws on everyone.
	var order, cities []*team
	for _, t := range teams {
		if u.At(t.unit).Kind == volunteer.City {
			cities = append(cities, t)
		} else {
			order = append(order, t)
		}
	}
	order = append(order, cities...)
	for _, t := range order {
		x := u.At(t.unit)
		least := g.coreMinimum(x.Kind)
		var target, more int
		switch x.Kind {
		case volunteer.City:
			target, more = least+hashN(x.ID, "core", 10), 2+hashN(x.ID, "more", 4)
		case volunteer.County:
			target, more = least+hashN(x.ID, "core", 8), hashN(x.ID, "more", 4)
		case volunteer.Town:
			target, more = least+hashN(x.ID, "core", 4), hashN(x.ID, "more", 2)
		default:
			target, more = least+hashN(x.ID, "core", 8), hashN(x.ID, "more", 5)
		}
		if x.ID == shortTeamID {
			target, more = least-2, 1
		}
		inFirst := 0
		for _, m := range t.members {
			if !m.second {
				inFirst++
			}
		}
		first := g.draw(r, t, target-inFirst, c1, used, false)
		t.members = append(t.members, first...)
		posts := 0
		for k := range t.members {
			if t.members[k].post == "" {
				t.members[k].post = [...]string{"队长", "副队长", "队员"}[min(posts, 2)]
				posts++
			}
		}
		t.members = append(t.members, g.draw(r, t, more, c2, used, true)...)
	}
	g.overlap(teams)
	return teams
}

// draw picks n people of t's unit and its parts registered by d and in no team yet.
func (g *gen) draw(r *rand.Rand, t *team, n int, d volunteer.Date, used []bool, second bool) []member {
	if n <= 0 {
		return nil
	}
	s := g.s
	var pool []uint32
	for serial := range s.people[:s.cut(d)] {
		if !used[serial] && g.units.Within(int(s.people[serial].unit), t.unit) {
			pool = append(pool, uint32(serial))
		}
	}
	n = min(n, len(pool))
	out := make([]member, n)
	for k := range n {
		j := k + r.IntN(len(pool)-k)
		pool[k], pool[j] = pool[j], pool[k]
		used[pool[k]] = true
		out[k] = member{serial: pool[k], post: "队员", second: second}
		if second {
			continue
		}
		out[k].post = ""
	}
	return out
}

// tripleTown is the town whose team's member also stands in its county's
// and the city's: the first of tripleCountyID's towns with a plain name; -1
// if there is none.
func (g *gen) tripleTown() int {
	u := g.units
	for i := range u.Len() {
		if u.At(i).ID != tripleCountyID {
			continue
		}
		for _, c := range u.Children(i) {
			if g.forms[c].plain == u.At(c).Name {
				return c
			}
		}
	}
	return -1
}

// overlap puts two members in more than one team, as the notice forbids:
// a member of tripleCountyID's town team also in the county's team and the
// city's, on both rosters; and a member of doubleSchoolID's team also in the
// city's on the first roster, taken off it by the second.
func (g *gen) overlap(teams []*team) {
	u := g.units
	var city *team
	byID := map[string]*team{}
	for _, t := range teams {
		byID[u.At(t.unit).ID] = t
		if u.At(t.unit).Kind == volunteer.City {
			city = t
		}
	}
	pick := func(t *team) (uint32, bool) {
		for k := len(t.members) / 2; k < len(t.members); k++ {
			if m := t.members[k]; !m.second && m.post == "队员" {
				return m.serial, true
			}
		}
		return 0, false
	}
	if town := g.tripleTown(); town >= 0 && city != nil {
		county := byID[tripleCountyID]
		for _, t := range teams {
			if t.unit != town || county == nil {
				continue
			}
			if p, ok := pick(t); ok {
				county.members = append(county.members, member{serial: p, post: "队员"})
				city.members = append(city.members, member{serial: p, post: "队员"})
			}
		}
	}
	if school := byID[doubleSchoolID]; school != nil && city != nil {
		if p, ok := pick(school); ok {
			city.members = append(city.members, member{serial: p, post: "队员", left: true})
		}
	}
}

// core writes the two core rosters: the first from the platform with
// volunteer ids, the second from a script with ID numbers and English
// headers (one of them in full-width letters).
func (g *gen) core(teams []*team) error {
	c1, c2 := g.coreDates()
	if err := g.coreFile(teams, false, c1, "骨干名单_"+fileDate(c1, "_")+".csv", platformCSV,
		[]string{"志愿者编号", "姓名", "骨干队伍", "职务", "微信群"}); err != nil {
		return err
	}
	return g.coreFile(teams, true, c2, "骨干名单_"+fileDate(c2, "_")+".csv", plainCSV,
		[]string{"ID_Number", "name", "ＴＥＡＭ", "Position", "wechat_group"})
}

func (g *gen) coreFile(teams []*team, second bool, d volunteer.Date, name string, lay layout, header []string) error {
	sh, err := g.create(name, volunteer.Core, d, lay)
	if err != nil {
		return err
	}
	type row struct {
		t *team
		m member
	}
	var rows []row
	for _, t := range teams {
		for _, m := range t.members {
			if second && !m.left || !second && !m.second {
				rows = append(rows, row{t, m})
			}
		}
	}
	write := func(serial uint32, team, post, wechat string, m MessKind) error {
		g.fk.fill(serial, g.s.roleOf(serial), &g.p)
		if second {
			sh.addBytes(g.p.id[:])
		} else {
			sh.addBytes(g.p.vid[:])
		}
		sh.addBytes(g.p.name)
		sh.add(team)
		sh.add(post)
		sh.add(wechat)
		return sh.end(m)
	}
	roles := firstFile
	if second {
		roles = lastFile
	}
	err = sh.header(header...)
	if err == nil {
		err = interleave(len(rows), placeMesses(volunteer.Core, roles, len(rows)),
			func(k int) error {
				x := rows[k]
				return write(x.m.serial, x.t.name, x.m.post, x.t.wechat, 0)
			},
			func(m placed) error {
				switch m.kind {
				case Duplicate:
					x := rows[m.src]
					return write(x.m.serial, x.t.name, x.m.post, x.t.wechat, m.kind)
				case UnknownUnit:
					return write(g.s.extra(), g.typo+teamSuffix, "队员", "", m.kind)
				default: // MissingUnit
					return write(g.s.extra(), "", "队员", "", m.kind)
				}
			})
	}
	return g.finish(sh, err)
}
