package ingest

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

// Row types: gocsv decodes records into these by the canonical tags. All
// fields are strings; validation parses them with Chinese messages.

type rosterRow struct {
	VolunteerID  string `csv:"volunteer_id"`
	IDNumber     string `csv:"id_number"`
	Mobile       string `csv:"mobile"`
	Org          string `csv:"org"`
	RegisteredAt string `csv:"registered_at"`
	Politics     string `csv:"politics"`
	Date         string `csv:"date"`
}

type countsRow struct {
	Date       string `csv:"date"`
	Unit       string `csv:"unit"`
	Registered string `csv:"registered"`
}

type coreRow struct {
	Name        string `csv:"name"`
	VolunteerID string `csv:"volunteer_id"`
	IDNumber    string `csv:"id_number"`
	Team        string `csv:"team"`
	Position    string `csv:"position"`
	WeChat      string `csv:"wechat_group"`
	Date        string `csv:"date"`
}

type projectRow struct {
	ID           string `csv:"project_id"`
	Title        string `csv:"title"`
	Org          string `csv:"org"`
	Action       string `csv:"action"`
	Type         string `csv:"type"`
	Published    string `csv:"published_at"`
	Ends         string `csv:"ends_at"`
	Participants string `csv:"participants"`
	Base         string `csv:"base"`
	Date         string `csv:"date"`
}

type cadreRow struct {
	Name        string `csv:"name"`
	VolunteerID string `csv:"volunteer_id"`
	IDNumber    string `csv:"id_number"`
	Mobile      string `csv:"mobile"`
	Unit        string `csv:"unit"`
	Position    string `csv:"position"`
	Date        string `csv:"date"`
}

// keys reads the identifiers of a row. Only the ones the layout requires
// one of make a row unusable when malformed; the rest are dropped quietly
// when they do not parse, since the row is identified anyway. Unless all,
// the ID number is read only when there is no volunteer id.
func (x *rowReader) keys(vid, idn, mob string, useMobile, all bool) (volunteer.PersonKeys, *volunteer.Problem) {
	var k volunteer.PersonKeys
	var firstErr *volunteer.Problem
	try := func(f field, v string, parse func(string) (volunteer.PersonKey, error)) volunteer.PersonKey {
		if !x.cols.has(f) {
			return 0
		}
		key, err := parse(v)
		if err != nil && firstErr == nil {
			firstErr = x.problem(ruleFormat, f, "%v", err)
		}
		return key
	}
	k.VolunteerID = try(fVolunteerID, vid, volunteerKey)
	if all || k.VolunteerID == 0 {
		k.IDNumber = try(fIDNumber, idn, idNumberKey)
	}
	if useMobile {
		k.Mobile = try(fMobile, mob, mobileKey)
	}
	if k.Primary() != 0 {
		return k, nil
	}
	if firstErr != nil {
		return k, firstErr
	}
	names := "“志愿者编号”或“证件号码”"
	if useMobile {
		names = "“志愿者编号”、“证件号码”或“手机号码”"
	}
	return k, &volunteer.Problem{Rule: ruleMissing, Reason: "缺少" + names + "，无法确认是哪一位：请补上后重新导出，或删除这一行"}
}

func (x *rowReader) rosterRow(line int, r *rosterRow) *volunteer.Problem {
	if p := x.exportDate(line, r.Date); p != nil {
		return p
	}
	k, p := x.keys(r.VolunteerID, r.IDNumber, r.Mobile, false, x.opts.indexing())
	if p != nil {
		return p
	}
	u, p := x.unit(fOrg, r.Org)
	if p != nil {
		return p
	}
	d, p := x.day(fRegisteredAt, r.RegisteredAt)
	if p != nil {
		return p
	}
	if p := x.notAfterExport(fRegisteredAt, d); p != nil {
		return p
	}
	if p := x.duplicate(k.Primary(), line, "名志愿者"); p != nil {
		return p
	}
	if x.regs == nil {
		x.regs = make([]dayCounts, x.units.Len())
		x.members = make([]int, x.units.Len())
	}
	x.regs[u].add(d)
	if strings.Contains(r.Politics, "团员") {
		x.members[u]++
	}
	if x.opts.indexing() {
		if m, err := mobileKey(r.Mobile); err == nil {
			k.Mobile = m
		}
		if x.opts.wants(k) {
			x.index(k, u)
		}
	}
	return nil
}

