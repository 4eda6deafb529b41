package demo

import "qingwang/volunteer"

// MessKind is a kind of messy row that real exports have. demo adds such rows
// on top of the true data, never in place of it: a reader that rejects
// exactly these rows accepts exactly the truth.
type MessKind uint8

const (
	// Duplicate repeats an earlier row of the file later on: the same
	// volunteer id in a roster, the same person in a cadres list, the same
	// person in the same team of a core roster, the same project id.
	Duplicate MessKind = iota + 1
	// AfterDate is a person whose registration time is the day after the
	// roster's date.
	AfterDate
	// UnknownUnit names a unit with a typo (梅江去): in 所属组织, 单位名称,
	// 单位, 骨干队伍 or 发起组织.
	UnknownUnit
	// MissingUnit leaves the unit empty.
	MissingUnit
	// BadDate has a date no reader can parse: #VALUE! for a registration
	// time or a 统计日期, 待定 for a project's 发布日期.
	BadDate
	// TotalRow is the 合计 row some counts files end with.
	TotalRow
	// BadPosition gives a cadre a 职务 that is none of the notice's five.
	BadPosition
)

func (m MessKind) String() string {
	switch m {
	case Duplicate:
		return "重复行"
	case AfterDate:
		return "注册时间晚于导出日期"
	case UnknownUnit:
		return "单位名称有误"
	case MissingUnit:
		return "单位为空"
	case BadDate:
		return "日期无法识别"
	case TotalRow:
		return "合计行"
	case BadPosition:
		return "职务不在五类之内"
	}
	return "未知"
}

// Mess is one messy row as written: its line (the header is line 1) and kind.
type Mess struct {
	Line int
	Kind MessKind
}

// fileRole says which files of a kind a mess goes into. A file may have
// several roles (with a long RosterEvery the first roster may also be the
// one of an assessment): it gets the messes of each.
type fileRole uint8

const (
	firstFile  fileRole = 1 << iota // the first roster; the first cadres, core and projects file
	a1File                          // the roster and the counts of the first assessment (4/25)
	a2File                          // the roster of the second assessment (6/25)
	lastFile                        // the roster and counts of the last day; the second cadres, core and projects file
	sundayFile                      // a counts file of a Sunday (the weekly one, with a 合计 row)
)

// messPlan is exactly the messy rows demo writes, file by file; the Summary
// lists each with its line. Each mess sits at a fixed share of the file's
// true rows (see placeMesses), a duplicate copying the row a third of the way
// down. Duplicates are left out of a file with no true rows.
var messPlan = []struct {
	kind volunteer.ExportKind
	on   fileRole
	mess MessKind
}{
	{volunteer.Roster, firstFile, Duplicate},
	{volunteer.Roster, a1File, AfterDate},
	{volunteer.Roster, a1File, AfterDate},
	{volunteer.Roster, a1File, UnknownUnit},
	{volunteer.Roster, a1File, MissingUnit},
	{volunteer.Roster, a2File, Duplicate},
	{volunteer.Roster, a2File, BadDate},
	{volunteer.Roster, lastFile, UnknownUnit},
	{volunteer.Roster, lastFile, Duplicate},

	{volunteer.Counts, sundayFile, TotalRow},
	{volunteer.Counts, a1File, UnknownUnit},
	{volunteer.Counts, lastFile, BadDate},
	{volunteer.Counts, lastFile, MissingUnit},

	{volunteer.Cadres, firstFile, Duplicate},
	{volunteer.Cadres, lastFile, UnknownUnit},
	{volunteer.Cadres, lastFile, BadPosition},

	{volunteer.Core, firstFile, Duplicate},
	{volunteer.Core, firstFile, MissingUnit},
	{volunteer.Core, lastFile, UnknownUnit},

	{volunteer.Projects, firstFile, Duplicate},
	{volunteer.Projects, lastFile, BadDate},
	{volunteer.Projects, lastFile, UnknownUnit},
}

// placed is a mess to write before true row at (at == n: after the last).
type placed struct {
	at   int
	src  int // the row a Duplicate copies
	kind MessKind
}

// placeMesses positions the messes of a file with n true rows, in the order
// they are to be written.
func placeMesses(kind volunteer.ExportKind, roles fileRole, n int) []placed {
	var out []placed
	for _, p := range messPlan {
		if p.kind != kind || p.on&roles == 0 {
			continue
		}
		m := placed{kind: p.mess}
		switch p.mess {
		case Duplicate:
			if n == 0 {
				continue
			}
			m.src = n / 3
			m.at = max(2*n/3, m.src+1)
		case AfterDate, TotalRow:
			m.at = n
		case BadDate:
			m.at = 3 * n / 4
		default:
			m.at = n / 2
		}
		out = append(out, m)
	}
	// Stable by position; TotalRow last of all.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func less(a, b placed) bool {
	if a.at != b.at {
		return a.at < b.at
	}
	return a.kind != TotalRow && b.kind == TotalRow
}

// interleave calls row(i) for each true row and mess(m) for each mess at its
// place. It is how every export writer walks its rows.
func interleave(n int, messes []placed, row func(i int) error, mess func(m placed) error) error {
	k := 0
	for i := 0; i <= n; i++ {
		for ; k < len(messes) && messes[k].at == i; k++ {
			if err := mess(messes[k]); err != nil {
				return err
			}
		}
		if i < n {
			if err := row(i); err != nil {
				return err
			}
		}
	}
	return nil
}
