package charts

import (
	"errors"
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Completion draws the completion of counties (or of schools) as horizontal
// bars, in the order given with the first at the top, each in its status
// colour and labelled like 87.5%, with a line at 100% (任务数) and one at the
// 序时进度 target share. target is a share (0.75 is 75%).
func Completion(id, title string, bars []Bar, target float64) (Chart, error) {
	if err := checkBars(id, bars); err != nil {
		return Chart{}, err
	}
	if err := checkFinite("序时进度", target); err != nil || target < 0 {
		return Chart{}, fmt.Errorf("chart %s: 序时进度 %v: want a share of 0 or more", id, target)
	}
	top := 100.0
	data := make([]opts.BarData, len(bars))
	for i, b := range bars {
		if err := checkFinite(b.Name+" completion", b.Completion); err != nil {
			return Chart{}, fmt.Errorf("chart %s: %w", id, err)
		}
		color, err := statusColor(b.Status)
		if err != nil {
			return Chart{}, fmt.Errorf("chart %s: %s: %w", id, b.Name, err)
		}
		data[i] = opts.BarData{
			Value:     percent(b.Completion),
			ItemStyle: &opts.ItemStyle{Color: color},
			Label:     &opts.Label{Formatter: PercentText(b.Completion)},
		}
		top = max(top, percent(b.Completion))
	}
	top = max(top, percent(target))

	c := horizontal(id, title, 20, names(bars), opts.XAxis{
		Type:      "value",
		Min:       0,
		Max:       niceMax(top),
		AxisLabel: &opts.AxisLabel{Formatter: "{value}%"},
	})
	c.AddSeries("完成率（%）", data,
		ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", FontSize: 11}),
		withRefLines(
			// The y-axis is inverted, so "start" is the top: 序时进度 is
			// labelled above the bars and 任务数 below the axis labels, and
			// the two never collide however close the target gets to 100%.
			refLine{
				Name:      "序时进度",
				XAxis:     percent(target),
				Label:     &refLabel{Position: "start", Formatter: "序时进度 " + PercentText(target)},
				LineStyle: &opts.LineStyle{Type: "dashed"},
			},
			refLine{
				Name:  "任务数",
				XAxis: 100,
				Label: &refLabel{Position: "end", Distance: 22, Formatter: "任务数"},
			},
		),
	)
	return finish(id, c)
}

// Parts draws a unit's parts (its towns) as horizontal bars of registered
// counts, first at the top. A part with a quota is labelled "45 / 60", one
// without just "45"; a part with a status takes its colour, others are grey.
func Parts(id, title string, parts []Bar) (Chart, error) {
	if err := checkBars(id, parts); err != nil {
		return Chart{}, err
	}
	data := make([]opts.BarData, len(parts))
	for i, p := range parts {
		color := neutralColor
		if p.Status != "" {
			var err error
			if color, err = statusColor(p.Status); err != nil {
				return Chart{}, fmt.Errorf("chart %s: %s: %w", id, p.Name, err)
			}
		}
		label := fmt.Sprint(p.Registered)
		if p.Quota > 0 {
			label = fmt.Sprintf("%d / %d", p.Registered, p.Quota)
		}
		data[i] = opts.BarData{
			Value:     p.Registered,
			ItemStyle: &opts.ItemStyle{Color: color},
			Label:     &opts.Label{Formatter: label},
		}
	}
	c := horizontal(id, title, 0, names(parts), opts.XAxis{Type: "value", Min: 0, MinInterval: 1})
	c.AddSeries("已注册（人）", data,
		ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", FontSize: 11}),
	)
	return finish(id, c)
}

// horizontal is a bar chart with unit names down the y-axis and values along
// the x-axis: long Chinese names then read across a narrow phone instead of
// being rotated or skipped. The right margin leaves room for value labels;
// refs is the room above and below the plot for reference line labels.
func horizontal(id, title string, refs int, categories []string, x opts.XAxis) *ec.Bar {
	c := ec.NewBar()
	c.SetGlobalOptions(common(id, title)...)
	c.SetGlobalOptions(
		axisTooltip(),
		grid(titleSpace(title)+8+refs, 64, 8+refs),
		ec.WithXAxisOpts(x),
		ec.WithYAxisOpts(opts.YAxis{
			Type:      "category",
			Inverse:   opts.Bool(true), // ECharts puts the first category at the bottom
			AxisLabel: &opts.AxisLabel{Width: labelWidth, Overflow: "break"},
		}),
	)
	// go-echarts copies these into yAxis.data on Validate.
	c.SetXAxis(categories).XYReversal()
	return c
}

func checkBars(id string, bars []Bar) error {
	if err := checkID(id); err != nil {
		return err
	}
	if len(bars) == 0 {
		return fmt.Errorf("chart %s: %w", id, errors.New("no bars"))
	}
	return nil
}

func names(bars []Bar) []string {
	n := make([]string, len(bars))
	for i, b := range bars {
		n[i] = b.Name
	}
	return n
}
