package main

import (
	"fmt"
	"io"
	"strings"

	"qingwang/charts"
	"qingwang/metrics"
	"qingwang/volunteer"
)

// problemsShown is how many problems of each rule the report prints.
const problemsShown = 3

// writeReport prints check's Chinese report.
func writeReport(w io.Writer, s *snapshot) {
	r, units := s.report, s.data.Units
	if r.AsOf == 0 {
		fmt.Fprintf(w, "数据文件夹 %s 的 exports/ 中还没有导出文件：请把平台导出的文件放进去后再运行。\n", s.data.Dir)
		writeFailed(w, s)
		return
	}
	fmt.Fprintf(w, "青网计划数据检查　截至%s（数据文件夹 %s）\n\n", r.AsOf.ChineseFull(), s.data.Dir)
	writeFiles(w, s)
	writeFailed(w, s)
	writeProblems(w, s)

	city := r.Units[units.Root()]
	fmt.Fprintf(w, "全市　已注册 %d 人，任务数 %d 人，完成 %s；较前一日新增 %d 人，近7日日均 %.1f 人；序时进度 %s。\n",
		city.Registered, city.Quota, percent(city.Completion), city.NewDay, city.Pace, percent(city.TargetShare))
	if r.Previous != 0 {
		fmt.Fprintf(w, "　　　较上期（%s）新增 %d 人。\n", r.Previous.Chinese(), city.NewPrevious)
	}
	fmt.Fprintln(w)
	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		ranked := r.Ranked(units, k)
		if len(ranked) == 0 {
			continue
		}
		title := map[volunteer.Kind]string{volunteer.County: "县（市、区）", volunteer.School: "院校", volunteer.University: "高校"}[k]
		fmt.Fprintf(w, "%s完成情况（按完成率排名）\n", title)
		writeRanking(w, units, ranked, r.AsOf, r.Previous != 0)
		fmt.Fprintln(w)
	}
	writeLagging(w, s)
	if s.notice.Any() {
		fmt.Fprintln(w)
		writeNotice(w, s)
	}
}

// filesListed is how many files the report lists one by one; beyond it,
// files are summed up by kind and only those with rejected rows are listed.
const filesListed = 20

func writeFiles(w io.Writer, s *snapshot) {
	if len(s.exports) == 0 {
		return
	}
	rows, acc, rej := 0, 0, 0
	for _, e := range s.exports {
		rows, acc, rej = rows+e.Rows, acc+e.Accepted, rej+e.Rejected
	}
	if len(s.exports) <= filesListed {
		fmt.Fprintf(w, "读取的文件（%d 个）\n", len(s.exports))
		writeFileTable(w, s.exports, rows, acc, rej)
		return
	}
	fmt.Fprintf(w, "读取的文件（%d 个，按类型汇总）\n", len(s.exports))
	t := &table{head: []string{"类型", "文件数", "日期", "编码", "行数", "接受", "拒收"}, right: []bool{false, true, false, false, true, true, true}}
	for _, k := range volunteer.ExportKinds {
		var n, r, a, j int
		var first, last volunteer.Date
		encs := map[volunteer.Encoding]bool{}
		var encList []string
		for _, e := range s.exports {
			if e.Kind != k {
				continue
			}
			if n == 0 {
				first = e.Date
			}
			n, last, r, a, j = n+1, e.Date, r+e.Rows, a+e.Accepted, j+e.Rejected
			if !encs[e.Encoding] {
				encs[e.Encoding] = true
				encList = append(encList, string(e.Encoding))
			}
		}
		if n == 0 {
			continue
		}
		span := first.String()
		if last != first {
			span += " 至 " + last.String()
		}
		t.add(k.Label(), fmt.Sprint(n), span, strings.Join(encList, "、"), fmt.Sprint(r), fmt.Sprint(a), fmt.Sprint(j))
	}
	t.add("合计", fmt.Sprint(len(s.exports)), "", "", fmt.Sprint(rows), fmt.Sprint(acc), fmt.Sprint(rej))
	t.write(w, "  ")
	fmt.Fprintln(w)
	var withProblems []*volunteer.Export
	r, a, j := 0, 0, 0
	for _, e := range s.exports {
		if e.Rejected > 0 {
			withProblems = append(withProblems, e)
			r, a, j = r+e.Rows, a+e.Accepted, j+e.Rejected
		}
	}
	if len(withProblems) > 0 {
		fmt.Fprintf(w, "有拒收行的文件（%d 个）\n", len(withProblems))
		writeFileTable(w, withProblems, r, a, j)
	}
}

