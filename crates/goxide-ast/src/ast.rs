//! The Go syntax tree: owned, spanned, covering the whole language of the Go specification
//! (generics included).
//!
//! Shape follows the Go specification (and `go/ast`): type expressions are expressions, because
//! in Go the two are only told apart by resolution (`a[b]` may be an index or an instantiation,
//! `*T` a dereference or a pointer type, `f(x)` a call or a conversion). Every expression carries
//! a [`NodeId`] unique within a package, under which the type checker records what it learnt.

use crate::Span;

/// Identity of an expression, identifier or statement; unique within one package (the parser
/// takes the next free id from an [`IdGen`] shared by all files of the package).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct NodeId(pub u32);

/// Hands out [`NodeId`]s; share one per package.
#[derive(Debug, Default)]
pub struct IdGen {
    next: u32,
}

impl IdGen {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn fresh(&mut self) -> NodeId {
        let id = NodeId(self.next);
        self.next += 1;
        id
    }
}

/// A declared (or label) name.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub id: NodeId,
    pub name: String,
    pub span: Span,
}

impl Ident {
    pub fn is_blank(&self) -> bool {
        self.name == "_"
    }
}

/// One `.go` file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Path as given by the caller (used in diagnostics).
    pub path: String,
    pub package: Ident,
    /// The file's package doc comment, if any.
    pub doc: Option<String>,
    /// `//go:build` expression, verbatim after `//go:build `.
    pub build_constraint: Option<String>,
    pub imports: Vec<ImportSpec>,
    pub decls: Vec<Decl>,
    /// Every comment of the file, in source order (docs included).
    pub comments: Vec<Comment>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub span: Span,
    /// Verbatim text including `//` or `/* */`.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    /// Explicit name: an identifier, `.` or `_`.
    pub name: Option<Ident>,
    /// The import path, unquoted.
    pub path: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub span: Span,
    /// Doc comment text (comment markers stripped, lines joined with `\n`).
    pub doc: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    Const(Vec<ConstSpec>),
    Var(Vec<VarSpec>),
    Type(Vec<TypeSpec>),
    Func(Box<FuncDecl>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty when the spec repeats the previous spec's expressions (implicit repetition).
    pub values: Vec<Expr>,
    /// Index of this spec within its `const (...)` group: the value of `iota`.
    pub iota: u32,
    pub span: Span,
    pub doc: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    pub span: Span,
    pub doc: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub name: Ident,
    pub type_params: Vec<TypeParam>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: Expr,
    pub span: Span,
    pub doc: Option<String>,
}

/// A group of type parameters sharing one constraint: `K, V comparable`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam {
    pub names: Vec<Ident>,
    pub constraint: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub recv: Option<Receiver>,
    pub name: Ident,
    pub type_params: Vec<TypeParam>,
    pub sig: FuncType,
    /// `None` for a declaration without body (assembly or linkname).
    pub body: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Receiver {
    pub name: Option<Ident>,
    /// `T`, `*T`, `T[K, V]` or `*T[K, V]`, as written.
    pub ty: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<ParamGroup>,
    pub results: Vec<ParamGroup>,
    pub span: Span,
}

/// `a, b int`, or an unnamed `int`. For a variadic last parameter `ty` is the element type and
/// `variadic` is set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamGroup {
    pub names: Vec<Ident>,
    pub ty: Expr,
    pub variadic: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A use of a name (variable, constant, type, function, package, builtin, `nil`, `iota`…).
    Ident(String),
    BasicLit(BasicLit),
    /// `T{...}`; `ty` is `None` where the type is elided inside an outer literal.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Element>,
    },
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    /// `x.sel` (field, method, qualified identifier).
    Selector {
        x: Box<Expr>,
        sel: Ident,
    },
    /// `x[i]`, or a generic instantiation `f[T1, T2]`.
    Index {
        x: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]` (`three` set for the 3-index form).
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
        three: bool,
    },
    /// `x.(T)`; `ty` is `None` for `x.(type)` in a type switch guard.
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
    },
    /// Call or conversion; `ellipsis` for `f(xs...)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
    },
    /// `*x`: a dereference or a pointer type.
    Star(Box<Expr>),
    Unary {
        op: UnaryOp,
        x: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        x: Box<Expr>,
        y: Box<Expr>,
    },
    /// `[N]T`; `len` is `None` for `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
    FuncType(FuncType),
    StructType(StructType),
    InterfaceType(InterfaceType),
    /// A constraint union or approximation element: `~int | ~string` (only in constraints).
    Union(Vec<TypeTerm>),
    /// Placeholder where the source had a syntax error (a diagnostic was reported).
    Bad,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BasicLit {
    pub kind: LitKind,
    /// Source text verbatim (`0x1F`, `'a'`, `` `raw` ``, `"esc\n"`).
    pub raw: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// An element of a composite literal: `value`, `key: value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructType {
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `a, b T "tag"`, or an embedded field (`names` empty): `T`, `*T`, `pkg.T`, `T[X]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// Tag, unquoted.
    pub tag: Option<String>,
    pub span: Span,
    pub doc: Option<String>,
}

impl Field {
    pub fn is_embedded(&self) -> bool {
        self.names.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct InterfaceType {
    pub elems: Vec<InterfaceElem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    Method {
        name: Ident,
        sig: FuncType,
        doc: Option<String>,
    },
    /// An embedded interface, or a type-set element (`int | ~string`): a single plain type is
    /// an `Expr` of the type, a union or `~T` is an [`ExprKind::Union`].
    Embed(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeTerm {
    pub tilde: bool,
    pub ty: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LogAnd => "&&",
            LogOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn is_comparison(self) -> bool {
        use BinaryOp::*;
        matches!(self, Eq | Ne | Lt | Le | Gt | Ge)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub id: NodeId,
    pub span: Span,
    pub kind: StmtKind,
}

/// `=`, `:=`, or an operator assignment (`+=` carries `Some(Add)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Define,
    Op(BinaryOp),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `const`, `var` or `type` inside a function body.
    Decl(Decl),
    Empty,
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    Expr(Expr),
    Send {
        chan: Expr,
        value: Expr,
    },
    IncDec {
        x: Expr,
        inc: bool,
    },
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Branch {
        kind: BranchKind,
        label: Option<Ident>,
    },
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        clauses: Vec<CaseClause>,
    },
    /// `switch [init;] [bind :=] x.(type) { ... }`.
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        x: Expr,
        clauses: Vec<TypeCaseClause>,
    },
    Select {
        clauses: Vec<CommClause>,
    },
    /// `for init; cond; post {}`; all three absent for `for {}`.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x {}` (`define`), `for k, v = range x {}`, `for range x {}`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
    },
    /// A statement the parser could not understand (a diagnostic was reported).
    Bad,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// The case's types (`nil` appears as an identifier expression); empty for `default`.
    pub types: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// Identity of the clause, under which the checker records the clause's implicit object
    /// for the switch's bound variable.
    pub id: NodeId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    /// The send or receive statement; `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}
