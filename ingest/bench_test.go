package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"qingwang/volunteer"
)

// BenchmarkReadExport_Roster reads a GB18030 roster of 100,000 rows (or
// the file in QINGWANG_BENCH_ROSTER, e.g. the one bench/checkbench makes).
func BenchmarkReadExport_Roster(b *testing.B) {
	data := benchRoster(b)
	units := testUnits(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		e, err := ReadExport(context.Background(), "exports/志愿者名单_20150630.csv", bytes.NewReader(data), units, volunteer.DefaultRules(), Options{})
		if err != nil || e.Accepted == 0 {
			b.Fatal(err)
		}
	}
}

func benchRoster(b *testing.B) []byte {
	if p := os.Getenv("QINGWANG_BENCH_ROSTER"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	fmt.Fprint(w, "志愿者编号,姓名,证件号码,手机号码,所属组织,注册时间（北京时间）,政治面貌\r\n")
	orgs := []string{"梅州市/梅江区/金山街道", "共青团梅县区委员会", "兴宁市/大坪镇", "东山中学团委", "平远县"}
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(w, "GD%010d,测试,44140219950101%04d,13%09d,%s,2015-06-%02d 10:%02d:00,共青团员\r\n", i, i%10000, i, orgs[i%len(orgs)], 1+i%30, i%60)
	}
	w.Flush()
	return gbk(buf.String())
}
