#!/usr/bin/env python3
"""Generates tests/go/fmt_cases.go and tests/fmt_cases.rs from one table.

Each case is a format string and operands given both as Go and as Rust
expressions. Running the Go program (Go 1.19) prints the hex of every
result; this script turns those into the expected strings of the Rust
table. Usage: gen_fmt_cases.py go  (writes the Go program)
              gen_fmt_cases.py rust OUTPUT_OF_GO_PROGRAM  (writes the Rust test)
"""
import sys, os

def I(n): return (f"{n}", f"{n}i64")
def I8(n): return (f"int8({n})", f"{n}i8")
def I32(n): return (f"int32({n})", f"{n}i32")
def U8(n): return (f"uint8({n})", f"{n}u8")
def U(n): return (f"uint({n})", f"{n}u64")
def U64(n): return (f"uint64({n})", f"{n}u64")
def F(x):
    specials = {"nan": ("math.NaN()", "f64::NAN"), "inf": ("math.Inf(1)", "f64::INFINITY"),
                "-inf": ("math.Inf(-1)", "f64::NEG_INFINITY"), "-0": ("math.Copysign(0, -1)", "-0.0f64")}
    if x in specials: return specials[x]
    return (f"float64({x})", f"{x}f64")
def F32(x): return (f"float32({x})", f"{x}f32")
def S(s):
    return (go_str(s), rust_str(s))

def go_str(s):
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch in '"\\': out += '\\' + ch
        elif 0x20 <= o < 0x7f: out += ch
        elif o < 0x80: out += '\\x%02x' % o
        elif o < 0x10000: out += '\\u%04x' % o
        else: out += '\\U%08x' % o
    return out + '"'
def B(b): return ("true" if b else "false", "true" if b else "false")
def C(re, im): return (f"complex({re}, {im})", f"Complex128::new({re}f64, {im}f64)")

def rust_str(s):
    out = '"'
    for ch in s:
        if ch == '\\': out += '\\\\'
        elif ch == '"': out += '\\"'
        elif 0x20 <= ord(ch) < 0x7f: out += ch
        else: out += '\\u{%x}' % ord(ch)
    return out + '"'

SLI = ("[]int{1, 2, 3}", "vec![1i64, 2, 3]")
SLS = ('[]string{"a", "b c"}', 'vec!["a".to_string(), "b c".to_string()]')
SLB = ('[]byte("hi\\x00z")', 'b"hi\\x00z".to_vec()')
SLF = ("[]float64{1.5, 0.25}", "vec![1.5f64, 0.25]")
EMPTY = ("[]int{}", "Vec::<i64>::new()")
NEST = ("[][]int{{1, 2}, {3}}", "vec![vec![1i64, 2], vec![3]]")
ARR = ("[3]int{1, 2, 3}", "[1i64, 2, 3]")
ARRB = ("[2]byte{65, 66}", "[65u8, 66]")
MSI = ('map[string]int{"b": 2, "a": 1, "c": 3}', 'map(&[("b", 2i64), ("a", 1), ("c", 3)])')
MIS = ('map[int]string{10: "x", -1: "y", 2: "z"}', 'imap(&[(10, "x"), (-1, "y"), (2, "z")])')
MBI = ('map[bool]int{true: 1, false: 0}', 'bmap(&[(true, 1), (false, 0)])')
MSL = ('map[string][]int{"k": {1, 2}}', 'slmap()')
PT = ("Point{1, 2}", "Point { x: 1, y: 2 }")
PPT = ("&Point{1, 2}", "ptr(Point { x: 1, y: 2 })")
NILP = ("(*Point)(nil)", "None::<Rc<RefCell<Point>>>")
NILI = ("(*int)(nil)", "None::<Rc<RefCell<i64>>>")
CEL = ("Celsius(21.5)", "Celsius(21.5)")
WRAP = ('Wrap{"w", &Point{3, 4}, Celsius(1), []int{7}}', 'wrap(true)')
WRAPN = ('Wrap{"n", nil, Celsius(-2), nil}', 'wrap(false)')
PIN = ("&[]int{1}", "ptr(vec![1i64])")
PMAP = ('&map[string]int{"a": 1}', 'ptr(map(&[("a", 1)]))')
PINT = None  # addresses differ; not compared
SCEL = ("[]Celsius{1, 2.25}", "vec![Celsius(1.0), Celsius(2.25)]")
IFACE = ('[]interface{}{1, "a", 2.5, nil, true}', 'vec![Some(bx(1i64)), Some(bx("a")), Some(bx(2.5f64)), None, Some(bx(true))]')

