// Package demo writes a synthetic season of platform exports, the same shape
// as the project's data folder (units.csv and exports/), so that qingwang can
// be tried, tested and benchmarked without anyone's personal data.
//
// The season runs from 2015-03-01 to 2015-06-30 for every unit of units.csv.
// Everything comes from Options.Seed through math/rand/v2's PCG, never from
// the clock or map order: the same arguments write the same bytes. The story
// does not depend on the seed: it is pinned to unit ids (see story and the
// constants beside it), so that the two assessments come out the same
// whatever the seed. On 4/25 six of the twenty counties and schools pass and
// each other fails for a cause of its own: 平远县, 丰顺县, 梅州市艺术学校,
// 梅州市机械技校 and two schools a little short of their quotas; cadres not
// registered (three of 兴宁市's towns', one of 东山中学's two 中队辅导员); a
// person in three core teams and one in two; 五华县's team two short; a
// full-time cadre of 蕉岭县 in no team; two schools behind on their own
// projects; two units with a project under its participation threshold, and
// 丰顺县's with 组织人数 0. On 6/25 the second cadres list, core roster and
// projects export have fixed most of it and fifteen pass.
//
// People are fake: names from short lists, ID numbers with Meizhou region
// codes, plausible birth dates and valid check digits, mobile numbers and
// volunteer ids, all drawn from a person's serial number. Only 8 bytes are
// kept per person, and files are streamed, so a province-size season (a
// million volunteers) runs in bounded memory.
//
// Real exports are messy, and so are these: messPlan lists exactly the rows
// added on top of the true data, and the Summary gives each one's line, so
// tests of the readers can assert what is rejected.
package demo
