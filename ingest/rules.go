package ingest

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pelletier/go-toml/v2"

	"qingwang/volunteer"
)

// rulesFile is data/rules.toml. Every key is optional; what is absent
// keeps the notice's default.
type rulesFile struct {
	Registration struct {
		Start        *toml.LocalDate `toml:"start"`
		Deadline     *toml.LocalDate `toml:"deadline"`
		SevereLag    *float64        `toml:"severe_lag"`
		MemberShare  *float64        `toml:"member_share"`
		StudentShare *float64        `toml:"student_share"`
	} `toml:"registration"`
	Assessment struct {
		Dates []toml.LocalDate `toml:"dates"`
	} `toml:"assessment"`
	Core struct {
		Minimum map[string]int `toml:"minimum"`
	} `toml:"core"`
	Projects struct {
		Minimum            map[string]int `toml:"minimum"`
		Actions            []string       `toml:"actions"`
		ThemeParticipation *float64       `toml:"theme_participation"`
		OwnParticipation   *float64       `toml:"own_participation"`
	} `toml:"projects"`
	Milestones []struct {
		Date   toml.LocalDate `toml:"date"`
		Name   string         `toml:"name"`
		Detail string         `toml:"detail"`
	} `toml:"milestones"`
}

// ReadRules applies data/rules.toml over the notice's defaults.
func ReadRules(r io.Reader, name string) (volunteer.Rules, error) {
	rules := volunteer.DefaultRules()
	var f rulesFile
	if err := toml.NewDecoder(r).DisallowUnknownFields().Decode(&f); err != nil {
		var de *toml.DecodeError
		var se *toml.StrictMissingError
		switch {
		case errors.As(err, &se):
			return rules, fmt.Errorf("%s：有不认识的设置项（%v）：请对照 README 中 rules.toml 的说明", name, se.String())
		case errors.As(err, &de):
			line, _ := de.Position()
			return rules, fmt.Errorf("%s 第%d行：%v", name, line, de)
		}
		return rules, fmt.Errorf("%s：%w", name, err)
	}
	day := func(d toml.LocalDate) volunteer.Date { return volunteer.NewDate(d.Year, time.Month(d.Month), d.Day) }
	reg := f.Registration
	if reg.Start != nil {
		rules.Start = day(*reg.Start)
	}
	if reg.Deadline != nil {
		rules.Deadline = day(*reg.Deadline)
	}
	for _, p := range []struct {
		v   *float64
		dst *float64
		key string
	}{
		{reg.SevereLag, &rules.SevereLag, "registration.severe_lag"},
		{reg.MemberShare, &rules.MemberShare, "registration.member_share"},
		{reg.StudentShare, &rules.StudentShare, "registration.student_share"},
		{f.Projects.ThemeParticipation, &rules.ThemeParticipation, "projects.theme_participation"},
		{f.Projects.OwnParticipation, &rules.OwnParticipation, "projects.own_participation"},
	} {
		if p.v == nil {
			continue
		}
		if *p.v < 0 || *p.v > 1 {
			return rules, fmt.Errorf("%s：%s 应是0到1之间的比例（如 0.8 表示80%%），现为 %v", name, p.key, *p.v)
		}
		*p.dst = *p.v
	}
	if len(f.Assessment.Dates) > 0 {
		rules.Assessments = nil
		for _, d := range f.Assessment.Dates {
			rules.Assessments = append(rules.Assessments, day(d))
		}
	}
	for _, m := range []struct {
		in  map[string]int
		out map[volunteer.Kind]int
		key string
	}{{f.Core.Minimum, rules.CoreMinimum, "core.minimum"}, {f.Projects.Minimum, rules.ProjectMinimum, "projects.minimum"}} {
		for k, v := range m.in {
			kind, ok := volunteer.ParseKind(k)
			if !ok {
				return rules, fmt.Errorf("%s：%s 中的“%s”不是单位类型（city、county、town、school、university）", name, m.key, k)
			}
			m.out[kind] = v
		}
	}
	if len(f.Projects.Actions) > 0 {
		rules.Actions = f.Projects.Actions
	}
	if len(f.Milestones) > 0 {
		rules.Milestones = nil
		for _, m := range f.Milestones {
			rules.Milestones = append(rules.Milestones, volunteer.Milestone{Date: day(m.Date), Name: m.Name, Detail: m.Detail})
		}
	}
	if rules.Deadline <= rules.Start {
		return rules, fmt.Errorf("%s：registration.deadline（%s）应晚于 start（%s）", name, rules.Deadline, rules.Start)
	}
	return rules, nil
}
