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

// The story, fixed by unit id so that every seed tells the same one. Units
// not listed end the season at 95–107% of their quota and stand at 82–105%
// on the first assessment, by a hash of their id.
var story = []struct {
	id          string
	final, atA1 float64 // completion on the last day and on the first assessment
}{
	{"meijiang", 1.30, 1.12}, // 梅江区 overshoots
	{"pingyuan", 0.91, 0.62}, // 平远县 lags, then catches up
	{"fengshun", 0.93, 0.68}, // 丰顺县 lags
	{"yishu", 0.90, 0.60},    // 梅州市艺术学校 lags
	{"jixie", 0.92, 0.70},    // 梅州市机械技校 lags
}

// More of the story, for issue 4's exports. Each names a unit by id; where
// units.csv has no such unit that part of the story is simply left out.
const (
	shortTeamID      = "pingyuan"           // its core team stays below the minimum
	noWeChatID       = "jiaotong"           // its core team has no WeChat group
	noProjectsID     = "pingyuan-hetou"     // a town with no project at all
	zeroBaseID       = "fengshun-xiaosheng" // one of its projects has 组织人数 0
	cadreOutOfCoreID = "fengshun"           // one of its full-time cadres is in no core team
)

// fewProjects pins the units below the minimum of own projects for the year.
var fewProjects = []struct {
	id string
	n  int
}{{"fengshun", 5}, {"pingyuan", 6}, {"yishu", 3}, {"jixie", 5}}

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

// storyOf gives a top-level unit's completion at the end and at the first assessment.
func storyOf(id string) (final, atA1 float64) {
	for _, s := range story {
		if s.id == id {
			return s.final, s.atA1
		}
	}
	final = 0.95 + float64(0.12*unitHash(id, "final"))
	return final, final * (0.86 + float64(0.12*unitHash(id, "a1")))
}

// defaultVolunteers is about the sum of the quotas at the story's completions.
func defaultVolunteers(units *volunteer.Units) int {
	sum := 0.0
	for _, t := range units.Children(units.Root()) {
		f, _ := storyOf(units.At(t).ID)
		sum += float64(quotaOr100(units, t)) * f
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
		f, _ := storyOf(u.At(t).ID)
		w[k] = float64(quotaOr100(u, t)) * f
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
// registered by the end of each day. The shape: a slow start before
// registration opens, a ramp to the end of March, pushes before the
// formation deadline and the first assessment, a slow second phase with a
// smaller push before the second assessment, and weekends at half the
// weekday rate. Laggards ramp up later and push less.
func (c calendar) curve(final, atA1 float64) []float64 {
	p1 := min(atA1/final, 1)
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
	split := int(c.a1 - c.first + 1)
	var s1, s2 float64
	for k, x := range w {
		if k < split {
			s1 += x
		} else {
			s2 += x
		}
	}
	cdf := make([]float64, len(w))
	acc := 0.0
	for k, x := range w {
		if k < split {
			acc += p1 * x / s1
		} else {
			acc += (1 - p1) * x / s2
		}
		cdf[k] = acc
	}
	cdf[split-1] = p1
	cdf[len(cdf)-1] = 1
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

// register draws every person's unit and registration time. Each unit's
// people registered by day d are floor(own × curve(d) + φ) with a random
// phase φ, so the curves are met to within one person whatever the seed.
func (s *season) register() {
	u := s.units
	root := u.Root()
	r := rand.New(rand.NewPCG(s.seed, 1))
	curves := make(map[int][]float64)
	curveOf := make([][]float64, u.Len())
	phase := make([]float64, u.Len())
	total := 0
	for i := range curveOf {
		t := s.top[i]
		if t < 0 {
			t = root
		}
		if curves[t] == nil {
			var final, atA1 float64 = 1, 0.9
			if t != root {
				final, atA1 = storyOf(u.At(t).ID)
			}
			curves[t] = s.cal.curve(final, atA1)
		}
		curveOf[i] = curves[t]
		phase[i] = r.Float64()
		total += s.own[i]
	}
	s.people = make([]person, 0, total)
	prev := make([]int, u.Len())
	for day := range s.cal.days() {
		from := len(s.people)
		for i, n := range s.own {
			if n == 0 {
				continue
			}
			// float64() rounds the product: a fused multiply-add (arm64) could
			// otherwise tip the floor and change the files from machine to machine.
			c := min(int(float64(float64(n)*curveOf[i][day])+phase[i]), n)
			for ; prev[i] < c; prev[i]++ {
				s.people = append(s.people, person{t: uint32(day)*daySeconds + timeOfDay(r), unit: uint16(i)})
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
