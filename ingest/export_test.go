package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qingwang/volunteer"
)

const rosterText = `志愿者编号,姓名,手机号码,所属组织,注册时间
GD0000000001,测试甲,13800000001,梅江区团委,2015-04-20 10:00:00
GD0000000002,测试乙,13800000002,共青团梅县区委员会,2015/4/21 9:05
GD0000000003,测试丙,13800000003,梅州市/兴宁市/大坪镇,2015年4月22日
GD0000000004,测试丁,13800000004,东山中学,20150423
`

func TestReadRoster_Encodings(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		enc  volunteer.Encoding
	}{
		{"utf8.csv", []byte(rosterText), volunteer.UTF8},
		{"utf8-bom.csv", append([]byte{0xEF, 0xBB, 0xBF}, rosterText...), volunteer.UTF8BOM},
		{"gb18030-crlf.csv", gbk(crlf(rosterText)), volunteer.GB18030},
		{"utf16le-bom-tabs.txt", utf16le(strings.ReplaceAll(crlf(rosterText), ",", "\t")), volunteer.UTF16},
		{"utf16be-bom.txt", utf16be(rosterText), volunteer.UTF16},
		{"tabs.tsv", []byte(strings.ReplaceAll(rosterText, ",", "\t")), volunteer.UTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := read(t, "exports/名单_20150426_"+tc.name, tc.data)
			if e.Kind != volunteer.Roster || e.Encoding != tc.enc {
				t.Errorf("kind %s encoding %s; want roster %s", e.Kind, e.Encoding, tc.enc)
			}
			if e.Rows != 4 || e.Accepted != 4 {
				t.Errorf("rows %d accepted %d, want 4 and 4; problems %v", e.Rows, e.Accepted, e.Problems)
			}
			if e.Date != volunteer.NewDate(2015, time.April, 26) {
				t.Errorf("date %s, want 2015-04-26 from the file name", e.Date)
			}
			for id, want := range map[string]int{"meijiang": 1, "meixian": 1, "xingning-daping": 1, "dongshan": 1} {
				if got := registered(t, e, id); got != want {
					t.Errorf("%s registered %d, want %d", id, got, want)
				}
			}
		})
	}
}

func TestReadRoster_GB18030WithBOMlessCRLFAndPreamble(t *testing.T) {
	text := "广东志愿者 志愿者名单 导出时间：2015-04-26\r\n\r\n" + crlf(rosterText)
	e := read(t, "exports/名单_20150426.csv", gbk(text))
	if e.Encoding != volunteer.GB18030 || e.Accepted != 4 {
		t.Fatalf("encoding %s accepted %d; problems %v", e.Encoding, e.Accepted, e.Problems)
	}
}

func TestReadRoster_HeaderVariants(t *testing.T) {
	for _, head := range []string{
		"志愿者编号,姓名,所属组织,注册时间（北京时间）",
		"编号,姓名,组织,注册日期",
		"ＶＯＬＵＮＴＥＥＲ＿ＩＤ, name , ORG ,Registered_At (UTC+8)",
		"志愿者编号*,姓名,所在组织【必填】,注册时间[北京时间]",
		"证件号码,姓名,所属组织,注册时间",
	} {
		t.Run(head, func(t *testing.T) {
			id := "GD0000000001"
			if strings.HasPrefix(head, "证件") {
				id = "44140219950101123X"
			}
			e := read(t, "exports/20150426.csv", []byte(head+"\n"+id+",测试,梅江区,2015-04-20\n"))
			if e.Kind != volunteer.Roster || e.Accepted != 1 {
				t.Errorf("kind %s accepted %d; problems %v", e.Kind, e.Accepted, e.Problems)
			}
		})
	}
}

