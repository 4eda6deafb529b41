package volunteer

import (
	"fmt"
	"time"
)

// Date is a civil date in Beijing, counted in days since 1899-12-30, the
// epoch of Excel's serial day numbers, so an Excel serial is a Date as is.
// The zero Date means "no date": no export of this domain is that old.
type Date int32

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// NewDate returns the date y-m-d; out-of-range parts roll over as in time.Date.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(u.Sub(excelEpoch).Hours() / 24)
}

// ParseDate parses the ISO form YYYY-MM-DD that qingwang itself writes.
// Exports use many more forms: see ingest.ParseDate.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("日期“%s”应写成 YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// Time returns midnight UTC of the date; use it for calendar arithmetic only.
func (d Date) Time() time.Time { return excelEpoch.AddDate(0, 0, int(d)) }

func (d Date) AddDays(n int) Date { return d + Date(n) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e - d) }

func (d Date) Year() int { return d.Time().Year() }

func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// String gives the ISO form, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Chinese gives the form bulletins use, e.g. 4月26日.
func (d Date) Chinese() string {
	t := d.Time()
	return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
}

// ChineseFrom gives the date as written on day ref: 5月3日 within ref's
// year, 2016年5月3日 beyond it.
func (d Date) ChineseFrom(ref Date) string {
	if d.Year() == ref.Year() {
		return d.Chinese()
	}
	return d.ChineseFull()
}

// ChineseFull gives 2015年4月26日.
func (d Date) ChineseFull() string {
	t := d.Time()
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
