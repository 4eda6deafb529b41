package demo

// A small reader of the exports, independent of the generator and of package
// ingest: it decodes each file, maps headers and unit names by SPEC's rules
// (as far as demo's files need), and classifies every row as accepted or
// rejected with a MessKind, so tests can hold the files to the Summary.

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/width"

	"qingwang/volunteer"
)

// decode checks a file's bytes against its declared encoding and line ends
// and returns its text.
func decode(t *testing.T, raw []byte, f File) string {
	t.Helper()
	var text []byte
	var err error
	switch f.Encoding {
	case volunteer.GB18030:
		if bytes.HasPrefix(raw, []byte("\ufeff")) || utf8.Valid(raw) && bytes.ContainsFunc(raw, func(r rune) bool { return r > 127 }) {
			t.Errorf("%s: not GB18030", f.Path)
		}
		text, err = simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	case volunteer.UTF8BOM:
		if !bytes.HasPrefix(raw, []byte("\ufeff")) {
			t.Errorf("%s: no UTF-8 BOM", f.Path)
		}
		text = bytes.TrimPrefix(raw, []byte("\ufeff"))
	case volunteer.UTF8:
		if bytes.HasPrefix(raw, []byte("\ufeff")) || !utf8.Valid(raw) {
			t.Errorf("%s: not plain UTF-8", f.Path)
		}
		text = raw
	case volunteer.UTF16:
		if !bytes.HasPrefix(raw, []byte{0xff, 0xfe}) {
			t.Errorf("%s: no UTF-16LE BOM", f.Path)
		}
		text, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	default:
		t.Fatalf("%s: encoding %q", f.Path, f.Encoding)
	}
	if err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	crlf := bytes.Count(text, []byte("\r\n"))
	lf := bytes.Count(text, []byte("\n"))
	if f.Encoding == volunteer.GB18030 && crlf != lf {
		t.Errorf("%s: GB18030 file with %d of %d lines ending in CRLF", f.Path, crlf, lf)
	}
	return string(text)
}

// table is a file's header and data rows; rows[k] is on line k+2.
type table struct {
	cols map[string]int // canonical header → column
	rows [][]string
}

func (tb table) get(row []string, key string) string {
	if c, ok := tb.cols[key]; ok && c < len(row) {
		return strings.TrimSpace(row[c])
	}
	return ""
}

// headerKeys maps every header demo writes (normalised) to a canonical key.
var headerKeys = map[string]string{
	"志愿者编号": "vid", "编号": "vid", "volunteer_id": "vid",
	"证件号码": "idno", "身份证号": "idno", "id_number": "idno",
	"手机号码": "mobile", "手机号": "mobile", "手机": "mobile",
	"所属组织": "unit", "组织": "unit", "所在组织": "unit", "单位名称": "unit", "单位": "unit", "发起组织": "unit",
	"注册时间": "time", "注册日期": "time",
	"统计日期": "date", "日期": "date",
	"累计注册数": "registered", "注册人数": "registered", "任务数": "quota",
	"姓名": "name", "name": "name", "政治面貌": "politics",
	"骨干队伍": "team", "team": "team", "职务": "position", "position": "position",
	"微信群": "wechat", "wechat_group": "wechat",
	"项目编号": "project", "项目名称": "title", "行动类别": "action", "项目类型": "type",
	"发布日期": "published", "结束日期": "ends", "参与人数": "participants", "组织人数": "base",
}

var bracketNote = regexp.MustCompile(`[（(][^）)]*[）)]$`)

func normaliseHeader(h string) string {
	h = strings.ToLower(width.Fold.String(strings.TrimSpace(h)))
	return strings.TrimSpace(bracketNote.ReplaceAllString(h, ""))
}

func readTable(t *testing.T, dir string, f File) table {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(raw)) != f.Bytes {
		t.Errorf("%s: %d bytes, Summary says %d", f.Path, len(raw), f.Bytes)
	}
	r := csv.NewReader(strings.NewReader(decode(t, raw, f)))
	if strings.HasSuffix(f.Path, ".txt") {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f.Path, err)
	}
	tb := table{cols: map[string]int{}, rows: recs[1:]}
	for c, h := range recs[0] {
		key, ok := headerKeys[normaliseHeader(h)]
		if !ok {
			t.Fatalf("%s: unknown header %q", f.Path, h)
		}
		tb.cols[key] = c
	}
	return tb
}

// resolver finds units by SPEC's forms.
type resolver struct {
	units  *volunteer.Units
	byName map[string][]int
}

func newResolver(u *volunteer.Units) resolver {
	r := resolver{units: u, byName: map[string][]int{}}
	for i := range u.Len() {
		r.byName[u.At(i).Name] = append(r.byName[u.At(i).Name], i)
		for _, a := range u.At(i).Aliases {
			r.byName[a] = append(r.byName[a], i)
		}
	}
	return r
}

// candidates are the units a single segment may name, League forms stripped.
func (r resolver) candidates(s string) []int {
	if c := r.byName[s]; c != nil {
		return c
	}
	s = strings.TrimPrefix(s, "共青团")
	for _, suffix := range []string{"委员会", "团工委", "团委", "委"} {
		if c := r.byName[strings.TrimSuffix(s, suffix)]; strings.HasSuffix(s, suffix) && c != nil {
			return c
		}
	}
	return nil
}

func (r resolver) find(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), teamSuffix)
	segs := strings.Split(s, "/")
	c := r.candidates(segs[len(segs)-1])
	if len(c) > 1 && len(segs) > 1 {
		var in []int
		for _, i := range c {
			if p := r.units.Parent(i); p >= 0 && r.units.At(p).Name == segs[len(segs)-2] {
				in = append(in, i)
			}
		}
		c = in
	}
	if len(c) != 1 {
		return 0, false
	}
	return c[0], true
}

