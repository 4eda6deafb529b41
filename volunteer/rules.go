package volunteer

import "time"

// Rules are the notice's thresholds and dates. DefaultRules gives the
// notice's own; data/rules.toml may override any of them.
type Rules struct {
	// Registration: volunteers start registering on Start and the basic
	// formation is due on Deadline (notice 二: 3月20日 … 4月20日前).
	Start    Date
	Deadline Date
	// Assessments are the dates of the assessments with the one-vote veto
	// (notice 四: 4月25日 and 6月25日); registration must reach 100% by each.
	Assessments []Date
	// SevereLag: a unit behind 序时进度 whose pace cannot reach its quota in
	// time is 严重滞后 when below this share of the target, else 滞后.
	SevereLag float64
	// MemberShare and StudentShare: volunteers per League member (counties)
	// and per student (universities), at least 20% (notice 一).
	MemberShare  float64
	StudentShare float64

	// CoreMinimum is the least core-team size by level (市100 县区30 镇街5 院校50 高校50).
	CoreMinimum map[Kind]int
	// ProjectMinimum is the least number of own projects per unit and year
	// (县区、院校、高校 8, 镇街 4).
	ProjectMinimum map[Kind]int
	// Actions are the four volunteer actions projects are filed under.
	Actions []string
	// ThemeParticipation and OwnParticipation: participants / base needed by
	// 上级主题活动 (80%) and 自主发起 (50%) projects.
	ThemeParticipation float64
	OwnParticipation   float64

	Milestones []Milestone
}

// Milestone is a date the office counts down to.
type Milestone struct {
	Date   Date
	Name   string
	Detail string
}

// DefaultRules returns the rules as the notice states them, for 2015.
func DefaultRules() Rules {
	d := func(m time.Month, day int) Date { return NewDate(2015, m, day) }
	return Rules{
		Start:        d(3, 20),
		Deadline:     d(4, 20),
		Assessments:  []Date{d(4, 25), d(6, 25)},
		SevereLag:    0.8,
		MemberShare:  0.2,
		StudentShare: 0.2,
		CoreMinimum: map[Kind]int{
			City: 100, County: 30, Town: 5, School: 50, University: 50,
		},
		ProjectMinimum: map[Kind]int{
			County: 8, Town: 4, School: 8, University: 8,
		},
		Actions:            []string{"青少年绿色网络", "网络励志", "网络素养提升", "网络关爱"},
		ThemeParticipation: 0.8,
		OwnParticipation:   0.5,
		Milestones: []Milestone{
			{d(3, 20), "调研摸底", "完成队伍组建调研摸底，组织志愿者登录平台注册"},
			{d(3, 31), "全面铺开", "各级网络文明志愿者队伍组建工作全面铺开"},
			{d(4, 5), "清明", "清明节网络文明主题活动"},
			{d(4, 20), "基础队伍组建", "基本完成基础队伍组建任务并汇总上报"},
			{d(4, 25), "第一次考核", "统计考核各级团组织注册人数"},
			{d(5, 4), "五四", "五四青年节主题活动"},
			{d(6, 20), "阶段性总结", "网络文明志愿项目阶段性总结报团市委宣传联络部"},
			{d(6, 25), "第二次考核", "统计考核各级团组织注册人数"},
			{d(7, 1), "七一", "建党纪念日主题活动"},
			{d(9, 3), "抗战胜利纪念日", "抗日战争胜利纪念日主题活动"},
			{d(10, 1), "十一", "国庆节主题活动"},
			{d(12, 13), "国家公祭日", "南京大屠杀死难者国家公祭日主题活动"},
		},
	}
}
