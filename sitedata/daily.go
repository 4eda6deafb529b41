package sitedata

import (
	"fmt"

	"qingwang/volunteer"
)

// Day is the daily update of one export date.
type Day struct {
	Date     string    `json:"date"`
	DateCN   string    `json:"date_cn"`
	Title    string    `json:"title"`
	Headline string    `json:"headline"`
	City     Figures   `json:"city"`
	Counties []Row     `json:"counties"`
	Schools  []Row     `json:"schools"`
	Lagging  []Lag     `json:"lagging"`
	Receipt  []Receipt `json:"receipt"`
	Bulletin int       `json:"bulletin"` // the number of the bulletin this day's week belongs to
}

func (b *builder) day(d volunteer.Date) Day {
	r := b.report(d)
	city := b.figures(r, b.units.Root())
	dy := Day{
		Date: d.String(), DateCN: d.ChineseFull(),
		Title:    fmt.Sprintf("%s注册情况：全市累计%d人，当日新增%d人", d.Chinese(), city.Registered, city.NewDay),
		Headline: fmt.Sprintf("截至%s，全市累计注册%d人，完成%s，当日新增%d人", d.Chinese(), city.Registered, city.Completion, city.NewDay),
		City:     city,
		Counties: b.rows(r, volunteer.County),
		Schools:  b.rows(r, volunteer.School),
		Lagging:  b.lagging(r),
		Receipt:  b.receipt(d, d, d.AddDays(-1)),
	}
	for i, c := range b.cutoffs {
		if c >= d {
			dy.Bulletin = i + 1
			break
		}
	}
	return dy
}
