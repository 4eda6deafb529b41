package charts

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// Meizhou on 2015-04-12: the eight counties of 附件1 ranked by completion
// against a 序时进度 of 62.5%.
var counties = []Bar{
	county("梅江区", 1236, 1200, "已完成"),
	county("梅县区", 912, 1200, "正常"),
	county("兴宁市", 705, 1000, "正常"),
	county("蕉岭县", 520, 800, "正常"),
	county("平远县", 468, 800, "滞后"),
	county("五华县", 486, 900, "滞后"),
	county("大埔县", 350, 800, "严重滞后"),
	county("丰顺县", 296, 800, "严重滞后"),
}

// The twelve schools of 附件2, long names included.
var schools = []Bar{
	county("嘉应技术学校", 112, 100, "已完成"),
	county("东山中学", 804, 1000, "正常"),
	county("梅州市曾宪梓中学", 371, 500, "正常"),
	county("嘉应学院梅州医学院", 702, 1000, "正常"),
	county("梅州市艺术学校", 131, 200, "正常"),
	county("嘉应学院梅州师范分院", 498, 800, "滞后"),
	county("梅州市农业学校", 288, 500, "滞后"),
	county("粤东商学院", 265, 500, "滞后"),
	county("梅州市职业技术学校", 214, 500, "严重滞后"),
	county("梅州市交通交通技术学校", 77, 200, "严重滞后"),
	county("梅州市技术学校", 168, 500, "严重滞后"),
	county("梅州市机械技校", 21, 100, "严重滞后"),
}

// 梅江区's towns carry no quota in units.csv; two are given one here.
var towns = []Bar{
	{Name: "金山街道", Registered: 318, Quota: 300, Completion: 1.06, Status: "已完成"},
	{Name: "江南街道", Registered: 276},
	{Name: "西郊街道", Registered: 201},
	{Name: "三角镇", Registered: 139, Quota: 200, Completion: 0.695, Status: "正常"},
	{Name: "长沙镇", Registered: 97},
	{Name: "城北镇", Registered: 88},
	{Name: "西阳镇", Registered: 0},
}

var dates = []string{"4月6日", "4月7日", "4月8日", "4月9日", "4月10日", "4月11日", "4月12日"}

var countyLines = []Line{
	{Name: "梅江区", Values: []int{1010, 1052, 1090, 1131, 1168, 1204, 1236}},
	{Name: "梅县区", Values: []int{730, 761, 790, 822, 851, 884, 912}},
	{Name: "兴宁市", Values: []int{560, 581, 610, 634, 655, 683, 705}},
	{Name: "平远县", Values: []int{372, 390, 405, 421, 440, 455, 468}},
	{Name: "蕉岭县", Values: []int{421, 436, 452, 470, 489, 503, 520}},
	{Name: "大埔县", Values: []int{288, 297, 305, 318, 330, 341, 350}},
	{Name: "丰顺县", Values: []int{241, 250, 259, 268, 276, 287, 296}},
	{Name: "五华县", Values: []int{390, 405, 422, 438, 455, 470, 486}},
}

func county(name string, registered, quota int, status string) Bar {
	return Bar{
		Name:       name,
		Registered: registered,
		Quota:      quota,
		Completion: float64(registered) / float64(quota),
		Status:     status,
	}
}

// samples builds one chart of each kind from realistic data; each has a
// golden file testdata/NAME.golden.json.
var samples = []struct {
	name  string
	build func() (Chart, error)
}{
	{"completion_counties", func() (Chart, error) {
		return Completion("county-completion", "各县（市、区）注册完成率", counties, 0.625)
	}},
	{"completion_schools", func() (Chart, error) {
		return Completion("school-completion", "各院校注册完成率", schools, 0.625)
	}},
	{"cumulative", func() (Chart, error) {
		return Cumulative("county-cumulative", "各县（市、区）累计注册人数", dates, countyLines, 0)
	}},
	{"weekly_new", func() (Chart, error) {
		return WeeklyNew("city-weekly", "全市每周新增注册人数",
			[]string{"3/16–3/22", "3/23–3/29", "3/30–4/5", "4/6–4/12"}, []int{1240, 2315, 1876, 1297})
	}},
	{"gauge", func() (Chart, error) {
		return Gauge("city-gauge", "全市注册完成率", 8596, 13400)
	}},
	{"unit_history", func() (Chart, error) {
		return UnitHistory("unit-meijiang-history", "梅江区累计注册人数", dates,
			countyLines[0].Values, []int{600, 650, 700, 750, 800, 850, 900}, 1200)
	}},
	{"parts", func() (Chart, error) {
		return Parts("unit-meijiang-parts", "梅江区各镇街注册人数", towns)
	}},
}

func TestGolden(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			c, err := s.build()
			if err != nil {
				t.Fatal(err)
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, c.Option, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			path := filepath.Join("testdata", s.name+".golden.json")
			if *update {
				if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./charts -update)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("%s differs from the option built now; if the change is meant, run go test ./charts -update and review the diff", path)
			}
			// The golden is the option indented; compacted, it must be the
			// option byte for byte.
			var compact bytes.Buffer
			if err := json.Compact(&compact, want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(compact.Bytes(), c.Option) {
				t.Errorf("option bytes differ from %s compacted", path)
			}
		})
	}
}

