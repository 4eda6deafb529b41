package demo

import (
	"strconv"
	"strings"

	"qingwang/volunteer"
)

// unitForms are the ways exports name one unit. Every form is one SPEC says
// a reader must match: the name, an alias, the name with a League prefix or
// suffix, or a path whose deepest segments name it. A name two units share
// (大坪镇 is in both 梅县区 and 兴宁市) is always written with its county.
type unitForms struct {
	plain  string    // 名称, or 兴宁市/大坪镇 when the name is shared
	path   string    // 梅州市/兴宁市/大坪镇
	league string    // 共青团梅江区委员会, 梅江区团委, 金山街道团工委, 梅州市艺术学校团委
	alias  string    // the first alias no other unit uses, else plain
	team   [2]string // core team: 梅江区网络文明志愿者骨干队伍, 共青团梅江区委员会
}

// orgStyle picks a form per file; orgMixed varies it row by row.
type orgStyle uint8

const (
	orgPlain orgStyle = iota
	orgPath
	orgLeague
	orgAlias
	orgMixed
)

func (f *unitForms) in(style orgStyle, k int) string {
	if style == orgMixed {
		style = orgStyle(k % 4)
	}
	switch style {
	case orgPath:
		return f.path
	case orgLeague:
		return f.league
	case orgAlias:
		return f.alias
	}
	return f.plain
}

// teamSuffix ends the name of a core team: ingest must strip it to find the unit.
const teamSuffix = "网络文明志愿者骨干队伍"

func newForms(u *volunteer.Units) []unitForms {
	uses := make(map[string]int)
	for i := range u.Len() {
		x := u.At(i)
		uses[x.Name]++
		for _, a := range x.Aliases {
			uses[a]++
		}
	}
	root := u.Root()
	city := u.At(root).Name
	out := make([]unitForms, u.Len())
	for i := range out {
		x := u.At(i)
		f := &out[i]
		f.path = city
		if i != root {
			f.path = city + "/" + u.Path(i)
		}
		f.plain = x.Name
		if uses[x.Name] > 1 {
			f.plain = u.Path(i)
		}
		f.alias = f.plain
		for _, a := range x.Aliases {
			if uses[a] == 1 && a != x.Name {
				f.alias = a
				break
			}
		}
		switch {
		case uses[x.Name] > 1:
			f.league = f.path
		case x.Kind == volunteer.City:
			f.league = "共青团" + x.Name + "委"
			for _, a := range x.Aliases {
				if uses[a] == 1 && strings.Contains(a, "团") {
					f.league = a
					break
				}
			}
		case x.Kind == volunteer.Town:
			f.league = x.Name + "团工委"
		case x.Kind == volunteer.County && i%2 == 1:
			f.league = "共青团" + x.Name + "委员会"
		default:
			f.league = x.Name + "团委"
		}
		f.team = [2]string{f.plain + teamSuffix, "共青团" + f.plain + "委员会"}
	}
	return out
}

// typo misspells the first county's name the way a hurried typist does
// (梅江区 → 梅江去): a unit no reader can know.
func typo(u *volunteer.Units) string {
	name := u.At(u.Root()).Name
	if kids := u.Children(u.Root()); len(kids) > 0 {
		name = u.At(kids[0]).Name
	}
	r := []rune(name)
	swap := map[rune]rune{'区': '去', '县': '线', '市': '是', '镇': '震', '校': '效'}
	if s, ok := swap[r[len(r)-1]]; ok {
		r[len(r)-1] = s
		return string(r)
	}
	return name + "去"
}

// dateForm is how a file writes dates and times.
type dateForm uint8

const (
	dateISO     dateForm = iota // 2015-04-26, 2015-04-26 10:23:11
	dateSlash                   // 2015/4/26, 2015/4/26 9:05
	dateChinese                 // 2015年4月26日, 2015年4月26日 10:23
	dateSerial                  // 42120: Excel's serial day, dates only
)

func appendDate(b []byte, d volunteer.Date, f dateForm) []byte {
	if f == dateSerial {
		return strconv.AppendInt(b, int64(d), 10)
	}
	y, m, day := d.Time().Date()
	b = strconv.AppendInt(b, int64(y), 10)
	switch f {
	case dateSlash:
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(day), 10)
	case dateChinese:
		b = append(b, "年"...)
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, "月"...)
		b = strconv.AppendInt(b, int64(day), 10)
		b = append(b, "日"...)
	default:
		b = append(b, '-')
		b = append2(b, int(m))
		b = append(b, '-')
		b = append2(b, day)
	}
	return b
}

// appendTime writes a date and a time of day (seconds since midnight).
func appendTime(b []byte, d volunteer.Date, sec uint32, f dateForm) []byte {
	b = appendDate(b, d, f)
	if f == dateSerial {
		return b
	}
	h, m, s := int(sec/3600), int(sec/60%60), int(sec%60)
	b = append(b, ' ')
	switch f {
	case dateSlash:
		b = strconv.AppendInt(b, int64(h), 10)
		b = append(b, ':')
		b = append2(b, m)
	case dateChinese:
		b = append2(b, h)
		b = append(b, ':')
		b = append2(b, m)
	default:
		b = append2(b, h)
		b = append(b, ':')
		b = append2(b, m)
		b = append(b, ':')
		b = append2(b, s)
	}
	return b
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
