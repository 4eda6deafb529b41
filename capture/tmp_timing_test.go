package capture

import (
	"context"
	"testing"
)

func TestTmpTiming(t *testing.T) {
	ctx := context.Background()
	b, err := Start(ctx)
	if err != nil {
		t.Skip(err)
	}
	defer b.Close()
	base, stop := Serve("/tmp/pub8")
	defer stop()
	for i := 0; i < 2; i++ {
		b.Both(ctx, base+"/bulletins/2015-04-26/", 375, 2, PDFOptions{})
	}
}
