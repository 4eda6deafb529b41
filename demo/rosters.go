package demo

import (
	"slices"

	"qingwang/volunteer"
)

type rosterCol uint8

const (
	colVID rosterCol = iota
	colName
	colIDNumber
	colMobile
	colOrg
	colPolitics
	colTime
)

// rosterFormat is how one roster file is written.
type rosterFormat struct {
	lay         layout
	header      []string
	cols        []rosterCol
	dates       dateForm
	serialEvery int // every n-th person's time is an Excel serial day (0: never)
	org         orgStyle
}

var (
	// The platform's own export: GB18030, CRLF, names in every form row by row.
	platformRoster = rosterFormat{
		lay:    platformCSV,
		header: []string{"志愿者编号", "姓名", "证件号码", "手机号码", "所属组织", "政治面貌", "注册时间（北京时间）"},
		cols:   []rosterCol{colVID, colName, colIDNumber, colMobile, colOrg, colPolitics, colTime},
		dates:  dateISO,
		org:    orgMixed,
	}
	// The first assessment's roster went through Excel: UTF-8 with BOM, other
	// header names, short times, and a few dates turned into serial days.
	excelRoster = rosterFormat{
		lay:         excelCSV,
		header:      []string{"编号", "姓名", "身份证号", "手机号", "组织", "政治面貌", "注册日期"},
		cols:        []rosterCol{colVID, colName, colIDNumber, colMobile, colOrg, colPolitics, colTime},
		dates:       dateSlash,
		serialEvery: 211,
		org:         orgPlain,
	}
	// The second assessment's roster came from a script: UTF-8, LF, League
	// names, Chinese dates, no 政治面貌.
	scriptRoster = rosterFormat{
		lay:    plainCSV,
		header: []string{"志愿者编号", "姓名", "证件号码", "手机", "所在组织", "注册时间"},
		cols:   []rosterCol{colVID, colName, colIDNumber, colMobile, colOrg, colTime},
		dates:  dateChinese,
		org:    orgLeague,
	}
)

// rosterDates are the snapshot dates: every `every` days from the first
// Sunday on or after registration opens, each assessment, and the last day.
func rosterDates(c calendar, every int) []volunteer.Date {
	d := c.start
	for d.Weekday() != 0 {
		d++
	}
	var out []volunteer.Date
	for ; every > 0 && d <= c.last; d += volunteer.Date(every) {
		out = append(out, d)
	}
	out = append(out, c.a1, c.a2, c.last)
	slices.Sort(out)
	return slices.Compact(out)
}

func (g *gen) rosters(every int) error {
	c := g.s.cal
	for k, d := range rosterDates(c, every) {
		var roles fileRole
		if k == 0 {
			roles |= firstFile
		}
		f := platformRoster
		switch d {
		case c.a1:
			roles |= a1File
			f = excelRoster
		case c.a2:
			roles |= a2File
			f = scriptRoster
		case c.last:
			roles |= lastFile
		}
		if err := g.roster(d, roles, &f); err != nil {
			return err
		}
	}
	return nil
}

// rosterEntry is one row of a roster.
type rosterEntry struct {
	serial  uint32
	role    role
	org     string
	day     volunteer.Date
	sec     uint32
	badTime string // written instead of the time when set
}

// roster writes the snapshot of date d: everyone registered by its end, in
// registration order, and the file's messes.
func (g *gen) roster(d volunteer.Date, roles fileRole, f *rosterFormat) error {
	s := g.s
	sh, err := g.create("志愿者名单_"+fileDate(d, "")+".csv", volunteer.Roster, d, f.lay)
	if err != nil {
		return err
	}
	n := s.cut(d)
	entry := func(i int) rosterEntry {
		p := s.people[i]
		return rosterEntry{serial: uint32(i), role: p.role, org: g.forms[p.unit].in(f.org, i),
			day: s.cal.first + volunteer.Date(p.day()), sec: p.t % daySeconds}
	}
	// Messy people belong to the unit of the middle row, or the first county.
	home := g.units.Children(g.units.Root())[0]
	if n > 0 {
		home = int(s.people[n/2].unit)
	}
	err = sh.header(f.header...)
	if err == nil {
		err = interleave(n, placeMesses(volunteer.Roster, roles, n),
			func(i int) error {
				if i&0xffff == 0 {
					if err := g.ctx.Err(); err != nil {
						return err
					}
				}
				return g.rosterRow(sh, f, entry(i), 0)
			},
			func(m placed) error {
				if m.kind == Duplicate {
					return g.rosterRow(sh, f, entry(m.src), m.kind)
				}
				e := rosterEntry{serial: s.extra(), org: g.forms[home].in(f.org, 0), day: d, sec: 10*3600 + 17*60 + 23}
				switch m.kind {
				case AfterDate:
					e.day = d + 1
					e.sec = 9*3600 + 12*60 + 5
				case UnknownUnit:
					e.org = g.typo
				case MissingUnit:
					e.org = ""
				case BadDate:
					e.badTime = "#VALUE!"
				}
				return g.rosterRow(sh, f, e, m.kind)
			})
	}
	return g.finish(sh, err)
}

func (g *gen) rosterRow(sh *sheet, f *rosterFormat, e rosterEntry, m MessKind) error {
	g.fk.fill(e.serial, e.role, &g.p)
	for _, c := range f.cols {
		switch c {
		case colVID:
			sh.addBytes(g.p.vid[:])
		case colName:
			sh.addBytes(g.p.name)
		case colIDNumber:
			sh.addBytes(g.p.id[:])
		case colMobile:
			sh.addBytes(g.p.mobile[:])
		case colOrg:
			sh.add(e.org)
		case colPolitics:
			sh.add(g.p.politics)
		case colTime:
			sh.field()
			switch {
			case e.badTime != "":
				sh.buf = append(sh.buf, e.badTime...)
			case f.serialEvery > 0 && int(e.serial)%f.serialEvery == 0:
				sh.buf = appendDate(sh.buf, e.day, dateSerial)
			default:
				sh.buf = appendTime(sh.buf, e.day, e.sec, f.dates)
			}
		}
	}
	return sh.end(m)
}
