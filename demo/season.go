package demo

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"qingwang/volunteer"
)

const daySeconds = 86400

// calendar holds the season's dates. The season itself is fixed, 2015-03-01
// to 2015-06-30; the dates inside it come from the rules.
type calendar struct {
	first, last     volunteer.Date // the season
	start, deadline volunteer.Date // registration opens (3/20); basic formation due (4/20)
	a1, a2          volunteer.Date // the two assessments (4/25, 6/25)
}

func newCalendar(r volunteer.Rules) (calendar, error) {
	def := volunteer.DefaultRules()
	c := calendar{
		first:    volunteer.NewDate(2015, 3, 1),
		last:     volunteer.NewDate(2015, 6, 30),
		start:    cmp.Or(r.Start, def.Start),
		deadline: cmp.Or(r.Deadline, def.Deadline),
		a1:       def.Assessments[0],
		a2:       def.Assessments[1],
	}
	if len(r.Assessments) > 0 {
		c.a1 = r.Assessments[0]
	}
	if len(r.Assessments) > 1 {
		c.a2 = r.Assessments[1]
	}
	if !(c.first < c.start && c.start < c.deadline && c.deadline <= c.a1 && c.a1 < c.a2 && c.a2 < c.last) {
		return c, fmt.Errorf("示例数据只能模拟 %s 至 %s 的一季：规则中的日期（开始 %s，截止 %s，考核 %s、%s）须依次落在其中",
			c.first, c.last, c.start, c.deadline, c.a1, c.a2)
	}
	return c, nil
}

func (c calendar) days() int { return int(c.last-c.first) + 1 }

// The story, fixed by unit id so that every seed tells the same one: each
// county's and school's completion on the first assessment (4/25), on the
// second (6/25) and on the season's last day. Units not listed stand at
// 100–102% on 4/25 (a few people more for the small ones) and grow a little
// after, by a hash of their id. A unit's registrations are exact to within
// three people of these, whatever the seed (see register).
var story = []struct {
	id                string
	atA1, atA2, final float64
}{
	{"meijiang", 1.07, 1.10, 1.11}, // 梅江区 overshoots
	{"pingyuan", 0.62, 0.86, 0.87}, // 平远县 lags and is still short on 6/25
	{"fengshun", 0.68, 0.89, 0.90}, // 丰顺县 likewise
	{"yishu", 0.60, 1.04, 1.05},    // 梅州市艺术学校 lags, then catches up
	{"jixie", 0.70, 1.06, 1.07},    // 梅州市机械技校 likewise
	{"yuedong", 0.94, 1.02, 1.03},  // 粤东商学院 a little short on 4/25
	{"zhiye", 0.96, 1.02, 1.03},    // 梅州市职业技术学校 likewise
}

// More of the story, for the cadres lists, core rosters and projects. Each
// names a unit by id; where units.csv has no such unit that part of the
// story is simply left out. With the registrations above it makes the two
// assessments: on 4/25 six of the twenty counties and schools pass, each
// other failing for a cause of its own; on 6/25 the second cadres list, core
// roster and projects export have fixed most of it and fifteen pass.
const (
	// Cadres lists (应注册名单).
	lateTownCadresID = "xingning" // three of its towns' cadres register only after 4/25, before the second list
	lateSquadronID   = "dongshan" // one of its two 中队辅导员 registers only after 4/25
	missingCadresID  = "pingyuan" // two of its cadres never register

	// Core rosters (骨干名单).
	shortTeamID      = "wuhua"    // its team is two short of the minimum on 4/24, one short on 6/24
	noWeChatID       = "jiaotong" // its team has no WeChat group (reported, not failing)
	cadreOutOfCoreID = "jiaoling" // one of its full-time cadres is in no team on 4/24; joins by 6/24
	tripleCountyID   = "meixian"  // one of its town team's members also stands in its team and the city's, on both rosters
	doubleSchoolID   = "shifan"   // one of its team's members also stands in the city's on 4/24, no longer on 6/24

	// Projects (项目).
	noProjectsID  = "pingyuan-hetou" // a town with no project at all
	zeroBaseID    = "fengshun"       // one of its projects has 组织人数 0 (it fails anyway)
	risingShareID = "dabu"           // a project of its own below 50% on 4/24, above by 6/24
	lowShareID    = "zhiye"          // a project of its own below 50% on both exports
)

