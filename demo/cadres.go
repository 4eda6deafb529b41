package demo

import (
	"math/rand/v2"
	"slices"

	"qingwang/volunteer"
)

// slots counts a unit's posts that oblige registration, by position.
type slots [volunteer.SquadronCounselor + 1]int

func (s slots) total() int {
	n := 0
	for _, k := range s {
		n += k
	}
	return n
}

// cadreSlots gives a unit its posts, seed-independently: the city and each
// county a few full-time and more part-time cadres and one 少先队总辅导员,
// each town a 总辅导员 and one to three part-time cadres, each school a
// 大队辅导员 and two to seven 中队辅导员.
func cadreSlots(u *volunteer.Units, i int) slots {
	x := u.At(i)
	h := func(purpose string, n int) int { return hashN(x.ID, purpose, n) }
	var s slots
	switch x.Kind {
	case volunteer.City:
		s[volunteer.FullTimeCadre] = 6 + h("ft", 3)
		s[volunteer.PartTimeCadre] = 3
		s[volunteer.ChiefCounselor] = 1
	case volunteer.County:
		s[volunteer.FullTimeCadre] = 3 + h("ft", 3)
		s[volunteer.PartTimeCadre] = 12 + h("pt", 10)
		s[volunteer.ChiefCounselor] = 1
	case volunteer.Town:
		s[volunteer.ChiefCounselor] = 1
		s[volunteer.PartTimeCadre] = 1 + h("pt", 3)
	case volunteer.School, volunteer.University:
		s[volunteer.BrigadeCounselor] = 1
		s[volunteer.SquadronCounselor] = 2 + h("sq", 6)
	}
	return s
}

// keysShown says which identifiers a cadres row gives.
type keysShown uint8

const (
	allKeys    keysShown = iota
	mobileOnly           // only 手机号码: matched to the roster by mobile
	vidOnly              // only 志愿者编号
)

// cadre is one person a cadres list says must register.
type cadre struct {
	unit   int
	pos    volunteer.Position
	serial uint32       // a roster person, or (≥ len(people)) one who never registers
	shown  [2]keysShown // per cadres file
}

// cadreDates are the two lists' dates: before the formation deadline and
// before the second assessment.
func (g *gen) cadreDates() (volunteer.Date, volunteer.Date) {
	return g.s.cal.deadline - 5, g.s.cal.a2 - 10
}

// when says when a cadre registers.
type when uint8

const (
	early when = iota // among the unit's first registrants, by the first list
	push              // in the push between the first list and the first assessment
	late              // between the first assessment and the second list (the story's)
	never             // not at all (the story's)
)

// storyCadres pins the story's posts, by unit and position, to when their
// cadres register: the first part-time cadre of three towns of
// lateTownCadresID late, the second 中队辅导员 of lateSquadronID late, and
// the 少先队总辅导员 and last part-time cadre of missingCadresID never.
// Towns are taken in order among those with someone registering late, so
// that the story holds whenever it can.
func (g *gen) storyCadres() map[[2]int]when {
	u := g.units
	out := map[[2]int]when{}
	key := func(i int, pos volunteer.Position, k int) [2]int { return [2]int{i, int(pos)<<8 | k} }
	for i := range u.Len() {
		x := u.At(i)
		sl := cadreSlots(u, i)
		switch x.ID {
		case lateTownCadresID:
			n := 0
			for _, c := range u.Children(i) {
				if n < 3 && cadreSlots(u, c)[volunteer.PartTimeCadre] > 0 && len(g.lateWindow(c)) > 0 {
					out[key(c, volunteer.PartTimeCadre, 0)] = late
					n++
				}
			}
		case lateSquadronID:
			if sl[volunteer.SquadronCounselor] >= 2 {
				out[key(i, volunteer.SquadronCounselor, 1)] = late
			}
		case missingCadresID:
			out[key(i, volunteer.ChiefCounselor, 0)] = never
			if n := sl[volunteer.PartTimeCadre]; n > 0 {
				out[key(i, volunteer.PartTimeCadre, n-1)] = never
			}
		}
	}
	return out
}

// lateWindow is the unit's own people who register after the first
// assessment and by the second cadres list.
func (g *gen) lateWindow(i int) []uint32 {
	s := g.s
	_, d2 := g.cadreDates()
	list := s.byUnit[i]
	lo := g.firstAfter(list, s.cal.a1)
	hi := g.firstAfter(list, d2)
	return list[lo:hi]
}

// firstAfter is the index of the first of a unit's people registered after d.
func (g *gen) firstAfter(list []uint32, d volunteer.Date) int {
	n, _ := slices.BinarySearchFunc(list, d+1, func(x uint32, d volunteer.Date) int { return int(g.s.dayOf(x) - d) })
	return n
}

