package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

// League prefixes and suffixes the platform puts around unit names:
// 共青团梅江区委员会, 梅江区团委, 梅江区团工委, and the names of core teams.
var (
	leaguePrefixes = []string{"中国共产主义青年团", "共青团", "梅州市"}
	leagueSuffixes = []string{
		"网络文明志愿者骨干队伍", "网络文明志愿者骨干队", "志愿者骨干队伍", "骨干队伍", "骨干队",
		"团工作委员会", "委员会", "团工委", "团委", "团总支", "团支部", "委",
	}
	pathSeparators = "/>＞-—→\\"
)

// matcher finds the unit a name in an export means. It caches every
// distinct string, so a million rows cost as many lookups as there are
// spellings.
type matcher struct {
	units  *volunteer.Units
	byName map[string][]int // folded name or alias -> units
	cache  map[string]match
}

type match struct {
	unit int
	err  error
}

func newMatcher(units *volunteer.Units) *matcher {
	m := &matcher{units: units, byName: map[string][]int{}, cache: map[string]match{}}
	for i := 0; i < units.Len(); i++ {
		u := units.At(i)
		for _, n := range append([]string{u.Name, u.ID}, u.Aliases...) {
			k := foldName(n)
			if k != "" && !containsInt(m.byName[k], i) {
				m.byName[k] = append(m.byName[k], i)
			}
		}
	}
	return m
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// foldName makes names comparable: half-width, lower-case ASCII, no spaces.
func foldName(s string) string {
	s = norm.NFKC.String(s)
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// find returns the unit index for a name as written, or an error that
// names the closest known unit.
func (m *matcher) find(name string) (int, error) {
	if r, ok := m.cache[name]; ok {
		return r.unit, r.err
	}
	u, err := m.lookup(name)
	if len(m.cache) < 1<<16 {
		m.cache[name] = match{u, err}
	}
	return u, err
}

func (m *matcher) lookup(name string) (int, error) {
	s := foldName(name)
	if s == "" {
		return -1, fmt.Errorf("单位为空")
	}
	if c := m.candidates(s, -1); len(c) == 1 {
		return c[0], nil
	} else if len(c) > 1 {
		return -1, m.ambiguous(name, c)
	}
	// A path: 梅州市/梅江区/金山街道 means its deepest known segment; each
	// segment narrows the next, so 兴宁市/大坪镇 is not 梅县区's 大坪镇.
	if strings.ContainsAny(s, pathSeparators) {
		segs := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(pathSeparators, r) })
		at, found := -1, -1
		var amb []int
		for _, seg := range segs {
			c := m.candidates(seg, at)
			switch {
			case len(c) == 1:
				at, found, amb = c[0], c[0], nil
			case len(c) > 1:
				amb = c
			}
		}
		if amb != nil {
			return -1, m.ambiguous(name, amb)
		}
		if found >= 0 {
			return found, nil
		}
	}
	return -1, m.unknown(name, s)
}

// candidates lists the units a folded name can mean, trying the name
// itself, then with League prefixes and suffixes taken off. Under, when not
// -1, keeps only units within that unit.
func (m *matcher) candidates(s string, under int) []int {
	try := func(k string) []int {
		var out []int
		for _, i := range m.byName[k] {
			if under < 0 || m.units.Within(i, under) {
				out = append(out, i)
			}
		}
		return out
	}
	if c := try(s); len(c) > 0 {
		return c
	}
	for _, v := range variants(s) {
		if c := try(v); len(c) > 0 {
			return c
		}
	}
	return nil
}

// variants strips League prefixes and suffixes in every combination,
// longest first, keeping what is left non-empty.
func variants(s string) []string {
	var out []string
	seen := map[string]bool{s: true}
	queue := []string{s}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, p := range leaguePrefixes {
			if w, ok := strings.CutPrefix(v, p); ok && w != "" && !seen[w] {
				seen[w] = true
				out = append(out, w)
				queue = append(queue, w)
			}
		}
		for _, x := range leagueSuffixes {
			if w, ok := strings.CutSuffix(v, x); ok && w != "" && !seen[w] {
				seen[w] = true
				out = append(out, w)
				queue = append(queue, w)
			}
		}
	}
	return out
}

func (m *matcher) ambiguous(name string, c []int) error {
	var paths []string
	for _, i := range c {
		paths = append(paths, "“"+m.units.Path(i)+"”")
	}
	return fmt.Errorf("单位“%s”不唯一，可能是 %s：请写出上级，如“%s”", name, strings.Join(paths, "或"), m.units.Path(c[0]))
}

// unknown names the closest known unit by edit distance over names and
// aliases, with League affixes taken off both sides.
func (m *matcher) unknown(name, folded string) error {
	probe := folded
	if v := variants(folded); len(v) > 0 {
		probe = v[len(v)-1]
	}
	best, bestD := -1, 1<<30
	for i := 0; i < m.units.Len(); i++ {
		u := m.units.At(i)
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			if d := editDistance(probe, foldName(n)); d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best < 0 || bestD > max(1, utf8.RuneCountInString(probe)/2) {
		return fmt.Errorf("单位“%s”不在单位表中：请核对名称，或在 data/units.csv 中添加该单位或别名", name)
	}
	return fmt.Errorf("单位“%s”不在单位表中，最接近的是“%s”：请核对名称，或在 data/units.csv 的别名列补充", name, m.units.Path(best))
}

// editDistance is the Levenshtein distance in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
