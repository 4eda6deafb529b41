package volunteer

// PersonKey stands for one person without naming them: a 64-bit hash of a
// normalised identifier, prefixed by its sort so a volunteer id never equals
// an ID number. Figures need identity (dedupe, matching), never the identity
// itself, so nothing personal outlives the reading of a file.
type PersonKey uint64

// Identifier sorts, in the order a match prefers them.
const (
	ByVolunteerID byte = 'v'
	ByIDNumber    byte = 'i'
	ByMobile      byte = 'm'
)

// KeyOf hashes an already normalised identifier of the given sort (FNV-1a,
// stable across runs so cached aggregates stay valid).
func KeyOf(sort byte, id string) PersonKey {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	h ^= uint64(sort)
	h *= prime
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= prime
	}
	if h == 0 {
		h = 1 // 0 means "no key"
	}
	return PersonKey(h)
}

// PersonKeys are the identifiers a row gave; zero where it gave none.
type PersonKeys struct {
	VolunteerID, IDNumber, Mobile PersonKey
}

// Primary is the identifier that tells people apart within one file.
func (k PersonKeys) Primary() PersonKey {
	switch {
	case k.VolunteerID != 0:
		return k.VolunteerID
	case k.IDNumber != 0:
		return k.IDNumber
	}
	return k.Mobile
}

// PeopleIndex finds a roster's people by any identifier, for matching the
// cadres list against the roster. Values are unit indexes.
type PeopleIndex struct {
	ByVolunteerID map[PersonKey]int32
	ByIDNumber    map[PersonKey]int32
	ByMobile      map[PersonKey]int32
}

// Find returns the unit of the person with any of the keys, trying the
// volunteer id, then the ID number, then the mobile number.
func (p *PeopleIndex) Find(k PersonKeys) (unit int, ok bool) {
	if p == nil {
		return 0, false
	}
	for _, try := range []struct {
		key PersonKey
		m   map[PersonKey]int32
	}{{k.VolunteerID, p.ByVolunteerID}, {k.IDNumber, p.ByIDNumber}, {k.Mobile, p.ByMobile}} {
		if try.key == 0 {
			continue
		}
		if u, ok := try.m[try.key]; ok {
			return int(u), true
		}
	}
	return 0, false
}
