package sitedata

import (
	"fmt"

	"qingwang/charts"
	"qingwang/metrics"
	"qingwang/volunteer"
)

// UnitPage is one county, town, school or university.
type UnitPage struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Kind       string        `json:"kind"`
	KindLabel  string        `json:"kind_label"`
	ParentID   string        `json:"parent_id"` // empty under the city
	ParentName string        `json:"parent_name"`
	AsOf       string        `json:"as_of"`
	AsOfCN     string        `json:"as_of_cn"`
	Latest     Figures       `json:"latest"`
	History    []History     `json:"history"` // per bulletin
	Parts      []Part        `json:"parts"`
	Charts     []Chart       `json:"charts"`
	Verdicts   []UnitVerdict `json:"verdicts"`
}

// UnitVerdict is the unit's result in one assessment.
type UnitVerdict struct {
	Date    string          `json:"date"`
	DateCN  string          `json:"date_cn"`
	Verdict string          `json:"verdict"`
	Passed  bool            `json:"passed"`
	Results []CriterionCell `json:"results"`
}

// History is the unit in one bulletin.
type History struct {
	Number int    `json:"number"`
	Date   string `json:"date"`
	DateCN string `json:"date_cn"`
	Figures
}

// Part is a town of a county.
type Part struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Registered int    `json:"registered"`
	NewWeek    int    `json:"new_week"`
	Share      string `json:"share"` // of the county's registrations
}

func (b *builder) unitPage(u int) UnitPage {
	unit := b.units.At(u)
	asOf := b.latest()
	r := b.report(asOf)
	pg := UnitPage{
		ID: unit.ID, Name: unit.Name, Kind: unit.Kind.String(), KindLabel: unit.Kind.Label(),
		AsOf: asOf.String(), AsOfCN: asOf.ChineseFull(),
		Latest: b.figures(r, u),
	}
	if p := b.units.Parent(u); p >= 0 && p != b.units.Root() {
		pg.ParentID, pg.ParentName = b.units.At(p).ID, b.units.At(p).Name
	}
	for i, c := range b.cutoffs {
		pg.History = append(pg.History, History{Number: i + 1, Date: c.String(), DateCN: c.Chinese(), Figures: b.figures(b.report(c), u)})
	}
	total := r.Units[u].Registered
	for _, c := range b.units.Children(u) {
		p := r.Units[c]
		part := Part{ID: b.units.At(c).ID, Name: b.units.At(c).Name, Registered: p.Registered, NewWeek: p.NewWeek, Share: "—"}
		if total > 0 {
			part.Share = percent(float64(p.Registered) / float64(total))
		}
		pg.Parts = append(pg.Parts, part)
	}
	fs := []func() (Chart, error){func() (Chart, error) { return b.historyChart(u, asOf) }}
	if len(pg.Parts) > 0 {
		fs = append(fs, func() (Chart, error) { return b.partsChart(r, u) })
	}
	pg.Charts = mustCharts(fs...)
	pg.Verdicts = []UnitVerdict{}
	for _, a := range b.assessments {
		for _, row := range a.Rows {
			if row.ID == unit.ID {
				pg.Verdicts = append(pg.Verdicts, UnitVerdict{a.Date, a.DateCN, row.Verdict, row.Passed, row.Results})
			}
		}
	}
	return pg
}

func (b *builder) historyChart(u int, asOf volunteer.Date) (Chart, error) {
	quota := b.units.Quota(u)
	var labels []string
	var reg, target []int
	t := Table{Head: []string{"日期", "累计注册"}, Numeric: []bool{false, true}}
	if quota > 0 {
		t.Head, t.Numeric = append(t.Head, "序时进度"), append(t.Numeric, true)
	}
	for _, d := range b.span(asOf) {
		v := b.ledger.Registered(u, d, asOf)
		labels, reg = append(labels, d.Chinese()), append(reg, v)
		row := []string{d.Chinese(), fmt.Sprint(v)}
		if quota > 0 {
			tc := targetCount(b.rules, d, quota)
			target = append(target, tc)
			row = append(row, fmt.Sprint(tc))
		}
		if d.Weekday() == 0 || d == asOf {
			t.Rows = append(t.Rows, row)
		}
	}
	title := b.units.At(u).Name + "累计注册人数"
	c, err := charts.UnitHistory("unit-history", title, labels, reg, target, quota)
	return chartOf(c, err, title, 320, t)
}

func (b *builder) partsChart(r *metrics.Report, u int) (Chart, error) {
	var bars []charts.Bar
	t := Table{Head: []string{"单位", "已注册", "任务数", "完成率"}, Numeric: []bool{false, true, true, true}}
	for _, c := range b.units.Children(u) {
		p := r.Units[c]
		name := b.units.At(c).Name
		bar := charts.Bar{Name: name, Registered: p.Registered, Quota: p.Quota}
		completion := "—"
		if p.Quota > 0 {
			bar.Completion, bar.Status = p.Completion, p.Status.Label()
			completion = percent(p.Completion)
		}
		bars = append(bars, bar)
		t.Rows = append(t.Rows, []string{name, fmt.Sprint(p.Registered), quotaText(p.Quota), completion})
	}
	title := fmt.Sprintf("%s各%s注册人数", b.units.At(u).Name, partsWord(b.units, u))
	c, err := charts.Parts("unit-parts", title, bars)
	return chartOf(c, err, title, 36*len(bars)+60, t)
}

func quotaText(q int) string {
	if q == 0 {
		return "—"
	}
	return fmt.Sprint(q)
}

func partsWord(units *volunteer.Units, u int) string {
	if units.At(u).Kind == volunteer.County {
		return "镇（街道）"
	}
	return "下级单位"
}
