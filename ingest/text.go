package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"qingwang/volunteer"
)

// sniffSize is how much of a file the encoding is judged on.
const sniffSize = 64 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	magicZip   = []byte("PK\x03\x04")
	magicOLE   = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Errors a whole file can fail with; the messages tell the office what to do.
var (
	errEmpty  = errors.New("文件是空的：请重新从平台导出")
	errBinary = errors.New("不是文本文件（含有二进制内容）：请从平台重新导出为 CSV，或在 Excel 中另存为“CSV UTF-8”或 .xlsx")
	errXLS    = errors.New("这是旧版 Excel（.xls）文件，无法直接读取：请在 Excel 中“另存为” .xlsx 或 CSV 后放回 data/exports/")
	errZip    = errors.New("这是 Excel（.xlsx）文件但扩展名不对：请把扩展名改为 .xlsx")
)

// decodeText judges the encoding of r and returns its text as UTF-8.
// UTF-8 and UTF-16 are told by their byte-order marks; text without one is
// UTF-8 when it is valid UTF-8, else GB18030 (a superset of GBK and GB2312,
// which the platform and Excel write).
func decodeText(r io.Reader) (volunteer.Encoding, io.Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return "", nil, err
	}
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return "", nil, errEmpty
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
		return volunteer.UTF8BOM, br, nil
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return volunteer.UTF16, transform.NewReader(br, dec), nil
	case bytes.HasPrefix(head, magicOLE):
		return "", nil, errXLS
	case bytes.HasPrefix(head, magicZip):
		return "", nil, errZip
	case bytes.IndexByte(head, 0) >= 0:
		return "", nil, errBinary
	case utf8.Valid(head) || len(head) == sniffSize && validUTF8Prefix(head):
		// A rune cut off is fine only where the window cut it, not at the end.
		return volunteer.UTF8, br, nil
	}
	return volunteer.GB18030, transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), nil
}

// validUTF8Prefix reports whether b is valid UTF-8 but for a rune cut off
// at its end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			return false
		}
		b = b[:len(b)-1]
	}
	return len(b) == 0
}

// prefetch decodes r on its own goroutine, a chunk ahead of the reader, so
// decoding GB18030 overlaps with parsing. Close stops it.
type prefetch struct {
	chunks chan []byte
	free   chan []byte
	done   chan struct{}
	errc   chan error // the decoding goroutine's last error, sent before chunks closes
	cur    []byte
	buf    []byte
	err    error
}

const chunkSize = 128 << 10

func newPrefetch(r io.Reader) *prefetch {
	p := &prefetch{
		chunks: make(chan []byte, 4),
		free:   make(chan []byte, 6),
		done:   make(chan struct{}),
		errc:   make(chan error, 1),
	}
	go func() {
		defer close(p.chunks)
		for {
			var b []byte
			select {
			case b = <-p.free:
			default:
				b = make([]byte, chunkSize)
			}
			n, err := io.ReadFull(r, b[:cap(b)])
			if n > 0 {
				select {
				case p.chunks <- b[:n]:
				case <-p.done:
					return
				}
			}
			if err != nil {
				if err == io.ErrUnexpectedEOF {
					err = io.EOF
				}
				p.errc <- err
				return
			}
		}
	}()
	return p
}

func (p *prefetch) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.buf != nil {
			select {
			case p.free <- p.buf:
			default:
			}
			p.buf = nil
		}
		if p.err != nil {
			return 0, p.err
		}
		c, ok := <-p.chunks
		if !ok {
			select {
			case p.err = <-p.errc:
			default:
				p.err = errors.New("ingest: read after close")
			}
			return 0, p.err
		}
		p.cur, p.buf = c, c
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close stops the decoding goroutine; reading after Close is an error.
func (p *prefetch) Close() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
	for range p.chunks {
	}
}
