package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"qingwang/volunteer"
)

// project is one volunteer project. Titles are public, not personal data.
type project struct {
	id           string
	title        string
	unit         int
	action       int // index into the rules' actions
	typ          volunteer.ProjectType
	published    volunteer.Date
	ends         volunteer.Date
	participants int
	early        int  // participants in the first export, when filling
	filling      bool // still filling up at the first export: early participants there
	base         int
}

// The theme activities from above (上级主题活动) units take part in, with
// the day each was launched and its action (an index into Rules.Actions).
var themes = []struct {
	title  string
	month  time.Month
	day    int
	action int
}{
	{"#网络文明志愿宣言#主题行动", 3, 5, 0},
	{"#为雷锋精神点赞#网络接力", 3, 25, 1},
	{"清明·网上祭英烈", 4, 2, 1},
	{"五四·青春网络正能量传递", 4, 30, 2},
	{"“光盘行动”网络倡议", 6, 1, 3},
}

// Topics of units' own projects, by action.
var topics = [][]string{
	{"绿色上网 文明同行", "护苗·绿书签", "拒绝网络谣言", "清朗网络空间"},
	{"青春励志故事征集", "最美青年网络点赞", "中国梦·我的梦"},
	{"网络素养微课堂", "网络安全知识竞赛", "新媒体技能培训"},
	{"留守儿童网络关爱", "网上爱心助学", "关爱空巢老人线上行"},
}

// projectDates are the two projects exports' dates: the eves of the two
// assessments.
func (g *gen) projectDates() (volunteer.Date, volunteer.Date) {
	return g.s.cal.a1 - 1, g.s.cal.a2 - 1
}

func (g *gen) actions() []string {
	if len(g.rules.Actions) > 0 {
		return g.rules.Actions
	}
	return volunteer.DefaultRules().Actions
}

// planProjects gives every county, school and town its own projects:
// some published by the first export (from ten days before registration
// opens), more by the second, so that each is on track for the yearly
// minimum on both assessments but for the story's (fewProjects; a few towns
// behind, one town with none); and a few theme activities. 组织人数 is the
// unit's registered volunteers on the day. Every project of a county or
// school reaches its participation threshold but the story's: one of
// risingShareID's below it on the first export, above on the second; one of
// lowShareID's below it on both; one of zeroBaseID's with 组织人数 0. In a
// few towns (not assessed) one project falls short.
func (g *gen) planProjects() []project {
	s, u := g.s, g.units
	r := rand.New(rand.NewPCG(s.seed, 4))
	acts := g.actions()
	p1, p2 := g.projectDates()
	from := s.cal.start - 10
	var out []project
	for i := range u.Len() {
		x := u.At(i)
		least := g.rules.ProjectMinimum[x.Kind]
		if least == 0 {
			least = volunteer.DefaultRules().ProjectMinimum[x.Kind]
		}
		// Own projects due by each assessment, pro rata to the year.
		due := func(d volunteer.Date) int {
			jan1 := volunteer.NewDate(d.Year(), 1, 1)
			return int(math.Ceil(float64(least*(jan1.DaysUntil(d)+1)) / float64(jan1.DaysUntil(volunteer.NewDate(d.Year()+1, 1, 1)))))
		}
		need1, need2 := due(s.cal.a1), due(s.cal.a2)
		more := func(extra int) int { return max(need2-need1, 0) + extra }
		var n1, n2, theme int
		switch x.Kind {
		case volunteer.City:
			n1, n2, theme = need1, more(1), 2
		case volunteer.County:
			n1, n2, theme = need1+hashN(x.ID, "projects", 2), more(1+hashN(x.ID, "more", 3)), 2+hashN(x.ID, "themes", 2)
		case volunteer.Town:
			n1, n2 = need1+hashN(x.ID, "projects", 2), more(hashN(x.ID, "more", 2))
			if hashN(x.ID, "few", 9) == 0 {
				n1, n2 = max(need1-1, 0), 0
			}
			if hashN(x.ID, "themes", 4) == 0 {
				theme = 1
			}
		default:
			n1, n2, theme = need1+hashN(x.ID, "projects", 2), more(hashN(x.ID, "more", 3)), 2
		}
		for _, f := range fewProjects {
			if f.id == x.ID {
				n1, n2 = f.n1, f.n2
			}
		}
		if x.ID == noProjectsID {
			n1, n2, theme = 0, 0, 0
		}
		h := hashN(x.ID, "action", len(acts))
		short := x.Kind == volunteer.Town && hashN(x.ID, "short", 6) == 0
		var mine []project
		for j := range n1 + n2 {
			// The first n1 spread over [from, p1], the others over (p1, p2].
			lo, span, k, n := from, int(p1-from)+1, j, n1
			if j >= n1 {
				lo, span, k, n = p1+1, int(p2-p1), j-n1, n2
			}
			d := lo + volunteer.Date(int((float64(k)+r.Float64())*float64(span)/float64(n)))
			a := (j + h) % len(acts)
			title := fmt.Sprintf("%s“%s”志愿服务", g.forms[i].plain, topics[a%len(topics)][(j/len(acts)+h)%len(topics[a%len(topics)])])
			p := g.project(r, i, d, lo+volunteer.Date(span-1), title, a, volunteer.OwnProject, short && j == 0)
			mine = append(mine, p)
		}
		// The story's projects: the last of the first export's.
		if n1 > 0 {
			p := &mine[n1-1]
			switch x.ID {
			case zeroBaseID:
				p.base = 0
			case risingShareID:
				p.early, p.filling = int(float64(p.base)*0.41), true
				p.participants = int(math.Ceil(float64(p.base) * 0.58))
				p.ends = max(p.ends, s.cal.a1+20)
			case lowShareID:
				p.participants = int(float64(p.base) * 0.36)
			}
		}
		out = append(out, mine...)
		for k := range theme {
			th := themes[(h+k)%len(themes)]
			out = append(out, g.project(r, i, volunteer.NewDate(s.cal.first.Year(), th.month, th.day), p2,
				th.title, th.action%len(acts), volunteer.ThemeProject, false))
		}
	}
	slices.SortStableFunc(out, func(a, b project) int {
		return cmp.Or(cmp.Compare(a.published, b.published), cmp.Compare(a.unit, b.unit))
	})
	for k := range out {
		seq := 1
		for j := k - 1; j >= 0 && out[j].published == out[k].published; j-- {
			seq++
		}
		out[k].id = "P" + fileDate(out[k].published, "") + fmt.Sprintf("%03d", seq)
	}
	return out
}

