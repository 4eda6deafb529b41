package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// privatePath refuses a follow-up file where it would be published (under
// public/) or read back as an export (under the data folder): the list
// names people, and is for the office only.
func privatePath(path, dataDir string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	for _, dir := range []string{"public", dataDir} {
		d, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		if rel, err := filepath.Rel(d, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Errorf("--followup 的文件含有姓名，不能放在 %s 中：请换一个只有本单位能看到的位置", dir)
		}
	}
	return nil
}

// writeFollowup writes the people the office has to chase, with names:
// listed cadres not found in the roster, full-time cadres outside every
// core team, and people in more than one core team. The file is UTF-8
// with a byte-order mark, so Excel opens it right.
func writeFollowup(path string, s *snapshot) (int, error) {
	units := s.data.Units
	rows := [][]string{{"类别", "单位", "姓名", "职务或队伍", "说明"}}
	if m := s.notice.Mandatory; m != nil {
		for _, c := range m.Missing {
			rows = append(rows, []string{"应注册未注册", units.Path(c.Unit), c.Name, c.Position.Label(),
				fmt.Sprintf("%s 的应注册名单中有此人，%s 的志愿者名单中没有", m.Date, m.RosterDate)})
		}
		for _, c := range m.FullTimeNotInCore {
			rows = append(rows, []string{"专职团干部未进骨干队伍", units.Path(c.Unit), c.Name, c.Position.Label(), "专职团干部均应成为网络文明志愿者骨干"})
		}
	}
	if c := s.notice.Core; c != nil {
		for _, o := range c.Overlaps {
			var teams []string
			for _, u := range o.Teams {
				teams = append(teams, units.At(u).Name)
			}
			rows = append(rows, []string{"同时在多个骨干队伍", units.Path(o.Teams[0]), o.Name, strings.Join(teams, "、"), "各级骨干队伍成员不得重复"})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	f.WriteString("\uFEFF")
	w := csv.NewWriter(f)
	w.UseCRLF = true
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return 0, err
	}
	return len(rows) - 1, f.Close()
}
