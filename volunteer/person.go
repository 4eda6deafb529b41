package volunteer

import (
	"bytes"
	"encoding/gob"
)

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

// PeopleIndex finds a roster's people by any of their identifiers, for
// matching a cadres list or core teams that name people by another one
// (a cadre by mobile number, the same person's team row by volunteer id).
type PeopleIndex struct {
	People []Person
	byKey  map[PersonKey]int32 // any identifier -> index in People
}

// Person is one roster row's identifiers and unit.
type Person struct {
	Keys PersonKeys
	Unit int32
}

// Add remembers a person; a later row with a known identifier updates it.
func (p *PeopleIndex) Add(k PersonKeys, unit int) {
	if p.byKey == nil {
		p.byKey = map[PersonKey]int32{}
	}
	if i, ok := p.find(k); ok {
		p.People[i].Unit = int32(unit)
		return
	}
	p.People = append(p.People, Person{k, int32(unit)})
	i := int32(len(p.People) - 1)
	for _, key := range []PersonKey{k.VolunteerID, k.IDNumber, k.Mobile} {
		if key != 0 {
			p.byKey[key] = i
		}
	}
}

func (p *PeopleIndex) find(k PersonKeys) (int32, bool) {
	for _, key := range []PersonKey{k.VolunteerID, k.IDNumber, k.Mobile} {
		if key == 0 {
			continue
		}
		if i, ok := p.byKey[key]; ok {
			return i, true
		}
	}
	return 0, false
}

// Find returns the person with any of the keys: volunteer id first, then
// ID number, then mobile number.
func (p *PeopleIndex) Find(k PersonKeys) (Person, bool) {
	if p == nil || p.byKey == nil {
		return Person{}, false
	}
	i, ok := p.find(k)
	if !ok {
		return Person{}, false
	}
	return p.People[i], true
}

// Expand returns k with the identifiers the roster knows of the same person.
func (p *PeopleIndex) Expand(k PersonKeys) PersonKeys {
	q, ok := p.Find(k)
	if !ok {
		return k
	}
	for _, pair := range []struct {
		dst *PersonKey
		src PersonKey
	}{
		{&k.VolunteerID, q.Keys.VolunteerID}, {&k.IDNumber, q.Keys.IDNumber}, {&k.Mobile, q.Keys.Mobile},
	} {
		if *pair.dst == 0 {
			*pair.dst = pair.src
		}
	}
	return k
}

// GobEncode keeps only the people; the lookup is rebuilt on decoding, for
// the cache of parsed exports.
func (p *PeopleIndex) GobEncode() ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(p.People)
	return buf.Bytes(), err
}

func (p *PeopleIndex) GobDecode(b []byte) error {
	var people []Person
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&people); err != nil {
		return err
	}
	*p = PeopleIndex{}
	for _, q := range people {
		p.Add(q.Keys, int(q.Unit))
	}
	return nil
}