// fewProjects pins the units behind on their own projects on 4/25: n1 own
// projects published by the first projects export (4/24) and n2 more by the
// second (6/24). Pro rata to the yearly 8 they need 3 by 4/25 and 4 by 6/25.
var fewProjects = []struct {
	id     string
	n1, n2 int
}{{"zengxianzi", 2, 4}, {"yishu", 2, 3}}

const (
	cityShare = 0.004 // the city committee's own volunteers, of all
	selfShare = 0.06  // a county's own volunteers (committee, county bodies), of the county
)

// unitHash is a seed-independent number in [0, 1) for a unit and a purpose.
func unitHash(id, purpose string) float64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(purpose))
	return float64(mix64(h.Sum64())>>11) / (1 << 53)
}

// hashN is unitHash scaled to an integer in [0, n).
func hashN(id, purpose string, n int) int { return int(unitHash(id, purpose) * float64(n)) }

// person is all that is kept of one volunteer: 8 bytes. Their serial is
// their index in season.people, which is in registration order.
type person struct {
	t    uint32 // registration, seconds since the season's first day 00:00 Beijing time
	unit uint16 // the unit they belong to (not its parents)
	role role
}

func (p person) day() int { return int(p.t / daySeconds) }

// season is the truth every export is written from.
type season struct {
	units *volunteer.Units
	cal   calendar
	seed  uint64

	top    []int // per unit: the child of the city it counts toward; -1 for the city
	own    []int // per unit: its own people, not its parts'
	people []person
	byUnit [][]uint32 // per unit: serials of its own people, in registration order
	// cum[day][unit]: people of the unit and its parts registered by the end of the day.
	cum    [][]int32
	extras uint32 // next serial for a person who is in no roster
}

// completion is a top-level unit's share of its quota registered on the two
// assessments and on the season's last day.
type completion struct{ atA1, atA2, final float64 }

// storyOf gives a top-level unit's completions; quota is its quota (small
// units get a few people more, so that rounding never tips them under).
func storyOf(id string, quota int) completion {
	for _, s := range story {
		if s.id == id {
			return completion{s.atA1, s.atA2, s.final}
		}
	}
	a1 := 1.001 + float64(0.015*unitHash(id, "a1")) + 4/float64(max(quota, 1))
	a2 := a1 + 0.003 + float64(0.012*unitHash(id, "a2"))
	return completion{a1, a2, a2 + 0.001 + float64(0.004*unitHash(id, "final"))}
}

// defaultVolunteers is about the sum of the quotas at the story's completions.
func defaultVolunteers(units *volunteer.Units) int {
	sum := 0.0
	for _, t := range units.Children(units.Root()) {
		sum += float64(quotaOr100(units, t)) * storyOf(units.At(t).ID, quotaOr100(units, t)).final
	}
	return int(math.Round(sum / (1 - cityShare)))
}

func quotaOr100(units *volunteer.Units, i int) int {
	if q := units.Quota(i); q > 0 {
		return q
	}
	return 100
}

func newSeason(units *volunteer.Units, cal calendar, n int, seed uint64) *season {
	s := &season{units: units, cal: cal, seed: seed, extras: uint32(n)}
	root := units.Root()
	s.top = make([]int, units.Len())
	for i := range s.top {
		s.top[i] = -1
		for j := i; j != root; j = units.Parent(j) {
			s.top[i] = j
		}
	}
	s.allocate(n)
	s.register()
	s.index()
	return s
}

// allocate shares n people among the units: the city keeps a few, the rest go
// to the counties and schools by quota × story completion, and within a
// county mostly to its towns, by a fixed weight per town.
func (s *season) allocate(n int) {
	u := s.units
	root := u.Root()
	s.own = make([]int, u.Len())
	tops := u.Children(root)
	if len(tops) == 0 {
		s.own[root] = n
		return
	}
	s.own[root] = int(math.Round(float64(n) * cityShare))
	w := make([]float64, len(tops))
	for k, t := range tops {
		w[k] = float64(quotaOr100(u, t)) * storyOf(u.At(t).ID, quotaOr100(u, t)).final
	}
	var share func(i, n int)
	share = func(i, n int) {
		kids := u.Children(i)
		if len(kids) == 0 {
			s.own[i] = n
			return
		}
		s.own[i] = int(math.Round(float64(n) * selfShare))
		w := make([]float64, len(kids))
		for k, c := range kids {
			w[k] = 0.5 + unitHash(u.At(c).ID, "size")
			if strings.HasSuffix(u.At(c).Name, "街道") {
				w[k] *= 1.5 // sub-districts are the towns' urban cores
			}
		}
		for k, m := range largestRemainder(n-s.own[i], w) {
			share(kids[k], m)
		}
	}
	for k, m := range largestRemainder(n-s.own[root], w) {
		share(tops[k], m)
	}
}

