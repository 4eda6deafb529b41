package ingest

import (
	"strings"
	"testing"

	"qingwang/volunteer"
)

// The shipped table carries the notice's quotas exactly (附件1, 附件2).
func TestReadUnits_ShippedTableHasTheNoticeQuotas(t *testing.T) {
	units := testUnits(t)
	want := map[string]int{
		"梅江区": 1200, "梅县区": 1200, "兴宁市": 1000, "平远县": 800, "蕉岭县": 800, "大埔县": 800, "丰顺县": 800, "五华县": 900,
		"嘉应学院梅州师范分院": 800, "嘉应学院梅州医学院": 1000, "梅州市职业技术学校": 500, "梅州市农业学校": 500,
		"嘉应技术学校": 100, "东山中学": 1000, "梅州市曾宪梓中学": 500, "梅州市艺术学校": 200,
		"梅州市交通交通技术学校": 200, "粤东商学院": 500, "梅州市技术学校": 500, "梅州市机械技校": 100,
	}
	got := map[string]int{}
	towns := 0
	for i := 0; i < units.Len(); i++ {
		u := units.At(i)
		switch u.Kind {
		case volunteer.County, volunteer.School:
			got[u.Name] = u.Quota
		case volunteer.Town:
			towns++
			if p := units.At(units.Parent(i)); p.Kind != volunteer.County {
				t.Errorf("town %s hangs under %s, not a county", u.Name, p.Name)
			}
		}
	}
	if len(got) != 20 {
		t.Errorf("%d counties and schools, want 20", len(got))
	}
	for name, q := range want {
		if got[name] != q {
			t.Errorf("%s quota %d, want %d", name, got[name], q)
		}
	}
	if towns < 100 || towns > 120 {
		t.Errorf("%d towns, want about 110", towns)
	}
	if q := units.Quota(units.Root()); q != 7500+5900 {
		t.Errorf("city quota %d, want the sum of its counties and schools, 13400", q)
	}
}

func TestReadUnits_GB18030AndEnglishHeaders(t *testing.T) {
	text := "id,name,kind,parent,quota,members,students,aliases\r\nmz,梅州市,city,,,,,\r\nmj,梅江区,county,mz,\"1,200\",6500,,梅江|梅江团委\r\n"
	u, err := ReadUnits(strings.NewReader(string(gbk(text))), "units.csv")
	if err != nil {
		t.Fatal(err)
	}
	if u.Len() != 2 || u.At(1).Quota != 1200 || len(u.At(1).Aliases) != 2 {
		t.Errorf("units %+v", *u.At(1))
	}
}

func TestReadUnits_Errors(t *testing.T) {
	for _, tc := range []struct{ text, says string }{
		{"编号,名称,类型\n", "缺少 “上级”"},
		{"编号,名称,类型,上级\nmz,梅州市,市,\nmj,梅江区,县区,nowhere\n", "上级“nowhere”不在单位表中"},
		{"编号,名称,类型,上级\nmz,梅州市,市,\nmz,梅江区,县区,mz\n", "编号“mz”重复"},
		{"编号,名称,类型,上级\nmz,梅州市,市,\n梅江,梅江区,县区,mz\n", "第3行"},
		{"编号,名称,类型,上级\nmz,梅州市,省,\n", "类型“省”"},
		{"编号,名称,类型,上级,任务数\nmz,梅州市,市,,很多\n", "任务数“很多”"},
		{"编号,名称,类型,上级\nmj,梅江区,县区,\n", "只有市级单位可以不填上级"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			_, err := ReadUnits(strings.NewReader(tc.text), "units.csv")
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v; want one saying %q", err, tc.says)
			}
		})
	}
}
