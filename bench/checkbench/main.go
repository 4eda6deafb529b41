// Command checkbench measures `qingwang check` on a large GB18030 roster
// against the plainest Go that reads the same file: a GB18030 decoder,
// encoding/csv and a set of volunteer ids. It prints each one's best wall
// time and peak memory (max RSS) over a few runs, and their ratios.
//
//	go build -o /tmp/qingwang ./cmd/qingwang
//	go run ./bench/checkbench -qingwang /tmp/qingwang -rows 1000000
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"qingwang"
)

func main() {
	qw := flag.String("qingwang", "", "the qingwang binary to measure")
	rows := flag.Int("rows", 1_000_000, "roster rows to generate")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "qingwang-bench"), "where the data folder is made")
	runs := flag.Int("runs", 3, "runs of each; the best is reported")
	plain := flag.String("plain", "", "internal: run the plain loop on this file")
	flag.Parse()
	if *plain != "" {
		n, err := plainLoop(*plain)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(n, "distinct volunteers")
		return
	}
	if *qw == "" {
		fmt.Fprintln(os.Stderr, "checkbench: -qingwang BINARY is required")
		os.Exit(2)
	}
	file, err := makeRoster(*dir, *rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st, _ := os.Stat(file)
	fmt.Printf("roster: %s, %d rows, %.1f MB GB18030\n\n", file, *rows, float64(st.Size())/1e6)
	self, _ := os.Executable()
	plainT, plainM := measure(*runs, self, "-plain", file)
	checkT, checkM := measure(*runs, *qw, "check", "--data", *dir)
	fmt.Printf("%-34s %8s %10s\n", "", "wall", "peak RSS")
	fmt.Printf("%-34s %7.2fs %8.0f MB\n", "plain loop (csv+gb18030+id set)", plainT.Seconds(), plainM)
	fmt.Printf("%-34s %7.2fs %8.0f MB\n", "qingwang check", checkT.Seconds(), checkM)
	fmt.Printf("%-34s %7.2fx %9.2fx   (targets: 1.2x, 1.5x)\n", "ratio", checkT.Seconds()/plainT.Seconds(), checkM/plainM)
}

// measure runs a command and returns its best wall time and its largest
// peak RSS in MB.
func measure(runs int, name string, args ...string) (best time.Duration, peakMB float64) {
	for i := 0; i < runs; i++ {
		cmd := exec.Command(name, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		var ee *exec.ExitError
		if err != nil && !errorsAs(err, &ee) {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if best == 0 || took < best {
			best = took
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakMB = max(peakMB, float64(ru.Maxrss)/1024)
		}
	}
	return best, peakMB
}

func errorsAs(err error, ee **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	*ee = e
	return ok
}

// plainLoop is the baseline: decode, split, count distinct ids.
func plainLoop(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(transform.NewReader(bufio.NewReaderSize(f, 64<<10), simplifiedchinese.GB18030.NewDecoder()))
	r.FieldsPerRecord = -1
	ids := map[string]struct{}{}
	if _, err := r.Read(); err != nil {
		return 0, err
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return len(ids), nil
		}
		if err != nil {
			return 0, err
		}
		ids[rec[0]] = struct{}{}
	}
}

// makeRoster writes dir/units.csv and a GB18030 roster of n fake people
// (with a few duplicates and unknown units, as real exports have), unless
// it is there already.
func makeRoster(dir string, n int) (string, error) {
	file := filepath.Join(dir, "exports", fmt.Sprintf("志愿者名单_%d_20150630.csv", n))
	if _, err := os.Stat(file); err == nil {
		return file, nil
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "units.csv"), qingwang.UnitsCSV, 0o644); err != nil {
		return "", err
	}
	f, err := os.Create(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	w := transform.NewWriter(bufio.NewWriterSize(f, 1<<20), simplifiedchinese.GB18030.NewEncoder())
	orgs := []string{"梅州市/梅江区/金山街道", "共青团梅县区委员会", "兴宁市/大坪镇", "东山中学团委", "平远县", "嘉应学院梅州医学院",
		"梅州市/五华县/水寨镇", "大埔县团委", "丰顺县", "蕉岭县蕉城镇", "梅州市交通技术学校", "梅州市/梅县区/松口镇"}
	surnames := []rune("李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
	rng := rand.New(rand.NewPCG(1, 2))
	fmt.Fprint(w, "志愿者编号,姓名,证件号码,手机号码,所属组织,注册时间（北京时间）,政治面貌\r\n")
	for i := 0; i < n; i++ {
		id := i
		if i%100_000 == 99_999 {
			id = i - 1 // a duplicate now and then
		}
		org := orgs[rng.IntN(len(orgs))]
		if i%250_000 == 7 {
			org = "梅江去" // a typo
		}
		day := 1 + rng.IntN(30)
		pol := "共青团员"
		if rng.IntN(3) == 0 {
			pol = "群众"
		}
		fmt.Fprintf(w, "GD%010d,%c%c%c,441402%04d%02d%02d%03d%d,13%09d,%s,2015-06-%02d %02d:%02d:%02d,%s\r\n",
			id, surnames[rng.IntN(len(surnames))], given[rng.IntN(len(given))], given[rng.IntN(len(given))],
			1990+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(1000), rng.IntN(10),
			rng.IntN(1_000_000_000), org, day, 8+rng.IntN(14), rng.IntN(60), rng.IntN(60), pol)
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return file, nil
}
