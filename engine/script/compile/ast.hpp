// ast.hpp — the syntax tree the parser builds and the compiler walks.
//
// Node kinds follow CPython's ast module (Python.asdl) so a reader can map
// one to the other; every node carries its source span. Nodes are owned by
// an Arena that lives as long as one compilation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/code.hpp"

namespace aio::script {

struct Node {
    Loc loc;
    virtual ~Node() = default;
};

// [SECTION] Expressions

enum class EK : uint8_t {
    Name,
    Constant,
    JoinedStr,
    FormattedValue,
    BinOp,
    UnaryOp,
    BoolOp,
    Compare,
    Call,
    Attribute,
    Subscript,
    Slice,
    Starred,
    List,
    Tuple,
    Set,
    Dict,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Lambda,
    IfExp,
    Await,
    Yield,
    YieldFrom,
    NamedExpr,
};

// BigInt: an int literal beyond int64; sval holds its digits, ival its base.
enum class ConstKind : uint8_t { None, True, False, Int, BigInt, Float, Str, Ellipsis, Bytes };
enum class UnOp : uint8_t { Not, Neg, Pos, Invert };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class Ctx : uint8_t { Load, Store, Del };

struct Expr : Node {
    EK kind;
    Ctx ctx = Ctx::Load;
    explicit Expr(EK k) : kind(k) {}
};

struct NameExpr : Expr {
    std::string id;
    NameExpr() : Expr(EK::Name) {}
};
struct ConstantExpr : Expr {
    ConstKind ck = ConstKind::None;
    int64_t ival = 0;
    double fval = 0;
    std::string sval;
    ConstantExpr() : Expr(EK::Constant) {}
};
struct JoinedStrExpr : Expr {
    std::vector<Expr*> values;
    JoinedStrExpr() : Expr(EK::JoinedStr) {}
};
struct FormattedValueExpr : Expr {
    Expr* value = nullptr;
    int conversion = 0;           // 0, 's', 'r', 'a'
    Expr* format_spec = nullptr;  // JoinedStr or null
    FormattedValueExpr() : Expr(EK::FormattedValue) {}
};
struct BinOpExpr : Expr {
    BinOp op;
    Expr* left = nullptr;
    Expr* right = nullptr;
    BinOpExpr() : Expr(EK::BinOp) {}
};
struct UnaryOpExpr : Expr {
    UnOp op;
    Expr* operand = nullptr;
    UnaryOpExpr() : Expr(EK::UnaryOp) {}
};
struct BoolOpExpr : Expr {
    bool is_and = true;
    std::vector<Expr*> values;
    BoolOpExpr() : Expr(EK::BoolOp) {}
};
struct CompareExpr : Expr {
    Expr* left = nullptr;
    std::vector<CmpOp> ops;
    std::vector<Expr*> comparators;
    CompareExpr() : Expr(EK::Compare) {}
};
struct Keyword : Node {
    std::string arg;  // empty for **kwargs
    Expr* value = nullptr;
};
struct CallExpr : Expr {
    Expr* func = nullptr;
    std::vector<Expr*> args;  // may contain Starred
    std::vector<Keyword*> keywords;
    CallExpr() : Expr(EK::Call) {}
};
struct AttributeExpr : Expr {
    Expr* value = nullptr;
    std::string attr;
    AttributeExpr() : Expr(EK::Attribute) {}
};
struct SubscriptExpr : Expr {
    Expr* value = nullptr;
    Expr* slice = nullptr;
    SubscriptExpr() : Expr(EK::Subscript) {}
};
struct SliceExpr : Expr {
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
    SliceExpr() : Expr(EK::Slice) {}
};
struct StarredExpr : Expr {
    Expr* value = nullptr;
    StarredExpr() : Expr(EK::Starred) {}
};
struct SeqExpr : Expr {  // List, Tuple, Set
    std::vector<Expr*> elts;
    explicit SeqExpr(EK k) : Expr(k) {}
};
struct DictExpr : Expr {
    std::vector<Expr*> keys;  // null key: **value
    std::vector<Expr*> values;
    DictExpr() : Expr(EK::Dict) {}
};
struct Comprehension {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    bool is_async = false;
};
struct CompExpr : Expr {    // ListComp, SetComp, DictComp, GeneratorExp
    Expr* elt = nullptr;    // DictComp: key
    Expr* value = nullptr;  // DictComp only
    std::vector<Comprehension> generators;
    explicit CompExpr(EK k) : Expr(k) {}
};

struct Arg : Node {
    std::string name;
    Expr* annotation = nullptr;
};
struct Arguments {
    std::vector<Arg*> posonlyargs;
    std::vector<Arg*> args;
    Arg* vararg = nullptr;
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kw_defaults;  // parallel to kwonlyargs; null = required
    Arg* kwarg = nullptr;
    std::vector<Expr*> defaults;  // for the last positional parameters
};

struct Stmt;
struct LambdaExpr : Expr {
    Arguments args;
    Expr* body = nullptr;
    LambdaExpr() : Expr(EK::Lambda) {}
};
struct IfExpExpr : Expr {
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
    IfExpExpr() : Expr(EK::IfExp) {}
};
struct UnaryValueExpr : Expr {  // Await, Yield, YieldFrom
    Expr* value = nullptr;      // Yield: may be null
    explicit UnaryValueExpr(EK k) : Expr(k) {}
};
struct NamedExprExpr : Expr {
    Expr* target = nullptr;  // Name
    Expr* value = nullptr;
    NamedExprExpr() : Expr(EK::NamedExpr) {}
};

// [SECTION] Statements

enum class SK : uint8_t {
    Expr,
    Assign,
    AugAssign,
    AnnAssign,
    Return,
    Delete,
    Pass,
    Break,
    Continue,
    If,
    While,
    For,
    With,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    FunctionDef,
    ClassDef,
    Match,
};

struct Stmt : Node {
    SK kind;
    explicit Stmt(SK k) : kind(k) {}
};

using Body = std::vector<Stmt*>;

struct ExprStmt : Stmt {
    Expr* value = nullptr;
    ExprStmt() : Stmt(SK::Expr) {}
};
struct AssignStmt : Stmt {
    std::vector<Expr*> targets;
    Expr* value = nullptr;
    AssignStmt() : Stmt(SK::Assign) {}
};
struct AugAssignStmt : Stmt {
    Expr* target = nullptr;
    BinOp op;
    Expr* value = nullptr;
    AugAssignStmt() : Stmt(SK::AugAssign) {}
};
struct AnnAssignStmt : Stmt {
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr;
    bool simple = true;
    AnnAssignStmt() : Stmt(SK::AnnAssign) {}
};
struct ReturnStmt : Stmt {
    Expr* value = nullptr;
    ReturnStmt() : Stmt(SK::Return) {}
};
struct DeleteStmt : Stmt {
    std::vector<Expr*> targets;
    DeleteStmt() : Stmt(SK::Delete) {}
};
struct SimpleStmt : Stmt {
    explicit SimpleStmt(SK k) : Stmt(k) {}
};  // Pass, Break, Continue
struct IfStmt : Stmt {
    Expr* test = nullptr;
    Body body, orelse;
    IfStmt() : Stmt(SK::If) {}
};
struct WhileStmt : Stmt {
    Expr* test = nullptr;
    Body body, orelse;
    WhileStmt() : Stmt(SK::While) {}
};
struct ForStmt : Stmt {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    Body body, orelse;
    bool is_async = false;
    ForStmt() : Stmt(SK::For) {}
};
struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;
};
struct WithStmt : Stmt {
    std::vector<WithItem> items;
    Body body;
    bool is_async = false;
    WithStmt() : Stmt(SK::With) {}
};
struct RaiseStmt : Stmt {
    Expr* exc = nullptr;
    Expr* cause = nullptr;
    RaiseStmt() : Stmt(SK::Raise) {}
};
struct ExceptHandler : Node {
    Expr* type = nullptr;
    std::string name;
    Body body;
};
struct TryStmt : Stmt {
    Body body;
    std::vector<ExceptHandler*> handlers;
    Body orelse, finalbody;
    bool is_star = false;
    TryStmt() : Stmt(SK::Try) {}
};
struct AssertStmt : Stmt {
    Expr* test = nullptr;
    Expr* msg = nullptr;
    AssertStmt() : Stmt(SK::Assert) {}
};
struct Alias : Node {
    std::string name;    // dotted for import
    std::string asname;  // empty: none
};
struct ImportStmt : Stmt {
    std::vector<Alias*> names;
    ImportStmt() : Stmt(SK::Import) {}
};
struct ImportFromStmt : Stmt {
    std::string module;
    std::vector<Alias*> names;  // name "*" for star import
    int level = 0;
    ImportFromStmt() : Stmt(SK::ImportFrom) {}
};
struct NamesStmt : Stmt {  // Global, Nonlocal
    std::vector<std::string> names;
    explicit NamesStmt(SK k) : Stmt(k) {}
};
struct FunctionDefStmt : Stmt {
    std::string name;
    Arguments args;
    Body body;
    std::vector<Expr*> decorators;
    Expr* returns = nullptr;
    bool is_async = false;
    FunctionDefStmt() : Stmt(SK::FunctionDef) {}
};
struct ClassDefStmt : Stmt {
    std::string name;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords;
    Body body;
    std::vector<Expr*> decorators;
    ClassDefStmt() : Stmt(SK::ClassDef) {}
};

