package charts

import (
	"slices"
	"testing"
)

func TestCumulative_LinePerUnitNoQuota(t *testing.T) {
	c, err := Cumulative("county-cumulative", "各县（市、区）累计注册人数", dates, countyLines, 0)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	if got := strs(t, at(t, o, "xAxis", 0, "data")); !slices.Equal(got, dates) {
		t.Errorf("x-axis = %v, want the dates", got)
	}
	series, _ := at(t, o, "series").([]any)
	if len(series) != len(countyLines) {
		t.Fatalf("%d series, want %d", len(series), len(countyLines))
	}
	colors := map[any]bool{}
	for i, l := range countyLines {
		s := series[i]
		if at(t, s, "name") != l.Name || at(t, s, "type") != "line" {
			t.Errorf("series %d = %v %v, want line %s", i, at(t, s, "name"), at(t, s, "type"), l.Name)
		}
		for j, v := range l.Values {
			if got := at(t, s, "data", j, "value"); got != float64(v) {
				t.Errorf("%s on %s = %v, want %d", l.Name, dates[j], got, v)
			}
		}
		if at(t, s, "markLine") != nil {
			t.Errorf("%s has a quota line without a quota", l.Name)
		}
		colors[at(t, s, "lineStyle", "color")] = true
	}
	if len(colors) != len(countyLines) {
		t.Errorf("%d line colours for %d units", len(colors), len(countyLines))
	}
	if at(t, o, "legend") == nil {
		t.Error("several lines but no legend")
	}
	if at(t, o, "yAxis", 0, "max") != nil {
		t.Error("y-axis max set with no quota line to keep in view")
	}
}

func TestCumulative_QuotaLine(t *testing.T) {
	c, err := Cumulative("c", "", dates, countyLines[:1], 1200)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	lines, _ := at(t, o, "series", 0, "markLine", "data").([]any)
	if len(lines) != 1 {
		t.Fatalf("markLines = %v, want one", lines)
	}
	q := lines[0]
	if at(t, q, "yAxis") != 1200.0 || at(t, q, "lineStyle", "type") != "dashed" || at(t, q, "label", "formatter") != "任务数 1200" {
		t.Errorf("quota line = %v, want dashed at 1200 labelled 任务数 1200", q)
	}
	if max, _ := at(t, o, "yAxis", 0, "max").(float64); max < 1236 {
		t.Errorf("y max %v hides the data or the quota", max)
	}
	if at(t, o, "legend") != nil {
		t.Error("one line has a legend")
	}
}

func TestCumulative_Rejects(t *testing.T) {
	if _, err := Cumulative("c", "", dates[:3], countyLines, 0); err == nil {
		t.Error("values longer than dates accepted")
	}
	if _, err := Cumulative("c", "", dates, nil, 0); err == nil {
		t.Error("no lines accepted")
	}
}

func TestUnitHistory_RegisteredTargetQuota(t *testing.T) {
	target := []int{600, 650, 700, 750, 800, 850, 900}
	c, err := UnitHistory("h", "梅江区", dates, countyLines[0].Values, target, 1200)
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	if at(t, o, "series", 0, "name") != "已注册" || at(t, o, "series", 1, "name") != "序时进度" {
		t.Fatalf("series = %v, %v", at(t, o, "series", 0, "name"), at(t, o, "series", 1, "name"))
	}
	if at(t, o, "series", 0, "lineStyle", "type") != nil {
		t.Error("registered line is not solid")
	}
	if at(t, o, "series", 1, "lineStyle", "type") != "dashed" {
		t.Error("序时进度 line is not dashed")
	}
	for j, v := range target {
		if got := at(t, o, "series", 1, "data", j, "value"); got != float64(v) {
			t.Errorf("target on %s = %v, want %d", dates[j], got, v)
		}
	}
	if at(t, o, "series", 0, "markLine", "data", 0, "yAxis") != 1200.0 {
		t.Errorf("quota line = %v", at(t, o, "series", 0, "markLine"))
	}
	if at(t, o, "series", 1, "markLine") != nil {
		t.Error("quota line drawn twice")
	}

	c, err = UnitHistory("h", "", dates, countyLines[0].Values, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	o = decode(t, c)
	if s, _ := at(t, o, "series").([]any); len(s) != 1 || at(t, o, "series", 0, "markLine") != nil {
		t.Errorf("without target and quota: %v", s)
	}
	if _, err := UnitHistory("h", "", dates, countyLines[0].Values, target[:2], 0); err == nil {
		t.Error("short target accepted")
	}
}

func TestWeeklyNew(t *testing.T) {
	weeks := []string{"3/30–4/5", "4/6–4/12"}
	c, err := WeeklyNew("w", "", weeks, []int{1876, -3})
	if err != nil {
		t.Fatal(err)
	}
	o := decode(t, c)
	if got := strs(t, at(t, o, "xAxis", 0, "data")); !slices.Equal(got, weeks) {
		t.Errorf("x-axis = %v", got)
	}
	if at(t, o, "series", 0, "type") != "bar" || at(t, o, "series", 0, "label", "show") != true {
		t.Errorf("series = %v", at(t, o, "series", 0))
	}
	if at(t, o, "series", 0, "data", 0, "value") != 1876.0 || at(t, o, "series", 0, "data", 1, "value") != -3.0 {
		t.Errorf("data = %v", at(t, o, "series", 0, "data"))
	}
	if _, err := WeeklyNew("w", "", weeks, []int{1}); err == nil {
		t.Error("fewer values than weeks accepted")
	}
}

func TestGauge_PercentWithOneDecimal(t *testing.T) {
	for _, c := range []struct {
		registered, quota int
		value             float64
		text              string
	}{
		{8596, 13400, 64.1, "64.1%"},
		{870, 1000, 87, "87.0%"},
		{14740, 13400, 110, "110.0%"},
		{0, 13400, 0, "0.0%"},
	} {
		ch, err := Gauge("city-gauge", "全市", c.registered, c.quota)
		if err != nil {
			t.Fatal(err)
		}
		o := decode(t, ch)
		s := at(t, o, "series", 0)
		if at(t, s, "type") != "gauge" || at(t, s, "data", 0, "value") != c.value || at(t, s, "detail", "formatter") != c.text {
			t.Errorf("%d/%d: type %v value %v text %v, want %v %q", c.registered, c.quota,
				at(t, s, "type"), at(t, s, "data", 0, "value"), at(t, s, "detail", "formatter"), c.value, c.text)
		}
	}
	for _, bad := range [][2]int{{1, 0}, {1, -5}, {-1, 10}} {
		if _, err := Gauge("g", "", bad[0], bad[1]); err == nil {
			t.Errorf("Gauge(%d, %d) accepted", bad[0], bad[1])
		}
	}
}
