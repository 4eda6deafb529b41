package ingest

import (
	"strings"
	"testing"
	"time"

	"qingwang/volunteer"
)

func TestParseDate(t *testing.T) {
	apr26 := volunteer.NewDate(2015, time.April, 26)
	for _, tc := range []struct {
		in   string
		want volunteer.Date
	}{
		{"2015-04-26", apr26},
		{"2015-4-26", apr26},
		{"2015/4/26", apr26},
		{"2015/04/26 9:05", apr26},
		{"2015.4.26", apr26},
		{"2015.4.26 23:59:59", apr26},
		{"2015年4月26日", apr26},
		{"2015年04月26日 10:23", apr26},
		{"2015年4月26日10时23分", apr26},
		{"20150426", apr26},
		{"20150426 102311", apr26},
		{"20150426102311", apr26},
		{"2015-04-26 10:23:11", apr26},
		{"2015-04-26T10:23:11", apr26},
		{"2015-04-26 10:23:11.250", apr26},
		{"  2015-04-26  ", apr26},
		{"２０１５－０４－２６", apr26},           // full-width, as some exports have
		{"42120", apr26},                // Excel serial day
		{"42120.4375", apr26},           // Excel serial with a time
		{"2015-04-25T20:00:00Z", apr26}, // 04:00 next day in Beijing
		{"2015-04-26T10:00:00+08:00", apr26},
		{"2015-04-26T01:00:00+09:00", apr26}, // 00:00 in Beijing
		{"2015-04-26T00:30:00+09:00", volunteer.NewDate(2015, time.April, 25)}, // 23:30 the day before
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseDate(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseDate_Rejects(t *testing.T) {
	for _, tc := range []struct{ in, says string }{
		{"", "为空"},
		{"2015-13-01", "月份"},
		{"2015-02-30", "不存在"},
		{"2015/04-26", "无法识别"},
		{"26/04/2015", "无法识别"},
		{"昨天", "无法识别"},
		{"2015-04-26 25:00", "超出范围"},
		{"2015-04-26 上午", "时间"},
		{"12345", "无法识别"}, // a number, but not a plausible serial day
		{"99999", "无法识别"}, // serial beyond 2099
		{"2015年4月31日", "不存在"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %s, want an error", tc.in, d)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("ParseDate(%q) error %q does not say %q", tc.in, err, tc.says)
			}
		})
	}
}

func TestFileNameDate(t *testing.T) {
	apr26 := volunteer.NewDate(2015, time.April, 26)
	for _, tc := range []struct {
		name string
		want volunteer.Date
		ok   bool
	}{
		{"志愿者名单_20150426.csv", apr26, true},
		{"注册汇总_2015-04-26.csv", apr26, true},
		{"骨干名单_2015_04_26.xlsx", apr26, true},
		{"roster-2015.04.26.txt", apr26, true},
		{"20150426志愿者.csv", apr26, true},
		{"志愿者名单.csv", 0, false},
		{"名单_2015-04_26.csv", 0, false}, // mixed separators
		{"名单_20151341.csv", 0, false},   // no such date
		{"导出_1201504261.csv", 0, false}, // digits run on
		{"第3期_v2_20150426_final.csv", apr26, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FileNameDate(tc.name)
			if ok != tc.ok || got != tc.want {
				t.Errorf("FileNameDate(%q) = %s, %v; want %s, %v", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
}