// largestRemainder splits n into parts proportional to w that sum to n.
func largestRemainder(n int, w []float64) []int {
	out := make([]int, len(w))
	total := 0.0
	for _, x := range w {
		total += x
	}
	if n <= 0 || total <= 0 {
		return out
	}
	rem := make([]int, len(w))
	left := n
	for k, x := range w {
		q := float64(n) * x / total
		out[k] = int(q)
		left -= out[k]
		rem[k] = k
	}
	slices.SortStableFunc(rem, func(a, b int) int {
		fa := float64(n)*w[a]/total - float64(out[a])
		fb := float64(n)*w[b]/total - float64(out[b])
		return cmp.Compare(fb, fa)
	})
	for k := 0; k < left; k++ {
		out[rem[k%len(rem)]]++
	}
	return out
}

// curve gives, for one top-level unit, the share of its season's people
// registered by the end of each day: exactly atA1/final at the end of the
// first assessment's day and atA2/final at the end of the second's. The
// shape: a slow start before registration opens, a ramp to the end of March,
// pushes before the formation deadline and the first assessment, a slow
// second phase with a smaller push before the second assessment, and
// weekends at half the weekday rate. Laggards ramp up later and push less.
func (c calendar) curve(st completion) []float64 {
	p1 := min(st.atA1/st.final, 1)
	p2 := min(max(st.atA2/st.final, p1), 1)
	lag := p1 < 0.8
	w := make([]float64, c.days())
	for k := range w {
		d := c.first + volunteer.Date(k)
		var x float64
		switch {
		case d < c.start:
			x = 0.06
		case d < c.start+12:
			x = 0.35 + float64(0.65*float64(d-c.start))/12
		case d <= c.deadline-7:
			x = 1
		case d <= c.deadline:
			x = 3
		case d <= c.a1:
			x = 2.2
		case d <= c.a2-8:
			x = 0.35
		case d <= c.a2:
			x = 1
		default:
			x = 0.15
		}
		if lag && d <= c.a1 {
			x *= 0.6
			if d < c.start+12 {
				x *= 0.5
			}
		}
		if wd := d.Weekday(); wd == 0 || wd == 6 {
			x /= 2
		}
		w[k] = x
	}
	// Three phases: to the first assessment, to the second, to the end.
	ends := [3]int{int(c.a1 - c.first), int(c.a2 - c.first), len(w) - 1}
	from := [3]float64{0, p1, p2}
	to := [3]float64{p1, p2, 1}
	cdf := make([]float64, len(w))
	k := 0
	for ph := range 3 {
		sum := 0.0
		for j := k; j <= ends[ph]; j++ {
			sum += w[j]
		}
		acc := 0.0
		for ; k <= ends[ph]; k++ {
			acc += w[k]
			cdf[k] = from[ph] + (to[ph]-from[ph])*acc/sum
		}
		cdf[ends[ph]] = to[ph]
	}
	return cdf
}

// Registrations by hour of the day, 08:00 to 22:59: office hours and evenings.
var hourWeights = [15]int{1, 3, 4, 3, 2, 2, 3, 4, 4, 3, 2, 3, 4, 4, 2}

func timeOfDay(r *rand.Rand) uint32 {
	total := 0
	for _, w := range hourWeights {
		total += w
	}
	x := r.IntN(total)
	h := 0
	for x >= hourWeights[h] {
		x -= hourWeights[h]
		h++
	}
	return uint32((8+h)*3600 + r.IntN(3600))
}