func TestReadRoster_RowRules(t *testing.T) {
	text := `志愿者编号,证件号码,姓名,所属组织,注册时间,政治面貌
GD0000000001,,甲,梅江区,2015-04-20,共青团员
GD0000000002,,乙,梅江去,2015-04-20,群众
GD0000000001,,甲,梅江区,2015-04-21,共青团员
,,丙,梅江区,2015-04-20,
GD0000000004,,丁,梅江区,2015-04-27,
GD0000000005,,戊,,2015-04-20,
GD0000000006,,己,梅江区,2015-04-31,
GD0000000007,,庚,大坪镇,2015-04-20,
,4.41402E+17,辛,梅江区,2015-04-20,
,441402199501011234,壬,梅县,2015-04-20,共青团员
,,,,,
GD0000000009,,癸,</script><script>alert(1)</script>,2015-04-20,
GD 0000000010,,子,金山街道,2015-04-26 23:59,共青团员
`
	e := read(t, "exports/志愿者名单_20150426.csv", []byte(text))
	if e.Rows != 12 || e.Accepted != 3 || e.Rejected != 9 {
		t.Fatalf("rows %d accepted %d rejected %d; want 12, 3, 9 (the blank line is not a row); problems %v", e.Rows, e.Accepted, e.Rejected, e.Problems)
	}
	for _, tc := range []struct {
		line       int
		rule, says string
	}{
		{3, ruleUnit, "最接近的是“梅江区”"},
		{4, ruleDuplicate, "与第2行是同一名志愿者"},
		{5, ruleMissing, "缺少“志愿者编号”或“证件号码”"},
		{6, ruleLate, "晚于导出日期 2015-04-26"},
		{7, ruleMissing, "缺少“所属组织”"},
		{8, ruleDate, "不存在"},
		{9, ruleUnit, "“兴宁市/大坪镇”"},
		{10, ruleFormat, "科学计数法"},
		{13, ruleUnit, "不在单位表中"},
	} {
		p := problemAt(t, e, tc.line)
		if p.Rule != tc.rule || !strings.Contains(p.Reason, tc.says) {
			t.Errorf("line %d: %s %q; want %s saying %q", tc.line, p.Rule, p.Reason, tc.rule, tc.says)
		}
	}
	if got := registered(t, e, "meijiang"); got != 1 {
		t.Errorf("梅江区 itself registered %d, want 1", got)
	}
	if got := registered(t, e, "meijiang-jinshan"); got != 1 {
		t.Errorf("金山街道 registered %d, want 1 (volunteer id with a space)", got)
	}
	u := testUnits(t)
	mj, _ := u.Index("meijiang")
	mx, _ := u.Index("meixian")
	if !e.Roster.HasMembers || e.Roster.Members[mj] != 1 || e.Roster.Members[mx] != 1 {
		t.Errorf("members: has %v, 梅江区 %d, 梅县区 %d; want 1 and 1", e.Roster.HasMembers, e.Roster.Members[mj], e.Roster.Members[mx])
	}
}

func TestReadRoster_DateColumnOverridesFileName(t *testing.T) {
	text := "统计日期,志愿者编号,所属组织,注册时间\n2015-04-25,GD1,梅江区,2015-04-25\n2015-04-25,GD2,梅江区,2015-04-26\n2015-04-24,GD3,梅江区,2015-04-20\n"
	e := read(t, "exports/名单_20150430.csv", []byte(text))
	if e.Date != volunteer.NewDate(2015, time.April, 25) {
		t.Errorf("date %s, want 2015-04-25 from 统计日期", e.Date)
	}
	if e.Accepted != 1 || problemAt(t, e, 3).Rule != ruleLate || problemAt(t, e, 4).Rule != ruleFileDate {
		t.Errorf("accepted %d, problems %v", e.Accepted, e.Problems)
	}
}

func TestReadRoster_PeopleIndex(t *testing.T) {
	e := read(t, "exports/20150426.csv", []byte(rosterText))
	k, _ := mobileKey("138 0000 0003")
	p, ok := e.Roster.People.Find(volunteer.PersonKeys{Mobile: k})
	if want, _ := testUnits(t).Index("xingning-daping"); !ok || int(p.Unit) != want || p.Keys.VolunteerID == 0 {
		t.Errorf("found by mobile: %+v %v, want unit %d and the volunteer id too", p, ok, want)
	}
}

func TestReadExport_FileErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		says string
	}{
		{"exports/名单_20150426.csv", nil, "空的"},
		{"exports/名单_20150426.csv", []byte("\n\n  \n"), "空的"},
		{"exports/名单_20150426.csv", []byte("志愿者编号\x00\x01\x02,所属组织\n"), "不是文本文件"},
		{"exports/名单_20150426.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "另存为"},
		{"exports/名单_20150426.csv", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), ".xls"},
		{"exports/名单_20150426.csv", []byte("PK\x03\x04rest"), "扩展名改为 .xlsx"},
		{"exports/名单_20150426.csv", []byte("甲,乙,丙\n1,2,3\n"), "找不到可识别的表头"},
		{"exports/名单_20150426.csv", []byte("志愿者编号,姓名,所属组织\nGD1,甲,梅江区\n"), "缺少 “注册时间”"},
		{"exports/名单.csv", []byte(rosterText), "文件名“名单.csv”中没有日期"},
		{"exports/汇总_20150426.csv", []byte("单位名称,累计注册数\n梅江区,3\n"), "看起来是汇总"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			_, err := ReadExport(context.Background(), tc.name, bytes.NewReader(tc.data), testUnits(t), volunteer.DefaultRules(), Options{})
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v; want one saying %q", err, tc.says)
			}
		})
	}
}