func writeFileTable(w io.Writer, exports []*volunteer.Export, rows, acc, rej int) {
	t := &table{head: []string{"文件", "类型", "编码", "日期", "行数", "接受", "拒收"}, right: []bool{false, false, false, false, true, true, true}}
	for _, e := range exports {
		t.add(e.Path, e.Kind.Label(), string(e.Encoding), e.Date.String(), fmt.Sprint(e.Rows), fmt.Sprint(e.Accepted), fmt.Sprint(e.Rejected))
	}
	t.add("合计", "", "", "", fmt.Sprint(rows), fmt.Sprint(acc), fmt.Sprint(rej))
	t.write(w, "  ")
	fmt.Fprintln(w)
}

func writeFailed(w io.Writer, s *snapshot) {
	if len(s.data.Failed) > 0 {
		fmt.Fprintf(w, "无法读取的文件（%d 个）：这些文件没有计入任何数字\n", len(s.data.Failed))
		for _, p := range s.data.Failed {
			fmt.Fprintf(w, "  %s：%s\n", p.Path, p.Reason)
		}
		fmt.Fprintln(w)
	}
	if len(s.data.Ignored) > 0 {
		fmt.Fprintf(w, "exports/ 中不是导出文件、已忽略的：%s\n\n", strings.Join(s.data.Ignored, "、"))
	}
}

// writeProblems groups rejected rows by the rule they broke and shows the
// first few of each.
func writeProblems(w io.Writer, s *snapshot) {
	var order []string
	groups := map[string][]volunteer.Problem{}
	total := 0
	for _, e := range s.exports {
		for _, p := range e.Problems {
			if groups[p.Rule] == nil {
				order = append(order, p.Rule)
			}
			groups[p.Rule] = append(groups[p.Rule], p)
			total++
		}
	}
	if total == 0 {
		return
	}
	fmt.Fprintf(w, "被拒收的行（共 %d 行，不计入任何数字；改正后重新导出即可）\n", total)
	for _, rule := range order {
		ps := groups[rule]
		fmt.Fprintf(w, "  %s（%d 行）\n", rule, len(ps))
		for i, p := range ps {
			if i == problemsShown {
				fmt.Fprintf(w, "    ……另有 %d 行，完整列表见 qingwang check --json\n", len(ps)-problemsShown)
				break
			}
			fmt.Fprintf(w, "    %s\n", p)
		}
	}
	fmt.Fprintln(w)
}

func writeRanking(w io.Writer, units *volunteer.Units, ranked []metrics.Progress, asOf volunteer.Date, withPrevious bool) {
	head := []string{"序号", "单位", "任务数", "已注册", "完成率", "排名", "日增", "近7日日均", "序时进度", "状态", "预计完成", "每日需"}
	right := []bool{true, false, true, true, true, true, true, true, true, false, false, true}
	if withPrevious {
		head = append(head[:7], append([]string{"较上期新增"}, head[7:]...)...)
		right = append(right[:7], append([]bool{true}, right[7:]...)...)
	}
	t := &table{head: head, right: right}
	for i, p := range ranked {
		rank, projected, needed := "—", "—", "—"
		if p.Rank > 0 {
			rank = fmt.Sprint(p.Rank)
		}
		switch {
		case p.Status == metrics.Done:
			projected, needed = "已完成", "0"
		case p.Projected != 0:
			projected, needed = p.Projected.ChineseFrom(asOf), fmt.Sprint(p.NeededDaily)
		case p.Quota > 0:
			projected, needed = "按现速无法完成", fmt.Sprint(p.NeededDaily)
		}
		cells := []string{fmt.Sprint(i + 1), units.At(p.Unit).Name, fmt.Sprint(p.Quota), fmt.Sprint(p.Registered),
			percent(p.Completion), rank, fmt.Sprintf("%+d", p.NewDay)}
		if withPrevious {
			cells = append(cells, fmt.Sprintf("%+d", p.NewPrevious))
		}
		cells = append(cells, fmt.Sprintf("%.1f", p.Pace), percent(p.TargetShare), p.Status.Label(), projected, needed)
		t.add(cells...)
	}
	t.write(w, "  ")
}

// writeLagging names the units behind 序时进度, as bulletins do.
func writeLagging(w io.Writer, s *snapshot) {
	var names []string
	units := s.data.Units
	for _, k := range []volunteer.Kind{volunteer.County, volunteer.School, volunteer.University} {
		for _, p := range s.report.Ranked(units, k) {
			if p.Status.Lagging() {
				names = append(names, fmt.Sprintf("%s（%s，完成%s）", units.At(p.Unit).Name, p.Status.Label(), percent(p.Completion)))
			}
		}
	}
	if len(names) == 0 {
		fmt.Fprintln(w, "各单位均达到序时进度。")
		return
	}
	fmt.Fprintf(w, "低于序时进度的单位：%s。\n", strings.Join(names, "、"))
}

func percent(f float64) string { return charts.PercentText(f) }
