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

// projectDates are the two projects exports' dates: the eve of the first
// assessment and two days before the season's end.
func (g *gen) projectDates() (volunteer.Date, volunteer.Date) {
	return g.s.cal.a1 - 1, g.s.cal.last - 2
}

func (g *gen) actions() []string {
	if len(g.rules.Actions) > 0 {
		return g.rules.Actions
	}
	return volunteer.DefaultRules().Actions
}

// planProjects gives every county, school and town its own projects for
// the season, about the yearly minimum or a little more (the story's units
// fewer, one town none), spread from ten days before registration opens to
// the second export, and a few theme activities. 组织人数 is the unit's
// registered volunteers on the day; about one project in five falls short
// of its participation threshold, and one has 组织人数 0.
func (g *gen) planProjects() []project {
	s, u := g.s, g.units
	r := rand.New(rand.NewPCG(s.seed, 4))
	acts := g.actions()
	_, p2 := g.projectDates()
	from := s.cal.start - 10
	span := int(p2-from) + 1
	var out []project
	for i := range u.Len() {
		x := u.At(i)
		least := g.rules.ProjectMinimum[x.Kind]
		if least == 0 {
			least = volunteer.DefaultRules().ProjectMinimum[x.Kind]
		}
		var own, theme int
		switch x.Kind {
		case volunteer.City:
			own, theme = 4, 2
		case volunteer.County:
			own, theme = least+hashN(x.ID, "projects", 4), 2+hashN(x.ID, "themes", 2)
		case volunteer.Town:
			own = least + hashN(x.ID, "projects", 3)
			if hashN(x.ID, "few", 9) == 0 {
				own = least / 2
			}
			if hashN(x.ID, "themes", 4) == 0 {
				theme = 1
			}
		default:
			own, theme = least+hashN(x.ID, "projects", 3), 2
		}
		for _, f := range fewProjects {
			if f.id == x.ID {
				own = f.n
			}
		}
		if x.ID == noProjectsID {
			own, theme = 0, 0
		}
		h := hashN(x.ID, "action", len(acts))
		for j := range own {
			d := from + volunteer.Date(int((float64(j)+r.Float64())*float64(span)/float64(own)))
			a := (j + h) % len(acts)
			title := fmt.Sprintf("%s“%s”志愿服务", g.forms[i].plain, topics[a%len(topics)][(j/len(acts)+h)%len(topics[a%len(topics)])])
			p := g.project(r, i, d, p2, title, a, volunteer.OwnProject)
			if j == 0 && x.ID == zeroBaseID {
				p.base = 0
			}
			out = append(out, p)
		}
		for k := range theme {
			th := themes[(h+k)%len(themes)]
			out = append(out, g.project(r, i, volunteer.NewDate(s.cal.first.Year(), th.month, th.day), p2,
				th.title, th.action%len(acts), volunteer.ThemeProject))
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
// registered yet, on the first day it has someone (never after last).
func (g *gen) project(r *rand.Rand, unit int, d, last volunteer.Date, title string, action int, typ volunteer.ProjectType) project {
	for d < last && g.s.registeredBy(unit, d) == 0 {
		d++
	}
	base := g.s.registeredBy(unit, d)
	// About one in five falls short of its threshold; the others reach it.
	threshold, rate := g.rules.OwnParticipation, 0.5+float64(0.4*r.Float64())
	if typ == volunteer.ThemeProject {
		threshold, rate = g.rules.ThemeParticipation, 0.8+float64(0.18*r.Float64())
	}
	if threshold == 0 {
		threshold = 0.5
	}
	need := int(math.Ceil(float64(base) * threshold))
	participants := max(int(math.Round(float64(base)*rate)), need)
	if r.IntN(5) == 0 && need > 0 {
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
	if err := g.projectsFile(list, firstFile, p1, "项目_"+fileDate(p1, "")+".csv", platformCSV, first, dateISO, orgLeague); err != nil {
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
