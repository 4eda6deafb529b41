package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// WeeklyNew draws new registrations per week as upright bars, one per entry
// of weeks (labels such as "4/20–4/26"), each labelled with its count.
// Values may be negative when a week's export dropped people.
func WeeklyNew(id, title string, weeks []string, values []int) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	if len(values) != len(weeks) || len(weeks) == 0 {
		return Chart{}, fmt.Errorf("chart %s: %d values for %d weeks", id, len(values), len(weeks))
	}
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: v}
	}
	c := ec.NewBar()
	c.SetGlobalOptions(common(id, title)...)
	c.SetGlobalOptions(
		axisTooltip(),
		grid(titleSpace(title)+24, 16, 8),
		ec.WithXAxisOpts(opts.XAxis{Type: "category"}),
		ec.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1}),
	)
	c.SetXAxis(weeks)
	c.AddSeries("新增注册（人）", data,
		ec.WithItemStyleOpts(opts.ItemStyle{Color: seriesColors[0]}),
		ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", FontSize: 11}),
		// A few weeks would otherwise draw slabs across a desktop screen.
		ec.WithSeriesOpts(func(s *ec.SingleSeries) { s.BarMaxWidth = "48" }),
	)
	return finish(id, c)
}
