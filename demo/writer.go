package demo

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"qingwang/volunteer"
)

// layout is how one file is encoded and delimited.
type layout struct {
	enc  volunteer.Encoding
	sep  byte // ',' or '\t'
	crlf bool
}

var (
	platformCSV = layout{volunteer.GB18030, ',', true} // what the platform writes
	excelCSV    = layout{volunteer.UTF8BOM, ',', true} // Excel's "CSV UTF-8"
	plainCSV    = layout{volunteer.UTF8, ',', false}   // a script or a Mac
	unicodeText = layout{volunteer.UTF16, '\t', true}  // Excel's "Unicode text"
)

// sheet writes one delimited file, streaming: rows are built in UTF-8 in a
// reused buffer, encoded on the way to a buffered file. It counts rows and
// lines and records the messy rows, for the Summary.
type sheet struct {
	file File
	f    *os.File
	bw   *bufio.Writer
	enc  io.WriteCloser // the encoder, when not UTF-8
	w    io.Writer
	lay  layout
	buf  []byte
	line int  // lines written so far
	open bool // a row has fields
}

func createSheet(dir, name string, kind volunteer.ExportKind, date volunteer.Date, lay layout) (*sheet, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	s := &sheet{
		file: File{Path: "exports/" + name, Kind: kind, Encoding: lay.enc, Date: date},
		f:    f,
		bw:   bufio.NewWriterSize(f, 256<<10),
		lay:  lay,
		buf:  make([]byte, 0, 512),
	}
	s.w = s.bw
	switch lay.enc {
	case volunteer.UTF8BOM:
		s.bw.WriteString("\ufeff")
	case volunteer.GB18030:
		s.enc = transform.NewWriter(s.bw, simplifiedchinese.GB18030.NewEncoder())
		s.w = s.enc
	case volunteer.UTF16:
		s.enc = transform.NewWriter(s.bw, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder())
		s.w = s.enc
	}
	return s, nil
}

// header writes the header line.
func (s *sheet) header(cols ...string) error {
	for _, c := range cols {
		s.add(c)
	}
	s.line++
	return s.flushRow()
}

// add appends one field to the row being built, quoted when it must be.
func (s *sheet) add(v string) {
	if s.open {
		s.buf = append(s.buf, s.lay.sep)
	}
	s.open = true
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == s.lay.sep || c == '"' || c == '\n' || c == '\r' {
			s.buf = append(s.buf, '"')
			for j := 0; j < len(v); j++ {
				if v[j] == '"' {
					s.buf = append(s.buf, '"')
				}
				s.buf = append(s.buf, v[j])
			}
			s.buf = append(s.buf, '"')
			return
		}
	}
	s.buf = append(s.buf, v...)
}

// addBytes appends a field known to need no quotes (digits, names).
func (s *sheet) addBytes(v []byte) {
	if s.open {
		s.buf = append(s.buf, s.lay.sep)
	}
	s.open = true
	s.buf = append(s.buf, v...)
}

// field starts a field the caller appends to s.buf itself.
func (s *sheet) field() {
	if s.open {
		s.buf = append(s.buf, s.lay.sep)
	}
	s.open = true
}

// end writes the row; a messy row is recorded with its line.
func (s *sheet) end(m MessKind) error {
	s.line++
	s.file.Rows++
	if m != 0 {
		s.file.Messes = append(s.file.Messes, Mess{Line: s.line, Kind: m})
	}
	return s.flushRow()
}

func (s *sheet) flushRow() error {
	if s.lay.crlf {
		s.buf = append(s.buf, '\r', '\n')
	} else {
		s.buf = append(s.buf, '\n')
	}
	_, err := s.w.Write(s.buf)
	s.buf = s.buf[:0]
	s.open = false
	return err
}

// close flushes everything and fills in the file's size.
func (s *sheet) close() (File, error) {
	var err error
	if s.enc != nil {
		err = s.enc.Close()
	}
	if e := s.bw.Flush(); err == nil {
		err = e
	}
	if fi, e := s.f.Stat(); e == nil {
		s.file.Bytes = fi.Size()
	}
	if e := s.f.Close(); err == nil {
		err = e
	}
	return s.file, err
}

// abort closes the file after a failure; the error that caused it wins.
func (s *sheet) abort() { s.f.Close() }
