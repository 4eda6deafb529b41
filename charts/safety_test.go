package charts

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// hostile are unit names an export may carry. Each must reach the page only
// as a JSON string: no raw <, > or & that could end the <script> element or
// start markup, and "__f__…__f__" still quoted, so nothing that unquotes
// go-echarts' function markers can turn it into code.
var hostile = []string{
	`</script><script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`__f__function(){alert(1)}__f__`,
	`a&b`,
	"line\u2028separator",
}

func TestHostileNames_OnlyJSONStrings(t *testing.T) {
	n := len(hostile)
	bars := make([]Bar, n)
	lines := make([]Line, n)
	values := make([]int, n)
	for i, h := range hostile {
		bars[i] = Bar{Name: h, Registered: 10 * i, Quota: 100, Completion: float64(i) / 10, Status: "正常"}
		lines[i] = Line{Name: h, Values: make([]int, n)}
		values[i] = i
	}
	title := hostile[2] + hostile[0]
	kinds := map[string]func() (Chart, error){
		"completion": func() (Chart, error) { return Completion("c", title, bars, 0.5) },
		"parts":      func() (Chart, error) { return Parts("p", title, bars) },
		"cumulative": func() (Chart, error) { return Cumulative("l", title, hostile, lines, 100) },
		"weekly":     func() (Chart, error) { return WeeklyNew("w", title, hostile, values) },
		"history":    func() (Chart, error) { return UnitHistory("h", title, hostile, values, values, 100) },
		"gauge":      func() (Chart, error) { return Gauge("g", title, 5, 10) },
	}
	for kind, build := range kinds {
		t.Run(kind, func(t *testing.T) {
			c, err := build()
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(c.Option) {
				t.Fatalf("invalid JSON: %s", c.Option)
			}
			for _, b := range []string{"<", ">", "&", "\u2028"} {
				if bytes.Contains(c.Option, []byte(b)) {
					t.Errorf("option holds a raw %q: %s", b, c.Option)
				}
			}
			if !bytes.Contains(c.Option, []byte(`\u003c/script\u003e`)) {
				t.Errorf("</script> is not escaped as \\u003c/script\\u003e: %s", c.Option)
			}
			if !bytes.Contains(c.Option, []byte(`"__f__function(){alert(1)}__f__`)) {
				t.Errorf("the __f__ name lost its opening quote: %s", c.Option)
			}
			got := stringsIn(decode(t, c))
			want := []string{title}
			if kind != "gauge" {
				want = append(want, hostile...)
			}
			for _, h := range want {
				if !slices.Contains(got, h) {
					t.Errorf("%q is not a string of the decoded option", h)
				}
			}
		})
	}
}

// stringsIn collects every string value of a decoded JSON tree.
func stringsIn(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, stringsIn(x)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, x := range v {
			out = append(out, stringsIn(x)...)
		}
		return out
	}
	return nil
}
