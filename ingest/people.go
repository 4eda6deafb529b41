package ingest

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"qingwang/volunteer"
)

// cleanID folds an identifier cell: full-width to ASCII, no spaces, upper
// case, and the leading apostrophe or tab Excel users type to keep long
// numbers as text.
func cleanID(s string) string {
	if s == "" || isCleanID(s) {
		return s
	}
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u00a0' || r == '\'' || r == '`' || r == '-' {
			return -1
		}
		return r
	}, s)
	return strings.ToUpper(s)
}

// isCleanID reports whether s is already upper-case ASCII letters and
// digits, as most cells are: those need no folding.
func isCleanID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '_') {
			return false
		}
	}
	return true
}

// volunteerKey reads a volunteer id: letters and digits, as the platform
// issues them.
func volunteerKey(s string) (volunteer.PersonKey, error) {
	id := cleanID(s)
	if id == "" {
		return 0, nil
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '_') {
			return 0, fmt.Errorf("志愿者编号“%s”含有非法字符，应只含字母和数字", mask(s))
		}
	}
	return volunteer.KeyOf(volunteer.ByVolunteerID, id), nil
}

// idNumberKey reads a PRC resident ID number: 18 characters (the last a
// digit or X) or the old 15 digits. Excel's scientific notation
// (4.41402E+17) has lost digits and is refused with advice.
func idNumberKey(s string) (volunteer.PersonKey, error) {
	id := cleanID(s)
	if id == "" {
		return 0, nil
	}
	if strings.ContainsAny(id, "E.") && strings.IndexFunc(id, func(r rune) bool { return r >= '0' && r <= '9' }) == 0 {
		return 0, fmt.Errorf("证件号码“%s”被 Excel 改成了科学计数法，后几位已丢失：请在 Excel 中把该列设为文本后重新导出", s)
	}
	ok := len(id) == 15 && allDigits(id) || len(id) == 18 && allDigits(id[:17]) && (id[17] == 'X' || id[17] >= '0' && id[17] <= '9')
	if !ok {
		return 0, fmt.Errorf("证件号码“%s”格式不对：应为18位（末位可为X）或15位数字", mask(s))
	}
	return volunteer.KeyOf(volunteer.ByIDNumber, id), nil
}

// mobileKey reads a mainland mobile number: 11 digits starting with 1,
// with or without +86.
func mobileKey(s string) (volunteer.PersonKey, error) {
	m := cleanID(s)
	if m == "" {
		return 0, nil
	}
	m = strings.TrimPrefix(m, "+")
	if len(m) == 13 && strings.HasPrefix(m, "86") {
		m = m[2:]
	}
	if len(m) != 11 || m[0] != '1' || !allDigits(m) {
		return 0, fmt.Errorf("手机号码“%s”格式不对：应为以1开头的11位数字", mask(s))
	}
	return volunteer.KeyOf(volunteer.ByMobile, m), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// mask hides the middle of an identifier in messages, which the terminal
// shows and a follow-up file may keep: enough to find the row, not the person.
func mask(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= 6 {
		return string(r)
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-6) + string(r[len(r)-3:])
}