var dateForms = []string{
	"2006-01-02 15:04:05", "2006/1/2 15:04", "2006年1月2日 15:04",
	"2006-01-02", "2006/1/2", "2006年1月2日",
}

func parseDate(s string) (volunteer.Date, bool) {
	for _, f := range dateForms {
		if tm, err := time.Parse(f, s); err == nil {
			return volunteer.DateOf(tm), true
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n > 40000 && n < 50000 {
		return volunteer.Date(n), true
	}
	return 0, false
}

// parsed holds the accepted rows of one file and the rejected lines.
type parsed struct {
	file     File
	rejected []Mess

	roster   []rosterRec
	counts   map[int]int // unit → registered
	cadres   []cadreRec
	core     []coreRec
	projects []projectRec
}

type rosterRec struct {
	vid, idno, mobile, name string
	unit                    int
	day                     volunteer.Date
}

type cadreRec struct {
	vid, idno, mobile string
	unit              int
	pos               volunteer.Position
}

type coreRec struct {
	vid, idno, post, wechat string
	team                    int
}

type projectRec struct {
	id, action, typ    string
	unit               int
	published          volunteer.Date
	participants, base int
}

func positionOf(s string) (volunteer.Position, bool) {
	for _, p := range volunteer.Positions {
		if p.Label() == s {
			return p, true
		}
	}
	return 0, false
}

// parse reads one export and classifies its rows.
func parse(t *testing.T, dir string, res resolver, f File) parsed {
	t.Helper()
	tb := readTable(t, dir, f)
	out := parsed{file: f, counts: map[int]int{}}
	seen := map[string]bool{}
	for k, row := range tb.rows {
		line := k + 2
		reject := func(m MessKind) { out.rejected = append(out.rejected, Mess{Line: line, Kind: m}) }
		unitText := tb.get(row, "unit")
		if f.Kind == volunteer.Core {
			unitText = tb.get(row, "team")
		}
		unit, known := res.find(unitText)
		switch f.Kind {
		case volunteer.Roster:
			rec := rosterRec{vid: tb.get(row, "vid"), idno: tb.get(row, "idno"), mobile: tb.get(row, "mobile"),
				name: tb.get(row, "name"), unit: unit}
			day, ok := parseDate(tb.get(row, "time"))
			rec.day = day
			switch {
			case unitText == "":
				reject(MissingUnit)
			case !known:
				reject(UnknownUnit)
			case !ok:
				reject(BadDate)
			case day > f.Date:
				reject(AfterDate)
			case seen[rec.vid]:
				reject(Duplicate)
			default:
				seen[rec.vid] = true
				out.roster = append(out.roster, rec)
			}
		case volunteer.Counts:
			day, ok := parseDate(tb.get(row, "date"))
			n, err := strconv.Atoi(tb.get(row, "registered"))
			if err != nil {
				t.Fatalf("%s:%d: registered %q", f.Path, line, tb.get(row, "registered"))
			}
			switch {
			case !ok:
				reject(BadDate)
			case unitText == "":
				reject(MissingUnit)
			case unitText == "合计":
				reject(TotalRow)
			case !known:
				reject(UnknownUnit)
			default:
				if day != f.Date {
					t.Errorf("%s:%d: 统计日期 %s", f.Path, line, day)
				}
				if _, dup := out.counts[unit]; dup {
					t.Errorf("%s:%d: unit %d twice", f.Path, line, unit)
				}
				out.counts[unit] = n
			}
		case volunteer.Cadres:
			rec := cadreRec{vid: tb.get(row, "vid"), idno: tb.get(row, "idno"), mobile: tb.get(row, "mobile"), unit: unit}
			pos, ok := positionOf(tb.get(row, "position"))
			rec.pos = pos
			key := "v" + rec.vid
			switch {
			case rec.vid != "":
			case rec.idno != "":
				key = "i" + rec.idno
			case rec.mobile != "":
				key = "m" + rec.mobile
			default:
				t.Fatalf("%s:%d: no identifier", f.Path, line)
			}
			switch {
			case unitText == "":
				reject(MissingUnit)
			case !known:
				reject(UnknownUnit)
			case !ok:
				reject(BadPosition)
			case seen[key]:
				reject(Duplicate)
			default:
				seen[key] = true
				out.cadres = append(out.cadres, rec)
			}
		case volunteer.Core:
			rec := coreRec{vid: tb.get(row, "vid"), idno: tb.get(row, "idno"), post: tb.get(row, "position"),
				wechat: tb.get(row, "wechat"), team: unit}
			key := rec.vid + rec.idno + "@" + strconv.Itoa(unit)
			switch {
			case unitText == "":
				reject(MissingUnit)
			case !known:
				reject(UnknownUnit)
			case seen[key]:
				reject(Duplicate)
			default:
				seen[key] = true
				out.core = append(out.core, rec)
			}
		case volunteer.Projects:
			rec := projectRec{id: tb.get(row, "project"), action: tb.get(row, "action"), typ: tb.get(row, "type"), unit: unit}
			day, ok := parseDate(tb.get(row, "published"))
			rec.published = day
			rec.participants, _ = strconv.Atoi(tb.get(row, "participants"))
			rec.base, _ = strconv.Atoi(tb.get(row, "base"))
			switch {
			case unitText == "":
				reject(MissingUnit)
			case !known:
				reject(UnknownUnit)
			case !ok:
				reject(BadDate)
			case seen[rec.id]:
				reject(Duplicate)
			default:
				seen[rec.id] = true
				out.projects = append(out.projects, rec)
			}
		}
	}
	return out
}