// register draws every person's unit and registration time. A top-level
// unit's people registered by day d are floor(N × curve(d) + φ), N its
// people over the season and φ a random phase, so its curve is met to within
// one person whatever the seed. Its registrants are dealt out to it and its
// towns in a fixed order that keeps each within one person of its share
// (the unit with the largest shortfall gets the next one), so every unit
// follows its county's curve.
func (s *season) register() {
	u := s.units
	root := u.Root()
	r := rand.New(rand.NewPCG(s.seed, 1))
	// A group is a top-level unit with its parts, or the city's own people.
	type group struct {
		members []int // units with people of their own, units.csv order
		dealt   []int // per member: people dealt so far
		total   int
		cdf     []float64
		phase   float64
		n       int // people registered so far
	}
	var groups []*group
	byTop := map[int]*group{}
	for i, n := range s.own {
		if n == 0 {
			continue
		}
		t := s.top[i]
		if t < 0 {
			t = root
		}
		g := byTop[t]
		if g == nil {
			k := completion{0.9, 0.95, 1}
			if t != root {
				k = storyOf(u.At(t).ID, quotaOr100(u, t))
			}
			g = &group{cdf: s.cal.curve(k), phase: r.Float64()}
			byTop[t] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
		g.dealt = append(g.dealt, 0)
		g.total += n
	}
	total := 0
	for _, g := range groups {
		total += g.total
	}
	s.people = make([]person, 0, total)
	for day := range s.cal.days() {
		from := len(s.people)
		for _, g := range groups {
			// float64() rounds the product: a fused multiply-add (arm64) could
			// otherwise tip the floor and change the files from machine to machine.
			c := min(int(float64(float64(g.total)*g.cdf[day])+g.phase), g.total)
			for ; g.n < c; g.n++ {
				best, gap := 0, int64(math.MinInt64)
				for k, i := range g.members {
					// (n+1)·own/total − dealt, times total: integers, no rounding.
					if x := int64(g.n+1)*int64(s.own[i]) - int64(g.dealt[k])*int64(g.total); x > gap {
						best, gap = k, x
					}
				}
				g.dealt[best]++
				s.people = append(s.people, person{t: uint32(day)*daySeconds + timeOfDay(r), unit: uint16(g.members[best])})
			}
		}
		slices.SortStableFunc(s.people[from:], func(a, b person) int { return cmp.Compare(a.t, b.t) })
	}
}

// index builds the per-unit lists and the cumulative counts, and makes the
// first few people of each school its teachers (they become its counselors).
func (s *season) index() {
	u := s.units
	s.byUnit = make([][]uint32, u.Len())
	for i, n := range s.own {
		s.byUnit[i] = make([]uint32, 0, n)
	}
	days := s.cal.days()
	s.cum = make([][]int32, days)
	for d := range s.cum {
		s.cum[d] = make([]int32, u.Len())
	}
	for serial, p := range s.people {
		s.byUnit[p.unit] = append(s.byUnit[p.unit], uint32(serial))
		s.cum[p.day()][p.unit]++
	}
	for i := range u.Len() {
		if k := u.At(i).Kind; k != volunteer.School && k != volunteer.University {
			continue
		}
		teachers := cadreSlots(u, i).total() + 3
		for k, serial := range s.byUnit[i] {
			if k >= teachers {
				s.people[serial].role = roleStudent
			}
		}
	}
	// New own people per day → own running totals → subtree totals.
	for d := 1; d < days; d++ {
		for i := range s.cum[d] {
			s.cum[d][i] += s.cum[d-1][i]
		}
	}
	order := postOrder(u)
	for d := range days {
		row := s.cum[d]
		for _, i := range order {
			if p := u.Parent(i); p >= 0 {
				row[p] += row[i]
			}
		}
	}
}

// postOrder lists the units children first, so a subtree sum is one pass.
func postOrder(u *volunteer.Units) []int {
	var out []int
	var walk func(i int)
	walk = func(i int) {
		for _, c := range u.Children(i) {
			walk(c)
		}
		out = append(out, i)
	}
	walk(u.Root())
	return out
}

// registeredBy counts the people of the unit's subtree registered by the end of d.
func (s *season) registeredBy(unit int, d volunteer.Date) int {
	k := int(d - s.cal.first)
	switch {
	case k < 0:
		return 0
	case k >= len(s.cum):
		k = len(s.cum) - 1
	}
	return int(s.cum[k][unit])
}

// cut is the number of people registered by the end of d: the roster of d
// is people[:cut(d)].
func (s *season) cut(d volunteer.Date) int {
	limit := uint32(int(d-s.cal.first)+1) * daySeconds
	n, _ := slices.BinarySearchFunc(s.people, limit, func(p person, t uint32) int { return cmp.Compare(p.t, t) })
	return n
}

// dayOf returns the registration date of a serial (serials of people in no
// roster have none: 0).
func (s *season) dayOf(serial uint32) volunteer.Date {
	if int(serial) >= len(s.people) {
		return 0
	}
	return s.cal.first + volunteer.Date(s.people[serial].day())
}

func (s *season) roleOf(serial uint32) role {
	if int(serial) >= len(s.people) {
		return roleAdult
	}
	return s.people[serial].role
}

// extra returns a new serial for a person who is in no roster: a cadre who
// never registered, or the person on a messy row.
func (s *season) extra() uint32 {
	s.extras++
	return s.extras - 1
}
