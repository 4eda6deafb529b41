package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"qingwang/volunteer"
)

var update = flag.Bool("update", false, "rewrite testdata/summary.golden")

// The season most tests read: default options, seed 1, written once.
var shared struct {
	once sync.Once
	dir  string
	sum  Summary
	res  resolver
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func defaultSeason(t *testing.T) (string, Summary, resolver) {
	t.Helper()
	units, raw := loadUnits(t)
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "qingwang-demo-")
		if shared.err == nil {
			shared.sum, shared.err = Generate(context.Background(), shared.dir, units, raw, volunteer.DefaultRules(), Options{Seed: 1})
		}
		shared.res = newResolver(units)
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.dir, shared.sum, shared.res
}

// exports parses every export of a season, checking rows against the Summary.
func exports(t *testing.T, dir string, sum Summary, res resolver) []parsed {
	t.Helper()
	var out []parsed
	for _, f := range sum.Files {
		if f.Kind == 0 {
			continue
		}
		p := parse(t, dir, res, f)
		out = append(out, p)
	}
	return out
}

func ofKind(ps []parsed, k volunteer.ExportKind) []parsed {
	var out []parsed
	for _, p := range ps {
		if p.file.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

func TestGenerate_SameSeedSameBytes(t *testing.T) {
	units, raw := loadUnits(t)
	read := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				files[rel] = b
			}
			return err
		})
		return files
	}
	gen := func(seed uint64) (map[string][]byte, Summary) {
		dir := t.TempDir()
		sum, err := Generate(context.Background(), dir, units, raw, volunteer.DefaultRules(), Options{Seed: seed, RosterEvery: 14})
		if err != nil {
			t.Fatal(err)
		}
		sum.Out = ""
		return read(dir), sum
	}
	a, sa := gen(42)
	b, sb := gen(42)
	if len(a) != len(b) || len(a) < 100 {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, x := range a {
		if !bytes.Equal(x, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if fmt.Sprint(sa) != fmt.Sprint(sb) {
		t.Error("Summary differs between two runs with the same seed")
	}
	c, _ := gen(43)
	if bytes.Equal(a["exports/志愿者名单_20150630.csv"], c["exports/志愿者名单_20150630.csv"]) {
		t.Error("another seed wrote the same roster")
	}
}

// TestGenerate_RowsAsSummary holds every export to the Summary: its rows, and
// its messy rows exactly where it says and nowhere else, as messPlan lists.
func TestGenerate_RowsAsSummary(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	cal, _ := newCalendar(volunteer.DefaultRules())
	rosterDays := rosterDates(cal, 7)
	firstOf := map[volunteer.ExportKind]volunteer.Date{}
	for _, f := range sum.Files {
		if d, ok := firstOf[f.Kind]; f.Kind != 0 && (!ok || f.Date < d) {
			firstOf[f.Kind] = f.Date
		}
	}
	total := 0
	for _, p := range exports(t, dir, sum, res) {
		f := p.file
		accepted := len(p.roster) + len(p.counts) + len(p.cadres) + len(p.core) + len(p.projects)
		if accepted+len(p.rejected) != f.Rows || accepted != f.Accepted() {
			t.Errorf("%s: %d accepted + %d rejected, Summary says %d rows, %d accepted",
				f.Path, accepted, len(p.rejected), f.Rows, f.Accepted())
		}
		if !slices.Equal(p.rejected, f.Messes) {
			t.Errorf("%s: rejected %v, Summary lists %v", f.Path, p.rejected, f.Messes)
		}
		// What messPlan says this file gets.
		var roles fileRole
		switch {
		case f.Date == firstOf[f.Kind]:
			roles |= firstFile
		case f.Kind != volunteer.Roster && f.Kind != volunteer.Counts:
			roles |= lastFile
		}
		if f.Date == cal.a1 {
			roles |= a1File
		}
		if f.Date == cal.a2 && f.Kind == volunteer.Roster {
			roles |= a2File
		}
		if f.Date == cal.last {
			roles |= lastFile
		}
		if f.Kind == volunteer.Counts {
			roles &^= firstFile
			if f.Date.Weekday() == 0 {
				roles |= sundayFile
			}
		}
		var want, got []MessKind
		for _, m := range messPlan {
			if m.kind == f.Kind && m.on&roles != 0 {
				want = append(want, m.mess)
			}
		}
		for _, m := range f.Messes {
			got = append(got, m.Kind)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("%s: messes %v, messPlan says %v", f.Path, got, want)
		}
		total += len(got)
	}
	if n := len(ofKindFiles(sum, volunteer.Roster)); n != len(rosterDays) {
		t.Errorf("%d rosters, want %d", n, len(rosterDays))
	}
	if total < 30 {
		t.Errorf("only %d messy rows in the season", total)
	}
}

func ofKindFiles(sum Summary, k volunteer.ExportKind) []File {
	var out []File
	for _, f := range sum.Files {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// TestGenerate_CountsMatchRosters checks that the figures from counts and
// from rosters agree exactly, on every day, for every unit.
func TestGenerate_CountsMatchRosters(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	u := res.units
	all := exports(t, dir, sum, res)
	rosters := ofKind(all, volunteer.Roster)
	last := rosters[len(rosters)-1].roster
	if len(last) != sum.Volunteers {
		t.Errorf("last roster has %d people, Summary says %d", len(last), sum.Volunteers)
	}
	for _, r := range rosters {
		if len(r.roster) > len(last) {
			t.Fatalf("%s is longer than the last roster", r.file.Path)
		}
		for k, rec := range r.roster {
			if rec.vid != last[k].vid {
				t.Fatalf("%s row %d: %s, the last roster has %s there: later rosters must extend earlier ones", r.file.Path, k, rec.vid, last[k].vid)
			}
			if k > 0 && rec.day < r.roster[k-1].day {
				t.Fatalf("%s row %d: not in registration order", r.file.Path, k)
			}
		}
	}
	subtree := func(people []rosterRec, d volunteer.Date) []int {
		n := make([]int, u.Len())
		for _, p := range people {
			if p.day > d {
				continue
			}
			for i := p.unit; i >= 0; i = u.Parent(i) {
				n[i]++
			}
		}
		return n
	}
	countsOn := map[volunteer.Date]map[int]int{}
	for _, c := range ofKind(all, volunteer.Counts) {
		countsOn[c.file.Date] = c.counts
		if len(c.counts) != u.Len() {
			t.Errorf("%s: %d units, want all %d", c.file.Path, len(c.counts), u.Len())
		}
		want := subtree(last, c.file.Date)
		for i, n := range c.counts {
			if n != want[i] {
				t.Errorf("%s: %s %d, the rosters say %d", c.file.Path, u.At(i).Name, n, want[i])
			}
		}
	}
	if len(countsOn) != 103 {
		t.Errorf("%d counts files, want one a day from 3/20 to 6/30", len(countsOn))
	}
	for _, r := range rosters {
		c := countsOn[r.file.Date]
		for i, n := range subtree(r.roster, r.file.Date) {
			if c[i] != n {
				t.Errorf("%s: %s %d, counts of the day say %d", r.file.Path, u.At(i).Name, n, c[i])
			}
		}
	}
}

// TestGenerate_Story checks the fixed story at the two assessments and at
// the end: who is at quota when.
func TestGenerate_Story(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	u := res.units
	cal, _ := newCalendar(volunteer.DefaultRules())
	all := exports(t, dir, sum, res)
	on := map[volunteer.Date]map[int]int{}
	for _, c := range ofKind(all, volunteer.Counts) {
		on[c.file.Date] = c.counts
	}
	for _, i := range u.Children(u.Root()) {
		x := u.At(i)
		a1 := float64(on[cal.a1][i]) / float64(x.Quota)
		a2 := float64(on[cal.a2][i]) / float64(x.Quota)
		end := float64(on[cal.last][i]) / float64(x.Quota)
		var ok bool
		switch x.ID {
		case "meijiang": // overshoots
			ok = a1 >= 1.05 && end >= 1.08 && end <= 1.2
		case "pingyuan", "fengshun": // lag, still short on 6/25
			ok = a1 >= 0.55 && a1 <= 0.75 && a2 >= 0.8 && a2 < 0.95 && end < 0.95
		case "yishu", "jixie": // lag, then catch up
			ok = a1 >= 0.55 && a1 <= 0.75 && a2 >= 1 && end <= 1.1
		case "yuedong", "zhiye": // a little short on 4/25
			ok = a1 >= 0.9 && a1 < 0.99 && a2 >= 1 && end <= 1.1
		default: // at quota by 4/25
			ok = on[cal.a1][i] >= x.Quota && a1 <= 1.1 && a2 >= a1 && end <= 1.1
		}
		if !ok || a2 > end {
			t.Errorf("%s: %.1f%% on 4/25, %.1f%% on 6/25, %.1f%% at the end", x.Name, a1*100, a2*100, end*100)
		}
	}

	// The curve's shape, from registration days.
	rosters := ofKind(all, volunteer.Roster)
	perDay := map[volunteer.Date]int{}
	for _, p := range rosters[len(rosters)-1].roster {
		perDay[p.day]++
	}
	avg := func(from, to volunteer.Date, weekend bool) float64 {
		n, days := 0, 0
		for d := from; d <= to; d++ {
			if wd := d.Weekday(); (wd == 0 || wd == 6) == weekend {
				n += perDay[d]
				days++
			}
		}
		return float64(n) / float64(days)
	}
	d := volunteer.NewDate
	before := avg(d(2015, 3, 1), d(2015, 3, 19), false)
	april := avg(d(2015, 4, 1), d(2015, 4, 13), false)
	push := avg(d(2015, 4, 14), d(2015, 4, 25), false)
	second := avg(d(2015, 4, 27), d(2015, 6, 17), false)
	secondPush := avg(d(2015, 6, 18), d(2015, 6, 25), false)
	weekendRatio := avg(d(2015, 4, 1), d(2015, 4, 13), true) / april
	if !(before < april/8 && push > 2*april && second < april/2 && secondPush > 2*second) || weekendRatio < 0.35 || weekendRatio > 0.65 {
		t.Errorf("curve: before 3/20 %.0f a day, April %.0f, pushes %.0f, second phase %.0f, its push %.0f, weekends ×%.2f",
			before, april, push, second, secondPush, weekendRatio)
	}
}

var (
	vidShape    = regexp.MustCompile(`^GD\d{10}$`)
	mobileShape = regexp.MustCompile(`^1[358]\d{9}$`)
	idShape     = regexp.MustCompile(`^4414\d{13}[\dX]$`)
)

func TestGenerate_FakePeople(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	rosters := ofKind(exports(t, dir, sum, res), volunteer.Roster)
	people := rosters[len(rosters)-1].roster
	seen := map[string]bool{}
	for _, p := range people {
		if !vidShape.MatchString(p.vid) || !mobileShape.MatchString(p.mobile) || !idShape.MatchString(p.idno) {
			t.Fatalf("bad shape: %+v", p)
		}
		if idCheck([]byte(p.idno[:17])) != p.idno[17] {
			t.Fatalf("%s: wrong check digit", p.idno)
		}
		birth, err := time.Parse("20060102", p.idno[6:14])
		if err != nil {
			t.Fatalf("%s: birth date: %v", p.idno, err)
		}
		reg := p.day.Time()
		age := reg.Year() - birth.Year()
		if reg.YearDay() < birth.YearDay() {
			age--
		}
		least := 18
		if k := res.units.At(p.unit).Kind; k == volunteer.School || k == volunteer.University {
			least = 15
		}
		if age < least || age > 35 {
			t.Errorf("%s registered at %d in %s", p.idno, age, res.units.At(p.unit).Name)
		}
		if n := []rune(p.name); len(n) < 2 || len(n) > 3 || !unicode.Is(unicode.Han, n[0]) {
			t.Errorf("name %q", p.name)
		}
		for _, k := range []string{"v" + p.vid, "i" + p.idno, "m" + p.mobile} {
			if seen[k] {
				t.Fatalf("%s is not unique", k[1:])
			}
			seen[k] = true
		}
	}
}

func TestIDCheck_StandardExample(t *testing.T) {
	// The example of GB 11643-1999.
	if c := idCheck([]byte("11010519491231002")); c != 'X' {
		t.Errorf("check of 11010519491231002 = %c, want X", c)
	}
}

func TestPerm_IsBijection(t *testing.T) {
	for _, n := range []uint64{1, 2, 3, 10, 1000, 12345} {
		seen := make([]bool, n)
		p := newPerm(n, n*7)
		for x := range n {
			y := p.at(x)
			if y >= n || seen[y] {
				t.Fatalf("n=%d: %d → %d repeats or is out of range", n, x, y)
			}
			seen[y] = true
		}
	}
}

func TestRosterDates_Every(t *testing.T) {
	cal, _ := newCalendar(volunteer.DefaultRules())
	for _, tc := range []struct {
		every int
		want  int
	}{{7, 18}, {14, 11}, {28, 7}} {
		t.Run(fmt.Sprint(tc.every), func(t *testing.T) {
			ds := rosterDates(cal, tc.every)
			if len(ds) != tc.want || ds[0] != volunteer.NewDate(2015, 3, 22) {
				t.Errorf("%v", ds)
			}
			for _, d := range []volunteer.Date{cal.a1, cal.a2, cal.last} {
				if !slices.Contains(ds, d) {
					t.Errorf("no roster on %s", d)
				}
			}
			for _, d := range ds {
				if d.Weekday() != 0 && d != cal.a1 && d != cal.a2 && d != cal.last {
					t.Errorf("roster on %s, a %s", d, d.Weekday())
				}
			}
		})
	}
}

// TestGenerate_Cadres: most cadres registered, some not; the mobile-only
// rows match the roster; posts as the notice wants them.
func TestGenerate_Cadres(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	u := res.units
	all := exports(t, dir, sum, res)
	rosters := ofKind(all, volunteer.Roster)
	last := rosters[len(rosters)-1].roster
	byKey := map[string]rosterRec{}
	for _, p := range last {
		byKey["v"+p.vid], byKey["i"+p.idno], byKey["m"+p.mobile] = p, p, p
	}
	lists := ofKind(all, volunteer.Cadres)
	if len(lists) != 2 {
		t.Fatalf("%d cadres lists", len(lists))
	}
	var found [2]int
	for k, l := range lists {
		mobileOnly := 0
		posts := map[int]map[volunteer.Position]int{}
		for _, c := range l.cadres {
			if posts[c.unit] == nil {
				posts[c.unit] = map[volunteer.Position]int{}
			}
			posts[c.unit][c.pos]++
			p, ok := byKey["v"+c.vid]
			if c.vid == "" {
				p, ok = byKey["i"+c.idno]
			}
			if c.vid == "" && c.idno == "" {
				mobileOnly++
				p, ok = byKey["m"+c.mobile]
				if !ok || p.day > l.file.Date {
					t.Errorf("%s: mobile-only row %s matches nobody registered", l.file.Path, c.mobile)
				}
			}
			if ok && p.day <= l.file.Date {
				found[k]++
				if p.unit != c.unit {
					t.Errorf("%s: cadre of %s registered in %s", l.file.Path, u.At(c.unit).Name, u.At(p.unit).Name)
				}
			}
		}
		if mobileOnly < 3 {
			t.Errorf("%s: %d mobile-only rows", l.file.Path, mobileOnly)
		}
		share := float64(found[k]) / float64(len(l.cadres))
		if share < [2]float64{0.85, 0.99}[k] || share >= 1 {
			t.Errorf("%s: %d of %d cadres registered by %s", l.file.Path, found[k], len(l.cadres), l.file.Date)
		}
		for i := range u.Len() {
			p := posts[i]
			switch u.At(i).Kind {
			case volunteer.County:
				if p[volunteer.FullTimeCadre] < 3 || p[volunteer.PartTimeCadre] < 10 || p[volunteer.ChiefCounselor] != 1 {
					t.Errorf("%s: posts %v", u.At(i).Name, p)
				}
			case volunteer.Town:
				if p[volunteer.ChiefCounselor] != 1 || p[volunteer.PartTimeCadre] < 1 {
					t.Errorf("%s: posts %v", u.At(i).Name, p)
				}
			case volunteer.School:
				if p[volunteer.BrigadeCounselor] != 1 || p[volunteer.SquadronCounselor] < 2 {
					t.Errorf("%s: posts %v", u.At(i).Name, p)
				}
			}
		}
	}
	if found[1] <= found[0] {
		t.Errorf("registered cadres %d then %d: some should register between the lists", found[0], found[1])
	}
}

// TestGenerate_Core: sizes against the minimums, the short team, the
// overlaps (one person in two teams on the first roster only, one in three
// on both), the team without a WeChat group, members registered, and
// full-time cadres in teams, but one on the first roster.
func TestGenerate_Core(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	u := res.units
	all := exports(t, dir, sum, res)
	rosters := ofKind(all, volunteer.Roster)
	last := rosters[len(rosters)-1].roster
	byKey := map[string]rosterRec{}
	for _, p := range last {
		byKey[p.vid], byKey[p.idno] = p, p
	}
	files := ofKind(all, volunteer.Core)
	if len(files) != 2 {
		t.Fatalf("%d core rosters", len(files))
	}
	minimum := volunteer.DefaultRules().CoreMinimum
	for _, f := range files {
		size := map[int]int{}
		teamsOf := map[string]int{}
		wechat := map[int]bool{}
		for _, m := range f.core {
			size[m.team]++
			wechat[m.team] = wechat[m.team] || m.wechat != ""
			p, ok := byKey[m.vid+m.idno]
			if !ok || p.day > f.file.Date {
				t.Fatalf("%s: member %s not registered by %s", f.file.Path, m.vid+m.idno, f.file.Date)
			}
			if !u.Within(p.unit, m.team) {
				t.Errorf("%s: %s of %s in the team of %s", f.file.Path, m.vid+m.idno, u.At(p.unit).Name, u.At(m.team).Name)
			}
			teamsOf[p.vid]++
		}
		var short, noWeChat []string
		towns := 0
		for i, n := range size {
			x := u.At(i)
			if n < minimum[x.Kind] {
				short = append(short, x.ID)
			}
			if !wechat[i] {
				noWeChat = append(noWeChat, x.ID)
			}
			if x.Kind == volunteer.Town {
				towns++
			}
		}
		if !slices.Equal(short, []string{shortTeamID}) || !slices.Equal(noWeChat, []string{noWeChatID}) {
			t.Errorf("%s: short %v, without WeChat %v", f.file.Path, short, noWeChat)
		}
		if towns < 20 || len(size) != 1+8+12+towns {
			t.Errorf("%s: %d teams, %d of towns", f.file.Path, len(size), towns)
		}
		in := map[int]int{}
		for _, n := range teamsOf {
			in[n]++
		}
		want := map[int]int{2: 1, 3: 1}
		if f.file.Date == files[1].file.Date {
			want = map[int]int{3: 1}
		}
		if in[2] != want[2] || in[3] != want[3] || len(in) != 1+len(want) {
			t.Errorf("%s: people by number of teams %v, want %v more than one", f.file.Path, in, want)
		}
	}
	// Full-time cadres stand in a team, all but one on the first core roster.
	cad := ofKind(all, volunteer.Cadres)[1]
	for k, f := range files {
		inTeam := map[string]bool{}
		for _, m := range f.core {
			p := byKey[m.vid+m.idno]
			inTeam[p.vid] = true
		}
		out := 0
		for _, c := range cad.cadres {
			p, ok := byKey[c.vid]
			if c.pos == volunteer.FullTimeCadre && (!ok || p.day > files[0].file.Date) {
				t.Errorf("full-time cadre %s not registered by the first core roster", c.vid+c.idno+c.mobile)
			}
			if c.pos == volunteer.FullTimeCadre && ok && !inTeam[c.vid] {
				out++
				if u.At(c.unit).ID != cadreOutOfCoreID {
					t.Errorf("%s: a full-time cadre of %s in no team", f.file.Path, u.At(c.unit).Name)
				}
			}
		}
		if out != 1-k {
			t.Errorf("%s: %d full-time cadres in no core team, want %d", f.file.Path, out, 1-k)
		}
	}
}

// TestGenerate_Projects: the second export extends the first; every
// county's and school's project reaches its threshold but the story's (one
// rising above it by the second export, one below on both, one with
// 组织人数 0); one town has no project; the four actions all used.
func TestGenerate_Projects(t *testing.T) {
	dir, sum, res := defaultSeason(t)
	u := res.units
	rules := volunteer.DefaultRules()
	files := ofKind(exports(t, dir, sum, res), volunteer.Projects)
	if len(files) != 2 || len(files[0].projects) >= len(files[1].projects) {
		t.Fatalf("projects files: %d", len(files))
	}
	cal, _ := newCalendar(rules)
	if files[0].file.Date != cal.a1-1 || files[1].file.Date != cal.a2-1 {
		t.Errorf("projects exported on %s and %s, want the eves of the assessments", files[0].file.Date, files[1].file.Date)
	}
	ids := map[string]bool{}
	for _, p := range files[1].projects {
		ids[p.id] = true
	}
	for _, p := range files[0].projects {
		if !ids[p.id] {
			t.Errorf("project %s of the first export is not in the second", p.id)
		}
	}
	for k, f := range files {
		any := map[int]bool{}
		actions := map[string]bool{}
		zero, below, towns := []string{}, []string{}, 0
		for _, p := range f.projects {
			any[p.unit] = true
			actions[p.action] = true
			threshold := rules.ThemeParticipation
			if p.typ == volunteer.OwnProject.Label() {
				threshold = rules.OwnParticipation
			} else if p.typ != volunteer.ThemeProject.Label() {
				t.Errorf("project %s: type %q", p.id, p.typ)
			}
			x := u.At(p.unit)
			switch {
			case p.base == 0:
				zero = append(zero, x.ID)
			case float64(p.participants) >= threshold*float64(p.base):
			case x.Kind == volunteer.Town:
				towns++
			default:
				below = append(below, x.ID)
			}
		}
		slices.Sort(below)
		wantBelow := [][]string{{risingShareID, lowShareID}, {lowShareID}}[k]
		slices.Sort(wantBelow)
		if !slices.Equal(zero, []string{zeroBaseID}) || !slices.Equal(below, wantBelow) || towns == 0 || len(actions) != 4 {
			t.Errorf("%s: base 0 in %v; below threshold %v and in %d towns; actions %v", f.file.Path, zero, below, towns, actions)
		}
		var none []string
		for i := range u.Len() {
			if x := u.At(i); x.Kind != volunteer.City && !any[i] {
				none = append(none, x.ID)
			}
		}
		if !slices.Equal(none, []string{noProjectsID}) {
			t.Errorf("%s: units without projects: %v", f.file.Path, none)
		}
	}
}

func TestGenerate_ReplacesItsOwnFilesOnly(t *testing.T) {
	units, raw := loadUnits(t)
	dir := t.TempDir()
	ctx := context.Background()
	if _, err := Generate(ctx, dir, units, raw, volunteer.DefaultRules(), Options{Volunteers: 300}); err != nil {
		t.Fatal(err)
	}
	sum, err := Generate(ctx, dir, units, raw, volunteer.DefaultRules(), Options{Volunteers: 300, RosterEvery: 28})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "exports"))
	if len(entries) != len(sum.Files)-1 {
		t.Errorf("%d files in exports/, the second run wrote %d", len(entries), len(sum.Files)-1)
	}
	os.WriteFile(filepath.Join(dir, "exports", "真实导出.csv"), []byte("x"), 0o644)
	_, err = Generate(ctx, dir, units, raw, volunteer.DefaultRules(), Options{})
	if err == nil || !strings.Contains(err.Error(), "真实导出.csv") {
		t.Errorf("a folder with other files: %v", err)
	}
}

// TestGenerate_TinySeasons: few people still give well-formed files whose
// rows add up.
func TestGenerate_TinySeasons(t *testing.T) {
	units, raw := loadUnits(t)
	res := newResolver(units)
	for _, n := range []int{1, 7, 150} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			sum, err := Generate(context.Background(), dir, units, raw, volunteer.DefaultRules(), Options{Volunteers: n, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Volunteers != n {
				t.Errorf("%d volunteers, asked for %d", sum.Volunteers, n)
			}
			for _, p := range exports(t, dir, sum, res) {
				if !slices.Equal(p.rejected, p.file.Messes) {
					t.Errorf("%s: rejected %v, Summary lists %v", p.file.Path, p.rejected, p.file.Messes)
				}
			}
		})
	}
}

func TestGenerate_Cancelled(t *testing.T) {
	units, raw := loadUnits(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, t.TempDir(), units, raw, volunteer.DefaultRules(), Options{}); err == nil {
		t.Error("a cancelled context still generated a season")
	}
}

// TestGenerate_Golden pins the default season's files: names, kinds,
// encodings, rows, messes and SHA-256. Run with -update after a deliberate
// change.
func TestGenerate_Golden(t *testing.T) {
	units, raw := loadUnitsFrom(t, filepath.Join("testdata", "units.csv"))
	dir := t.TempDir()
	sum, err := Generate(context.Background(), dir, units, raw, volunteer.DefaultRules(), Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "volunteers %d, %d files, %d bytes\n", sum.Volunteers, len(sum.Files), sum.Bytes())
	for _, f := range sum.Files {
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		kind := "units"
		if f.Kind != 0 {
			kind = f.Kind.String()
		}
		fmt.Fprintf(&b, "%s %s %s %s rows=%d bytes=%d sha256=%x", f.Path, kind, f.Encoding, f.Date, f.Rows, f.Bytes, sha256.Sum256(raw))
		for _, m := range f.Messes {
			fmt.Fprintf(&b, " %d:%s", m.Line, m.Kind)
		}
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "summary.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./demo -run Golden -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("the default season changed; if meant, run go test ./demo -run Golden -update\n%s", diffLines(string(want), b.String()))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for k := 0; k < max(len(w), len(g)) && len(out) < 10; k++ {
		var a, b string
		if k < len(w) {
			a = w[k]
		}
		if k < len(g) {
			b = g[k]
		}
		if a != b {
			out = append(out, "- "+a, "+ "+b)
		}
	}
	return strings.Join(out, "\n")
}

// BenchmarkGenerate writes a season per iteration; the province-size one
// (a million volunteers) is skipped with -short. For time and peak memory:
//
//	go test -c -o /tmp/demo.test ./demo
//	/usr/bin/time -v /tmp/demo.test -test.run '^$' -test.bench 'Generate/1000000' -test.benchtime 1x
func BenchmarkGenerate(b *testing.B) {
	units, raw := loadUnits(b)
	for _, n := range []int{0, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("-short")
			}
			dir := b.TempDir()
			for b.Loop() {
				sum, err := Generate(context.Background(), dir, units, raw, volunteer.DefaultRules(), Options{Volunteers: n, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(sum.Bytes())/1e6, "MB")
			}
		})
	}
}
