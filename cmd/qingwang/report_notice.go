package main

import (
	"fmt"
	"io"
	"strings"

	"qingwang/metrics"
	"qingwang/volunteer"
)

// writeNotice prints the rest of the notice: core teams, mandatory
// registrants, projects and the assessments.
func writeNotice(w io.Writer, s *snapshot) {
	units := s.data.Units
	if c := s.notice.Core; c != nil {
		fmt.Fprintf(w, "骨干队伍（%s 的骨干名单）\n", c.Date)
		t := &table{head: []string{"队伍", "人数", "最少", "同时在其他队伍", "微信群", "达标"}, right: []bool{false, true, true, true, false, false}}
		towns, townsShort := 0, 0
		for _, team := range c.Teams {
			if units.At(team.Unit).Kind == volunteer.Town {
				towns++
				if !team.Met() {
					townsShort++
				}
				continue
			}
			t.add(units.At(team.Unit).Name, fmt.Sprint(team.Size), fmt.Sprint(team.Minimum), fmt.Sprint(team.InOtherTeams), yesNo(team.WeChat, "有", "无"), yesNo(team.Met(), "是", "否"))
		}
		t.write(w, "  ")
		fmt.Fprintf(w, "  镇（街道）骨干队伍 %d 支，其中 %d 支未达标（少于%d人或与其他队伍重复）。", towns, townsShort, s.data.Rules.CoreMinimum[volunteer.Town])
		if n := len(c.Overlaps); n > 0 {
			fmt.Fprintf(w, "有 %d 人同时在多个骨干队伍（名单用 --followup 导出）。", n)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w)
	}
	if m := s.notice.Mandatory; m != nil {
		fmt.Fprintf(w, "应注册人员（%s 的应注册名单，对照 %s 的志愿者名单）\n", m.Date, m.RosterDate)
		fmt.Fprintf(w, "  应注册 %d 人，已注册 %d 人，未注册 %d 人", m.Listed, m.Registered, m.Listed-m.Registered)
		if n := len(m.FullTimeNotInCore); n > 0 {
			fmt.Fprintf(w, "；专职团干部中 %d 人未进骨干队伍", n)
		}
		fmt.Fprintln(w, "。")
		var short []string
		for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
			for _, u := range units.OfKind(k) {
				if x := m.Within(units, u); x.Registered < x.Listed {
					short = append(short, fmt.Sprintf("%s（%d/%d）", units.At(u).Name, x.Registered, x.Listed))
				}
			}
		}
		if len(short) > 0 {
			fmt.Fprintf(w, "  有人未注册的单位：%s。\n", strings.Join(short, "、"))
		}
		fmt.Fprintln(w)
	}
	if p := s.notice.Projects; p != nil {
		fmt.Fprintf(w, "志愿项目（%d年，%s 的项目导出）\n", p.Year, p.Date)
		head := []string{"单位", "自主发起", "应达", "全年最少", "上级主题活动", "参与率达标"}
		right := []bool{false, true, true, true, true, true}
		for _, a := range s.data.Rules.Actions {
			head, right = append(head, a), append(right, true)
		}
		t := &table{head: head, right: right}
		none := 0
		for _, up := range p.Units {
			if units.At(up.Unit).Kind == volunteer.Town {
				if up.Total() == 0 {
					none++
				}
				continue
			}
			row := []string{units.At(up.Unit).Name, fmt.Sprint(up.Own), fmt.Sprint(up.Expected), fmt.Sprint(up.Minimum), fmt.Sprint(up.Theme), fmt.Sprintf("%d/%d", up.ParticipationMet, up.Total())}
			for _, n := range up.ByAction {
				row = append(row, fmt.Sprint(n))
			}
			t.add(row...)
		}
		t.write(w, "  ")
		if none > 0 {
			fmt.Fprintf(w, "  %d 个镇（街道）今年还没有志愿项目。\n", none)
		}
		fmt.Fprintln(w)
	}
	writeVerdicts(w, s)
}

func writeVerdicts(w io.Writer, s *snapshot) {
	units := s.data.Units
	var dates []volunteer.Date
	byDate := map[volunteer.Date][]metrics.Verdict{}
	for _, v := range s.verdicts {
		if byDate[v.Date] == nil {
			dates = append(dates, v.Date)
		}
		byDate[v.Date] = append(byDate[v.Date], v)
	}
	for _, d := range dates {
		vs := byDate[d]
		passed := 0
		for _, v := range vs {
			if v.Passed {
				passed++
			}
		}
		fmt.Fprintf(w, "%s考核（一票否决：任何一项未达标即为不通过）：%d 个单位通过，%d 个单位未通过\n", d.Chinese(), passed, len(vs)-passed)
		head := []string{"单位"}
		for _, c := range metrics.Criteria {
			head = append(head, c.Label())
		}
		t := &table{head: append(head, "结论")}
		for _, v := range vs {
			row := []string{units.At(v.Unit).Name}
			for _, r := range v.Results {
				row = append(row, yesNo(r.Met, "达标", "未达标"))
			}
			t.add(append(row, yesNo(v.Passed, "通过", "一票否决"))...)
		}
		t.write(w, "  ")
		fmt.Fprintln(w)
	}
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