cases = [
    # integers
    ("%d", [I(42)]), ("%d", [I(-42)]), ("%5d|", [I(42)]), ("%-5d|", [I(42)]), ("%05d", [I(42)]),
    ("%05d", [I(-42)]), ("%+d", [I(42)]), ("% d", [I(42)]), ("% d", [I(-42)]), ("%x", [I(255)]),
    ("%X", [I(255)]), ("%#x", [I(255)]), ("%#X", [I(255)]), ("%x", [I(-255)]), ("%o", [I(8)]),
    ("%#o", [I(8)]), ("%O", [I(8)]), ("%b", [I(5)]), ("%#b", [I(5)]), ("%c", [I(65)]),
    ("%c", [I(0x1F600)]), ("%c", [I(-1)]), ("%q", [I(97)]), ("%q", [I(10)]), ("%q", [I(0x7f)]),
    ("%+q", [I(0xe9)]), ("%q", [I(0xe9)]), ("%U", [I(0x41)]), ("%#U", [I(0x41)]), ("%#U", [I(0x1F600)]),
    ("%U", [I(0x10ffff)]), ("%.6U", [I(0x41)]), ("%.3d", [I(7)]), ("%8.3d|", [I(7)]), ("%08.3d|", [I(7)]),
    ("%.0d|", [I(0)]), ("%5.0d|", [I(0)]), ("%v", [I8(-5)]), ("%v", [U8(255)]), ("%d", [U64(18446744073709551615)]),
    ("%d", [("int64(-9223372036854775808)", "i64::MIN")]), ("%x", [("int64(-9223372036854775808)", "i64::MIN")]),
    ("%#v", [U(5)]), ("%#v", [I(5)]), ("%v", [I32(-7)]), ("%T", [I(1)]), ("%T", [I32(1)]), ("%T", [U8(1)]),
    ("%T", [U(1)]), ("%10T|", [I(1)]), ("%s", [I(5)]), ("%e", [I(5)]), ("%t", [I(1)]), ("%-08d|", [I(3)]),
    ("%+05d", [I(3)]), ("%x", [U8(10)]), ("%#08x", [I(255)]), ("% x", [I(255)]), ("%+x", [I(255)]),
    # floats
    ("%v", [F(1.0)]), ("%v", [F(0.1)]), ("%v", [F(1e6)]), ("%v", [F(1e21)]), ("%v", [F(1e20)]),
    ("%v", [F(123456789.0)]), ("%v", [F(123456.0)]), ("%v", [F(1234567.0)]), ("%v", [F(1e-5)]), ("%v", [F(0.0001)]),
    ("%v", [F(2.5e-5)]), ("%v", [F("-0")]), ("%v", [F("nan")]), ("%v", [F("inf")]), ("%v", [F("-inf")]),
    ("%v", [F(1e100)]), ("%v", [F(5e-324)]), ("%v", [F(1.7976931348623157e308)]), ("%v", [F(3.141592653589793)]),
    ("%f", [F(3.141592653589793)]), ("%.2f", [F(3.14159)]), ("%8.3f|", [F(3.14159)]), ("%-8.3f|", [F(3.14159)]),
    ("%08.3f", [F(-3.14159)]), ("%+.1f", [F(2.25)]), ("% f", [F(1.5)]), ("%e", [F(123456.789)]),
    ("%E", [F(123456.789)]), ("%.3e", [F(0.000123456)]), ("%g", [F(123456.789)]), ("%G", [F(1e-10)]),
    ("%.3g", [F(123456.789)]), ("%.10g", [F(1.0/3.0)]), ("%#g", [F(1.0)]), ("%#.3g", [F(1.0)]),
    ("%#.0f", [F(3.0)]), ("%#.0e", [F(3.0)]), ("%#v", [F(1.0)]), ("%#v", [F(1e6)]), ("%b", [F(1.0)]), ("%x", [F(1.0)]),
    ("%X", [F(-10.5)]), ("%.2x", [F(3.3)]), ("%x", [F(0.0)]), ("%10.3v|", [F(3.14159)]), ("%05.1f", [F("nan")]),
    ("%+v", [F("nan")]), ("% f", [F("inf")]), ("%08.2f", [F("-inf")]), ("%5.1f|", [F("inf")]), ("%v", [F32(0.1)]),
    ("%v", [F32(16777216.0)]), ("%v", [F32(1e-7)]), ("%.3f", [F32(2.675)]), ("%v", [F(100000.0)]), ("%g", [F(100000.0)]),
    ("%e", [F(0.0)]), ("%g", [F(0.0)]), ("%.0f", [F(0.5)]), ("%.0f", [F(1.5)]), ("%.1f", [F(0.05)]),
    ("%.3g", [F(0.0001234)]), ("%.3g", [F(1e-5)]), ("%g", [F(1e21)]), ("%.20f", [F(0.1)]), ("%6.2f|", [F(-1.234)]),
    ("%T", [F(1.0)]), ("%T", [F32(1.0)]), ("%d", [F(1.5)]), ("%.1f%%", [F(99.5)]), ("%.f", [F(2.5)]),
    ("%#.4x", [F(1.0)]), ("%#g", [F(123456789.0)]), ("%#.2g", [F(0.001)]),
    # complex
    ("%v", [C(1, 2)]), ("%v", [C(-1.5, -0.5)]), ("%.2f", [C(1, -2)]), ("%e", [C(1, 2)]), ("%+v", [C(1, 2)]),
    ("%T", [C(1, 2)]), ("%8.1f|", [C(1, 2)]), ("%d", [C(1, 2)]),
    # strings
    ("%s", [S("hello")]), ("%v", [S("hello")]), ("%q", [S("hello")]), ("%#v", [S("hello")]), ("%x", [S("hi")]),
    ("%X", [S("hi")]), ("% x", [S("hi!")]), ("%#x", [S("hi")]), ("%# x", [S("hi!")]), ("%# X", [S("hi!")]),
    ("%10s|", [S("go")]), ("%-10s|", [S("go")]), ("%.2s", [S("golang")]), ("%.2q", [S("golang")]),
    ("%5.1s|", [S("golang")]), ("%+q", [S("héllo")]), ("%q", [S("héllo")]), ("%#q", [S("back`tick")]),
    ("%#q", [S("plain")]), ("%#+q", [S("é")]), ("%q", [S("tab\there\n")]), ("%q", [S("日本")]), ("%+q", [S("日本")]),
    ("%x", [S("")]), ("%5x|", [S("")]), ("%05s", [S("ab")]), ("%T", [S("x")]), ("%d", [S("hi")]),
    ("%5s|", [S("日本")]), ("%-4s|", [S("é")]), ("%.1s", [S("日本")]), ("%q", [S("\x00\x07\x1b")]), ("%q", [S("\u00a0\u200b")]),
    ("%q", [S("\"quoted\" \\ back")]), ("%s", [S("%d")]), ("%8.3x|", [S("hello")]), ("%q", [S("\U0001F600")]), ("%+q", [S("\U0001F600")]),
    # bools
    ("%t", [B(True)]), ("%v", [B(False)]), ("%5t|", [B(True)]), ("%-6v|", [B(False)]), ("%d", [B(True)]), ("%T", [B(True)]),
    ("%q", [B(True)]),
    # slices and arrays
    ("%v", [SLI]), ("%d", [SLI]), ("%x", [SLI]), ("%#v", [SLI]), ("%T", [SLI]), ("%03d", [SLI]), ("%5v|", [SLI]),
    ("%v", [SLS]), ("%q", [SLS]), ("%#v", [SLS]), ("%T", [SLS]), ("%x", [SLS]), ("%d", [SLS]),
    ("%s", [SLB]), ("%x", [SLB]), ("%X", [SLB]), ("% x", [SLB]), ("%q", [SLB]), ("%v", [SLB]), ("%#v", [SLB]),
    ("%T", [SLB]), ("%d", [SLB]), ("%c", [SLB]),
    ("%v", [ARR]), ("%#v", [ARR]), ("%T", [ARR]), ("%s", [ARRB]), ("%x", [ARRB]), ("%v", [ARRB]), ("%#v", [ARRB]),
    ("%v", [NEST]), ("%#v", [NEST]), ("%T", [NEST]), ("%v", [EMPTY]), ("%#v", [EMPTY]), ("%.2f", [SLF]), ("%v", [SLF]),
    ("%v", [IFACE]), ("%d", [IFACE]), ("%T", [IFACE]), ("%v", [SCEL]), ("%d", [SCEL]), ("%.1f", [SCEL]),
    # maps
    ("%v", [MSI]), ("%#v", [MSI]), ("%T", [MSI]), ("%d", [MSI]), ("%v", [MIS]), ("%q", [MIS]), ("%v", [MBI]),
    ("%v", [MSL]), ("%#v", [MSL]), ("%x", [MSI]),
    # structs and pointers
    ("%v", [PT]), ("%+v", [PT]), ("%#v", [PT]), ("%T", [PT]), ("%d", [PT]), ("%x", [PT]), ("%05d", [PT]),
    ("%v", [PPT]), ("%+v", [PPT]), ("%#v", [PPT]), ("%T", [PPT]), ("%d", [PPT]), ("%v", [NILP]), ("%+v", [NILP]),
    ("%#v", [NILP]), ("%d", [NILP]), ("%T", [NILP]), ("%s", [NILP]), ("%v", [NILI]), ("%x", [NILI]), ("%10v|", [NILP]),
    ("%v", [PIN]), ("%v", [PMAP]), ("%v", [WRAPN]), ("%+v", [WRAPN]),
    # String() methods
    ("%v", [CEL]), ("%s", [CEL]), ("%q", [CEL]), ("%x", [CEL]), ("%10v|", [CEL]), ("%-10s|", [CEL]),
    ("%d", [CEL]), ("%.2f", [CEL]), ("%#v", [CEL]), ("%T", [CEL]), ("%.3v", [CEL]),
    # errors and argument handling
    ("%d", []), ("%d %d", [I(1)]), ("%d", [I(1), S("a")]), ("%d %s", [I(1), S("a"), I(2), B(True)]),
    ("%", [I(1)]), ("%!", []), ("abc%", []), ("%*d", [S("x"), I(5)]), ("%.*d", [S("x"), I(5)]),
    ("%*d|", [I(5), I(42)]), ("%-*d|", [I(5), I(42)]), ("%*d|", [I(-5), I(42)]), ("%.*f", [I(2), F(3.14159)]),
    ("%.*f", [I(-1), F(3.14159)]), ("%*.*f|", [I(8), I(2), F(3.14159)]), ("%[2]d %[1]d", [I(1), I(2)]),
    ("%[3]d", [I(1), I(2)]), ("%[1]d %d", [I(1), I(2)]), ("%[2]*[1]d|", [I(12), I(5)]), ("%[0]d", [I(1)]),
    ("%[x]d", [I(1)]), ("%d %d %[1]d", [I(1), I(2)]), ("%[1]d %[1]q", [I(65)]), ("%5%|", []), ("%%d", [I(1)]),
    ("%z", [I(1)]), ("%5z", [I(3)]), ("%!d", [I(1)]), ("%-+ #0d", [I(5)]), ("100%%", []), ("%*d", [I(10000000), I(1)]),
    ("%v %v", [NILP, I(1)]), ("%s", [IFACE]), ("%.", [I(1)]), ("%.d", [I(0)]), ("%3.d|", [I(0)]),
    ("%v%v", [S("a"), S("b")]), ("%10.4v|", [S("golang")]), ("%x", [("[]int32{-1, 255}", "vec![-1i32, 255]")]),
    ("%c|%c", [I32(0x4e16), I32(0xd800)]), ("%v", [("'x'", "120i32")]),
]