// project fills in one project published on d, or, if the unit has nobody
// registered yet, on the first day it has someone (never after last). Its
// participation reaches the threshold of its type, or falls short if asked.
func (g *gen) project(r *rand.Rand, unit int, d, last volunteer.Date, title string, action int, typ volunteer.ProjectType, short bool) project {
	for d < last && g.s.registeredBy(unit, d) == 0 {
		d++
	}
	base := g.s.registeredBy(unit, d)
	threshold, rate := g.rules.OwnParticipation, 0.5+float64(0.4*r.Float64())
	if typ == volunteer.ThemeProject {
		threshold, rate = g.rules.ThemeParticipation, 0.8+float64(0.18*r.Float64())
	}
	if threshold == 0 {
		threshold = 0.5
	}
	need := int(math.Ceil(float64(base) * threshold))
	participants := max(int(math.Round(float64(base)*rate)), need)
	if short && need > 0 {
		participants = int(float64(need) * (0.55 + float64(0.4*r.Float64())))
	}
	return project{title: title, unit: unit, action: action, typ: typ, published: d,
		ends: d + volunteer.Date(7+r.IntN(54)), participants: participants, base: base}
}

// projects writes the two exports: those published by each date.
func (g *gen) projects(list []project) error {
	p1, p2 := g.projectDates()
	header := []string{"项目编号", "项目名称", "发起组织", "行动类别", "项目类型", "发布日期", "结束日期", "参与人数", "组织人数"}
	first := slices.Clone(header)
	first[0] = "项目编号（ＩＤ）"
	early := slices.Clone(list)
	for k := range early {
		if early[k].filling {
			early[k].participants = early[k].early
		}
	}
	if err := g.projectsFile(early, firstFile, p1, "项目_"+fileDate(p1, "")+".csv", platformCSV, first, dateISO, orgLeague); err != nil {
		return err
	}
	return g.projectsFile(list, lastFile, p2, "项目_"+fileDate(p2, "-")+".csv", excelCSV, header, dateChinese, orgMixed)
}

func (g *gen) projectsFile(list []project, roles fileRole, d volunteer.Date, name string, lay layout, header []string, dates dateForm, style orgStyle) error {
	sh, err := g.create(name, volunteer.Projects, d, lay)
	if err != nil {
		return err
	}
	n, _ := slices.BinarySearchFunc(list, d+1, func(p project, d volunteer.Date) int { return cmp.Compare(p.published, d) })
	acts := g.actions()
	write := func(p project, org, published string, m MessKind) error {
		sh.add(p.id)
		sh.add(p.title)
		sh.add(org)
		sh.add(acts[p.action])
		sh.add(p.typ.Label())
		sh.field()
		if published != "" {
			sh.buf = append(sh.buf, published...)
		} else {
			sh.buf = appendDate(sh.buf, p.published, dates)
		}
		sh.field()
		sh.buf = appendDate(sh.buf, p.ends, dates)
		sh.field()
		sh.buf = strconv.AppendInt(sh.buf, int64(p.participants), 10)
		sh.field()
		sh.buf = strconv.AppendInt(sh.buf, int64(p.base), 10)
		return sh.end(m)
	}
	err = sh.header(header...)
	if err == nil {
		err = interleave(n, placeMesses(volunteer.Projects, roles, n),
			func(k int) error { return write(list[k], g.forms[list[k].unit].in(style, k), "", 0) },
			func(m placed) error {
				if m.kind == Duplicate {
					p := list[m.src]
					return write(p, g.forms[p.unit].in(style, m.src), "", m.kind)
				}
				first := g.units.Children(g.units.Root())[0]
				p := project{id: "P" + fileDate(d, "") + "9" + strconv.Itoa(int(m.kind)) + "0",
					title: g.forms[first].plain + "网络文明志愿服务", unit: first, typ: volunteer.OwnProject,
					published: d - 3, ends: d + 30, participants: 40, base: 60}
				org, published := g.forms[first].in(style, 0), ""
				switch m.kind {
				case BadDate:
					published = "待定"
				case UnknownUnit:
					org = g.typo
				}
				return write(p, org, published, m.kind)
			})
	}
	return g.finish(sh, err)
}
