package charts

import (
	"bytes"
	"encoding/json"
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// echart is what the go-echarts charts used here (*Bar, *Line, *Gauge) share.
type echart interface {
	Validate()
	JSON() map[string]interface{}
}

// common are the global options every chart gets. The id is set although
// JSON() never emits it: go-echarts otherwise draws a random one, and nothing
// random should sit in a chart that the build may later render or compare.
// An empty title leaves the heading to the page.
func common(id, title string) []ec.GlobalOpts {
	o := []ec.GlobalOpts{
		ec.WithInitializationOpts(opts.Initialization{ChartID: id}),
		ec.WithAnimation(false),
		ec.WithColorsOpts(seriesColors),
	}
	if title != "" {
		o = append(o, ec.WithTitleOpts(opts.Title{
			Title:      title,
			Left:       "center",
			TitleStyle: &opts.TextStyle{FontSize: 15, FontWeight: "bold", Color: refColor},
		}))
	}
	return o
}

// titleSpace is the room a title takes above the plot, in pixels.
func titleSpace(title string) int {
	if title == "" {
		return 0
	}
	return 32
}

// axisTooltip shows every series' value for the category under the pointer.
func axisTooltip() ec.GlobalOpts {
	return ec.WithTooltipOpts(opts.Tooltip{
		Trigger:     "axis",
		AxisPointer: &opts.AxisPointer{Type: "shadow"},
	})
}

// finish validates the chart, takes its option map, keeps only what ECharts
// reads, and marshals it with json.Marshal so that <, > and & in names come
// out as \u003c, \u003e and \u0026 and cannot end the page's <script>.
func finish(id string, c echart) (Chart, error) {
	c.Validate()
	option := c.JSON()
	// go-echarts always emits "toolbox": {} and empty objects for the other
	// components a chart leaves unset (legend, tooltip, title). Each would
	// switch a component on with ECharts' defaults, and one missing from the
	// page's tree-shaken bundle logs "Component toolbox is used but not
	// imported" as a console error.
	for k, v := range option {
		b, err := json.Marshal(v)
		if err != nil {
			return Chart{}, fmt.Errorf("chart %s: %s: %w", id, k, err)
		}
		if bytes.Equal(b, []byte("{}")) {
			delete(option, k)
		}
	}
	option["textStyle"] = opts.TextStyle{FontFamily: fontFamily}
	b, err := json.Marshal(option)
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	return Chart{ID: id, Option: b}, nil
}

// grid keeps axis labels inside the chart (containLabel) with margins in
// pixels only, so the chart takes the width its container gives it.
func grid(top, right, bottom int) ec.GlobalOpts {
	return ec.WithGridOpts(opts.Grid{
		Left:         "8",
		Right:        fmt.Sprint(right),
		Top:          fmt.Sprint(top),
		Bottom:       fmt.Sprint(bottom),
		ContainLabel: opts.Bool(true),
	})
}

// refLine is one markLine datum with its own label and style, which
// go-echarts' MarkLineName{X,Y}AxisItem cannot carry. XAxis or YAxis holds
// the value; a nil one is left out.
type refLine struct {
	Name      string          `json:"name,omitempty"`
	XAxis     interface{}     `json:"xAxis,omitempty"`
	YAxis     interface{}     `json:"yAxis,omitempty"`
	Label     *refLabel       `json:"label,omitempty"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
}

// refLabel is a markLine label; opts.Label has no distance, which moves a
// label clear of the axis labels at the line's end.
type refLabel struct {
	Position  string `json:"position,omitempty"`
	Distance  int    `json:"distance,omitempty"`
	Formatter string `json:"formatter,omitempty"`
}

// withRefLines puts reference lines on a series: no arrow heads, line and
// labels in the chart's ink.
func withRefLines(lines ...refLine) ec.SeriesOpts {
	data := make([]interface{}, len(lines))
	for i, l := range lines {
		data[i] = l
	}
	return ec.WithSeriesOpts(func(s *ec.SingleSeries) {
		s.MarkLines = &opts.MarkLines{
			Data: data,
			MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Color: refColor, FontSize: 11},
				LineStyle: &opts.LineStyle{Color: refColor, Width: 1},
			},
		}
	})
}

// quotaLine is the dashed 任务数 line across a count axis.
func quotaLine(quota int) refLine {
	return refLine{
		Name:      "任务数",
		YAxis:     quota,
		Label:     &refLabel{Position: "insideEndTop", Formatter: fmt.Sprintf("任务数 %d", quota)},
		LineStyle: &opts.LineStyle{Type: "dashed"},
	}
}
