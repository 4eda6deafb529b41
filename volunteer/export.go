package volunteer

import "fmt"

// ExportKind is what a platform export lists; ingest tells it by the headers.
type ExportKind uint8

const (
	Roster   ExportKind = iota + 1 // 志愿者名单: one row per registered volunteer
	Counts                         // 汇总: registered counts per unit and day
	Core                           // 骨干名单: members of core teams
	Projects                       // 项目: volunteer projects
	Cadres                         // 应注册名单: cadres and counselors who must register
)

var exportKindNames = [...]struct{ en, zh string }{
	Roster:   {"roster", "志愿者名单"},
	Counts:   {"counts", "汇总"},
	Core:     {"core", "骨干名单"},
	Projects: {"projects", "项目"},
	Cadres:   {"cadres", "应注册名单"},
}

// ExportKinds lists every kind in the order reports show them.
var ExportKinds = []ExportKind{Roster, Counts, Core, Projects, Cadres}

func (k ExportKind) String() string {
	if k != 0 && int(k) < len(exportKindNames) {
		return exportKindNames[k].en
	}
	return fmt.Sprintf("exportkind(%d)", k)
}

// Label gives the Chinese name.
func (k ExportKind) Label() string {
	if k != 0 && int(k) < len(exportKindNames) {
		return exportKindNames[k].zh
	}
	return "未知"
}

func (k ExportKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Encoding names the text encoding a file was read in, as check --json reports it.
type Encoding string

const (
	UTF8    Encoding = "utf-8"
	UTF8BOM Encoding = "utf-8-bom"
	GB18030 Encoding = "gb18030"
	UTF16   Encoding = "utf-16"
)

// Problem is one rejected row, or a whole file that could not be read
// (Line 0). Reason is Chinese and says what to do.
type Problem struct {
	Path   string
	Line   int
	Column string // the header as written in the file, when one column is at fault
	Rule   string // which row rule it broke, in a few Chinese words, for grouping
	Reason string
}

func (p Problem) String() string {
	loc := p.Path
	if p.Line > 0 {
		loc = fmt.Sprintf("%s 第%d行", p.Path, p.Line)
	}
	if p.Column != "" {
		loc += fmt.Sprintf("“%s”列", p.Column)
	}
	return loc + "：" + p.Reason
}

// Export is what qingwang keeps of one export file: where it came from, how
// its rows were accounted for, and the aggregates of the accepted rows.
// Only the field of its Kind is set. No ID number, mobile number or
// volunteer id is kept: people are PersonKeys; names only for the office's
// follow-up lists, and only when asked.
type Export struct {
	Path     string // slash-separated, relative to the data folder
	Kind     ExportKind
	Encoding Encoding
	Date     Date   // the export's date: 统计日期, else the date in the file name
	SHA256   string // hex digest of the file's bytes
	Rows     int    // non-blank data lines
	Accepted int
	Rejected int
	Problems []Problem

	Roster   *RosterCounts
	Counts   []Count
	Core     []CoreMember
	Projects []Project
	Cadres   []Cadre
}

// RosterCounts is a roster reduced to what the figures need: how many
// people of each unit registered on each day, and how many of them are League
// members (政治面貌), when the roster says.
type RosterCounts struct {
	Registrations []DayCount // sorted by Unit, then Day
	Members       []int      // per unit index: League members among its own people
	HasMembers    bool       // the roster had a 政治面貌 column
	People        *PeopleIndex
}

// DayCount says that N people of Unit (not its parts) registered on Day.
type DayCount struct {
	Unit int32
	Day  Date
	N    int32
}

// Count is one row of a counts export: the platform's own figure.
type Count struct {
	Day        Date
	Unit       int
	Registered int
}

// CoreMember is one person's place in one core team.
type CoreMember struct {
	Team     int // unit index of the team's level
	Person   PersonKeys
	FullTime bool // 职务 says 专职团干部
	WeChat   bool // the row names the team's WeChat group
	// Name is kept only for the office's follow-up lists (people in two
	// teams), when ingest is asked to; it is never published.
	Name string
}

// ProjectType tells the participation threshold that applies.
type ProjectType uint8

const (
	ThemeProject ProjectType = iota + 1 // 上级主题活动: 80%
	OwnProject                          // 自主发起: 50%
)

func (t ProjectType) Label() string {
	switch t {
	case ThemeProject:
		return "上级主题活动"
	case OwnProject:
		return "自主发起"
	}
	return "未知"
}

// Project is one volunteer project. Titles are public, not personal data.
type Project struct {
	ID           string
	Title        string
	Unit         int
	Action       int // index into Rules.Actions
	Type         ProjectType
	Published    Date
	Ends         Date
	Participants int
	Base         int // 组织人数; 0 means participation cannot be computed
}

// Position is the post that obliges a cadre to register (notice part 一).
type Position uint8

const (
	FullTimeCadre     Position = iota + 1 // 专职团干部
	PartTimeCadre                         // 兼职团干部
	ChiefCounselor                        // 少先队总辅导员 (city, county, town)
	BrigadeCounselor                      // 大队辅导员 (each school)
	SquadronCounselor                     // 中队辅导员 (at least 2 per school)
)

var positionNames = [...]string{
	FullTimeCadre:     "专职团干部",
	PartTimeCadre:     "兼职团干部",
	ChiefCounselor:    "少先队总辅导员",
	BrigadeCounselor:  "大队辅导员",
	SquadronCounselor: "中队辅导员",
}

// Positions lists every position in the notice's order.
var Positions = []Position{FullTimeCadre, PartTimeCadre, ChiefCounselor, BrigadeCounselor, SquadronCounselor}

func (p Position) Label() string {
	if p != 0 && int(p) < len(positionNames) {
		return positionNames[p]
	}
	return "未知"
}

// Cadre is one person a cadres list says must register.
type Cadre struct {
	Unit     int
	Position Position
	Keys     PersonKeys
	// Name is kept only for the office's follow-up lists (cadres not yet
	// registered), when ingest is asked to; it is never published.
	Name string
}
