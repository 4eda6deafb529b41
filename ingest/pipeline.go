package ingest

import (
	"context"
	"errors"
	"io"

	"github.com/gocarina/gocsv"
)

// batchSize is how many records travel between stages at once.
const batchSize = 512

type batch[T any] struct {
	lines []int
	rows  []T
	bad   []rowError // records that could not be split
	err   error      // the source failed: stop
}

// decodeRows reads data records from src on its own goroutine and decodes
// them into T with gocsv, by the canonical tags resolved from the file's
// header. Blank records are skipped: they are not rows.
func decodeRows[T any](ctx context.Context, src source, cols *columns) <-chan batch[T] {
	out := make(chan batch[T], 4)
	go func() {
		defer close(out)
		var cur batch[T]
		recs := [][]string{cols.tags}
		flush := func() bool {
			if len(recs) > 1 {
				cur.rows = make([]T, 0, len(recs)-1)
				if err := gocsv.UnmarshalCSV(&records{rows: recs}, &cur.rows); err != nil {
					cur.err = err
				}
			}
			if len(cur.lines) == 0 && len(cur.bad) == 0 && cur.err == nil {
				return true
			}
			select {
			case out <- cur:
			case <-ctx.Done():
				return false
			}
			cur = batch[T]{}
			recs = [][]string{cols.tags}
			return true
		}
		for {
			rec, line, err := src.next()
			if err == io.EOF {
				flush()
				return
			}
			var re *rowError
			switch {
			case errors.As(err, &re):
				cur.bad = append(cur.bad, *re)
			case err != nil:
				cur.err = err
				flush()
				return
			case blank(rec):
				continue
			default:
				cur.lines = append(cur.lines, line)
				recs = append(recs, rec)
			}
			if len(cur.lines)+len(cur.bad) >= batchSize && !flush() {
				return
			}
		}
	}()
	return out
}

// records feeds one batch, header first, to gocsv.
type records struct {
	rows [][]string
	i    int
}

func (r *records) Read() ([]string, error) {
	if r.i >= len(r.rows) {
		return nil, io.EOF
	}
	r.i++
	return r.rows[r.i-1], nil
}

func (r *records) ReadAll() ([][]string, error) {
	rest := r.rows[r.i:]
	r.i = len(r.rows)
	return rest, nil
}
