package sitedata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"qingwang/charts"
	"qingwang/ingest"
	"qingwang/metrics"
	"qingwang/volunteer"
)

// Site is everything the pages show.
type Site struct {
	Meta        Meta         `json:"meta"`
	Bulletins   []Bulletin   `json:"bulletins"`
	Days        []Day        `json:"days"`
	Units       []UnitPage   `json:"units"`
	Assessments []Assessment `json:"assessments"`
}

// Meta is the home page and what every page shares.
type Meta struct {
	AsOf       string      `json:"as_of"`
	AsOfCN     string      `json:"as_of_cn"`
	Latest     int         `json:"latest"` // the latest bulletin's number
	LatestDate string      `json:"latest_date"`
	City       Figures     `json:"city"`
	Counties   []Row       `json:"counties"`
	Schools    []Row       `json:"schools"`
	Lagging    []Lag       `json:"lagging"`
	Milestones []Milestone `json:"milestones"`
	Next       *Milestone  `json:"next"`
	Statuses   []Status    `json:"statuses"`
	Charts     []Chart     `json:"charts"`
}

// Status is one status with its colour, for legends and CSS.
type Status struct {
	Label string `json:"label"`
	Class string `json:"class"`
	Color string `json:"color"`
}

// Milestone is a date of the notice with the days left from a page's date.
type Milestone struct {
	Date     string `json:"date"`
	DateCN   string `json:"date_cn"`
	Name     string `json:"name"`
	Detail   string `json:"detail"`
	DaysLeft int    `json:"days_left"` // negative once passed
}

// Build figures every page from a dataset read by ingest.
func Build(ds *ingest.Dataset) (*Site, error) {
	b := newBuilder(ds)
	if len(b.dates) == 0 {
		return nil, fmt.Errorf("exports/ 中没有志愿者名单或汇总导出，无法计算注册人数：请放入平台导出的文件")
	}
	s := &Site{Assessments: []Assessment{}}
	for _, d := range b.rules.Assessments {
		if d <= b.latest() {
			s.Assessments = append(s.Assessments, b.assessment(d))
		}
	}
	b.assessments = s.Assessments
	for i, c := range b.cutoffs {
		s.Bulletins = append(s.Bulletins, b.bulletin(i+1, c))
	}
	for _, d := range b.dates {
		s.Days = append(s.Days, b.day(d))
	}
	for u := 0; u < ds.Units.Len(); u++ {
		if u == ds.Units.Root() {
			continue
		}
		s.Units = append(s.Units, b.unitPage(u))
	}
	s.Meta = b.meta(s)
	return s, nil
}

// Write puts the site's data into dir as the JSON files the templates read
// (site.json, bulletins.json, days.json, units.json), deterministically.
// Each file is written beside itself and renamed into place, so a preview
// server watching dir never reads half a file.
func (s *Site) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, v := range map[string]any{"site": s.Meta, "bulletins": s.Bulletins, "days": s.Days, "units": s.Units, "assessments": s.Assessments} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", " ")
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("sitedata %s: %w", name, err)
		}
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path+".tmp", buf.Bytes(), 0o644); err != nil {
			return err
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			return err
		}
	}
	return nil
}

// builder holds what every page is figured from.
type builder struct {
	ds      *ingest.Dataset
	units   *volunteer.Units
	rules   volunteer.Rules
	ledger  *metrics.Ledger
	dates   []volunteer.Date // days some registration export tells
	cutoffs []volunteer.Date // the bulletins' cut-offs
	reports map[volunteer.Date]*metrics.Report
	// assessments are figured before the bulletins and unit pages that cite them.
	assessments []Assessment
}

func newBuilder(ds *ingest.Dataset) *builder {
	l := metrics.NewLedger(ds.Units, ds.Exports)
	return &builder{
		ds: ds, units: ds.Units, rules: ds.Rules, ledger: l,
		dates: l.Dates(), cutoffs: metrics.Cutoffs(l),
		reports: map[volunteer.Date]*metrics.Report{},
	}
}

// report is the figures as of d, computed once.
func (b *builder) report(d volunteer.Date) *metrics.Report {
	r, ok := b.reports[d]
	if !ok {
		r = metrics.Compute(b.units, b.rules, b.ledger, d)
		b.reports[d] = r
	}
	return r
}

func (b *builder) latest() volunteer.Date { return b.dates[len(b.dates)-1] }

func (b *builder) meta(s *Site) Meta {
	asOf := b.latest()
	r := b.report(asOf)
	m := Meta{
		AsOf: asOf.String(), AsOfCN: asOf.ChineseFull(),
		City:     b.figures(r, b.units.Root()),
		Counties: b.rows(r, volunteer.County),
		Schools:  b.rows(r, volunteer.School),
		Lagging:  b.lagging(r),
	}
	if n := len(s.Bulletins); n > 0 {
		m.Latest, m.LatestDate = s.Bulletins[n-1].Number, s.Bulletins[n-1].Date
	}
	m.Milestones = b.milestones(asOf, false)
	for i := range m.Milestones {
		if m.Milestones[i].DaysLeft >= 0 {
			m.Next = &m.Milestones[i]
			break
		}
	}
	colors := charts.StatusColors()
	for _, st := range []metrics.Status{metrics.Done, metrics.OnTrack, metrics.Behind, metrics.SeverelyBehind} {
		m.Statuses = append(m.Statuses, Status{st.Label(), statusClass(st), colors[st.Label()]})
	}
	m.Charts = mustCharts(
		func() (Chart, error) { return b.gaugeChart(r) },
		func() (Chart, error) { return b.completionChart(r, volunteer.County) },
	)
	return m
}

// milestones lists the rules' dates as seen from d; upcoming only keeps
// those not yet passed.
func (b *builder) milestones(d volunteer.Date, upcoming bool) []Milestone {
	var out []Milestone
	for _, m := range b.rules.Milestones {
		left := d.DaysUntil(m.Date)
		if upcoming && left < 0 {
			continue
		}
		out = append(out, Milestone{m.Date.String(), m.Date.Chinese(), m.Name, m.Detail, left})
	}
	return out
}
