package volunteer

import (
	"fmt"
	"strings"
)

// Kind is the level of a unit in the League organisation.
type Kind uint8

const (
	City Kind = iota + 1
	County
	Town
	School     // 院校: the schools of 附件2
	University // 高校
)

var kindNames = [...]struct{ en, zh string }{
	City:       {"city", "市"},
	County:     {"county", "县区"},
	Town:       {"town", "镇街"},
	School:     {"school", "院校"},
	University: {"university", "高校"},
}

// Kinds lists every kind in its natural order.
var Kinds = []Kind{City, County, Town, School, University}

// String gives the English name used in JSON and URLs.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k].en
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Label gives the Chinese name used in the notice.
func (k Kind) Label() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k].zh
	}
	return "未知"
}

// ParseKind accepts the Chinese or the English name of a kind.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if s == kindNames[k].en || s == kindNames[k].zh {
			return k, true
		}
	}
	switch s {
	case "县", "区", "县（市、区）", "县市区":
		return County, true
	case "镇", "街道", "镇街道":
		return Town, true
	case "学校", "中职":
		return School, true
	case "大学":
		return University, true
	}
	return 0, false
}

func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k *Kind) UnmarshalText(b []byte) error {
	v, ok := ParseKind(string(b))
	if !ok {
		return fmt.Errorf("unknown unit kind %q", b)
	}
	*k = v
	return nil
}

// Unit is one organisation of units.csv.
type Unit struct {
	ID       string
	Name     string
	Kind     Kind
	Parent   string // ID of the parent; empty for the city
	Quota    int    // registration target; 0 when units.csv gives none
	Members  int    // League members, the base of the 20% rule; 0 if unknown
	Students int    // students, the base of the universities' 20% rule
	Aliases  []string
}

// Units is the organisation tree. Units are addressed by their index in
// units.csv order, which is also the order of every listing.
type Units struct {
	list     []Unit
	byID     map[string]int
	parent   []int
	children [][]int
	quota    []int
}

// NewUnits checks the list (unique ids, known parents, one city at the root,
// no cycles) and indexes it.
func NewUnits(list []Unit) (*Units, error) {
	u := &Units{list: list, byID: make(map[string]int, len(list))}
	for i, x := range list {
		if x.ID == "" {
			return nil, fmt.Errorf("第%d个单位没有编号", i+1)
		}
		if j, dup := u.byID[x.ID]; dup {
			return nil, fmt.Errorf("单位编号“%s”重复（%s 与 %s）", x.ID, list[j].Name, x.Name)
		}
		u.byID[x.ID] = i
	}
	u.parent = make([]int, len(list))
	u.children = make([][]int, len(list))
	roots := 0
	for i, x := range list {
		if x.Parent == "" {
			u.parent[i] = -1
			roots++
			if x.Kind != City {
				return nil, fmt.Errorf("单位“%s”没有上级：只有市级单位可以不填上级", x.Name)
			}
			continue
		}
		p, ok := u.byID[x.Parent]
		if !ok {
			return nil, fmt.Errorf("单位“%s”的上级“%s”不在单位表中", x.Name, x.Parent)
		}
		u.parent[i] = p
		u.children[p] = append(u.children[p], i)
	}
	if roots != 1 {
		return nil, fmt.Errorf("单位表应有且只有一个市级单位（上级为空），现有 %d 个", roots)
	}
	for i := range list {
		seen := 0
		for p := u.parent[i]; p >= 0; p = u.parent[p] {
			if seen++; seen > len(list) {
				return nil, fmt.Errorf("单位“%s”的上级关系成环", list[i].Name)
			}
		}
	}
	u.quota = make([]int, len(list))
	var sum func(i int) int
	sum = func(i int) int {
		if q := list[i].Quota; q > 0 {
			u.quota[i] = q
			return q
		}
		s := 0
		for _, c := range u.children[i] {
			s += sum(c)
		}
		u.quota[i] = s
		return s
	}
	for i := range list {
		if u.parent[i] < 0 {
			sum(i)
		}
	}
	return u, nil
}

func (u *Units) Len() int { return len(u.list) }

// At returns the unit at index i.
func (u *Units) At(i int) *Unit { return &u.list[i] }

// Index returns the index of the unit with the given id.
func (u *Units) Index(id string) (int, bool) {
	i, ok := u.byID[id]
	return i, ok
}

// Parent returns the index of i's parent, or -1 for the city.
func (u *Units) Parent(i int) int { return u.parent[i] }

// Children returns the indexes of i's direct parts in units.csv order.
func (u *Units) Children(i int) []int { return u.children[i] }

// Root returns the index of the city.
func (u *Units) Root() int {
	for i, p := range u.parent {
		if p < 0 {
			return i
		}
	}
	return -1
}

// Quota is the unit's own quota, or, when units.csv gives none, the sum of
// its parts' quotas (the city's target is its counties' and schools').
func (u *Units) Quota(i int) int { return u.quota[i] }

// Path names the unit with its ancestors below the city, e.g. 兴宁市/大坪镇.
func (u *Units) Path(i int) string {
	var parts []string
	for j := i; j >= 0 && u.parent[j] >= 0; j = u.parent[j] {
		parts = append(parts, u.list[j].Name)
	}
	if len(parts) == 0 {
		return u.list[i].Name
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	return strings.Join(parts, "/")
}

// OfKind lists the indexes of every unit of kind k in units.csv order.
func (u *Units) OfKind(k Kind) []int {
	var out []int
	for i := range u.list {
		if u.list[i].Kind == k {
			out = append(out, i)
		}
	}
	return out
}

// Within reports whether unit i is a or one of a's descendants.
func (u *Units) Within(i, a int) bool {
	for j := i; j >= 0; j = u.parent[j] {
		if j == a {
			return true
		}
	}
	return false
}