// [SECTION] Patterns (match statements)

enum class PK : uint8_t { Value, Singleton, Sequence, Mapping, Class, Star, As, Or };

struct Pattern : Node {
    PK kind;
    explicit Pattern(PK k) : kind(k) {}
};
struct MatchValuePattern : Pattern {  // a literal or a dotted name, compared with ==
    Expr* value = nullptr;
    MatchValuePattern() : Pattern(PK::Value) {}
};
struct MatchSingletonPattern : Pattern {  // None, True, False: compared with `is`
    ConstKind value = ConstKind::None;
    MatchSingletonPattern() : Pattern(PK::Singleton) {}
};
struct MatchSequencePattern : Pattern {
    std::vector<Pattern*> patterns;  // at most one MatchStar
    MatchSequencePattern() : Pattern(PK::Sequence) {}
};
struct MatchMappingPattern : Pattern {
    std::vector<Expr*> keys;
    std::vector<Pattern*> patterns;
    std::string rest;  // **rest; empty: none
    MatchMappingPattern() : Pattern(PK::Mapping) {}
};
struct MatchClassPattern : Pattern {
    Expr* cls = nullptr;
    std::vector<Pattern*> patterns;
    std::vector<std::string> kwd_attrs;
    std::vector<Loc> kwd_locs;  // of each `name=pattern`
    std::vector<Pattern*> kwd_patterns;
    MatchClassPattern() : Pattern(PK::Class) {}
};
struct MatchStarPattern : Pattern {
    std::string name;  // empty: *_
    MatchStarPattern() : Pattern(PK::Star) {}
};
struct MatchAsPattern : Pattern {  // capture (no pattern), wildcard (neither), `p as name`
    Pattern* pattern = nullptr;
    std::string name;  // empty: _
    MatchAsPattern() : Pattern(PK::As) {}
};
struct MatchOrPattern : Pattern {
    std::vector<Pattern*> patterns;
    MatchOrPattern() : Pattern(PK::Or) {}
};

struct MatchCase : Node {
    Pattern* pattern = nullptr;
    Expr* guard = nullptr;
    Body body;
};
struct MatchStmt : Stmt {
    Expr* subject = nullptr;
    std::vector<MatchCase*> cases;
    MatchStmt() : Stmt(SK::Match) {}
};

struct Module {
    Body body;
};

// Owns every node of one parse.
class Arena {
public:
    template <class T, class... A>
    T* make(A&&... a) {
        auto p = std::make_unique<T>(std::forward<A>(a)...);
        T* raw = p.get();
        m_nodes.push_back(std::move(p));
        return raw;
    }

private:
    std::vector<std::unique_ptr<Node>> m_nodes;
};

}  // namespace aio::script
