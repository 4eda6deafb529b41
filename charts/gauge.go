package charts

import (
	"fmt"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// Gauge draws the city total as a gauge of percent of quota, with the exact
// figure, one decimal, in its centre and 已注册/任务数 beneath.
// Past 100% the arc stays full and the figure tells the rest.
func Gauge(id, title string, registered, quota int) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	if quota <= 0 || registered < 0 {
		return Chart{}, fmt.Errorf("chart %s: registered %d of quota %d: want a quota above 0 and registered of 0 or more", id, registered, quota)
	}
	share := float64(registered) / float64(quota)
	c := ec.NewGauge()
	c.SetGlobalOptions(common(id, title)...)
	c.AddSeries("完成率", []opts.GaugeData{{
		Name:  fmt.Sprintf("已注册 %d 人\n任务数 %d 人", registered, quota),
		Value: percent(share),
	}}, ec.WithSeriesOpts(func(s *ec.SingleSeries) {
		s.Max = 100
		s.Center = []string{"50%", "58%"}
		s.Radius = "80%"
		s.Progress = &opts.Progress{Show: opts.Bool(true), Width: 14, ItemStyle: &opts.ItemStyle{Color: seriesColors[0]}}
		s.AxisLine = &opts.AxisLine{LineStyle: &opts.LineStyle{Width: 14}}
		s.AxisTick = &opts.AxisTick{Show: opts.Bool(false)}
		s.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
		s.AxisLabel = &opts.AxisLabel{Show: opts.Bool(false)}
		s.Pointer = &opts.Pointer{Show: opts.Bool(false)}
		s.Title = &opts.Title{OffsetCenter: []string{"0", "45%"}}
		s.Detail = &opts.Detail{
			OffsetCenter: []string{"0", "0"},
			FontSize:     30,
			FontWeight:   "bold",
			Color:        refColor,
			// A fixed text, not a function: ECharts' "{value}%" would print
			// 87% for 87.0. go-echarts types the field as FuncStr; the text
			// is digits, a point and a percent sign.
			Formatter: types.FuncStr(PercentText(share)),
		}
	}))
	return finish(id, c)
}