sprint_cases = [
    ("Sprint", [S("a"), I(1), I(2), S("b"), S("c"), F(3.5)]),
    ("Sprint", [I(1), I(2)]), ("Sprint", [S("a"), S("b")]), ("Sprint", [I(1), S("x"), I(2)]),
    ("Sprint", [PPT, NILP, CEL]), ("Sprint", []), ("Sprint", [MSI, SLI]),
    ("Sprintln", [S("a"), I(1), S("b")]), ("Sprintln", []), ("Sprintln", [F(1e6), F32(0.1), B(True), PT, PPT]),
    ("Sprintln", [C(1, 2), SLB, SLS]), ("Sprint", [CEL, CEL]),
]

GO_PRELUDE = '''// Expected outputs for goxide-support's fmt tests (tests/fmt_cases.rs).
// Generated by gen_fmt_cases.py; run with Go 1.19: go run fmt_cases.go
package main

import (
	"fmt"
	"math"
	"os"
)

var _ = math.NaN

type Point struct{ X, Y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Wrap struct {
	Name string
	P    *Point
	T    Celsius
	L    []int
}

func out(s string) { fmt.Fprintf(os.Stdout, "%x\\n", s) }

func main() {
'''

def go_program():
    lines = [GO_PRELUDE]
    for f, args in cases:
        a = "".join(", " + g for g, _ in args)
        lines.append(f"\tout(fmt.Sprintf({go_lit(f)}{a}))\n")
    for fn, args in sprint_cases:
        a = ", ".join(g for g, _ in args)
        lines.append(f"\tout(fmt.{fn}({a}))\n")
    lines.append("}\n")
    return "".join(lines)

