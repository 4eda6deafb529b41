package charts

import (
	"errors"
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Cumulative draws cumulative registrations of one or several units over
// dates, each line in its own colour and marker shape. With quota > 0 a
// dashed 任务数 line marks the quota (give it only when the lines share one).
func Cumulative(id, title string, dates []string, lines []Line, quota int) (Chart, error) {
	if err := checkLines(id, dates, lines); err != nil {
		return Chart{}, err
	}
	c := timeline(id, title, dates, len(lines), peak(quota, lines...))
	for i, l := range lines {
		o := []ec.SeriesOpts{seriesLook(i, len(dates))}
		if i == 0 && quota > 0 {
			o = append(o, withRefLines(quotaLine(quota)))
		}
		c.AddSeries(l.Name, lineData(l.Values), o...)
	}
	return finish(id, c)
}

// UnitHistory draws one unit's registrations over dates against its
// 序时进度 target (dashed) and, with quota > 0, its quota. target may be nil.
func UnitHistory(id, title string, dates []string, registered, target []int, quota int) (Chart, error) {
	lines := []Line{{Name: "已注册", Values: registered}}
	if target != nil {
		lines = append(lines, Line{Name: "序时进度", Values: target})
	}
	if err := checkLines(id, dates, lines); err != nil {
		return Chart{}, err
	}
	c := timeline(id, title, dates, len(lines), peak(quota, lines...))
	o := []ec.SeriesOpts{seriesLook(0, len(dates))}
	if quota > 0 {
		o = append(o, withRefLines(quotaLine(quota)))
	}
	c.AddSeries(lines[0].Name, lineData(registered), o...)
	if target != nil {
		c.AddSeries(lines[1].Name, lineData(target),
			ec.WithLineChartOpts(opts.LineChart{Symbol: "none"}),
			ec.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Color: refColor, Width: 1.5}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: refColor}),
		)
	}
	return finish(id, c)
}

// timeline is a line chart over dates with a count axis reaching top, and a
// legend when there are several lines. The legend wraps; its rows are
// counted for a phone (four names a row) so the plot starts below it.
func timeline(id, title string, dates []string, n, top int) *ec.Line {
	c := ec.NewLine()
	c.SetGlobalOptions(common(id, title)...)
	gridTop := titleSpace(title) + 16
	if n > 1 {
		c.SetGlobalOptions(ec.WithLegendOpts(opts.Legend{
			Top:        fmt.Sprint(titleSpace(title)),
			ItemWidth:  18,
			ItemHeight: 10,
		}))
		gridTop += (n+3)/4*22 + 4
	}
	c.SetGlobalOptions(
		ec.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		grid(gridTop, 24, 8),
		ec.WithXAxisOpts(opts.XAxis{Type: "category"}),
		ec.WithYAxisOpts(countAxis(top)),
	)
	c.SetXAxis(dates)
	return c
}

// countAxis is a value axis of whole people; top > 0 lifts its maximum a
// little above top, so that a quota line stays in view with its label.
func countAxis(top int) opts.YAxis {
	y := opts.YAxis{Type: "value", Min: 0, MinInterval: 1}
	if top > 0 {
		y.Max = niceMax(float64(top) * 1.04)
	}
	return y
}

// peak is the highest of the quota and the values when a quota line is
// drawn, else 0: the axis top only needs lifting for a line the data may not
// reach.
func peak(quota int, lines ...Line) int {
	if quota <= 0 {
		return 0
	}
	m := quota
	for _, l := range lines {
		for _, v := range l.Values {
			m = max(m, v)
		}
	}
	return m
}

// markersUpTo is the most points a line draws a marker at: a season of
// daily points would be a hundred markers per line, slow to draw on a
// phone and a blur on paper.
const markersUpTo = 40

// seriesLook gives the i-th line of n points its colour and marker shape.
func seriesLook(i, n int) ec.SeriesOpts {
	color := seriesColors[i%len(seriesColors)]
	return func(s *ec.SingleSeries) {
		lc := opts.LineChart{Symbol: seriesSymbols[i%len(seriesSymbols)], SymbolSize: 6}
		if n > markersUpTo {
			lc.ShowSymbol = opts.Bool(false)
		}
		ec.WithLineChartOpts(lc)(s)
		ec.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2})(s)
		ec.WithItemStyleOpts(opts.ItemStyle{Color: color})(s)
	}
}

func lineData(values []int) []opts.LineData {
	d := make([]opts.LineData, len(values))
	for i, v := range values {
		d[i] = opts.LineData{Value: v}
	}
	return d
}

func checkLines(id string, dates []string, lines []Line) error {
	if err := checkID(id); err != nil {
		return err
	}
	if len(lines) == 0 {
		return fmt.Errorf("chart %s: %w", id, errors.New("no lines"))
	}
	for _, l := range lines {
		if len(l.Values) != len(dates) {
			return fmt.Errorf("chart %s: %s has %d values for %d dates", id, l.Name, len(l.Values), len(dates))
		}
	}
	return nil
}
