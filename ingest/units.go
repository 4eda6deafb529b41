package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

var unitLayout = layout{required: [][]field{
	{{"id", "编号", []string{"编号", "id"}}},
	{{"name", "名称", []string{"名称", "name"}}},
	{{"kind", "类型", []string{"类型", "kind"}}},
	{{"parent", "上级", []string{"上级", "parent"}}},
}, optional: []field{
	{"quota", "任务数", []string{"任务数", "quota"}},
	{"members", "团员数", []string{"团员数", "members"}},
	{"students", "学生数", []string{"学生数", "students"}},
	{"aliases", "别名", []string{"别名", "aliases"}},
}}

type unitRow struct {
	ID       string `csv:"id"`
	Name     string `csv:"name"`
	Kind     string `csv:"kind"`
	Parent   string `csv:"parent"`
	Quota    string `csv:"quota"`
	Members  string `csv:"members"`
	Students string `csv:"students"`
	Aliases  string `csv:"aliases"`
}

// ReadUnits reads units.csv (UTF-8 or GB18030). Unlike an export, a bad
// line here is an error: every figure depends on this table.
func ReadUnits(r io.Reader, name string) (*volunteer.Units, error) {
	_, text, err := decodeText(r)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", name, err)
	}
	cr := csv.NewReader(text)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var all [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s 第%d行：引号不成对，无法拆分", name, pe.StartLine)
		} else if err != nil {
			return nil, fmt.Errorf("%s：%w", name, err)
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		all, lines = append(all, rec), append(lines, line)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s：%w", name, errEmpty)
	}
	cols, missing := resolve(unitLayout, all[0])
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s 第%d行：表头缺少 %s 列", name, lines[0], describeMissing(missing))
	}
	var rows []unitRow
	if len(all) > 1 {
		if err := gocsv.UnmarshalCSV(&records{rows: append([][]string{cols.tags}, all[1:]...)}, &rows); err != nil {
			return nil, fmt.Errorf("%s：%w", name, err)
		}
	}
	var list []volunteer.Unit
	for i, r := range rows {
		u, err := unitOf(r)
		if err != nil {
			return nil, fmt.Errorf("%s 第%d行：%v", name, lines[i+1], err)
		}
		list = append(list, u)
	}
	units, err := volunteer.NewUnits(list)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", name, err)
	}
	return units, nil
}

func unitOf(r unitRow) (volunteer.Unit, error) {
	u := volunteer.Unit{
		ID:     strings.TrimSpace(r.ID),
		Name:   strings.TrimSpace(r.Name),
		Parent: strings.TrimSpace(r.Parent),
	}
	for _, c := range u.ID {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return u, fmt.Errorf("编号“%s”只能用小写英文字母、数字和连字符（它会出现在网址里）", u.ID)
		}
	}
	if u.Name == "" {
		return u, fmt.Errorf("单位“%s”没有名称", u.ID)
	}
	k, ok := volunteer.ParseKind(r.Kind)
	if !ok {
		return u, fmt.Errorf("类型“%s”应为 市、县区、镇街、院校 或 高校", r.Kind)
	}
	u.Kind = k
	for _, p := range []struct {
		label string
		v     string
		dst   *int
	}{{"任务数", r.Quota, &u.Quota}, {"团员数", r.Members, &u.Members}, {"学生数", r.Students, &u.Students}} {
		s := strings.TrimSpace(strings.ReplaceAll(norm.NFKC.String(p.v), ",", ""))
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return u, fmt.Errorf("%s“%s”应是不小于0的整数或留空", p.label, p.v)
		}
		*p.dst = n
	}
	for _, a := range strings.Split(r.Aliases, "|") {
		if a = strings.TrimSpace(a); a != "" {
			u.Aliases = append(u.Aliases, a)
		}
	}
	return u, nil
}
