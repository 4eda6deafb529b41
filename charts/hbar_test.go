package charts

import (
	"math"
	"slices"
	"testing"
)

func TestCompletion_BarsInOrderColouredByStatus(t *testing.T) {
	c, err := Completion("county-completion", "各县（市、区）注册完成率", counties, 0.625)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	if got := strs(t, at(t, o, "yAxis", 0, "data")); !slices.Equal(got, names(counties)) {
		t.Errorf("y-axis names = %v, want %v", got, names(counties))
	}
	if at(t, o, "yAxis", 0, "type") != "category" || at(t, o, "yAxis", 0, "inverse") != true {
		t.Errorf("y-axis is not an inverted category axis (first unit at the top): %v", at(t, o, "yAxis", 0))
	}
	if at(t, o, "xAxis", 0, "type") != "value" || at(t, o, "xAxis", 0, "data") != nil {
		t.Errorf("x-axis is not a value axis: %v", at(t, o, "xAxis", 0))
	}
	if at(t, o, "xAxis", 0, "axisLabel", "formatter") != "{value}%" {
		t.Errorf("x-axis labels are not in percent: %v", at(t, o, "xAxis", 0, "axisLabel"))
	}
	if got := at(t, o, "yAxis", 0, "axisLabel", "overflow"); got != "break" {
		t.Errorf("long names do not wrap: overflow = %v", got)
	}
	if at(t, o, "series", 0, "label", "show") != true || at(t, o, "series", 0, "label", "position") != "right" {
		t.Errorf("value labels are not shown beside the bars: %v", at(t, o, "series", 0, "label"))
	}
	wantValues := []float64{103, 76, 70.5, 65, 58.5, 54, 43.8, 37}
	wantLabels := []string{"103.0%", "76.0%", "70.5%", "65.0%", "58.5%", "54.0%", "43.8%", "37.0%"}
	wantColors := []string{"#009E73", "#0072B2", "#0072B2", "#0072B2", "#E69F00", "#E69F00", "#D55E00", "#D55E00"}
	for i, b := range counties {
		d := at(t, o, "series", 0, "data", i)
		if got := at(t, d, "value"); got != wantValues[i] {
			t.Errorf("%s: value %v, want %v", b.Name, got, wantValues[i])
		}
		if got := at(t, d, "label", "formatter"); got != wantLabels[i] {
			t.Errorf("%s: label %v, want %v", b.Name, got, wantLabels[i])
		}
		if got := at(t, d, "itemStyle", "color"); got != wantColors[i] || got != StatusColors()[b.Status] {
			t.Errorf("%s (%s): colour %v, want %v", b.Name, b.Status, got, wantColors[i])
		}
	}
}

func TestCompletion_TaskAndTargetLines(t *testing.T) {
	c, err := Completion("c", "", counties, 0.625)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	lines, _ := at(t, o, "series", 0, "markLine", "data").([]any)
	if len(lines) != 2 {
		t.Fatalf("%d markLines, want 2: %v", len(lines), lines)
	}
	byName := map[string]any{}
	for _, l := range lines {
		byName[at(t, l, "name").(string)] = l
	}
	task, target := byName["任务数"], byName["序时进度"]
	if at(t, task, "xAxis") != 100.0 || at(t, task, "label", "formatter") != "任务数" {
		t.Errorf("任务数 line = %v, want at 100 labelled 任务数", task)
	}
	if at(t, target, "xAxis") != 62.5 || at(t, target, "label", "formatter") != "序时进度 62.5%" {
		t.Errorf("序时进度 line = %v, want at 62.5 labelled 序时进度 62.5%%", target)
	}
	if at(t, target, "lineStyle", "type") != "dashed" {
		t.Errorf("序时进度 line is not dashed: %v", target)
	}
	if at(t, task, "label", "position") == at(t, target, "label", "position") {
		t.Error("both line labels sit at the same end and can overlap")
	}
	if got := strs(t, at(t, o, "series", 0, "markLine", "symbol")); !slices.Equal(got, []string{"none", "none"}) {
		t.Errorf("markLine symbols = %v, want none", got)
	}
}

func TestCompletion_AxisKeepsLinesAndLongestBarInView(t *testing.T) {
	for _, c := range []struct {
		name       string
		completion float64
		target     float64
		wantMax    float64
	}{
		{"all below the quota", 0.4, 0.3, 100},
		{"one past the quota", 1.03, 0.625, 120},
		{"far past the quota", 1.8, 0.9, 200},
		{"target past the quota", 0.5, 1.1, 120},
	} {
		t.Run(c.name, func(t *testing.T) {
			bars := []Bar{{Name: "梅江区", Completion: c.completion, Status: "正常"}}
			ch, err := Completion("c", "", bars, c.target)
			if err != nil {
				t.Fatal(err)
			}
			o := decode(t, ch)
			if got := at(t, o, "xAxis", 0, "max"); got != c.wantMax {
				t.Errorf("x max = %v, want %v", got, c.wantMax)
			}
			if got := at(t, o, "xAxis", 0, "min"); got != 0.0 {
				t.Errorf("x min = %v, want 0", got)
			}
		})
	}
}

func TestCompletion_Rejects(t *testing.T) {
	ok := []Bar{{Name: "梅江区", Completion: 0.5, Status: "正常"}}
	for _, c := range []struct {
		name   string
		id     string
		bars   []Bar
		target float64
	}{
		{"unknown status", "c", []Bar{{Name: "梅江区", Completion: 0.5, Status: "落后"}}, 0.5},
		{"empty status", "c", []Bar{{Name: "梅江区", Completion: 0.5}}, 0.5},
		{"NaN completion", "c", []Bar{{Name: "梅江区", Completion: math.NaN(), Status: "正常"}}, 0.5},
		{"infinite completion", "c", []Bar{{Name: "梅江区", Completion: math.Inf(1), Status: "正常"}}, 0.5},
		{"NaN target", "c", ok, math.NaN()},
		{"negative target", "c", ok, -0.1},
		{"no bars", "c", nil, 0.5},
		{"bad id", "c 1", ok, 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Completion(c.id, "", c.bars, c.target); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestParts_CountsWithQuotaWhereKnown(t *testing.T) {
	c, err := Parts("unit-meijiang-parts", "", towns)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	if got := strs(t, at(t, o, "yAxis", 0, "data")); !slices.Equal(got, names(towns)) {
		t.Errorf("y-axis names = %v, want %v", got, names(towns))
	}
	if at(t, o, "yAxis", 0, "inverse") != true {
		t.Error("first town is not at the top")
	}
	want := []struct {
		value float64
		label string
		color string
	}{
		{318, "318 / 300", "#009E73"},
		{276, "276", neutralColor},
		{201, "201", neutralColor},
		{139, "139 / 200", "#0072B2"},
		{97, "97", neutralColor},
		{88, "88", neutralColor},
		{0, "0", neutralColor},
	}
	for i, w := range want {
		d := at(t, o, "series", 0, "data", i)
		if at(t, d, "value") != w.value || at(t, d, "label", "formatter") != w.label || at(t, d, "itemStyle", "color") != w.color {
			t.Errorf("%s = %v, want value %v label %q colour %s", towns[i].Name, d, w.value, w.label, w.color)
		}
	}
	if at(t, o, "series", 0, "markLine") != nil {
		t.Error("parts carry reference lines")
	}
	if _, err := Parts("p", "", []Bar{{Name: "金山街道", Status: "ok"}}); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := Parts("p", "", nil); err == nil {
		t.Error("no parts accepted")
	}
}
