//! `path` and `path/filepath` (Unix rules, which are `path`'s), `encoding/hex`,
//! `encoding/base64`, `encoding/binary`'s byte orders, `hash/crc32`, `crypto/sha256` and `crypto/md5`. Go's lexical path rules
//! and error texts come from the `path` and `encoding` support modules; the digests from the
//! `sha2` and `md-5` crates.

use super::{ident, Args};
use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind};
use syn::parse_quote;

impl Ctx<'_> {
    /// A `[]byte` argument as a `&[u8]`-compatible borrow.
    fn bytes_ref(&self, a: &Args, i: usize) -> syn::Expr {
        let v = a.v(i);
        match v {
            syn::Expr::Reference(_) => v,
            _ => parse_quote!(&#v),
        }
    }

    pub(super) fn path_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let f = match (name, a.len()) {
            ("Join", _) => {
                self.use_support("path");
                let parts: Vec<syn::Expr> = (0..a.len()).map(|i| self.str_slice(a, i)).collect();
                return Some(parse_quote!(crate::support::path::join(&[#(#parts),*])));
            }
            ("IsAbs", 1) => {
                let p = self.str_recv(a, 0);
                return Some(parse_quote!(#p.starts_with('/')));
            }
            ("Base", 1) => "base",
            ("Dir", 1) => "dir",
            ("Ext", 1) => "ext",
            ("Clean", 1) => "clean",
            ("Split", 1) => "split",
            _ => return None,
        };
        self.use_support("path");
        let f = ident(f);
        let p = self.str_ref(a, 0);
        Some(parse_quote!(crate::support::path::#f(#p)))
    }

    pub(super) fn hex_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("EncodeToString", 1) => {
                self.use_support("encoding");
                let b = self.bytes_ref(a, 0);
                parse_quote!(crate::support::encoding::hex_encode(#b))
            }
            ("DecodeString", 1) => {
                self.use_support("encoding");
                let s = self.str_ref(a, 0);
                parse_quote!(crate::support::encoding::hex_decode(#s))
            }
            _ => return None,
        })
    }

    pub(super) fn hash_call(&mut self, pkg: &str, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (pkg, name, a.len()) {
            ("hash/crc32", "ChecksumIEEE", 1) => {
                self.use_support("encoding");
                let b = self.bytes_ref(a, 0);
                parse_quote!(crate::support::encoding::crc32_ieee(#b))
            }
            ("crypto/sha256", "Sum256", 1) => {
                self.use_crate("sha2");
                let b = self.bytes_ref(a, 0);
                parse_quote!(<[u8; 32]>::from(<sha2::Sha256 as sha2::Digest>::digest(#b)))
            }
            ("crypto/md5", "Sum", 1) => {
                self.use_crate("md-5");
                let b = self.bytes_ref(a, 0);
                parse_quote!(<[u8; 16]>::from(<md5::Md5 as md5::Digest>::digest(#b)))
            }
            _ => return None,
        })
    }

    /// `base64.StdEncoding` and the other predefined encodings.
    pub(super) fn base64_value(&mut self, name: &str) -> Option<syn::Expr> {
        let c = match name {
            "StdEncoding" => "STD_ENCODING",
            "URLEncoding" => "URL_ENCODING",
            "RawStdEncoding" => "RAW_STD_ENCODING",
            "RawURLEncoding" => "RAW_URL_ENCODING",
            _ => return None,
        };
        self.use_support("encoding");
        let c = ident(c);
        Some(parse_quote!(crate::support::encoding::#c))
    }

    /// Methods of `*base64.Encoding` (a copyable `support::encoding::Base64`).
    pub(crate) fn base64_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let enc = crate::expr::paren_if_needed(self.value(x));
        match (name, args) {
            ("EncodeToString", [b]) => {
                let b = crate::expr::paren_if_needed(self.borrowed(b));
                let b: syn::Expr = match b {
                    syn::Expr::Reference(_) => b,
                    _ => parse_quote!(&#b),
                };
                parse_quote!(#enc.encode_to_string(#b))
            }
            ("DecodeString", [s]) => {
                let s: syn::Expr = match self.const_str(s) {
                    Some(l) => parse_quote!(#l),
                    None => {
                        let v = crate::expr::paren_if_needed(self.borrowed(s));
                        match v {
                            syn::Expr::Reference(_) => v,
                            _ => parse_quote!(&#v),
                        }
                    }
                };
                parse_quote!(#enc.decode_string(#s))
            }
            _ => self.unsupported(e, &format!("base64.Encoding.{name}")),
        }
    }

    /// `binary.BigEndian.Uint32(b)`, `binary.LittleEndian.PutUint64(b, v)`, … on the byte
    /// order `x` (`None` when `x` is not one of them).
    pub(crate) fn byte_order_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        let order: syn::Expr = if self.is_pkg_member(x, "encoding/binary", "BigEndian") {
            parse_quote!(crate::support::encoding::BIG_ENDIAN)
        } else if self.is_pkg_member(x, "encoding/binary", "LittleEndian") {
            parse_quote!(crate::support::encoding::LITTLE_ENDIAN)
        } else {
            return None;
        };
        self.use_support("encoding");
        let bytes = |ctx: &mut Self, b: &Expr| -> syn::Expr {
            let v = crate::expr::paren_if_needed(ctx.borrowed(b));
            match v {
                syn::Expr::Reference(_) => v,
                _ => parse_quote!(&#v),
            }
        };
        Some(match (name, args) {
            ("Uint16" | "Uint32" | "Uint64", [b]) => {
                let f = ident(&name.to_lowercase());
                let b = bytes(self, b);
                parse_quote!(#order.#f(#b))
            }
            ("PutUint16" | "PutUint32" | "PutUint64", [b, v]) => {
                let f = ident(&format!("put_{}", name[3..].to_lowercase()));
                let Some(t) = self.type_of(v) else {
                    return Some(self.unsupported(e, "binary.ByteOrder call"));
                };
                let v = self.value_as(v, t);
                let b = self.slice_target(b);
                parse_quote!(#order.#f(&mut #b, #v))
            }
            ("AppendUint16" | "AppendUint32" | "AppendUint64", [b, v]) => {
                let f = ident(&format!("append_{}", name[6..].to_lowercase()));
                let Some(t) = self.type_of(v) else {
                    return Some(self.unsupported(e, "binary.ByteOrder call"));
                };
                let v = self.value_as(v, t);
                let b = self.value(b);
                parse_quote!(#order.#f(#b, #v))
            }
            ("String", []) => parse_quote!(#order.string()),
            _ => self.unsupported(e, &format!("binary.ByteOrder method {name}")),
        })
    }

    /// `bufio.NewScanner(r)` over `os.Stdin` or `strings.NewReader(s)`.
    pub(super) fn new_scanner(&mut self, r: &Expr) -> Option<syn::Expr> {
        let reader = self.reader_of(r)?;
        self.use_support("bufio");
        Some(parse_quote!(crate::support::bufio::Scanner::new(#reader)))
    }

    /// An `io.Reader` argument that is `os.Stdin` or `strings.NewReader(s)` (or
    /// `bufio.NewReader` of one) as a Rust reader: `std::io::stdin()`, `Cursor::new(s)`.
    pub(super) fn std_reader(&mut self, r: &Expr) -> Option<syn::Expr> {
        let r = crate::builtins::strip_parens(r);
        if let ExprKind::Call { func, args, .. } = &r.kind {
            if self.is_pkg_member(func, "bufio", "NewReader") && args.len() == 1 {
                return self.std_reader(&args[0]);
            }
        }
        let reader: syn::Expr = if self.is_pkg_member(r, "os", "Stdin") {
            parse_quote!(std::io::stdin())
        } else {
            let ExprKind::Call { func, args, .. } = &r.kind else {
                return None;
            };
            if !self.is_pkg_member(func, "strings", "NewReader") || args.len() != 1 {
                return None;
            }
            let s: syn::Expr = match self.const_str(&args[0]) {
                Some(l) => parse_quote!(#l),
                None => self.value(&args[0]),
            };
            parse_quote!(std::io::Cursor::new(#s))
        };
        Some(reader)
    }

    /// Methods of `*bufio.Scanner` (a `support::bufio::Scanner` handle).
    pub(crate) fn scanner_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let sc = crate::expr::paren_if_needed(self.borrowed(x));
        let sc = crate::expr::as_base(sc);
        match (name, args) {
            ("Scan", []) => parse_quote!(#sc.scan()),
            ("Text", []) => parse_quote!(#sc.text()),
            ("Bytes", []) => parse_quote!(#sc.bytes()),
            ("Err", []) => parse_quote!(#sc.err()),
            ("Split", [f]) => {
                let split = ["ScanLines", "ScanWords", "ScanRunes", "ScanBytes"]
                    .into_iter()
                    .find(|n| self.is_pkg_member(f, "bufio", n));
                let Some(split) = split else {
                    return self.unsupported(e, "bufio.Scanner.Split with this split function");
                };
                let v = ident(&split[4..]);
                parse_quote!(#sc.split(crate::support::bufio::Split::#v))
            }
            _ => self.unsupported(e, &format!("bufio.Scanner.{name}")),
        }
    }

    /// Whether `e` is the package-level `pkg.name` (`os.Stdin`).
    pub(crate) fn is_pkg_member(&self, e: &Expr, pkg: &str, name: &str) -> bool {
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(e).kind else {
            return false;
        };
        sel.name == name
            && self.obj_of(x).is_some_and(|o| {
                matches!(self.obj(o).kind, goxide_types::ObjKind::PkgName(p) if self.prog.pkg(p).path == pkg)
            })
    }
}