// A renamed column must not decode silently as empty values: gocsv's
// FailIfUnmatchedStructTags is off, so the header check is ours.
func TestReadExport_MissingRequiredColumnIsAFileError(t *testing.T) {
	text := "志愿者编号,姓名,所属单位,注册时间\nGD1,甲,梅江区,2015-04-20\n"
	_, err := ReadExport(context.Background(), "exports/20150426.csv", strings.NewReader(text), testUnits(t), volunteer.DefaultRules(), Options{})
	if err == nil || !strings.Contains(err.Error(), "“所属组织”") || !strings.Contains(err.Error(), "所在组织") {
		t.Fatalf("error %v; want one naming 所属组织 and its aliases", err)
	}
}

func TestReadCounts(t *testing.T) {
	text := `统计日期,单位名称,累计注册数,任务数
2015-04-25,梅江区,"1,200",1200
2015-04-25,梅县区团委,987人,1200
2015-04-26,梅江区,1250,1200
2015-04-26,梅江区,1251,1200
2015-04-26,梅江去,5,
2015-04-26,东山中学,-3,
2015-04-26,合计,9999,
2015-04-26,嘉应学院梅州医学院,１０００,
`
	e := read(t, "exports/注册汇总.csv", []byte(text))
	if e.Kind != volunteer.Counts || e.Date != volunteer.NewDate(2015, time.April, 26) {
		t.Fatalf("kind %s date %s; want counts 2015-04-26 (the latest 统计日期)", e.Kind, e.Date)
	}
	if e.Rows != 8 || e.Accepted != 4 {
		t.Fatalf("rows %d accepted %d; problems %v", e.Rows, e.Accepted, e.Problems)
	}
	for line, rule := range map[int]string{5: ruleDuplicate, 6: ruleUnit, 7: ruleFormat, 8: ruleTotal} {
		if p := problemAt(t, e, line); p.Rule != rule {
			t.Errorf("line %d: %s, want %s (%s)", line, p.Rule, rule, p.Reason)
		}
	}
	if e.Counts[0].Registered != 1200 || e.Counts[1].Registered != 987 || e.Counts[3].Registered != 1000 {
		t.Errorf("counts %v", e.Counts)
	}
}

func TestReadCore(t *testing.T) {
	text := `志愿者编号,姓名,骨干队伍,职务,微信群
GD1,甲,梅江区网络文明志愿者骨干队伍,专职团干部,梅江青网骨干群
GD2,乙,梅江区网络文明志愿者骨干队伍,,否
GD1,甲,共青团梅州市委员会,,梅州骨干群
GD1,甲,梅江区骨干队伍,,
GD3,丙,不存在的队伍,,
`
	e := read(t, "exports/骨干名单_2015_04_24.csv", []byte(text))
	if e.Kind != volunteer.Core || e.Accepted != 3 || e.Rejected != 2 {
		t.Fatalf("kind %s accepted %d rejected %d; problems %v", e.Kind, e.Accepted, e.Rejected, e.Problems)
	}
	if p := problemAt(t, e, 5); p.Rule != ruleDuplicate {
		t.Errorf("same person twice in one team: %v", p)
	}
	if !e.Core[0].FullTime || !e.Core[0].WeChat || e.Core[1].WeChat || e.Core[0].Person != e.Core[2].Person {
		t.Errorf("core %+v", e.Core)
	}
}

