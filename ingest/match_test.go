package ingest

import (
	"strings"
	"testing"
)

func TestMatcher_UnitForms(t *testing.T) {
	units := testUnits(t)
	m := newMatcher(units)
	for _, tc := range []struct{ in, id string }{
		{"梅江区", "meijiang"},
		{"meijiang", "meijiang"},
		{"梅江", "meijiang"},                   // alias
		{" 梅 江 区 ", "meijiang"},              // spaces
		{"梅江区团委", "meijiang"},                // League suffix
		{"共青团梅江区委员会", "meijiang"},            // prefix and suffix
		{"梅江区团工委", "meijiang"},               // 团工委
		{"共青团梅县区委", "meixian"},               // bare 委
		{"梅州市梅江区", "meijiang"},               // city prefix
		{"梅州市/梅江区/金山街道", "meijiang-jinshan"}, // path, deepest segment
		{"梅州市>梅江区>金山街道", "meijiang-jinshan"}, // > separator
		{"梅州市＞梅江区＞金山街道", "meijiang-jinshan"}, // full-width ＞
		{"梅州市-梅江区-金山街道", "meijiang-jinshan"}, // - separator
		{"兴宁市/大坪镇", "xingning-daping"},       // ambiguous name narrowed by its parent
		{"梅县区/大坪镇", "meixian-daping"},        //
		{"梅州市/梅江区/不存在的村", "meijiang"},        // deepest known segment
		{"梅州市交通技术学校", "jiaotong"},            // the usual spelling as an alias
		{"梅州市交通交通技术学校", "jiaotong"},          // the notice's own spelling
		{"东山中学团委", "dongshan"},               //
		{"团市委", "meizhou"},                   //
		{"共青团梅州市委员会", "meizhou"},             //
		{"梅江区网络文明志愿者骨干队伍", "meijiang"},       // a core team's name
		{"ＭＥＩＪＩＡＮＧ", "meijiang"},             // full-width id
	} {
		t.Run(tc.in, func(t *testing.T) {
			u, err := m.find(tc.in)
			if err != nil {
				t.Fatalf("find(%q): %v", tc.in, err)
			}
			if got := units.At(u).ID; got != tc.id {
				t.Errorf("find(%q) = %s, want %s", tc.in, got, tc.id)
			}
		})
	}
}

func TestMatcher_Unknown(t *testing.T) {
	m := newMatcher(testUnits(t))
	for _, tc := range []struct{ in, says string }{
		{"梅江去", "最接近的是“梅江区”"},
		{"共青团梅江去委员会", "最接近的是“梅江区”"},
		{"大坪镇", "“梅县区/大坪镇”或“兴宁市/大坪镇”"},
		{"</script><script>alert(1)</script>", "不在单位表中"},
		{"广州市", "不在单位表中"},
		{"", "为空"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := m.find(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("find(%q) error %v; want one saying %q", tc.in, err, tc.says)
			}
		})
	}
}

func TestMatcher_CachesEachSpelling(t *testing.T) {
	m := newMatcher(testUnits(t))
	for i := 0; i < 3; i++ {
		m.find("共青团梅江区委员会")
		m.find("梅江去")
	}
	if len(m.cache) != 2 {
		t.Errorf("cache holds %d spellings, want 2", len(m.cache))
	}
}
