package capture

import (
	"context"
	"errors"
	"os"
	"testing"

	qt "github.com/frankban/quicktest"
)

func TestStart_WrongChromiumVariableIsNoBrowser(t *testing.T) {
	t.Setenv("CHROMIUM", "/nonexistent/chromium")
	_, err := Start(context.Background())
	qt.Assert(t, errors.Is(err, ErrNoBrowser), qt.IsTrue, qt.Commentf("%v", err))
	qt.Assert(t, err, qt.ErrorMatches, `.*sudo apt-get install chromium fonts-noto-cjk.*CHROMIUM=/nonexistent/chromium.*`)
}

func TestClose_RemovesProfileAndProcesses(t *testing.T) {
	if _, err := findChromium(); err != nil {
		t.Skipf("跳过需要浏览器的测试：%v", err)
	}
	b, err := Start(context.Background())
	qt.Assert(t, err, qt.IsNil)
	dir := b.userDataDir
	_, err = os.Stat(dir)
	qt.Assert(t, err, qt.IsNil)

	qt.Assert(t, b.Close(), qt.IsNil)
	qt.Assert(t, b.Close(), qt.IsNil) // twice is fine
	_, err = os.Stat(dir)
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue, qt.Commentf("%s: %v", dir, err))
	qt.Assert(t, processesUsing(dir), qt.HasLen, 0)
}

func TestStart_CancelledContext(t *testing.T) {
	if _, err := findChromium(); err != nil {
		t.Skipf("跳过需要浏览器的测试：%v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Start(ctx)
	qt.Assert(t, errors.Is(err, context.Canceled), qt.IsTrue, qt.Commentf("%v", err))
}
