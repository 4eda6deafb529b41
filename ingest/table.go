package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// source yields the records of a table with their line (or sheet row)
// numbers, 1-based. A *rowError is a record that could not be split; the
// source goes on after it.
type source interface {
	next() (fields []string, line int, err error)
	close()
}

type rowError struct {
	line int
	err  error
}

func (e *rowError) Error() string { return e.err.Error() }

// csvSource splits delimited text. It guesses the delimiter (comma or tab)
// from the first lines.
type csvSource struct {
	r   *csv.Reader
	pre *prefetch
}

func newCSVSource(text io.Reader) *csvSource {
	pre := newPrefetch(text)
	br := bufio.NewReaderSize(pre, 64<<10)
	head, _ := br.Peek(16 << 10)
	r := csv.NewReader(br)
	r.Comma = guessDelimiter(head)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = r.Comma == ',' // for tabs it would also eat empty cells
	return &csvSource{r: r, pre: pre}
}

// guessDelimiter picks tab when the first lines hold more tabs than commas.
func guessDelimiter(head []byte) rune {
	tabs, commas := 0, 0
	for i, line := range bytes.SplitN(head, []byte("\n"), 12) {
		if i == 11 {
			break
		}
		tabs += bytes.Count(line, []byte("\t"))
		commas += bytes.Count(line, []byte(","))
	}
	if tabs > commas {
		return '\t'
	}
	return ','
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, &rowError{pe.StartLine, fmt.Errorf("这一行的引号不成对，无法拆分（%v）：请检查该行是否有多余的英文双引号", pe.Err)}
		}
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

func (s *csvSource) close() { s.pre.Close() }

// xlsxSource reads the first worksheet of an .xlsx workbook, streaming.
// Cells come raw, so dates arrive as Excel serial days rather than in the
// viewer's display format.
type xlsxSource struct {
	f    *excelize.File
	rows *excelize.Rows
	row  int
}

func newXLSXSource(r io.Reader) (*xlsxSource, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("无法打开 Excel 文件（%v）：请确认它是 .xlsx 格式，或另存为 CSV", err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, errEmpty
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheets[0], err)
	}
	return &xlsxSource{f: f, rows: rows}, nil
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, 0, err
		}
		return nil, 0, io.EOF
	}
	s.row++
	cols, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, &rowError{s.row, err}
	}
	return cols, s.row, nil
}

func (s *xlsxSource) close() {
	s.rows.Close()
	s.f.Close()
}

// blank reports whether a record has no content: such lines are not rows.
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// headerSearch is how many leading records may precede the header row
// (titles such as "广东志愿者 志愿者名单 导出时间…").
const headerSearch = 20

// findHeader reads records until one is a header row of a known kind.
func findHeader(src source) (*columns, int, error) {
	var near *columns
	var nearMissing [][]field
	var firstLine []string
	for i := 0; i < headerSearch; i++ {
		rec, line, err := src.next()
		if err == io.EOF {
			break
		}
		var re *rowError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		if blank(rec) {
			continue
		}
		if firstLine == nil {
			firstLine = rec
		}
		best, n, m := detect(rec)
		if best != nil {
			return best, line, nil
		}
		if n != nil && (near == nil || len(m) < len(nearMissing)) {
			near, nearMissing = n, m
		}
	}
	if firstLine == nil {
		return nil, 0, errEmpty
	}
	if near != nil {
		return nil, 0, fmt.Errorf("表头不完整：看起来是%s，但缺少 %s 列。请从平台重新导出，或在表头补上这些列名",
			near.kind.Label(), describeMissing(nearMissing))
	}
	return nil, 0, fmt.Errorf("找不到可识别的表头（第一行是“%s”）：导出文件应有如 志愿者编号、所属组织、注册时间 这样的列名，请查看 README 中的导出说明",
		clip(strings.Join(firstLine, ","), 60))
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
