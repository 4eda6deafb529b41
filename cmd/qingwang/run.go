package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// command is one subcommand: it owns its flags and writes only to the
// writers it is given, so tests run it in-process.
type command struct {
	name  string
	usage string
	run   func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"check", "检查数据并计算各项数字", runCheck},
		{"build", "生成通报网站（public/）", runBuild},
		{"serve", "在本机预览网站，数据变化时自动更新", runServe},
		{"correct", "更正一期已发布的通报（原通报仍保留）", runCorrect},
		{"demo", "生成一套演示数据（虚构人员）", runDemo},
	}
}

// usageError is bad usage: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// failure is a failure already reported to the user: exit status 1
// without another message.
var errReported = errors.New("reported")

// Run runs qingwang with args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ue usageError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "qingwang %s：%s\n", c.name, ue.msg)
			fmt.Fprintf(stderr, "用法见 qingwang %s --help\n", c.name)
			return exitUsage
		case errors.Is(err, errReported):
			return exitFailure
		case errors.Is(err, context.Canceled):
			fmt.Fprintln(stderr, "qingwang：已中断")
			return exitFailure
		default:
			fmt.Fprintf(stderr, "qingwang %s：%v\n", c.name, err)
			return exitFailure
		}
	}
	fmt.Fprintf(stderr, "qingwang：没有“%s”这个命令\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "qingwang：把志愿者平台的导出文件变成青网计划工作通报")
	fmt.Fprintln(w, "\n用法：qingwang <命令> [选项]")
	fmt.Fprintln(w, "\n命令：")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-7s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\n每个命令的选项：qingwang <命令> --help")
}

// newFlags makes a subcommand's flag set; parse errors become usage errors.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("qingwang "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args; --help prints the flags, errors become usage
// errors that Run reports once.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(out, "用法：%s [选项]\n\n选项：\n", fs.Name())
		fs.PrintDefaults()
		return err
	}
	if err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("多余的参数：%v", fs.Args())}
	}
	return nil
}
