package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck_NoticeFiguresAndFollowup(t *testing.T) {
	inProject(t)
	data, _ := personalData(t)
	// One more cadre, on the same day's list, whom no roster knows.
	os.WriteFile(filepath.Join(data, "exports", "应注册名单_补充_20150420.csv"), []byte("姓名,手机号码,单位,职务\n未注册测甲,13999999999,东山中学,大队辅导员\n"), 0o644)
	list := filepath.Join(t.TempDir(), "跟进名单.csv")
	code, out, errOut := run(t, "check", "--data", data, "--json", "--followup", list)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Core []struct {
			Team          string
			Kind          string
			Size, Minimum int
			InOtherTeams  int  `json:"in_other_teams"`
			WeChatGroup   bool `json:"wechat_group"`
		} `json:"core"`
		Mandatory   *struct{ Listed, Registered int } `json:"mandatory"`
		Projects    []any                             `json:"projects"`
		Assessments []struct {
			Date, Unit string
			Passed     bool
			Failed     []string
		} `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	var meijiang bool
	for _, c := range v.Core {
		if c.Team == "meijiang" {
			meijiang = c.Size == 10 && c.Minimum == 30 && c.Kind == "county" && c.WeChatGroup
		}
	}
	if !meijiang {
		t.Errorf("core: %+v; want 梅江区's team of 10 of 30 with its WeChat group", v.Core)
	}
	if v.Mandatory == nil || v.Mandatory.Listed != 11 || v.Mandatory.Registered != 10 {
		t.Errorf("mandatory %+v; want 11 listed, 10 in the roster", v.Mandatory)
	}
	if v.Projects != nil {
		t.Error("no projects export: no projects key")
	}
	if len(v.Assessments) != 20 || v.Assessments[0].Date != "2015-04-25" || v.Assessments[0].Failed == nil {
		t.Errorf("assessments %+v", v.Assessments)
	}
	b, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	// The ten full-time cadres stand in 梅江区's team and nobody is in two
	// teams: the one unregistered counselor is all there is to chase.
	if !strings.HasPrefix(string(b), "\uFEFF类别,单位,姓名") || strings.Count(string(b), "\n") != 2 || !strings.Contains(string(b), "应注册未注册,东山中学,未注册测甲,大队辅导员") {
		t.Errorf("follow-up list:\n%s", b)
	}
}

func TestCheck_FollowupNeverInPublicOrData(t *testing.T) {
	for _, path := range []string{"public/名单.csv", "testdata/season/名单.csv", "testdata/season/exports/x.csv"} {
		code, _, errOut := run(t, "check", "--data", "testdata/season", "--followup", path)
		if code != exitUsage || !strings.Contains(errOut, "含有姓名") {
			t.Errorf("--followup %s: exit %d, %s", path, code, errOut)
		}
	}
}