func TestSamples_Deterministic(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			first, err := s.build()
			if err != nil {
				t.Fatal(err)
			}
			for range 20 {
				again, err := s.build()
				if err != nil {
					t.Fatal(err)
				}
				if again.ID != first.ID || !bytes.Equal(again.Option, first.Option) {
					t.Fatalf("second build differs:\n%s\n%s", first.Option, again.Option)
				}
			}
		})
	}
}

// TestSamples_CleanOption checks that only ECharts options reach the page:
// nothing of go-echarts' page setup (assets, theme, renderer, size, chart
// id), no toolbox, no JS function markers, and the shared look.
func TestSamples_CleanOption(t *testing.T) {
	allowed := []string{"animation", "color", "grid", "legend", "series", "textStyle", "title", "tooltip", "xAxis", "yAxis"}
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			c, err := s.build()
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(c.Option) {
				t.Fatalf("invalid JSON: %s", c.Option)
			}
			o := decode(t, c)
			for k := range o {
				if !slices.Contains(allowed, k) {
					t.Errorf("top-level key %q is not an option this package sets", k)
				}
			}
			for _, bad := range []string{"__f__", "function", "=>", "900px", "500px", "canvas", "go-echarts", "https://", "chartID", "ChartID", "JSAssets", "theme", "toolbox", "width\":\"", "height\""} {
				if bytes.Contains(c.Option, []byte(bad)) {
					t.Errorf("option contains %q", bad)
				}
			}
			if at(t, o, "animation") != false {
				t.Errorf("animation = %v, want false", at(t, o, "animation"))
			}
			if got := at(t, o, "textStyle", "fontFamily"); got != `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif` {
				t.Errorf("textStyle.fontFamily = %v", got)
			}
			if at(t, o, "title", "text") == nil {
				t.Error("no title")
			}
			if _, ok := o["xAxis"]; ok {
				if at(t, o, "grid", 0, "containLabel") != true {
					t.Error("grid does not contain its labels")
				}
			}
		})
	}
}

// TestSamples_NotBuiltWithRenderers guards the rule by reading the package:
// go-echarts' HTML renderers print names unescaped and turn "__f__" strings
// into code, and FuncOpts makes JavaScript.
func TestSamples_NotBuiltWithRenderers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	banned := regexp.MustCompile(`\.(Render|RenderContent|RenderSnippet|JSONNotEscaped|FuncOpts|FuncStripCommentsOpts|AddJSFuncs|AddJSFuncStrs)\b|"__f__`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := banned.Find(src); m != nil {
			t.Errorf("%s uses %s", f, m)
		}
	}
}

func TestStatusColors(t *testing.T) {
	colors := StatusColors()
	if got, want := Statuses(), []string{"已完成", "正常", "滞后", "严重滞后"}; !slices.Equal(got, want) {
		t.Errorf("Statuses() = %v, want %v", got, want)
	}
	hex := regexp.MustCompile(`^#[0-9A-F]{6}$`)
	seen := map[string]string{}
	for _, s := range Statuses() {
		c := colors[s]
		if !hex.MatchString(c) {
			t.Errorf("%s: colour %q is not #RRGGBB", s, c)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("%s and %s share %s", s, other, c)
		}
		seen[c] = s
	}
	if len(colors) != 4 {
		t.Errorf("%d colours, want 4", len(colors))
	}
	colors["正常"] = "#000000"
	if StatusColors()["正常"] == "#000000" {
		t.Error("StatusColors hands out the package's own map")
	}
}

func TestNiceMax(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{0, 0}, {100, 100}, {100.1, 120}, {103, 120}, {131, 150}, {180, 200},
		{1248, 1500}, {832, 1000}, {13936, 15000}, {7, 8}, {0.5, 0.5},
	} {
		if got := niceMax(c.in); got != c.want {
			t.Errorf("niceMax(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestIDs(t *testing.T) {
	for _, id := range []string{"", "1st", "a b", `a"b`, "a<b", "城市"} {
		if _, err := Gauge(id, "", 1, 2); err == nil {
			t.Errorf("id %q accepted", id)
		}
	}
	c, err := Gauge("city-gauge_2", "", 1, 2)
	if err != nil || c.ID != "city-gauge_2" {
		t.Errorf("Gauge(city-gauge_2) = %q, %v", c.ID, err)
	}
}

// decode parses an option for inspection.
func decode(t *testing.T, c Chart) map[string]any {
	t.Helper()
	var o map[string]any
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatalf("%v in %s", err, c.Option)
	}
	return o
}

// at walks a decoded option by keys and indexes; it returns nil where the
// path ends early.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[p]
		case int:
			s, ok := v.([]any)
			if !ok || p >= len(s) {
				return nil
			}
			v = s[p]
		}
	}
	return v
}

func strs(t *testing.T, v any) []string {
	t.Helper()
	s, _ := v.([]any)
	out := make([]string, len(s))
	for i, x := range s {
		out[i], _ = x.(string)
	}
	return out
}
