package demo

import (
	"strconv"

	"qingwang/volunteer"
)

// countsFormat is how one daily counts file is written.
type countsFormat struct {
	lay    layout
	header []string
	quota  bool // has a 任务数 column
	dates  dateForm
}

var countsFormats = [...]countsFormat{
	{platformCSV, []string{"统计日期", "单位名称", "任务数", "累计注册数"}, true, dateISO},
	{plainCSV, []string{"日期", "单位", "注册人数"}, false, dateSlash},
	{excelCSV, []string{"统计日期", "组织", "任务数", "累计注册数（人）"}, true, dateChinese},
}

// counts writes one 汇总 per day from the day registration opens to the
// season's end: a row per unit, its total including its parts, in units.csv
// order. Most days come from the platform; one weekday in seven from a
// script, another through Excel (one of those with serial-day dates). Unit
// names take a different form each day, in turn.
func (g *gen) counts() error {
	c := g.s.cal
	serialDay := c.a1 + 15
	for d := c.start; d <= c.last; d++ {
		k := int(d - c.start)
		f := countsFormats[0]
		switch k % 7 {
		case 3:
			f = countsFormats[1]
		case 5:
			f = countsFormats[2]
		}
		if d == serialDay {
			f = countsFormats[2]
			f.dates = dateSerial
		}
		var roles fileRole
		if d.Weekday() == 0 {
			roles |= sundayFile
		}
		if d == c.a1 {
			roles |= a1File
		}
		if d == c.last {
			roles |= lastFile
		}
		style := [...]orgStyle{orgPlain, orgLeague, orgPath}[k%3]
		if err := g.countsFile(d, roles, &f, style); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) countsFile(d volunteer.Date, roles fileRole, f *countsFormat, style orgStyle) error {
	u := g.units
	sh, err := g.create("注册汇总_"+fileDate(d, "-")+".csv", volunteer.Counts, d, f.lay)
	if err != nil {
		return err
	}
	row := func(date, unit string, quota, registered int) error {
		sh.field()
		if date == "" {
			sh.buf = appendDate(sh.buf, d, f.dates)
		} else {
			sh.buf = append(sh.buf, date...)
		}
		sh.add(unit)
		if f.quota {
			sh.field()
			if quota > 0 {
				sh.buf = strconv.AppendInt(sh.buf, int64(quota), 10)
			}
		}
		sh.field()
		sh.buf = strconv.AppendInt(sh.buf, int64(registered), 10)
		return nil
	}
	root := u.Root()
	first := u.Children(root)[0]
	err = sh.header(f.header...)
	if err == nil {
		err = interleave(u.Len(), placeMesses(volunteer.Counts, roles, u.Len()),
			func(i int) error {
				row("", g.forms[i].in(style, i), u.At(i).Quota, g.s.registeredBy(i, d))
				return sh.end(0)
			},
			func(m placed) error {
				switch m.kind {
				case TotalRow:
					row("", "合计", u.Quota(root), g.s.registeredBy(root, d))
				case UnknownUnit:
					row("", g.typo, u.At(first).Quota, g.s.registeredBy(first, d))
				case BadDate:
					row("#VALUE!", g.forms[first].in(style, first), u.At(first).Quota, g.s.registeredBy(first, d))
				case MissingUnit:
					row("", "", 0, g.s.registeredBy(first, d)/7)
				}
				return sh.end(m.kind)
			})
	}
	return g.finish(sh, err)
}
