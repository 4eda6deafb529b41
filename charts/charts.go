// Package charts turns progress figures into ECharts option JSON through
// go-echarts' typed API.
//
// Each function returns a [Chart]: the element id and an option that a page
// embeds in <script type="application/json">, parses with JSON.parse and draws
// with echarts.init(el, null, {renderer: 'svg'}).setOption(option) (ECharts
// 6.1.0). Names come from platform exports and may be hostile, so options are
// only ever produced by json.Marshal (which escapes <, > and &), never by
// go-echarts' Render, RenderSnippet or JSONNotEscaped, and hold no JavaScript
// functions: formatters are ECharts string templates.
//
// The package knows nothing of qingwang's other packages: callers copy their
// figures into [Bar] and [Line].
package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
)

// Chart is one chart ready for a page: ID is the element id the page gives the
// chart's container, Option the ECharts option as JSON with <, > and & escaped.
type Chart struct {
	ID     string          `json:"id"`
	Option json.RawMessage `json:"option"`
}

// Bar is one unit (a county, school or town) in a bar chart.
type Bar struct {
	Name       string
	Registered int
	Quota      int     // 0 when the unit has no quota (towns)
	Completion float64 // Registered/Quota; may exceed 1
	Status     string  // 已完成, 正常, 滞后 or 严重滞后; may be empty in Parts
}

// Line is one unit's series of counts, aligned with the dates of its chart.
type Line struct {
	Name   string
	Values []int
}

// The four statuses of a unit's progress against 序时进度.
const (
	statusDone      = "已完成"
	statusOnTrack   = "正常"
	statusBehind    = "滞后"
	statusFarBehind = "严重滞后"
)

// Okabe–Ito hues: told apart with the common colour-vision deficiencies, dark
// enough for white paper, and each status also differs in lightness.
var statusColors = map[string]string{
	statusDone:      "#009E73",
	statusOnTrack:   "#0072B2",
	statusBehind:    "#E69F00",
	statusFarBehind: "#D55E00",
}

// Statuses lists the statuses in the order a legend shows them.
func Statuses() []string {
	return []string{statusDone, statusOnTrack, statusBehind, statusFarBehind}
}

// StatusColors maps each status to the colour its bars are drawn in, so that
// the site's tables and legends use exactly the same values. It returns a copy.
func StatusColors() map[string]string {
	m := make(map[string]string, len(statusColors))
	for k, v := range statusColors {
		m[k] = v
	}
	return m
}

const (
	// neutralColor fills bars that carry no status (towns without a quota).
	neutralColor = "#7A8793"
	// refColor draws reference lines (任务数, 序时进度) in ink that prints.
	refColor = "#3C4650"
	// fontFamily puts the CJK fonts that PDF builds and phones have first.
	fontFamily = `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`
	// labelWidth wraps category names after eight characters (12 px each,
	// with a little slack), so the longest school names take two lines and
	// leave the bars most of a 375-px phone.
	labelWidth = 100
)

// seriesColors and seriesSymbols tell several lines apart in colour and shape,
// so that they survive colour blindness and grey-scale printing.
var (
	seriesColors  = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#3C4650", "#8C6D31"}
	seriesSymbols = []string{"circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle", "emptyDiamond"}
)

func statusColor(status string) (string, error) {
	c, ok := statusColors[status]
	if !ok {
		return "", fmt.Errorf("unknown status %q (want 已完成, 正常, 滞后 or 严重滞后)", status)
	}
	return c, nil
}

// idPattern keeps ids usable unquoted in HTML attributes, CSS selectors and
// URL fragments.
var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

func checkID(id string) error {
	if !idPattern.MatchString(id) {
		return fmt.Errorf("chart id %q: want a letter then letters, digits, - or _", id)
	}
	return nil
}

func checkFinite(what string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s is %v", what, v)
	}
	return nil
}

// percent turns a share into a percentage rounded to one decimal, the
// precision the bulletins print.
func percent(share float64) float64 {
	return math.Round(share*1000) / 10
}

// PercentText is how every page, table and chart prints a share, e.g.
// "87.5%", rounding half up, so a chart and its table always agree.
// ECharts' {c} would print 87 for 87.0, so labels carry the text itself.
func PercentText(share float64) string {
	return fmt.Sprintf("%.1f%%", percent(share))
}

// niceMax rounds v up to an axis maximum that ECharts divides into round
// steps (its default five intervals of 1, 2, 3 or 5 times a power of ten),
// so reference lines above the data stay in view on evenly labelled axes.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 0
	}
	pow := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if m*pow >= v-1e-9 {
			return m * pow
		}
	}
	return 10 * pow
}