// index remembers a roster's person by every key, for matching cadres.
func (x *rowReader) index(k volunteer.PersonKeys, u int) {
	if x.people == nil {
		x.people = &volunteer.PeopleIndex{}
	}
	x.people.Add(k, u)
}

func (x *rowReader) countsRow(line int, r *countsRow) *volunteer.Problem {
	d, p := x.day(fDate, r.Date)
	if p != nil {
		return p
	}
	name := strings.TrimSpace(r.Unit)
	if isTotalRow(name) {
		return x.problem(ruleTotal, fUnit, "“%s”是合计行，不是单位：合计由 qingwang 自己计算，此行不计入", name)
	}
	u, p := x.unit(fUnit, r.Unit)
	if p != nil {
		return p
	}
	n, p := x.count(fRegistered, r.Registered)
	if p != nil {
		return p
	}
	if x.counts == nil {
		x.counts = map[[2]int]int32{}
	}
	key := [2]int{int(d), u}
	if first, ok := x.counts[key]; ok {
		return &volunteer.Problem{Rule: ruleDuplicate, Reason: "与第" + strconv.Itoa(int(first)) + "行是同一单位同一天的数字，只计第一行：请删除重复的行"}
	}
	x.counts[key] = int32(line)
	x.e.Counts = append(x.e.Counts, volunteer.Count{Day: d, Unit: u, Registered: n})
	if d > x.e.Date {
		x.e.Date = d
	}
	return nil
}

// isTotalRow tells the 合计 rows spreadsheets end with.
func isTotalRow(s string) bool {
	s = foldName(s)
	return s == "合计" || s == "总计" || s == "小计" || s == "全市合计" || s == "total"
}

