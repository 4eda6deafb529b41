package main

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"qingwang/capture"
)

// TestBuild_PDFAndLongImage builds with --pdf: each bulletin has an A4 PDF
// whose text holds its issue number, the headline total and every county,
// and a long image 750 px wide showing the whole bulletin; a second build
// keeps both files as they were.
func TestBuild_PDFAndLongImage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b, err := capture.Start(t.Context())
	if errors.Is(err, capture.ErrNoBrowser) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s 不在本机（Debian: apt-get install poppler-utils）", tool)
		}
	}
	inProject(t)
	out := filepath.Join(t.TempDir(), "public")
	data := t.TempDir()
	copyDir(t, "cmd/qingwang/testdata/season", data)
	args := []string{"build", "--data", data, "--out", out, "--base-url", "https://example.org/qingwang/", "--pdf"}
	if code, _, errOut := run(t, args...); code != exitOK {
		t.Fatalf("build --pdf: exit %d\n%s", code, errOut)
	}
	dir := filepath.Join(out, "bulletins", "2015-04-26")
	pdf := filepath.Join(dir, "bulletin.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "(A4)") {
		t.Errorf("not A4:\n%s", info)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"共青团梅州市委员会", "第3期", "全市累计注册青年网络文明志愿者209人", "梅江区", "梅县区", "兴宁市", "平远县", "蕉岭县", "大埔县", "丰顺县", "五华县"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !bytes.Contains(page, []byte(`href="bulletin.pdf"`)) || !bytes.Contains(page, []byte(`href="share.png"`)) {
		t.Error("the bulletin page does not link to its PDF and long image")
	}
	f, err := os.Open(filepath.Join(dir, "share.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.DecodeConfig(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 750 || img.Height < 4*img.Width {
		t.Errorf("share.png is %d×%d; want 750 wide and the whole bulletin long", img.Width, img.Height)
	}
	before := tree(t, out)
	code, stdout, errOut := run(t, args...)
	if code != exitOK || !strings.Contains(stdout, "新生成 0 期") {
		t.Fatalf("second build: exit %d, %s %s", code, stdout, errOut)
	}
	after := tree(t, out)
	for name, b := range before {
		if !bytes.Equal(b, after[name]) {
			t.Errorf("%s changed although nothing did", name)
		}
	}
}
