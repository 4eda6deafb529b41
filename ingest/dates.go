package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

var beijing = time.FixedZone("CST", 8*3600)

// Excel serial days accepted as dates: 2000-01-01 to 2099-12-31. A bare
// number outside this range is not taken for a date.
const (
	minSerial = 36526
	maxSerial = 73050
)

var (
	// 2015-04-26, 2015/4/26, 2015.4.26, each with an optional time.
	reSeparated = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[ T]+(.*))?$`)
	// 2015年4月26日, with an optional time.
	reChinese = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(.*))?$`)
	// 20150426, 20150426 102311, 20150426102311.
	reCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$`)
	// 10:23, 10:23:11, 10:23:11.123, with an optional zone; 10时23分11秒.
	reTime = regexp.MustCompile(`^(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?分?\s*(Z|[+-]\d{2}:?\d{2})?$`)
	// Excel serial day numbers, possibly with a fraction of a day.
	reSerial = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// ParseDate reads a date as exports write it: 2015-04-26, 2015/4/26,
// 2015.4.26, 2015年4月26日 or 20150426, each optionally followed by a time,
// or an Excel serial day number. Times are Beijing time unless they carry a
// zone, which is converted to Beijing's day. The error says what was wrong
// in Chinese.
func ParseDate(s string) (volunteer.Date, error) {
	if d, ok := parseCommon(s); ok {
		return d, nil
	}
	s = strings.TrimSpace(norm.NFKC.String(s))
	if s == "" {
		return 0, fmt.Errorf("日期为空")
	}
	var y, m, d int
	var clock string
	if g := reSeparated.FindStringSubmatch(s); g != nil {
		if g[2] != g[4] {
			return 0, badDate(s)
		}
		y, m, d, clock = atoi(g[1]), atoi(g[3]), atoi(g[5]), g[6]
	} else if g := reChinese.FindStringSubmatch(s); g != nil {
		y, m, d, clock = atoi(g[1]), atoi(g[2]), atoi(g[3]), g[4]
	} else if g := reCompact.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
		if g[4] != "" {
			clock = g[4] + ":" + g[5]
			if g[6] != "" {
				clock += ":" + g[6]
			}
		}
	} else if reSerial.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < minSerial || f > maxSerial {
			return 0, badDate(s)
		}
		return volunteer.Date(int(f)), nil
	} else {
		return 0, badDate(s)
	}
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("日期“%s”的月份应在1到12之间", s)
	}
	date := time.Date(y, time.Month(m), d, 0, 0, 0, 0, beijing)
	if date.Day() != d || d < 1 {
		return 0, fmt.Errorf("日期“%s”不存在（%d月没有%d日）", s, m, d)
	}
	if clock = strings.TrimSpace(clock); clock != "" {
		t := reTime.FindStringSubmatch(clock)
		if t == nil {
			return 0, fmt.Errorf("日期“%s”中的时间“%s”无法识别，请写成 10:23 或 10:23:11", s, clock)
		}
		hh, mm, ss := atoi(t[1]), atoi(t[2]), atoi(t[3])
		if hh > 23 || mm > 59 || ss > 59 {
			return 0, fmt.Errorf("日期“%s”中的时间“%s”超出范围", s, clock)
		}
		if zone := t[4]; zone != "" {
			at := date.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
			off := 0
			if zone != "Z" {
				z := strings.ReplaceAll(zone[1:], ":", "")
				off = (atoi(z[:2])*60 + atoi(z[2:])) * 60
				if zone[0] == '-' {
					off = -off
				}
			}
			// The wall time was in that zone: move it to Beijing.
			at = at.Add(time.Duration(8*3600-off) * time.Second)
			return volunteer.DateOf(at), nil
		}
	}
	return volunteer.DateOf(date), nil
}

// parseCommon is the fast path for the form platforms write most,
// 2015-04-26 or 2015-04-26 10:23:11 (also with / or .), without regular
// expressions or allocation. Anything else goes the long way.
func parseCommon(s string) (volunteer.Date, bool) {
	if len(s) < 10 || s[4] != s[7] || (s[4] != '-' && s[4] != '/' && s[4] != '.') {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	switch rest := s[10:]; len(rest) {
	case 0:
	case 6, 9: // " 10:23" or " 10:23:11"
		if rest[0] != ' ' && rest[0] != 'T' || rest[3] != ':' {
			return 0, false
		}
		hh, ok1 := digits(rest[1:3])
		mm, ok2 := digits(rest[4:6])
		ss, ok3 := 0, true
		if len(rest) == 9 {
			if rest[6] != ':' {
				return 0, false
			}
			ss, ok3 = digits(rest[7:9])
		}
		if !ok1 || !ok2 || !ok3 || hh > 23 || mm > 59 || ss > 59 {
			return 0, false
		}
	default:
		return 0, false
	}
	return volunteer.NewDate(y, time.Month(m), d), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		return 29
	}
	return [...]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
}

func badDate(s string) error {
	return fmt.Errorf("无法识别的日期“%s”：请写成 2015-04-26、2015/4/26、2015年4月26日 或 20150426", s)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// reFileDate finds a date in a file name: 20150426, 2015-04-26, 2015_04_26.
var reFileDate = regexp.MustCompile(`(?:^|\D)(20\d{2})(?:([-_.])(\d{1,2})([-_.])(\d{1,2})|(\d{2})(\d{2}))(?:\D|$)`)

// FileNameDate returns the date written in a file name, if any.
func FileNameDate(name string) (volunteer.Date, bool) {
	for _, g := range reFileDate.FindAllStringSubmatch(name, -1) {
		var y, m, d int
		if g[6] != "" {
			y, m, d = atoi(g[1]), atoi(g[6]), atoi(g[7])
		} else if g[2] == g[4] {
			y, m, d = atoi(g[1]), atoi(g[3]), atoi(g[5])
		} else {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m >= 1 && m <= 12 && d >= 1 && t.Day() == d {
			return volunteer.NewDate(y, time.Month(m), d), true
		}
	}
	return 0, false
}