// count parses a non-negative whole number such as 1234, 1,234 or 1234人.
func (x *rowReader) count(f field, v string) (int, *volunteer.Problem) {
	v, p := x.required(f, v)
	if p != nil {
		return 0, p
	}
	s := strings.TrimSuffix(strings.ReplaceAll(norm.NFKC.String(v), ",", ""), "人")
	s = strings.TrimSpace(strings.TrimSuffix(s, ".0"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, x.problem(ruleFormat, f, "“%s”应是不小于0的整数，现为“%s”", x.cols.header(f), v)
	}
	return n, nil
}

func (x *rowReader) coreRow(line int, r *coreRow) *volunteer.Problem {
	if p := x.exportDate(line, r.Date); p != nil {
		return p
	}
	k, p := x.keys(r.VolunteerID, r.IDNumber, "", false, true)
	if p != nil {
		return p
	}
	team, p := x.unit(fTeam, r.Team)
	if p != nil {
		return p
	}
	// An entry is a person within one team: the same person in two teams
	// is the overlap the notice forbids, reported by metrics, not rejected.
	if p := x.duplicate(volunteer.KeyOf('t', strconv.Itoa(team)+":"+strconv.FormatUint(uint64(k.Primary()), 16)), line, "人在同一骨干队伍中"); p != nil {
		return p
	}
	m := volunteer.CoreMember{
		Team:     team,
		Person:   k,
		FullTime: strings.Contains(r.Position, "专职"),
		WeChat:   saysYes(r.WeChat),
	}
	if x.opts.KeepNames {
		m.Name = strings.TrimSpace(r.Name)
	}
	x.e.Core = append(x.e.Core, m)
	return nil
}

// saysYes reads a 微信群 cell: a group's name or 是 means the team has one.
func saysYes(s string) bool {
	switch foldName(s) {
	case "", "否", "无", "没有", "未建", "0", "no", "n", "false", "-", "/":
		return false
	}
	return true
}

func (x *rowReader) projectRow(line int, r *projectRow) *volunteer.Problem {
	if p := x.exportDate(line, r.Date); p != nil {
		return p
	}
	id, p := x.required(fProjectID, norm.NFKC.String(r.ID))
	if p != nil {
		return p
	}
	title, p := x.required(fTitle, strings.ToValidUTF8(r.Title, "\uFFFD"))
	if p != nil {
		return p
	}
	u, p := x.unit(fProjectOrg, r.Org)
	if p != nil {
		return p
	}
	action, p := x.action(r.Action)
	if p != nil {
		return p
	}
	typ, p := x.projectType(r.Type)
	if p != nil {
		return p
	}
	pub, p := x.day(fPublished, r.Published)
	if p != nil {
		return p
	}
	if p := x.notAfterExport(fPublished, pub); p != nil {
		return p
	}
	var ends volunteer.Date
	if strings.TrimSpace(r.Ends) != "" {
		if ends, p = x.day(fEnds, r.Ends); p != nil {
			return p
		}
	}
	participants, p := x.count(fParticipants, r.Participants)
	if p != nil {
		return p
	}
	base, p := x.count(fBase, r.Base)
	if p != nil {
		return p
	}
	if x.projects == nil {
		x.projects = map[string]int32{}
	}
	if first, ok := x.projects[id]; ok {
		return x.problem(ruleDuplicate, fProjectID, "项目编号“%s”与第%d行重复，只计一次：请删除重复的行", id, first)
	}
	x.projects[id] = int32(line)
	x.e.Projects = append(x.e.Projects, volunteer.Project{
		ID: id, Title: title, Unit: u, Action: action, Type: typ,
		Published: pub, Ends: ends, Participants: participants, Base: base,
	})
	return nil
}

// action finds which of the rules' actions a 行动类别 cell names; the
// platform sometimes adds 行动 or 志愿行动 to the name.
func (x *rowReader) action(v string) (int, *volunteer.Problem) {
	v, p := x.required(fAction, v)
	if p != nil {
		return 0, p
	}
	s := foldName(v)
	for i, a := range x.rules.Actions {
		if a := foldName(a); strings.Contains(s, a) || strings.Contains(a, s) {
			return i, nil
		}
	}
	return 0, x.problem(ruleFormat, fAction, "行动类别“%s”不是四大行动之一（%s）：请核对，或在 data/rules.toml 中设置 actions", v, strings.Join(x.rules.Actions, "、"))
}

func (x *rowReader) projectType(v string) (volunteer.ProjectType, *volunteer.Problem) {
	v, p := x.required(fType, v)
	if p != nil {
		return 0, p
	}
	switch {
	case strings.Contains(v, "自主"):
		return volunteer.OwnProject, nil
	case strings.Contains(v, "主题"), strings.Contains(v, "上级"):
		return volunteer.ThemeProject, nil
	}
	return 0, x.problem(ruleFormat, fType, "项目类型“%s”应为“上级主题活动”或“自主发起”", v)
}

func (x *rowReader) cadreRow(line int, r *cadreRow) *volunteer.Problem {
	if p := x.exportDate(line, r.Date); p != nil {
		return p
	}
	k, p := x.keys(r.VolunteerID, r.IDNumber, r.Mobile, true, true)
	if p != nil {
		return p
	}
	u, p := x.unit(fUnit, r.Unit)
	if p != nil {
		return p
	}
	pos, p := x.position(r.Position)
	if p != nil {
		return p
	}
	if p := x.duplicate(k.Primary(), line, "人"); p != nil {
		return p
	}
	c := volunteer.Cadre{Unit: u, Position: pos, Keys: k}
	if x.opts.KeepNames {
		c.Name = strings.TrimSpace(r.Name)
	}
	x.e.Cadres = append(x.e.Cadres, c)
	return nil
}

func (x *rowReader) position(v string) (volunteer.Position, *volunteer.Problem) {
	v, p := x.required(fPosition, v)
	if p != nil {
		return 0, p
	}
	switch {
	case strings.Contains(v, "专职"):
		return volunteer.FullTimeCadre, nil
	case strings.Contains(v, "兼职"):
		return volunteer.PartTimeCadre, nil
	case strings.Contains(v, "总辅导员"):
		return volunteer.ChiefCounselor, nil
	case strings.Contains(v, "大队辅导员"):
		return volunteer.BrigadeCounselor, nil
	case strings.Contains(v, "中队辅导员"):
		return volunteer.SquadronCounselor, nil
	}
	var names []string
	for _, p := range volunteer.Positions {
		names = append(names, p.Label())
	}
	return 0, x.problem(ruleFormat, fPosition, "职务“%s”不在应注册的职务之列（%s）", v, strings.Join(names, "、"))
}

// dayCounts counts registrations per day of one unit, densely: rosters
// span a few hundred days, and a slice beats a map a million times over.
type dayCounts struct {
	first volunteer.Date
	n     []int32
}

func (c *dayCounts) add(d volunteer.Date) {
	switch {
	case c.n == nil:
		c.first = d
		c.n = make([]int32, 1, 64)
	case d < c.first:
		grown := make([]int32, int(c.first-d)+len(c.n))
		copy(grown[c.first-d:], c.n)
		c.first, c.n = d, grown
	}
	i := int(d - c.first)
	for i >= len(c.n) {
		c.n = append(c.n, 0)
	}
	c.n[i]++
}
