package sitedata

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"qingwang/metrics"
	"qingwang/volunteer"
)

// Bulletin is one weekly bulletin, 第N期, dated by its cut-off export.
type Bulletin struct {
	Path       string      `json:"path"` // under /bulletins/: the date, or date/vN for a superseded version
	Date       string      `json:"date"`
	DateCN     string      `json:"date_cn"`
	Number     int         `json:"number"`
	Title      string      `json:"title"`    // carries the headline fact: WeChat shows only this and the link
	Headline   string      `json:"headline"` // one sentence for lists and the feed
	Summary    []string    `json:"summary"`  // 总体情况, in paragraphs
	Previous   string      `json:"previous"`
	PreviousCN string      `json:"previous_cn"`
	City       Figures     `json:"city"`
	Counties   []Row       `json:"counties"`
	Schools    []Row       `json:"schools"`
	Lagging    []Lag       `json:"lagging"`
	Milestones []Milestone `json:"milestones"`
	Charts     []Chart     `json:"charts"`
	Receipt    []Receipt   `json:"receipt"`
	// Assessments cites the assessments this bulletin is the nearest to.
	Assessments []AssessmentBrief `json:"assessments"`

	// Provisional: the week is not over (its cut-off is not a Sunday and no
	// later export exists), so the bulletin is not issued yet.
	Provisional bool `json:"provisional"`
	// Version is 1 as first issued, then one more with each correction.
	Version     int          `json:"version"`
	Corrections []Correction `json:"corrections"`
	// Superseded marks an earlier version, kept reachable at Path.
	Superseded bool `json:"superseded"`
}

// Correction is the 更正 note a corrected bulletin carries.
type Correction struct {
	Version int      `json:"version"` // the version it replaced, still at date/vN
	Date    string   `json:"date"`    // the data's date when it was corrected
	DateCN  string   `json:"date_cn"`
	Note    string   `json:"note"`    // the office's own words
	Changes []string `json:"changes"` // what changed, figured by qingwang
}

// AssessmentBrief is an assessment as a bulletin reports it.
type AssessmentBrief struct {
	Date   string   `json:"date"`
	DateCN string   `json:"date_cn"`
	Passed []string `json:"passed"`
	Failed []string `json:"failed"` // 单位（未达标：…）
	Text   string   `json:"text"`
}