def go_lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

RUST_PRELUDE = '''//! Go 1.19 `fmt` outputs, checked against goxide-support's `fmt` module.
//! Generated by tests/go/gen_fmt_cases.py from tests/go/fmt_cases.go.
#![allow(clippy::approx_constant, clippy::excessive_precision)]

mod common;

use common::*;
use goxide_support::complex::Complex128;
use goxide_support::fmt::{sprint, sprintf, sprintln};
use std::cell::RefCell;
use std::rc::Rc;

'''

def rust_program(expected):
    out = [RUST_PRELUDE]
    out.append("#[test]\nfn sprintf_cases() {\n    let mut failures = Vec::new();\n")
    k = 0
    for f, args in cases:
        a = ", ".join("&" + r for _, r in args)
        out.append(f"    check(&mut failures, {rust_str(f)}, sprintf({rust_str(f)}, &[{a}]), {rust_str(expected[k])});\n")
        k += 1
    out.append("    report(failures);\n}\n\n#[test]\nfn sprint_cases() {\n    let mut failures = Vec::new();\n")
    for fn, args in sprint_cases:
        a = ", ".join("&" + r for _, r in args)
        name = fn.lower()
        out.append(f"    check(&mut failures, {rust_str(fn)}, {name}(&[{a}]), {rust_str(expected[k])});\n")
        k += 1
    out.append("    report(failures);\n}\n")
    return "".join(out)

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.argv[1] == "go":
        open(os.path.join(here, "fmt_cases.go"), "w").write(go_program())
    else:
        raw = open(sys.argv[2]).read().split("\n")
        expected = [bytes.fromhex(l).decode("utf-8") for l in raw[:-1]]
        open(os.path.join(here, "..", "fmt_cases.rs"), "w").write(rust_program(expected))
        print(len(cases), "sprintf cases,", len(sprint_cases), "sprint cases")
