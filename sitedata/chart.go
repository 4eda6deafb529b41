package sitedata

import (
	"encoding/json"
	"fmt"

	"qingwang/charts"
	"qingwang/metrics"
	"qingwang/volunteer"
)

// Chart is one chart on a page: its ECharts option and the same figures as
// a table, for print, screen readers and anyone who wants the numbers.
type Chart struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Option json.RawMessage `json:"option"`
	Height int             `json:"height"` // CSS pixels the chart needs
	Table  Table           `json:"table"`
}

// Table is a plain table of strings.
type Table struct {
	Head    []string   `json:"head"`
	Numeric []bool     `json:"numeric"`
	Rows    [][]string `json:"rows"`
}

func chartOf(c charts.Chart, err error, title string, height int, t Table) (Chart, error) {
	return Chart{ID: c.ID, Title: title, Option: c.Option, Height: height, Table: t}, err
}

// mustCharts builds charts whose inputs come from validated figures: an
// error there is a bug, not bad data.
func mustCharts(fs ...func() (Chart, error)) []Chart {
	var out []Chart
	for _, f := range fs {
		c, err := f()
		if err != nil {
			panic(fmt.Sprintf("sitedata: chart %s: %v", c.ID, err))
		}
		out = append(out, c)
	}
	return out
}

func (b *builder) gaugeChart(r *metrics.Report) (Chart, error) {
	city := r.Units[b.units.Root()]
	title := fmt.Sprintf("全市完成情况（截至%s）", r.AsOf.Chinese())
	c, err := charts.Gauge("city-gauge", title, city.Registered, city.Quota)
	return chartOf(c, err, title, 260, Table{
		Head: []string{"已注册", "任务数", "完成率"}, Numeric: []bool{true, true, true},
		Rows: [][]string{{fmt.Sprint(city.Registered), fmt.Sprint(city.Quota), percent(city.Completion)}},
	})
}

func kindTitle(k volunteer.Kind) string {
	switch k {
	case volunteer.County:
		return "各县（市、区）"
	case volunteer.School:
		return "各院校"
	case volunteer.University:
		return "各高校"
	}
	return k.Label()
}

func (b *builder) completionChart(r *metrics.Report, k volunteer.Kind) (Chart, error) {
	var bars []charts.Bar
	t := Table{Head: []string{"单位", "任务数", "已注册", "完成率", "状态"}, Numeric: []bool{false, true, true, true, false}}
	for _, p := range r.Ranked(b.units, k) {
		name := b.units.At(p.Unit).Name
		bars = append(bars, charts.Bar{Name: name, Registered: p.Registered, Quota: p.Quota, Completion: p.Completion, Status: p.Status.Label()})
		t.Rows = append(t.Rows, []string{name, fmt.Sprint(p.Quota), fmt.Sprint(p.Registered), percent(p.Completion), p.Status.Label()})
	}
	id := "completion-" + k.String()
	title := fmt.Sprintf("%s完成率（序时进度 %s）", kindTitle(k), percent(metrics.TargetOn(b.rules, r.AsOf)))
	c, err := charts.Completion(id, title, bars, metrics.TargetOn(b.rules, r.AsOf))
	return chartOf(c, err, title, 36*len(bars)+90, t)
}

// span lists the days from the season's first registration export (or
// the start of registration, if earlier) to d.
func (b *builder) span(d volunteer.Date) []volunteer.Date {
	from := min(b.rules.Start, b.dates[0])
	var out []volunteer.Date
	for x := from; x <= d; x++ {
		out = append(out, x)
	}
	return out
}

func (b *builder) cumulativeChart(asOf volunteer.Date) (Chart, error) {
	root := b.units.Root()
	var labels []string
	var values []int
	t := Table{Head: []string{"日期", "全市累计注册", "序时进度"}, Numeric: []bool{false, true, true}}
	quota := b.units.Quota(root)
	for _, d := range b.span(asOf) {
		v := b.ledger.Registered(root, d, asOf)
		labels = append(labels, d.Chinese())
		values = append(values, v)
		if d.Weekday() == 0 || d == asOf {
			t.Rows = append(t.Rows, []string{d.Chinese(), fmt.Sprint(v), fmt.Sprint(targetCount(b.rules, d, quota))})
		}
	}
	title := "全市累计注册人数"
	c, err := charts.Cumulative("city-cumulative", title, labels, []charts.Line{{Name: "全市", Values: values}}, quota)
	return chartOf(c, err, title, 320, t)
}

func targetCount(rules volunteer.Rules, d volunteer.Date, quota int) int {
	return int(float64(quota)*metrics.TargetOn(rules, d) + 0.999999)
}

// weeklyChart shows each bulletin week's new registrations up to cut-off n.
func (b *builder) weeklyChart(n int) (Chart, error) {
	root := b.units.Root()
	t := Table{Head: []string{"期数", "截止日期", "本期新增"}, Numeric: []bool{false, false, true}}
	var weeks []string
	var values []int
	prev := 0
	for i, c := range b.cutoffs[:n] {
		v := b.ledger.Registered(root, c, c)
		weeks = append(weeks, fmt.Sprintf("第%d期", i+1))
		values = append(values, v-prev)
		t.Rows = append(t.Rows, []string{fmt.Sprintf("第%d期", i+1), c.Chinese(), fmt.Sprint(v - prev)})
		prev = v
	}
	title := "各期新增注册人数"
	c, err := charts.WeeklyNew("weekly-new", title, weeks, values)
	return chartOf(c, err, title, 300, t)
}