// Receipt is one source file a page's figures come from.
type Receipt struct {
	Path     string `json:"path"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	SHA256   string `json:"sha256"`
	Rows     int    `json:"rows"`
	Accepted int    `json:"accepted"`
	Rejected int    `json:"rejected"`
}

func (b *builder) bulletin(n int, cut volunteer.Date) Bulletin {
	r := b.report(cut)
	root := b.units.Root()
	city := r.Units[root]
	bl := Bulletin{
		Path: cut.String(), Date: cut.String(), DateCN: cut.ChineseFull(), Number: n, Version: 1, Corrections: []Correction{},
		Provisional: cut.Weekday() != time.Sunday && cut == b.latest(),
		City:        b.figures(r, root),
		Counties:    b.rows(r, volunteer.County),
		Schools:     b.rows(r, volunteer.School),
		Lagging:     b.lagging(r),
		Milestones:  b.milestones(cut, true),
	}
	if len(bl.Milestones) > 4 {
		bl.Milestones = bl.Milestones[:4]
	}
	if r.Previous != 0 {
		bl.Previous, bl.PreviousCN = r.Previous.String(), r.Previous.Chinese()
	}
	bl.Headline = fmt.Sprintf("截至%s，全市累计注册%d人，完成任务数的%s", cut.Chinese(), city.Registered, percent(city.Completion))
	bl.Title = fmt.Sprintf("青网计划通报第%d期：截至%s全市注册%d人，完成%s", n, cut.Chinese(), city.Registered, percent(city.Completion))
	if k := len(bl.Lagging); k > 0 {
		bl.Title += fmt.Sprintf("，%d个单位滞后", k)
	}
	bl.Summary = b.summary(r)
	bl.Charts = mustCharts(
		func() (Chart, error) { return b.gaugeChart(r) },
		func() (Chart, error) { return b.completionChart(r, volunteer.County) },
		func() (Chart, error) { return b.completionChart(r, volunteer.School) },
		func() (Chart, error) { return b.cumulativeChart(cut) },
		func() (Chart, error) { return b.weeklyChart(n) },
	)
	bl.Receipt = b.receipt(cut, cut, cut.AddDays(-1), cut.AddDays(-7), r.Previous)
	bl.Assessments = []AssessmentBrief{}
	for _, a := range b.assessments {
		if a.Bulletin != n {
			continue
		}
		br := AssessmentBrief{Date: a.Date, DateCN: a.DateCN, Passed: []string{}, Failed: []string{}}
		for _, row := range a.Rows {
			if row.Passed {
				br.Passed = append(br.Passed, row.Name)
				continue
			}
			var missed []string
			for _, c := range row.Results {
				if !c.Met {
					missed = append(missed, c.Label)
				}
			}
			br.Failed = append(br.Failed, fmt.Sprintf("%s（%s未达标）", row.Name, strings.Join(missed, "、")))
		}
		br.Text = fmt.Sprintf("%s统计考核，%d个单位各项达标，%d个单位因有未达标项目被一票否决。", a.DateCN, a.Passed, a.Failed)
		bl.Assessments = append(bl.Assessments, br)
	}
	return bl
}

// summary writes 总体情况 in the office's register from the figures.
func (b *builder) summary(r *metrics.Report) []string {
	root := b.units.Root()
	city := r.Units[root]
	var p1 strings.Builder
	fmt.Fprintf(&p1, "截至%s，全市累计注册青年网络文明志愿者%d人，完成任务数（%d人）的%s",
		r.AsOf.Chinese(), city.Registered, city.Quota, percent(city.Completion))
	if r.Previous != 0 {
		fmt.Fprintf(&p1, "，较上期（%s）新增%d人", r.Previous.Chinese(), city.NewPrevious)
	}
	fmt.Fprintf(&p1, "，近7日日均新增%.0f人。", city.Pace)
	var parts []string
	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		reg, quota := 0, 0
		for _, u := range b.units.OfKind(k) {
			reg += r.Units[u].Registered
			quota += r.Units[u].Quota
		}
		if quota > 0 {
			parts = append(parts, fmt.Sprintf("%s累计注册%d人，完成%s", kindTitle(k), reg, percent(float64(reg)/float64(quota))))
		}
	}
	if len(parts) > 0 {
		p1.WriteString("其中，" + strings.Join(parts, "；") + "。")
	}

	var done, onTrack, behind, severe []string
	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		for _, p := range r.Ranked(b.units, k) {
			name := b.units.At(p.Unit).Name
			switch p.Status {
			case metrics.Done:
				done = append(done, name)
			case metrics.OnTrack:
				onTrack = append(onTrack, name)
			case metrics.Behind:
				behind = append(behind, name)
			case metrics.SeverelyBehind:
				severe = append(severe, name)
			}
		}
	}
	var p2 strings.Builder
	fmt.Fprintf(&p2, "按序时进度（%s应完成任务数的%s）", r.AsOf.Chinese(), percent(metrics.TargetOn(b.rules, r.AsOf)))
	var clauses []string
	if len(done) > 0 {
		clauses = append(clauses, fmt.Sprintf("%s已完成注册任务", names(done)))
	}
	if len(onTrack) > 0 {
		clauses = append(clauses, fmt.Sprintf("%s达到序时进度", names(onTrack)))
	}
	lag := slices.Concat(severe, behind)
	if len(lag) > 0 {
		c := fmt.Sprintf("%s低于序时进度", names(lag))
		switch {
		case len(severe) == len(lag) && len(lag) > 1:
			c += "，均严重滞后"
		case len(severe) > 0:
			c += fmt.Sprintf("，其中%s严重滞后", names(severe))
		}
		clauses = append(clauses, c)
	}
	p2.WriteString("，" + strings.Join(clauses, "；") + "。")
	if len(lag) > 0 {
		p2.WriteString("请进度滞后的单位对照任务数，加快组织发动，确保按时完成。")
	}
	out := []string{p1.String(), p2.String()}
	if next := b.milestones(r.AsOf, true); len(next) > 0 {
		m := next[0]
		if m.DaysLeft == 0 {
			out = append(out, fmt.Sprintf("今天（%s）是“%s”节点：%s。", m.DateCN, m.Name, m.Detail))
		} else {
			out = append(out, fmt.Sprintf("距%s“%s”还有%d天：%s。", m.DateCN, m.Name, m.DaysLeft, m.Detail))
		}
	}
	return out
}

// names lists units the way bulletins do: all of them when few, else the
// first three and the count.
func names(list []string) string {
	switch {
	case len(list) == 1:
		return list[0]
	case len(list) <= 4:
		return strings.Join(list, "、") + fmt.Sprintf("%d个单位", len(list))
	}
	return strings.Join(list[:3], "、") + fmt.Sprintf("等%d个单位", len(list))
}

// receipt lists the registration exports the figures of days come from,
// as known on asOf, each once, in date order.
func (b *builder) receipt(asOf volunteer.Date, days ...volunteer.Date) []Receipt {
	paths := map[string]bool{}
	for _, d := range days {
		if d != 0 && d <= asOf {
			if p := b.ledger.SourcePath(d, asOf); p != "" {
				paths[p] = true
			}
		}
	}
	var out []Receipt
	for _, e := range b.ds.Exports {
		if paths[e.Path] {
			out = append(out, Receipt{e.Path, e.Kind.Label(), e.Date.String(), e.SHA256, e.Rows, e.Accepted, e.Rejected})
		}
	}
	return out
}
