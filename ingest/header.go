package ingest

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

// field is a column qingwang understands. Its tag is the canonical header
// that gocsv decodes by, once the file's own headers are resolved to it.
type field struct {
	tag     string
	label   string   // the platform's own header, for messages
	aliases []string // other headers that mean the same, label included
}

var (
	fVolunteerID  = field{"volunteer_id", "志愿者编号", []string{"志愿者编号", "编号", "volunteer_id", "志愿者号"}}
	fIDNumber     = field{"id_number", "证件号码", []string{"证件号码", "身份证号", "身份证号码", "证件号", "id_number"}}
	fMobile       = field{"mobile", "手机号码", []string{"手机号码", "手机号", "手机", "mobile"}}
	fName         = field{"name", "姓名", []string{"姓名", "name"}}
	fOrg          = field{"org", "所属组织", []string{"所属组织", "组织", "所在组织", "org"}}
	fRegisteredAt = field{"registered_at", "注册时间", []string{"注册时间", "注册日期", "registered_at"}}
	fRole         = field{"role", "身份", []string{"身份", "role"}}
	fPolitics     = field{"politics", "政治面貌", []string{"政治面貌", "politics"}}
	fDate         = field{"date", "统计日期", []string{"统计日期", "日期", "date"}}
	fUnit         = field{"unit", "单位名称", []string{"单位名称", "单位", "组织", "unit"}}
	fRegistered   = field{"registered", "累计注册数", []string{"累计注册数", "注册人数", "registered"}}
	fQuota        = field{"quota", "任务数", []string{"任务数", "quota"}}
	fTeam         = field{"team", "骨干队伍", []string{"骨干队伍", "所属队伍", "team"}}
	fPosition     = field{"position", "职务", []string{"职务", "position"}}
	fWeChat       = field{"wechat_group", "微信群", []string{"微信群", "wechat_group"}}
	fProjectID    = field{"project_id", "项目编号", []string{"项目编号", "project_id"}}
	fTitle        = field{"title", "项目名称", []string{"项目名称", "title"}}
	fProjectOrg   = field{"org", "发起组织", []string{"发起组织", "org"}}
	fAction       = field{"action", "行动类别", []string{"行动类别", "action"}}
	fType         = field{"type", "项目类型", []string{"项目类型", "type"}}
	fPublished    = field{"published_at", "发布日期", []string{"发布日期", "published_at"}}
	fEnds         = field{"ends_at", "结束日期", []string{"结束日期", "ends_at"}}
	fParticipants = field{"participants", "参与人数", []string{"参与人数", "participants"}}
	fBase         = field{"base", "组织人数", []string{"组织人数", "base"}}
)

// layout says which columns make a kind of export: every group in required
// must have one of its fields present.
type layout struct {
	kind     volunteer.ExportKind
	required [][]field
	optional []field
}

var layouts = []layout{
	{volunteer.Projects, [][]field{{fProjectID}, {fTitle}, {fProjectOrg}, {fAction}, {fType}, {fPublished}, {fParticipants}, {fBase}},
		[]field{fEnds, fDate}},
	{volunteer.Counts, [][]field{{fDate}, {fUnit}, {fRegistered}},
		[]field{fQuota}},
	{volunteer.Core, [][]field{{fVolunteerID, fIDNumber}, {fTeam}},
		[]field{fName, fPosition, fWeChat, fDate}},
	{volunteer.Roster, [][]field{{fVolunteerID, fIDNumber}, {fOrg}, {fRegisteredAt}},
		[]field{fName, fMobile, fRole, fPolitics, fDate}},
	{volunteer.Cadres, [][]field{{fVolunteerID, fIDNumber, fMobile}, {fUnit}, {fPosition}},
		[]field{fName, fDate}},
}

// normHeader folds a header for matching: full-width to half-width, case,
// spaces, and a trailing bracketed note such as 注册时间（北京时间） or a
// required-field star.
func normHeader(h string) string {
	h = norm.NFKC.String(h)
	h = strings.ToLower(strings.Join(strings.Fields(h), ""))
	h = strings.TrimRight(h, "*:")
	for {
		n := len(h)
		for _, p := range [][2]string{{"(", ")"}, {"[", "]"}, {"【", "】"}, {"〔", "〕"}} {
			if strings.HasSuffix(h, p[1]) {
				if i := strings.LastIndex(h, p[0]); i > 0 {
					h = h[:i]
				}
			}
		}
		if len(h) == n {
			return h
		}
	}
}

// columns is a header row resolved for one kind of export.
type columns struct {
	layout
	headers []string       // as written in the file
	tags    []string       // per column: the canonical tag, or a placeholder gocsv ignores
	index   map[string]int // canonical tag -> column
	matched int            // fields recognised, required and optional
}

func (c *columns) has(f field) bool { _, ok := c.index[f.tag]; return ok }

// header returns the file's own header of f, for messages.
func (c *columns) header(f field) string {
	if i, ok := c.index[f.tag]; ok {
		return strings.TrimSpace(c.headers[i])
	}
	return f.label
}

// resolve matches a header row against one layout. missing lists the
// required groups no column answers.
func resolve(l layout, headers []string) (c *columns, missing [][]field) {
	c = &columns{layout: l, headers: headers, tags: make([]string, len(headers)), index: map[string]int{}}
	want := slices.Concat(append(slices.Concat(l.required...), l.optional...))
	for i, h := range headers {
		c.tags[i] = fmt.Sprintf("-%d", i)
		n := normHeader(h)
		if n == "" {
			continue
		}
		for _, f := range want {
			if _, taken := c.index[f.tag]; taken {
				continue
			}
			if slices.ContainsFunc(f.aliases, func(a string) bool { return normHeader(a) == n }) {
				c.index[f.tag] = i
				c.tags[i] = f.tag
				c.matched++
				break
			}
		}
	}
	for _, group := range l.required {
		if !slices.ContainsFunc(group, c.has) {
			missing = append(missing, group)
		}
	}
	return c, missing
}

// detect tells the kind of export a header row belongs to: the layout whose
// required columns are all present, preferring the one that recognises most
// columns. When none fits, near is the closest layout and what it misses.
func detect(headers []string) (best *columns, near *columns, nearMissing [][]field) {
	for _, l := range layouts {
		c, missing := resolve(l, headers)
		if len(missing) == 0 {
			if best == nil || c.matched > best.matched {
				best = c
			}
			continue
		}
		found := len(l.required) - len(missing)
		if found > 0 && (near == nil || found > len(near.required)-len(nearMissing) ||
			found == len(near.required)-len(nearMissing) && len(missing) < len(nearMissing)) {
			near, nearMissing = c, missing
		}
	}
	return best, near, nearMissing
}

// describeMissing writes what a header row lacks, in the office's words.
func describeMissing(missing [][]field) string {
	var parts []string
	for _, group := range missing {
		var names []string
		for _, f := range group {
			names = append(names, "“"+f.label+"”")
		}
		alias := group[0].aliases
		s := strings.Join(names, "或")
		if len(group) == 1 && len(alias) > 1 {
			var others []string
			for _, a := range alias {
				if a != group[0].label {
					others = append(others, a)
				}
			}
			s += "（也可写作 " + strings.Join(others, "、") + "）"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "，")
}