// planCadres fills every post. Cadres register early, so most posts go to
// the unit's first registrants, by the first list's date; about 4% (never a
// full-time cadre: they must be in the core teams of 4/24) to someone who
// registers in the push before the first assessment. The story's posts (see
// storyCadres) go to someone who registers after the first assessment, or
// to someone who never does. Cadres are adults, also in schools. A few rows
// give only a mobile number, or in the second list only a volunteer id.
func (g *gen) planCadres() []cadre {
	s := g.s
	d1, d2 := g.cadreDates()
	r := rand.New(rand.NewPCG(s.seed, 2))
	plan := g.storyCadres()
	var out []cadre
	for i := range g.units.Len() {
		sl := cadreSlots(g.units, i)
		list := s.byUnit[i]
		byD1 := g.firstAfter(list, d1)
		pushLo, pushHi := byD1, g.firstAfter(list, s.cal.a1)
		lateLo, lateHi := pushHi, g.firstAfter(list, d2)
		taken := make(map[int]bool)
		next := 0
		// pick takes the first free person in list[lo:hi] from a random start.
		pick := func(lo, hi int, random bool) (uint32, bool) {
			if hi <= lo {
				return 0, false
			}
			j := lo
			if random {
				j += r.IntN(hi - lo)
			}
			for k := 0; k < hi-lo; k++ {
				if !taken[j] {
					taken[j] = true
					return list[j], true
				}
				j = lo + (j-lo+1)%(hi-lo)
			}
			return 0, false
		}
		for _, pos := range volunteer.Positions {
			for k := range sl[pos] {
				c := cadre{unit: i, pos: pos}
				w, ok := plan[[2]int{i, int(pos)<<8 | k}]
				if !ok && r.Float64() < 0.04 && pos != volunteer.FullTimeCadre {
					w = push
				}
				var found bool
				switch w {
				case push:
					c.serial, found = pick(pushLo, pushHi, true)
				case late:
					c.serial, found = pick(lateLo, lateHi, false)
				case never:
					c.serial = s.extra()
					found = true
				}
				if !found {
					// The window is empty (a tiny season): the next of the
					// first registrants if they register by the first
					// assessment, else nobody.
					for next < len(list) && taken[next] {
						next++
					}
					if next < len(list) && s.dayOf(list[next]) <= s.cal.a1 {
						taken[next] = true
						c.serial = list[next]
					} else {
						c.serial = s.extra()
					}
				}
				if int(c.serial) < len(s.people) {
					s.people[c.serial].role = roleAdult
				}
				out = append(out, c)
			}
		}
	}
	for file, d := range []volunteer.Date{d1, d2} {
		var reg []int
		for k, c := range out {
			if day := s.dayOf(c.serial); day != 0 && day <= d {
				reg = append(reg, k)
			}
		}
		r.Shuffle(len(reg), func(a, b int) { reg[a], reg[b] = reg[b], reg[a] })
		for k, idx := range reg {
			switch {
			case k < 3:
				out[idx].shown[file] = mobileOnly
			case k < 7 && file == 1:
				out[idx].shown[file] = vidOnly
			}
		}
	}
	return out
}

// cadres writes the two lists: the first as the platform would (GB18030,
// CSV), the second as the office keeps it in Excel and saves it as
// "Unicode text" (UTF-16 with BOM, tab-separated), with volunteer ids for
// those registered by then.
func (g *gen) cadres(list []cadre) error {
	d1, d2 := g.cadreDates()
	if err := g.cadresFile(list, 0, d1, "应注册名单_"+fileDate(d1, "")+".csv", platformCSV,
		[]string{"姓名", "证件号码", "手机号码", "单位", "职务"}); err != nil {
		return err
	}
	return g.cadresFile(list, 1, d2, "应注册名单_"+fileDate(d2, "")+".txt", unicodeText,
		[]string{"姓名", "志愿者编号", "证件号码", "手机号码", "单位", "职务"})
}

func (g *gen) cadresFile(list []cadre, file int, d volunteer.Date, name string, lay layout, header []string) error {
	sh, err := g.create(name, volunteer.Cadres, d, lay)
	if err != nil {
		return err
	}
	withVID := header[1] == "志愿者编号"
	row := func(c cadre, unit, position string, m MessKind) error {
		g.fk.fill(c.serial, g.s.roleOf(c.serial), &g.p)
		shown := c.shown[file]
		sh.addBytes(g.p.name)
		if withVID {
			if day := g.s.dayOf(c.serial); day != 0 && day <= d && shown != mobileOnly {
				sh.addBytes(g.p.vid[:])
			} else {
				sh.add("")
			}
		}
		if shown == allKeys {
			sh.addBytes(g.p.id[:])
		} else {
			sh.add("")
		}
		if shown != vidOnly {
			sh.addBytes(g.p.mobile[:])
		} else {
			sh.add("")
		}
		sh.add(unit)
		sh.add(position)
		return sh.end(m)
	}
	roles := firstFile
	if file == 1 {
		roles = lastFile
	}
	first := g.units.Children(g.units.Root())[0]
	err = sh.header(header...)
	if err == nil {
		err = interleave(len(list), placeMesses(volunteer.Cadres, roles, len(list)),
			func(k int) error {
				c := list[k]
				return row(c, g.forms[c.unit].in(orgMixed, k), c.pos.Label(), 0)
			},
			func(m placed) error {
				c := cadre{unit: first, pos: volunteer.PartTimeCadre}
				unit, position := g.forms[first].league, c.pos.Label()
				switch m.kind {
				case Duplicate:
					c = list[m.src]
					unit, position = g.forms[c.unit].in(orgMixed, m.src), c.pos.Label()
				case UnknownUnit:
					c.serial = g.s.extra()
					unit = g.typo
				case BadPosition:
					c.serial = g.s.extra()
					position = "团支部书记"
				}
				return row(c, unit, position, m.kind)
			})
	}
	return g.finish(sh, err)
}
