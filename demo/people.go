package demo

import (
	"math/rand/v2"

	"qingwang/volunteer"
)

// Fake people. Nothing here is stored per person: a person is a serial
// number, and every detail is drawn again from it when a row is written.
// ID numbers, mobile numbers and volunteer ids come from keyed permutations
// of the serial, so they are unique without a set to check against; names and
// 政治面貌 come from a generator seeded by the serial.

// Surnames common around Meizhou, the frequent ones repeated.
var surnames = []string{
	"李", "李", "李", "张", "张", "陈", "陈", "陈", "黄", "黄", "刘", "刘", "钟", "钟",
	"曾", "曾", "古", "温", "温", "罗", "罗", "杨", "林", "吴", "廖", "廖", "谢", "叶",
	"朱", "丘", "邱", "侯", "何", "王", "赖", "梁", "余", "蓝", "饶", "徐", "彭", "邓",
	"萧", "卢", "冯", "肖", "潘", "熊", "江", "魏", "巫", "池", "郭", "宋", "凌", "汤",
}

var (
	maleGiven   = []rune("伟强俊杰浩宇斌涛明辉鹏华锋建文志勇军海彬晨昊泽嘉豪振国永耀新康荣德鑫健")
	femaleGiven = []rune("婷敏丽娟燕芳霞静慧琳萍雪颖倩玲欣怡佳思雅晓梦淑秀丹莹诗月冰琪珊洁")
)

// Meizhou's division codes, the first six digits of an ID number; 441421 is
// 梅县 before it became 梅县区, still on older cards.
var regionCodes = []string{"441402", "441403", "441421", "441422", "441423", "441424", "441426", "441427", "441481"}

// Mobile prefixes 13x, 15x, 18x as in use in 2015.
var mobilePrefixes = []string{
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"150", "151", "152", "153", "155", "156", "157", "158", "159",
	"180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
}

// role decides the age band: students of the schools are 15–22 years old
// throughout the season, everyone else 18–35.
type role uint8

const (
	roleAdult role = iota
	roleStudent
)

// idSpace is the set of ID numbers of one age band: region × birth day ×
// sequence. Students take sequences 000–499 and adults 500–999, so the two
// bands never collide although their birth years overlap.
type idSpace struct {
	first   volunteer.Date
	days    uint64
	seqBase int
	perm    perm
}

func newIDSpace(from, to volunteer.Date, seqBase int, key uint64) idSpace {
	days := uint64(to - from + 1)
	return idSpace{first: from, days: days, seqBase: seqBase,
		perm: newPerm(uint64(len(regionCodes))*days*500, key)}
}

// at returns the serial's region index, birth date and three-digit sequence.
// Serials beyond the space's size (12.6 million students, 29 million adults)
// wrap around and may repeat.
func (s idSpace) at(serial uint64) (region int, birth volunteer.Date, seq int) {
	k := s.perm.at(serial)
	region = int(k % uint64(len(regionCodes)))
	k /= uint64(len(regionCodes))
	birth = s.first + volunteer.Date(k%s.days)
	seq = s.seqBase + int(k/s.days)
	return
}

// fake is one person's details, in buffers reused from row to row.
type fake struct {
	name     []byte
	id       [18]byte
	mobile   [11]byte
	vid      [12]byte // GD + 10 digits
	politics string
}

type faker struct {
	seed             uint64
	pcg              *rand.PCG
	r                *rand.Rand
	students, adults idSpace
	mobiles, vids    perm
}

func newFaker(seed uint64) *faker {
	pcg := rand.NewPCG(seed, 0)
	return &faker{
		seed:     seed,
		pcg:      pcg,
		r:        rand.New(pcg),
		students: newIDSpace(volunteer.NewDate(1992, 7, 1), volunteer.NewDate(2000, 3, 1), 0, seed^0x53545544454e54),
		adults:   newIDSpace(volunteer.NewDate(1979, 7, 1), volunteer.NewDate(1997, 3, 1), 500, seed^0x4144554c54),
		mobiles:  newPerm(100_000_000, seed^0x4d4f42494c45),
		vids:     newPerm(9_000_000_000, seed^0x564944),
	}
}

// fill writes the details of person serial into p.
func (f *faker) fill(serial uint32, ro role, p *fake) {
	f.pcg.Seed(f.seed^0x7065726f6e, uint64(serial))
	r := f.r

	space := f.adults
	if ro == roleStudent {
		space = f.students
	}
	region, birth, seq := space.at(uint64(serial))
	y, m, d := birth.Time().Date()
	copy(p.id[0:6], regionCodes[region])
	putDigits(p.id[6:10], y)
	putDigits(p.id[10:12], int(m))
	putDigits(p.id[12:14], d)
	putDigits(p.id[14:17], seq)
	p.id[17] = idCheck(p.id[:17])

	male := seq%2 == 1
	p.name = append(p.name[:0], surnames[r.IntN(len(surnames))]...)
	given := femaleGiven
	if male {
		given = maleGiven
	}
	p.name = appendRune(p.name, given[r.IntN(len(given))])
	if r.IntN(10) < 7 {
		p.name = appendRune(p.name, given[r.IntN(len(given))])
	}

	copy(p.mobile[:3], mobilePrefixes[r.IntN(len(mobilePrefixes))])
	putDigits(p.mobile[3:], int(f.mobiles.at(uint64(serial))))
	copy(p.vid[:2], "GD")
	putDigits(p.vid[2:], int(1_000_000_000+f.vids.at(uint64(serial))))

	x := r.IntN(100)
	switch {
	case ro == roleStudent && x < 85, ro == roleAdult && x < 55:
		p.politics = "共青团员"
	case ro == roleStudent && x < 87, ro == roleAdult && x < 75:
		p.politics = "中共党员"
	default:
		p.politics = "群众"
	}
}

// idCheck computes the 18th character of a PRC ID number (GB 11643).
func idCheck(first17 []byte) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	return "10X98765432"[sum%11]
}

// putDigits writes v zero-padded into all of dst.
func putDigits(dst []byte, v int) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
}

func appendRune(b []byte, r rune) []byte {
	return append(b, string(r)...)
}

// perm is a keyed pseudo-random permutation of [0, n): a four-round Feistel
// network on the smallest even number of bits that holds n, applied again
// until it lands inside [0, n) ("cycle walking" keeps it a bijection).
type perm struct {
	n    uint64
	half uint
	mask uint64
	keys [4]uint64
}

func newPerm(n, key uint64) perm {
	bits := uint(2)
	for uint64(1)<<bits < n {
		bits += 2
	}
	p := perm{n: n, half: bits / 2, mask: 1<<(bits/2) - 1}
	for i := range p.keys {
		key = mix64(key + 0x9e3779b97f4a7c15)
		p.keys[i] = key
	}
	return p
}

func (p perm) at(x uint64) uint64 {
	x %= p.n
	for {
		l, r := x>>p.half, x&p.mask
		for _, k := range p.keys {
			l, r = r, l^(mix64(r^k)&p.mask)
		}
		x = l<<p.half | r
		if x < p.n {
			return x
		}
	}
}

// mix64 is splitmix64's finaliser.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
