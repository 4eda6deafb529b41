package ingest

import (
	"strings"
	"testing"
	"time"

	"qingwang/volunteer"
)

func TestReadRules_Overrides(t *testing.T) {
	text := `
[registration]
deadline = 2015-04-22
severe_lag = 0.7

[assessment]
dates = [2015-04-26, 2015-06-26]

[core.minimum]
county = 40

[projects]
actions = ["甲", "乙"]
theme_participation = 0.9
`
	r, err := ReadRules(strings.NewReader(text), "rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	def := volunteer.DefaultRules()
	if r.Deadline != volunteer.NewDate(2015, time.April, 22) || r.Start != def.Start {
		t.Errorf("deadline %s start %s", r.Deadline, r.Start)
	}
	if r.SevereLag != 0.7 || r.ThemeParticipation != 0.9 || r.OwnParticipation != def.OwnParticipation {
		t.Errorf("ratios %v %v %v", r.SevereLag, r.ThemeParticipation, r.OwnParticipation)
	}
	if len(r.Assessments) != 2 || r.Assessments[1] != volunteer.NewDate(2015, time.June, 26) {
		t.Errorf("assessments %v", r.Assessments)
	}
	if r.CoreMinimum[volunteer.County] != 40 || r.CoreMinimum[volunteer.City] != 100 {
		t.Errorf("core minimum %v", r.CoreMinimum)
	}
	if len(r.Actions) != 2 || len(r.Milestones) != len(def.Milestones) {
		t.Errorf("actions %v milestones %d", r.Actions, len(r.Milestones))
	}
}

func TestReadRules_Errors(t *testing.T) {
	for _, tc := range []struct{ text, says string }{
		{"[registration]\nsevere_lag = 80\n", "0到1之间"},
		{"[registration]\ndeadlin = 2015-04-20\n", "不认识的设置项"},
		{"[registration]\ndeadline = 2015-03-01\n", "应晚于 start"},
		{"[core.minimum]\nprovince = 3\n", "不是单位类型"},
		{"[registration\n", "第1行"},
	} {
		t.Run(tc.says, func(t *testing.T) {
			_, err := ReadRules(strings.NewReader(tc.text), "rules.toml")
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v; want one saying %q", err, tc.says)
			}
		})
	}
}