func TestReadProjects(t *testing.T) {
	text := `项目编号,项目名称,发起组织,行动类别,项目类型,发布日期,结束日期,参与人数,组织人数
P1,清朗网络我先行,梅江区团委,青少年绿色网络行动,自主发起,2015-04-01,2015-04-30,60,100
P2,"网络""励志""故事会",东山中学,网络励志,上级主题活动,2015/4/2,,900,1000
P1,重复,梅江区,网络关爱,自主发起,2015-04-03,,1,1
P3,未知行动,梅江区,网络游戏,自主发起,2015-04-03,,1,1
P4,类型不明,梅江区,网络关爱,其他,2015-04-03,,1,1
P5,未来的项目,梅江区,网络关爱,自主发起,2015-05-03,,1,1
P6,无组织人数,梅江区,网络关爱,自主发起,2015-04-03,,10,0
`
	e := read(t, "exports/项目_20150426.csv", []byte(text))
	if e.Kind != volunteer.Projects || e.Accepted != 3 || e.Rejected != 4 {
		t.Fatalf("kind %s accepted %d rejected %d; problems %v", e.Kind, e.Accepted, e.Rejected, e.Problems)
	}
	p := e.Projects[1]
	if p.Title != `网络"励志"故事会` || p.Type != volunteer.ThemeProject || p.Action != 1 || p.Participants != 900 {
		t.Errorf("project %+v", p)
	}
	if e.Projects[2].Base != 0 {
		t.Errorf("base 0 must be accepted: %+v", e.Projects[2])
	}
}

func TestReadCadres(t *testing.T) {
	text := `姓名,证件号码,手机号码,单位,职务
甲,441402199001011234,,梅江区团委,专职团干部
乙,,13900000002,金山街道,少先队总辅导员
丙,,,东山中学,中队辅导员
丁,441402199001011234,,梅江区,兼职团干部
戊,,13900000005,东山中学,班主任
`
	e := read(t, "exports/应注册名单_20150415.csv", []byte(text))
	if e.Kind != volunteer.Cadres || e.Accepted != 2 || e.Rejected != 3 {
		t.Fatalf("kind %s accepted %d rejected %d; problems %v", e.Kind, e.Accepted, e.Rejected, e.Problems)
	}
	if e.Cadres[1].Keys.Mobile == 0 || e.Cadres[1].Position != volunteer.ChiefCounselor {
		t.Errorf("cadre by mobile: %+v", e.Cadres[1])
	}
}

func TestReadRoster_XLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"志愿者名单"},
		{},
		{"志愿者编号", "姓名", "所属组织", "注册时间"},
		{"GD1", "甲", "梅江区", 42115.5}, // Excel serial: 2015-04-21 12:00
		{},
		{"GD2", "乙", "梅江去", "2015-04-22"},
		{"GD3", "丙", "东山中学", "2015/4/23 10:00"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	e := read(t, "exports/名单_20150426.xlsx", buf.Bytes())
	if e.Rows != 3 || e.Accepted != 2 {
		t.Fatalf("rows %d accepted %d; problems %v", e.Rows, e.Accepted, e.Problems)
	}
	if p := problemAt(t, e, 6); p.Rule != ruleUnit {
		t.Errorf("line 6 (sheet row) %v", p)
	}
	for _, r := range e.Roster.Registrations {
		if r.Day == volunteer.NewDate(2015, time.April, 21) {
			return
		}
	}
	t.Errorf("serial day 42115.5 not read as 2015-04-21: %v", e.Roster.Registrations)
}

func TestReadExport_BigFileStreamsInBatches(t *testing.T) {
	var b strings.Builder
	b.WriteString("志愿者编号,所属组织,注册时间\n")
	for i := 0; i < 5*batchSize+7; i++ {
		fmt.Fprintf(&b, "GD%08d,梅江区,2015-04-20\n", i)
	}
	b.WriteString("GD00000000,梅江区,2015-04-20\n") // repeats line 2 at the very end
	e := read(t, "exports/20150426.csv", []byte(b.String()))
	if e.Accepted != 5*batchSize+7 || e.Rejected != 1 {
		t.Fatalf("accepted %d rejected %d", e.Accepted, e.Rejected)
	}
	if p := problemAt(t, e, 5*batchSize+9); p.Rule != ruleDuplicate || !strings.Contains(p.Reason, "与第2行") {
		t.Errorf("last line: %v", p)
	}
}

// Excel's "Unicode text" is UTF-16 with tabs; an empty cell must stay a
// column, not be eaten as leading space.
func TestReadCadres_UTF16TabsWithEmptyCells(t *testing.T) {
	text := "姓名\t证件号码\t手机号码\t单位\t职务\r\n甲\t\t13900000001\t金山街道\t兼职团干部\r\n乙\t441402199001011234\t\t东山中学\t大队辅导员\r\n"
	e := read(t, "exports/应注册名单_20150615.txt", utf16le(text))
	if e.Accepted != 2 || e.Cadres[0].Position != volunteer.PartTimeCadre || e.Cadres[1].Position != volunteer.BrigadeCounselor {
		t.Fatalf("accepted %d cadres %+v problems %v", e.Accepted, e.Cadres, e.Problems)
	}
}
