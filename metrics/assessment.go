package metrics

import (
	"fmt"

	"qingwang/volunteer"
)

// Criterion names what an assessment checks, as check --json spells it.
type Criterion string

const (
	Registration  Criterion = "registration"
	MandatoryReg  Criterion = "mandatory"
	CoreTeam      Criterion = "core"
	ProjectCount  Criterion = "projects"
	Participation Criterion = "participation"
)

// Criteria lists them in the order pages show them.
var Criteria = []Criterion{Registration, MandatoryReg, CoreTeam, ProjectCount, Participation}

// Label is the criterion's Chinese name.
func (c Criterion) Label() string {
	switch c {
	case Registration:
		return "注册人数"
	case MandatoryReg:
		return "应注册人员"
	case CoreTeam:
		return "骨干队伍"
	case ProjectCount:
		return "志愿项目"
	case Participation:
		return "参与率"
	}
	return string(c)
}

// Result is one criterion for one unit.
type Result struct {
	Criterion Criterion
	Met       bool
	Detail    string // the figures behind it, in Chinese
}

// Verdict is one unit's assessment on one date: it passes only if every
// criterion is met (一票否决: one failed criterion fails the unit).
type Verdict struct {
	Date    volunteer.Date
	Unit    int
	Results []Result
	Passed  bool
}

// Failed lists the criteria not met.
func (v Verdict) Failed() []Criterion {
	var out []Criterion
	for _, r := range v.Results {
		if !r.Met {
			out = append(out, r.Criterion)
		}
	}
	return out
}

// Assess assesses every county, school and university on the day of r,
// with n figured on the same day. Missing data fails its criterion: the
// office must have the list to pass.
func Assess(units *volunteer.Units, rules volunteer.Rules, r *Report, n Notice) []Verdict {
	var out []Verdict
	for u := 0; u < units.Len(); u++ {
		switch units.At(u).Kind {
		case volunteer.County, volunteer.School, volunteer.University:
		default:
			continue
		}
		v := Verdict{Date: r.AsOf, Unit: u, Results: []Result{
			registrationResult(r.Units[u]),
			mandatoryResult(units, n.Mandatory, u),
			coreResult(units, n.Core, n.Mandatory, u),
			projectsResult(n.Projects, u),
			participationResult(rules, n.Projects, u),
		}}
		v.Passed = len(v.Failed()) == 0
		out = append(out, v)
	}
	return out
}

func registrationResult(p Progress) Result {
	return Result{Registration, p.Quota > 0 && p.Registered >= p.Quota,
		fmt.Sprintf("已注册%d人，任务数%d人", p.Registered, p.Quota)}
}

func mandatoryResult(units *volunteer.Units, m *MandatoryReport, u int) Result {
	if m == nil {
		return Result{MandatoryReg, false, "没有应注册名单导出，无法核对"}
	}
	if m.RosterDate == 0 {
		return Result{MandatoryReg, false, "没有志愿者名单导出，无法核对"}
	}
	s := m.Within(units, u)
	if s.Listed == 0 {
		return Result{MandatoryReg, false, "应注册名单中没有本单位人员"}
	}
	met := s.Registered == s.Listed
	detail := fmt.Sprintf("应注册%d人，已注册%d人", s.Listed, s.Registered)
	if k := units.At(u).Kind; k == volunteer.School || k == volunteer.University {
		if s.SquadronRegistered < 2 {
			met = false
		}
		detail += fmt.Sprintf("；中队辅导员已注册%d人（至少2人）", s.SquadronRegistered)
		if s.Brigade == 0 || s.BrigadeRegistered < s.Brigade {
			met = false
			detail += "；大队辅导员未注册"
		}
	}
	return Result{MandatoryReg, met, detail}
}

func coreResult(units *volunteer.Units, c *CoreReport, m *MandatoryReport, u int) Result {
	if c == nil {
		return Result{CoreTeam, false, "没有骨干名单导出，无法核对"}
	}
	t, _ := c.Team(u)
	met := t.Met()
	detail := fmt.Sprintf("骨干队伍%d人（至少%d人）", t.Size, t.Minimum)
	if t.InOtherTeams > 0 {
		detail += fmt.Sprintf("，其中%d人同时在其他骨干队伍", t.InOtherTeams)
	}
	if !t.WeChat {
		detail += "，未建微信群"
	}
	if m != nil {
		if s := m.Within(units, u); s.FullTime > s.FullTimeInCore {
			met = false
			detail += fmt.Sprintf("；专职团干部%d人中%d人未进骨干队伍", s.FullTime, s.FullTime-s.FullTimeInCore)
		}
	}
	return Result{CoreTeam, met, detail}
}

func projectsResult(p *ProjectsReport, u int) Result {
	if p == nil {
		return Result{ProjectCount, false, "没有志愿项目导出，无法核对"}
	}
	up, _ := p.Unit(u)
	return Result{ProjectCount, up.Own >= up.Expected,
		fmt.Sprintf("今年自主发起项目%d项，按全年%d项应达%d项", up.Own, up.Minimum, up.Expected)}
}

func participationResult(rules volunteer.Rules, p *ProjectsReport, u int) Result {
	if p == nil {
		return Result{Participation, false, "没有志愿项目导出，无法核对"}
	}
	up, _ := p.Unit(u)
	if up.Total() == 0 {
		return Result{Participation, true, "今年尚无项目"}
	}
	detail := fmt.Sprintf("%d个项目中%d个参与率达标（上级主题活动%.0f%%，自主发起%.0f%%）",
		up.Total(), up.ParticipationMet, rules.ThemeParticipation*100, rules.OwnParticipation*100)
	if up.NoBase > 0 {
		detail += fmt.Sprintf("，%d个项目没有组织人数，无法计算", up.NoBase)
	}
	return Result{Participation, up.ParticipationMet == up.Total(), detail}
}
