// parser.cpp — recursive descent over Python 3.11's grammar.
//
// Contents
//   [SECTION] Infrastructure (token access, errors, locations)
//   [SECTION] Statements
//   [SECTION] Compound statements
//   [SECTION] Match statements
//   [SECTION] Expressions
//   [SECTION] Atoms, displays and comprehensions
//   [SECTION] Strings and f-strings
//   [SECTION] Targets
//
// Each function opens with the grammar rule it parses (from CPython's
// Grammar/python.gram, simplified where the PEG form only serves error
// recovery). Errors are reported through a C++ exception that never leaves
// this file: parse_module catches it and hands back a SyntaxErrorInfo.
#include "compile/parser.hpp"

#include <cstring>
#include <functional>

namespace aio::script {

namespace {

struct ParseError {
    SyntaxErrorInfo info;
};

constexpr int kMaxDepth = 200;  // nesting limit (CPython: "too many nested parentheses")

class Parser {
public:
    Parser(std::vector<Token>& toks, Arena& arena, int level = 0) : m_t(toks), m_a(arena), m_level(level) {}

    // [SECTION] Infrastructure

    const Token& peek(size_t k = 0) const {
        size_t i = m_p + k;
        return i < m_t.size() ? m_t[i] : m_t.back();
    }
    bool at(Tok k) const { return peek().kind == k; }
    const Token& advance() { return m_t[m_p < m_t.size() - 1 ? m_p++ : m_p]; }
    bool accept(Tok k) {
        if (!at(k)) return false;
        advance();
        return true;
    }
    const Token& prev() const { return m_t[m_p > 0 ? m_p - 1 : 0]; }

    [[noreturn]] void error_at(const std::string& msg, int line, int col, int end_line = 0, int end_col = -1,
                               bool indent = false) {
        ParseError e;
        e.info.msg = msg;
        e.info.line = line;
        e.info.col = col;
        e.info.end_line = end_line ? end_line : line;
        e.info.end_col = end_col;
        e.info.indentation = indent;
        throw e;
    }
    [[noreturn]] void error_tok(const std::string& msg, const Token& t) {
        error_at(msg, t.line, t.col, t.end_line, t.end_col);
    }
    [[noreturn]] void error_node(const std::string& msg, const Node* n) {
        error_at(msg, n->loc.line, n->loc.col, n->loc.end_line, n->loc.end_col);
    }
    [[noreturn]] void invalid_syntax() {
        const Token& t = peek();
        if (t.kind == Tok::Indent) error_at("unexpected indent", t.line, -1, t.line, -1, true);
        if (t.kind == Tok::EndMarker || t.kind == Tok::Dedent) {
            error_at("invalid syntax", t.line, t.col);
        }
        error_at("invalid syntax", t.line, t.col, t.end_line, t.kind == Tok::Newline ? -1 : t.end_col);
    }
    const Token& expect(Tok k) {
        if (!at(k)) {
            if (k == Tok::Colon) error_at("expected ':'", peek().line, peek().col);
            invalid_syntax();
        }
        return advance();
    }

    static Loc tok_loc(const Token& t) { return Loc{t.line, t.end_line, t.col, t.end_col}; }
    Loc span_from(const Loc& start) const {
        const Token& p = prev();
        return Loc{start.line, p.end_line, start.col, p.end_col};
    }
    template <class T>
    T* make(const Loc& loc) {
        T* n = m_a.make<T>();
        n->loc = loc;
        return n;
    }
    template <class T, class A>
    T* make(const Loc& loc, A arg) {
        T* n = m_a.make<T>(arg);
        n->loc = loc;
        return n;
    }

    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& pp) : p(pp) {
            if (++p.m_depth > kMaxDepth) {
                const Token& t = p.peek();
                p.error_at("too many nested parentheses", t.line, t.col);
            }
        }
        ~DepthGuard() { --p.m_depth; }
    };

    // [SECTION] Statements

    // file: [statements] ENDMARKER
    void parse_file(Module& m) {
        while (!at(Tok::EndMarker)) {
            if (at(Tok::Newline)) {
                advance();
                continue;
            }
            parse_statement(m.body);
        }
    }

    // statement: compound_stmt | simple_stmts
    void parse_statement(Body& out) {
        switch (peek().kind) {
        case Tok::Indent:
            invalid_syntax();
        case Tok::Def:
        case Tok::If:
        case Tok::Class:
        case Tok::With:
        case Tok::For:
        case Tok::Try:
        case Tok::While:
        case Tok::At:
            out.push_back(parse_compound());
            return;
        case Tok::Name:
            if (peek().text == "match" && try_parse_match(out)) return;
            break;
        case Tok::Async:
            if (peek(1).kind == Tok::Def || peek(1).kind == Tok::For || peek(1).kind == Tok::With) {
                out.push_back(parse_compound());
                return;
            }
            break;
        default:
            break;
        }
        parse_simple_stmts(out);
    }

    // simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    void parse_simple_stmts(Body& out) {
        for (;;) {
            out.push_back(parse_simple_stmt());
            if (accept(Tok::Semi)) {
                if (at(Tok::Newline)) break;
                continue;
            }
            break;
        }
        if (!accept(Tok::Newline)) {
            if (at(Tok::EndMarker)) return;
            Stmt* last = out.back();
            // `print "x"`: Python 2 habits get CPython's hint.
            if (last->kind == SK::Expr) {
                Expr* e = static_cast<ExprStmt*>(last)->value;
                if (e->kind == EK::Name && static_cast<NameExpr*>(e)->id == "print" &&
                    (at(Tok::String) || at(Tok::Name) || at(Tok::Number)))
                    error_at("Missing parentheses in call to 'print'. Did you mean print(...)?", e->loc.line,
                             e->loc.col, peek().end_line, line_end_col());
            }
            invalid_syntax();
        }
    }

    int line_end_col() {
        size_t i = m_p;
        while (i + 1 < m_t.size() && m_t[i].kind != Tok::Newline) ++i;
        return m_t[i].col;
    }

    // simple_stmt: assignment | star_expressions | return_stmt | import_stmt
    //            | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt
    //            | 'break' | 'continue' | global_stmt | nonlocal_stmt
    Stmt* parse_simple_stmt() {
        const Token& t = peek();
        Loc start = tok_loc(t);
        switch (t.kind) {
        case Tok::Pass:
            advance();
            return make<SimpleStmt>(start, SK::Pass);
        case Tok::Break:
            advance();
            return make<SimpleStmt>(start, SK::Break);
        case Tok::Continue:
            advance();
            return make<SimpleStmt>(start, SK::Continue);
        case Tok::Return: {
            // return_stmt: 'return' [star_expressions]
            advance();
            auto* s = make<ReturnStmt>(start);
            if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::EndMarker)) s->value = parse_star_expressions();
            s->loc = span_from(start);
            return s;
        }
        case Tok::Raise: {
            // raise_stmt: 'raise' expression ['from' expression] | 'raise'
            advance();
            auto* s = make<RaiseStmt>(start);
            if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::EndMarker)) {
                s->exc = parse_expression();
                if (accept(Tok::From)) s->cause = parse_expression();
            }
            s->loc = span_from(start);
            return s;
        }
        case Tok::Global:
        case Tok::Nonlocal: {
            // global_stmt: 'global' ','.NAME+
            advance();
            auto* s = make<NamesStmt>(start, t.kind == Tok::Global ? SK::Global : SK::Nonlocal);
            do {
                s->names.push_back(expect(Tok::Name).text);
            } while (accept(Tok::Comma));
            s->loc = span_from(start);
            return s;
        }
        case Tok::Del: {
            // del_stmt: 'del' del_targets
            advance();
            auto* s = make<DeleteStmt>(start);
            do {
                if (at(Tok::Newline) || at(Tok::Semi)) break;
                Expr* e = parse_bitwise_or();
                set_ctx(e, Ctx::Del, "delete", false);
                s->targets.push_back(e);
            } while (accept(Tok::Comma));
            if (s->targets.empty()) invalid_syntax();
            s->loc = span_from(start);
            return s;
        }
        case Tok::Assert: {
            // assert_stmt: 'assert' expression [',' expression]
            advance();
            auto* s = make<AssertStmt>(start);
            s->test = parse_expression();
            if (accept(Tok::Comma)) s->msg = parse_expression();
            s->loc = span_from(start);
            return s;
        }
        case Tok::Import:
            return parse_import();
        case Tok::From:
            return parse_import_from();
        default:
            break;
        }
        return parse_expr_or_assign();
    }

    // assignment: (star_targets '=')+ (yield_expr | star_expressions)
    //           | single_target augassign (yield_expr | star_expressions)
    //           | NAME ':' expression ['=' annotated_rhs]
    Stmt* parse_expr_or_assign() {
        Loc start = tok_loc(peek());
        Expr* first = at(Tok::Yield) ? parse_yield_expr() : parse_star_expressions();
        if (at(Tok::Equal)) {
            auto* s = make<AssignStmt>(start);
            Expr* cur = first;
            while (accept(Tok::Equal)) {
                set_ctx(cur, Ctx::Store, "assign to", true);
                s->targets.push_back(cur);
                cur = at(Tok::Yield) ? parse_yield_expr() : parse_star_expressions();
            }
            s->value = cur;
            s->loc = span_from(start);
            return s;
        }
        if (at(Tok::Colon) && m_level == 0) {
            // annotated assignment
            advance();
            auto* s = make<AnnAssignStmt>(start);
            if (first->kind != EK::Name && first->kind != EK::Attribute && first->kind != EK::Subscript) {
                if (first->kind == EK::Tuple) error_node("only single target (not tuple) can be annotated", first);
                if (first->kind == EK::List) error_node("only single target (not list) can be annotated", first);
                error_node("illegal target for annotation", first);
            }
            set_ctx(first, Ctx::Store, "assign to", false);
            s->target = first;
            s->simple = first->kind == EK::Name;
            s->annotation = parse_expression();
            if (accept(Tok::Equal)) s->value = at(Tok::Yield) ? parse_yield_expr() : parse_star_expressions();
            s->loc = span_from(start);
            return s;
        }
        BinOp op;
        if (augassign_op(peek().kind, op)) {
            if (first->kind != EK::Name && first->kind != EK::Attribute && first->kind != EK::Subscript)
                error_node("'" + expr_name(first) + "' is an illegal expression for augmented assignment", first);
            advance();
            auto* s = make<AugAssignStmt>(start);
            set_ctx(first, Ctx::Store, "assign to", false);
            s->target = first;
            s->op = op;
            s->value = at(Tok::Yield) ? parse_yield_expr() : parse_star_expressions();
            s->loc = span_from(start);
            return s;
        }
        auto* s = make<ExprStmt>(start);
        s->value = first;
        s->loc = first->loc;
        return s;
    }

    static bool augassign_op(Tok k, BinOp& op) {
        switch (k) {
        case Tok::PlusEqual:
            op = BinOp::Add;
            return true;
        case Tok::MinEqual:
            op = BinOp::Sub;
            return true;
        case Tok::StarEqual:
            op = BinOp::Mul;
            return true;
        case Tok::SlashEqual:
            op = BinOp::TrueDiv;
            return true;
        case Tok::DoubleSlashEqual:
            op = BinOp::FloorDiv;
            return true;
        case Tok::PercentEqual:
            op = BinOp::Mod;
            return true;
        case Tok::DoubleStarEqual:
            op = BinOp::Pow;
            return true;
        case Tok::LeftShiftEqual:
            op = BinOp::LShift;
            return true;
        case Tok::RightShiftEqual:
            op = BinOp::RShift;
            return true;
        case Tok::AmperEqual:
            op = BinOp::And;
            return true;
        case Tok::VBarEqual:
            op = BinOp::Or;
            return true;
        case Tok::CircumflexEqual:
            op = BinOp::Xor;
            return true;
        case Tok::AtEqual:
            op = BinOp::MatMul;
            return true;
        default:
            return false;
        }
    }

    // dotted_name: dotted_name '.' NAME | NAME
    std::string parse_dotted_name() {
        std::string name = expect(Tok::Name).text;
        while (accept(Tok::Dot)) name += "." + expect(Tok::Name).text;
        return name;
    }

    // import_name: 'import' ','.(dotted_name ['as' NAME])+
    Stmt* parse_import() {
        Loc start = tok_loc(advance());
        auto* s = make<ImportStmt>(start);
        do {
            Loc as = tok_loc(peek());
            auto* a = make<Alias>(as);
            a->name = parse_dotted_name();
            if (accept(Tok::As)) a->asname = expect(Tok::Name).text;
            a->loc = span_from(as);
            s->names.push_back(a);
        } while (accept(Tok::Comma));
        s->loc = span_from(start);
        return s;
    }

    // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    //            | 'from' ('.' | '...')+ 'import' import_from_targets
    Stmt* parse_import_from() {
        Loc start = tok_loc(advance());
        auto* s = make<ImportFromStmt>(start);
        for (;;) {
            if (accept(Tok::Dot)) {
                s->level += 1;
                continue;
            }
            if (accept(Tok::Ellipsis)) {
                s->level += 3;
                continue;
            }
            break;
        }
        if (!at(Tok::Import)) s->module = parse_dotted_name();
        expect(Tok::Import);
        if (at(Tok::Star)) {
            Loc sl = tok_loc(advance());
            auto* a = make<Alias>(sl);
            a->name = "*";
            s->names.push_back(a);
        } else {
            bool paren = accept(Tok::LParen);
            if (paren) ++m_level;
            do {
                if (paren && at(Tok::RParen)) break;
                Loc as = tok_loc(peek());
                auto* a = make<Alias>(as);
                a->name = expect(Tok::Name).text;
                if (accept(Tok::As)) a->asname = expect(Tok::Name).text;
                a->loc = span_from(as);
                s->names.push_back(a);
            } while (accept(Tok::Comma));
            if (paren) {
                --m_level;
                expect(Tok::RParen);
            } else if (prev().kind == Tok::Comma) {
                error_tok("trailing comma not allowed without surrounding parentheses", prev());
            }
        }
        s->loc = span_from(start);
        return s;
    }

    // [SECTION] Compound statements

    // block: NEWLINE INDENT statements DEDENT | simple_stmts
    // else_block: 'else' ':' block  (at the 'else')
    Body parse_else_block() {
        const Token& e = advance();
        expect(Tok::Colon);
        return parse_block("'else' statement", e.line);
    }

    Body parse_block(const std::string& what, int line) {
        Body b;
        if (accept(Tok::Newline)) {
            if (!at(Tok::Indent)) {
                const Token& t = peek();
                error_at("expected an indented block after " + what + " on line " + std::to_string(line), t.line, t.col,
                         t.line, -1, true);
            }
            advance();
            while (!accept(Tok::Dedent)) {
                if (at(Tok::EndMarker)) break;
                parse_statement(b);
            }
        } else {
            parse_simple_stmts(b);
        }
        return b;
    }

    // compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
    //              | try_stmt | while_stmt   (each optionally 'async' / decorated)
    Stmt* parse_compound() {
        std::vector<Expr*> decorators;
        // decorators: ('@' named_expression NEWLINE)+
        while (accept(Tok::At)) {
            decorators.push_back(parse_named_expression());
            expect(Tok::Newline);
        }
        const Token& t = peek();
        if (!decorators.empty() && t.kind != Tok::Def && t.kind != Tok::Class &&
            !(t.kind == Tok::Async && peek(1).kind == Tok::Def))
            invalid_syntax();
        switch (t.kind) {
        case Tok::Def:
            return parse_funcdef(std::move(decorators), false);
        case Tok::Class:
            return parse_classdef(std::move(decorators));
        case Tok::If:
            return parse_if();
        case Tok::While:
            return parse_while();
        case Tok::For:
            return parse_for(false);
        case Tok::With:
            return parse_with(false);
        case Tok::Try:
            return parse_try();
        case Tok::Async: {
            Loc start = tok_loc(advance());
            Stmt* s;
            if (at(Tok::Def))
                s = parse_funcdef(std::move(decorators), true);
            else if (at(Tok::For))
                s = parse_for(true);
            else
                s = parse_with(true);
            s->loc.line = start.line;
            s->loc.col = start.col;
            return s;
        }
        default:
            invalid_syntax();
        }
    }

    // function_def_raw: 'def' NAME '(' [params] ')' ['->' expression] ':' block
    Stmt* parse_funcdef(std::vector<Expr*> decorators, bool is_async) {
        Loc start = tok_loc(advance());
        auto* s = make<FunctionDefStmt>(start);
        s->is_async = is_async;
        s->decorators = std::move(decorators);
        s->name = expect(Tok::Name).text;
        expect(Tok::LParen);
        ++m_level;
        parse_params(s->args, Tok::RParen, true);
        --m_level;
        expect(Tok::RParen);
        if (accept(Tok::Arrow)) s->returns = parse_expression();
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("function definition", start.line);
        return s;
    }

    // params: parameters
    // parameters: slash_no_default ... | param_no_default* param_with_default* [star_etc]
    // star_etc: '*' param_no_default param_maybe_default* [kwds] | '*' ',' param_maybe_default+ [kwds] | kwds
    void parse_params(Arguments& a, Tok close, bool annotations) {
        bool seen_default = false, seen_star = false, seen_kwarg = false;
        std::vector<Arg*> cur;
        while (!at(close)) {
            if (seen_kwarg) error_tok("arguments cannot follow var-keyword argument", peek());
            if (accept(Tok::Slash)) {
                if (seen_star || !a.posonlyargs.empty() || a.args.empty()) invalid_syntax();
                a.posonlyargs = std::move(a.args);
                a.args.clear();
            } else if (at(Tok::Star)) {
                const Token& st = advance();
                if (seen_star) error_tok("* argument may appear only once", st);
                seen_star = true;
                if (at(Tok::Name)) {
                    a.vararg = parse_param(annotations);
                } else if (at(close) || (at(Tok::Comma) && peek(1).kind == close)) {
                    error_tok("named arguments must follow bare *", st);
                }
            } else if (accept(Tok::DoubleStar)) {
                a.kwarg = parse_param(annotations);
                seen_kwarg = true;
            } else {
                Arg* p = parse_param(annotations);
                Expr* def = nullptr;
                if (accept(Tok::Equal)) def = parse_expression();
                if (seen_star) {
                    a.kwonlyargs.push_back(p);
                    a.kw_defaults.push_back(def);
                } else {
                    if (def) {
                        seen_default = true;
                        a.defaults.push_back(def);
                    } else if (seen_default) {
                        error_node("non-default argument follows default argument", p);
                    }
                    a.args.push_back(p);
                }
            }
            if (!accept(Tok::Comma)) break;
        }
        // Defaults cover trailing parameters across posonly + regular lists.
    }

    Arg* parse_param(bool annotations) {
        const Token& t = expect(Tok::Name);
        auto* p = make<Arg>(tok_loc(t));
        p->name = t.text;
        if (annotations && accept(Tok::Colon)) p->annotation = parse_expression();
        return p;
    }

    // class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
    Stmt* parse_classdef(std::vector<Expr*> decorators) {
        Loc start = tok_loc(advance());
        auto* s = make<ClassDefStmt>(start);
        s->decorators = std::move(decorators);
        s->name = expect(Tok::Name).text;
        if (accept(Tok::LParen)) {
            ++m_level;
            std::vector<Expr*> args;
            parse_call_args(args, s->keywords);
            s->bases = std::move(args);
            --m_level;
            expect(Tok::RParen);
        }
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("class definition", start.line);
        return s;
    }

    // if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    Stmt* parse_if() {
        const Token& kw = advance();
        Loc start = tok_loc(kw);
        std::string what = kw.kind == Tok::If ? "'if' statement" : "'elif' statement";
        auto* s = make<IfStmt>(start);
        s->test = parse_named_expression();
        if (at(Tok::Equal)) {
            error_at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", s->test->loc.line,
                     s->test->loc.col, peek().end_line, peek().end_col > 0 ? line_end_before_colon() : -1);
        }
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block(what, start.line);
        if (at(Tok::Elif)) {
            s->orelse.push_back(parse_if());
        } else if (at(Tok::Else)) {
            s->orelse = parse_else_block();
        }
        return s;
    }

    int line_end_before_colon() {
        size_t i = m_p;
        while (i + 1 < m_t.size() && m_t[i].kind != Tok::Colon && m_t[i].kind != Tok::Newline) ++i;
        return i > m_p ? m_t[i - 1].end_col : m_t[i].col;
    }

    // while_stmt: 'while' named_expression ':' block [else_block]
    Stmt* parse_while() {
        Loc start = tok_loc(advance());
        auto* s = make<WhileStmt>(start);
        s->test = parse_named_expression();
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("'while' statement", start.line);
        if (at(Tok::Else)) {
            s->orelse = parse_else_block();
        }
        return s;
    }

    // for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
    Stmt* parse_for(bool is_async) {
        Loc start = tok_loc(advance());
        auto* s = make<ForStmt>(start);
        s->is_async = is_async;
        s->target = parse_target_list();
        set_ctx(s->target, Ctx::Store, "assign to", false);
        expect(Tok::In);
        s->iter = parse_star_expressions();
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("'for' statement", start.line);
        if (at(Tok::Else)) {
            s->orelse = parse_else_block();
        }
        return s;
    }

    // with_stmt: ['async'] 'with' ','.with_item+ ':' block
    //          | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
    // with_item: expression 'as' star_target | expression
    Stmt* parse_with(bool is_async) {
        Loc start = tok_loc(advance());
        auto* s = make<WithStmt>(start);
        s->is_async = is_async;
        bool paren = false;
        if (at(Tok::LParen)) {
            // Parenthesized items only if the matching ')' is followed by ':'.
            size_t depth = 0, i = m_p;
            for (; i < m_t.size(); ++i) {
                Tok k = m_t[i].kind;
                if (k == Tok::LParen || k == Tok::LBracket || k == Tok::LBrace)
                    ++depth;
                else if (k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace) {
                    if (--depth == 0) break;
                } else if (k == Tok::Newline)
                    break;
            }
            if (i + 1 < m_t.size() && m_t[i].kind == Tok::RParen && m_t[i + 1].kind == Tok::Colon) {
                paren = true;
                advance();
                ++m_level;
            }
        }
        do {
            if (paren && at(Tok::RParen)) break;
            WithItem item;
            item.context_expr = parse_expression();
            if (accept(Tok::As)) {
                item.optional_vars = parse_target();
                set_ctx(item.optional_vars, Ctx::Store, "assign to", false);
            }
            s->items.push_back(item);
        } while (accept(Tok::Comma));
        if (paren) {
            --m_level;
            expect(Tok::RParen);
        }
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("'with' statement", start.line);
        return s;
    }

    // try_stmt: 'try' ':' block finally_block
    //         | 'try' ':' block except_block+ [else_block] [finally_block]
    //         | 'try' ':' block except_star_block+ [else_block] [finally_block]
    Stmt* parse_try() {
        Loc start = tok_loc(advance());
        auto* s = make<TryStmt>(start);
        expect(Tok::Colon);
        s->loc = span_from(start);
        s->body = parse_block("'try' statement", start.line);
        bool any_plain = false;
        while (at(Tok::Except)) {
            // except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
            const Token& ex = advance();
            auto* h = make<ExceptHandler>(tok_loc(ex));
            bool star = accept(Tok::Star);
            if (star)
                s->is_star = true;
            else
                any_plain = true;
            if (s->is_star && any_plain) error_tok("cannot have both 'except' and 'except*' on the same 'try'", ex);
            if (!at(Tok::Colon)) {
                Expr* type = parse_expression();
                if (at(Tok::Comma)) {
                    // except A, B: — Python 2 syntax
                    Loc tl = type->loc;
                    while (accept(Tok::Comma)) parse_expression();
                    error_at("multiple exception types must be parenthesized", tl.line, tl.col, prev().end_line,
                             prev().end_col);
                }
                h->type = type;
                if (accept(Tok::As)) h->name = expect(Tok::Name).text;
            } else if (star) {
                error_tok("expected 'except' or 'finally' block", peek());
            }
            expect(Tok::Colon);
            h->loc = span_from(h->loc);
            h->body = parse_block(star ? "'except*' statement" : "'except' statement", ex.line);
            s->handlers.push_back(h);
        }
        if (at(Tok::Else)) {
            if (s->handlers.empty()) invalid_syntax();
            s->orelse = parse_else_block();
        }
        if (at(Tok::Finally)) {
            const Token& f = advance();
            expect(Tok::Colon);
            s->finalbody = parse_block("'finally' statement", f.line);
        }
        if (s->handlers.empty() && s->finalbody.empty())
            error_at("expected 'except' or 'finally' block", peek().line, peek().col);
        return s;
    }

    // [SECTION] Match statements

    // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    // `match` is a soft keyword: this returns false (nothing consumed) when
    // the line does not read as a match statement, so `match = 1` and
    // `match(x)` stay expressions.
    bool try_parse_match(Body& out) {
        size_t save = m_p;
        int save_level = m_level;
        const Token& kw = advance();
        Loc start = tok_loc(kw);
        Expr* subject = nullptr;
        try {
            subject = parse_subject();
        } catch (ParseError&) {
            m_p = save;
            m_level = save_level;
            return false;
        }
        if (at(Tok::Newline)) {
            // invalid_match_stmt: "match" subject_expr NEWLINE, unless the
            // line parses as something else.
            const Token& nl = peek();
            int line = nl.line, col = nl.col;
            m_p = save;
            m_level = save_level;
            size_t before = out.size();
            try {
                parse_simple_stmts(out);
            } catch (ParseError&) {
                out.resize(before);
                error_at("expected ':'", line, col);
            }
            return true;
        }
        if (!at(Tok::Colon) || peek(1).kind != Tok::Newline) {
            m_p = save;
            m_level = save_level;
            return false;
        }
        advance();
        advance();
        auto* s = make<MatchStmt>(start);
        s->subject = subject;
        s->loc = span_from(start);
        if (!at(Tok::Indent)) {
            const Token& t = peek();
            error_at("expected an indented block after 'match' statement on line " + std::to_string(start.line), t.line,
                     t.col, t.line, -1, true);
        }
        advance();
        while (!accept(Tok::Dedent)) {
            if (at(Tok::EndMarker)) break;
            if (!(at(Tok::Name) && peek().text == "case")) invalid_syntax();
            s->cases.push_back(parse_case());
        }
        out.push_back(s);
        return true;
    }

    // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    Expr* parse_subject() {
        Loc start = tok_loc(peek());
        Expr* first = at(Tok::Star) ? parse_starred() : parse_named_expression();
        if (!at(Tok::Comma)) {
            if (first->kind == EK::Starred) invalid_syntax();
            return first;
        }
        auto* t = make<SeqExpr>(start, EK::Tuple);
        t->elts.push_back(first);
        while (accept(Tok::Comma)) {
            if (!starts_expression(peek().kind)) break;
            t->elts.push_back(at(Tok::Star) ? parse_starred() : parse_named_expression());
        }
        t->loc = span_from(start);
        return t;
    }

    // case_block: "case" patterns guard? ':' block
    // guard: 'if' named_expression
    MatchCase* parse_case() {
        const Token& kw = advance();
        auto* c = make<MatchCase>(tok_loc(kw));
        c->pattern = parse_patterns();
        if (accept(Tok::If)) c->guard = parse_named_expression();
        if (!at(Tok::Colon)) {
            if (at(Tok::Newline)) error_at("expected ':'", peek().line, peek().col);
            invalid_syntax();
        }
        advance();
        c->loc = span_from(c->loc);
        c->body = parse_block("'case' statement", kw.line);
        return c;
    }

    // patterns: open_sequence_pattern | pattern
    // open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
    Pattern* parse_patterns() {
        Loc start = tok_loc(peek());
        Pattern* p = parse_maybe_star_pattern();
        if (!at(Tok::Comma)) {
            if (p->kind == PK::Star) invalid_syntax();
            return p;
        }
        auto* seq = make<MatchSequencePattern>(start);
        seq->patterns.push_back(p);
        while (accept(Tok::Comma)) {
            if (at(Tok::Colon) || at(Tok::If)) break;
            seq->patterns.push_back(parse_maybe_star_pattern());
        }
        seq->loc = span_from(start);
        return seq;
    }

    // maybe_star_pattern: star_pattern | pattern
    // star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
    Pattern* parse_maybe_star_pattern() {
        if (!at(Tok::Star)) return parse_pattern();
        Loc start = tok_loc(advance());
        auto* s = make<MatchStarPattern>(start);
        if (!at(Tok::Name)) invalid_syntax();
        const Token& n = advance();
        if (n.text != "_") s->name = n.text;
        s->loc = span_from(start);
        return s;
    }

    // pattern: as_pattern | or_pattern
    // as_pattern: or_pattern 'as' pattern_capture_target
    Pattern* parse_pattern() {
        Loc start = tok_loc(peek());
        Pattern* p = parse_or_pattern();
        if (!at(Tok::As)) return p;
        advance();
        // invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
        if (at(Tok::Name) && peek().text == "_") error_tok("cannot use '_' as a target", peek());
        if (!at(Tok::Name)) {
            if (!starts_expression(peek().kind)) invalid_syntax();
            Expr* e = parse_expression();
            error_node("invalid pattern target", e);
        }
        const Token& n = advance();
        auto* as = make<MatchAsPattern>(start);
        as->pattern = p;
        as->name = n.text;
        as->loc = span_from(start);
        return as;
    }

    // or_pattern: '|'.closed_pattern+
    Pattern* parse_or_pattern() {
        Loc start = tok_loc(peek());
        Pattern* first = parse_closed_pattern();
        if (!at(Tok::VBar)) return first;
        auto* o = make<MatchOrPattern>(start);
        o->patterns.push_back(first);
        while (accept(Tok::VBar)) o->patterns.push_back(parse_closed_pattern());
        o->loc = span_from(start);
        return o;
    }

    // closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
    //               | group_pattern | sequence_pattern | mapping_pattern | class_pattern
    Pattern* parse_closed_pattern() {
        DepthGuard g(*this);
        const Token& t = peek();
        Loc start = tok_loc(t);
        switch (t.kind) {
        case Tok::None:
        case Tok::True:
        case Tok::False: {
            advance();
            auto* s = make<MatchSingletonPattern>(start);
            s->value = t.kind == Tok::None ? ConstKind::None : t.kind == Tok::True ? ConstKind::True : ConstKind::False;
            return s;
        }
        case Tok::Number:
        case Tok::Minus:
        case Tok::String: {
            auto* v = make<MatchValuePattern>(start);
            v->value = parse_literal_expr();
            v->loc = v->value->loc;
            return v;
        }
        case Tok::Name: {
            if (peek(1).kind == Tok::Dot || peek(1).kind == Tok::LParen) {
                Expr* name = parse_name_or_attr();
                if (at(Tok::LParen)) return parse_class_pattern(name, start);
                auto* v = make<MatchValuePattern>(start);
                v->value = name;
                v->loc = name->loc;
                return v;
            }
            advance();
            auto* as = make<MatchAsPattern>(start);
            if (t.text != "_") as->name = t.text;
            return as;
        }
        case Tok::LParen: {
            // group_pattern: '(' pattern ')'
            // sequence_pattern: '(' open_sequence_pattern? ')'
            advance();
            ++m_level;
            if (accept(Tok::RParen)) {
                --m_level;
                return make<MatchSequencePattern>(span_from(start));
            }
            Pattern* p = parse_maybe_star_pattern();
            if (!at(Tok::Comma)) {
                if (p->kind == PK::Star) invalid_syntax();
                --m_level;
                expect(Tok::RParen);
                return p;
            }
            auto* seq = make<MatchSequencePattern>(start);
            seq->patterns.push_back(p);
            while (accept(Tok::Comma)) {
                if (at(Tok::RParen)) break;
                seq->patterns.push_back(parse_maybe_star_pattern());
            }
            --m_level;
            expect(Tok::RParen);
            seq->loc = span_from(start);
            return seq;
        }
        case Tok::LBracket: {
            // sequence_pattern: '[' maybe_sequence_pattern? ']'
            advance();
            ++m_level;
            auto* seq = make<MatchSequencePattern>(start);
            while (!at(Tok::RBracket)) {
                seq->patterns.push_back(parse_maybe_star_pattern());
                if (!accept(Tok::Comma)) break;
            }
            --m_level;
            expect(Tok::RBracket);
            seq->loc = span_from(start);
            return seq;
        }
        case Tok::LBrace:
            return parse_mapping_pattern();
        default:
            invalid_syntax();
        }
    }

    // literal_expr: signed_number !('+' | '-') | strings   (the keys of mapping patterns)
    // signed_number: NUMBER | '-' NUMBER
    Expr* parse_literal_expr() {
        const Token& t = peek();
        Loc start = tok_loc(t);
        if (t.kind == Tok::String) {
            Expr* e = parse_strings();
            if (e->kind == EK::JoinedStr) error_node("patterns may only match literals and attribute lookups", e);
            return e;
        }
        if (t.kind == Tok::Minus) {
            advance();
            if (!at(Tok::Number)) invalid_syntax();
            auto* u = make<UnaryOpExpr>(start);
            u->op = UnOp::Neg;
            u->operand = parse_atom();
            u->loc = span_from(start);
            no_complex_tail();
            return u;
        }
        if (t.kind == Tok::Number) {
            Expr* e = parse_atom();
            no_complex_tail();
            return e;
        }
        if (t.kind == Tok::None || t.kind == Tok::True || t.kind == Tok::False) return parse_atom();
        invalid_syntax();
    }

    // `1 + 2j` is the one sum a pattern may hold; complex numbers are not
    // supported, so any `number +/- number` gets CPython's message for a real part.
    void no_complex_tail() {
        if (!at(Tok::Plus) && !at(Tok::Minus)) return;
        advance();
        if (at(Tok::Number)) error_tok("imaginary number required in complex literal", peek());
        invalid_syntax();
    }

    // name_or_attr: attr | NAME      attr: name_or_attr '.' NAME
    Expr* parse_name_or_attr() {
        const Token& t = expect(Tok::Name);
        Loc start = tok_loc(t);
        auto* n = make<NameExpr>(start);
        n->id = t.text;
        Expr* e = n;
        while (accept(Tok::Dot)) {
            auto* a = make<AttributeExpr>(start);
            a->value = e;
            a->attr = expect(Tok::Name).text;
            a->loc = span_from(start);
            e = a;
        }
        return e;
    }

    // class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','] ')'
    // keyword_pattern: NAME '=' pattern
    Pattern* parse_class_pattern(Expr* cls, const Loc& start) {
        advance();
        ++m_level;
        auto* c = make<MatchClassPattern>(start);
        c->cls = cls;
        Pattern* late_first = nullptr;  // positional patterns after keyword ones (an error)
        Pattern* late_last = nullptr;
        while (!at(Tok::RParen)) {
            if (at(Tok::Name) && peek(1).kind == Tok::Equal) {
                if (late_first) break;
                Loc kl = tok_loc(peek());
                c->kwd_attrs.push_back(advance().text);
                advance();
                c->kwd_patterns.push_back(parse_pattern());
                c->kwd_locs.push_back(span_from(kl));
            } else {
                Pattern* p = parse_pattern();
                if (!c->kwd_attrs.empty()) {
                    if (!late_first) late_first = p;
                    late_last = p;
                } else {
                    c->patterns.push_back(p);
                }
            }
            if (!accept(Tok::Comma)) break;
        }
        if (late_first)
            error_at("positional patterns follow keyword patterns", late_first->loc.line, late_first->loc.col,
                     late_last->loc.end_line, late_last->loc.end_col);
        --m_level;
        expect(Tok::RParen);
        c->loc = span_from(start);
        return c;
    }

    // mapping_pattern: '{' [items_pattern ','] [double_star_pattern ','] '}'
    // key_value_pattern: (literal_expr | attr) ':' pattern
    // double_star_pattern: '**' pattern_capture_target
    Pattern* parse_mapping_pattern() {
        Loc start = tok_loc(advance());
        ++m_level;
        auto* m = make<MatchMappingPattern>(start);
        while (!at(Tok::RBrace)) {
            if (accept(Tok::DoubleStar)) {
                const Token& n = expect(Tok::Name);
                if (n.text == "_") error_tok("invalid syntax", n);
                m->rest = n.text;
                accept(Tok::Comma);
                break;
            }
            Expr* key;
            if (at(Tok::Name)) {
                key = parse_name_or_attr();
                if (key->kind == EK::Name) error_node("invalid syntax", key);
            } else {
                key = parse_literal_expr();
            }
            m->keys.push_back(key);
            expect(Tok::Colon);
            m->patterns.push_back(parse_pattern());
            if (!accept(Tok::Comma)) break;
        }
        --m_level;
        expect(Tok::RBrace);
        m->loc = span_from(start);
        return m;
    }

    // [SECTION] Expressions

    // star_expressions: star_expression (',' star_expression)* [',']
    Expr* parse_star_expressions() {
        Loc start = tok_loc(peek());
        Expr* first = parse_star_expression();
        if (!at(Tok::Comma)) return first;
        auto* t = make<SeqExpr>(start, EK::Tuple);
        t->elts.push_back(first);
        while (accept(Tok::Comma)) {
            if (!starts_expression(peek().kind)) break;
            t->elts.push_back(parse_star_expression());
        }
        t->loc = span_from(start);
        return t;
    }

    // star_expression: '*' bitwise_or | expression
    Expr* parse_star_expression() { return at(Tok::Star) ? parse_starred() : parse_expression(); }

    // '*' bitwise_or (at the '*'), in expressions and in targets
    Expr* parse_starred() {
        Loc start = tok_loc(advance());
        auto* s = make<StarredExpr>(start);
        s->value = parse_bitwise_or();
        s->loc = span_from(start);
        return s;
    }

    static bool starts_expression(Tok k) {
        switch (k) {
        case Tok::Name:
        case Tok::Number:
        case Tok::String:
        case Tok::LParen:
        case Tok::LBracket:
        case Tok::LBrace:
        case Tok::Minus:
        case Tok::Plus:
        case Tok::Tilde:
        case Tok::Not:
        case Tok::Lambda:
        case Tok::Await:
        case Tok::None:
        case Tok::True:
        case Tok::False:
        case Tok::Ellipsis:
        case Tok::Star:
            return true;
        default:
            return false;
        }
    }

    // named_expression: NAME ':=' expression | expression !':='
    Expr* parse_named_expression() {
        if (at(Tok::Name) && peek(1).kind == Tok::ColonEqual) {
            const Token& n = advance();
            advance();
            auto* ne = make<NamedExprExpr>(tok_loc(n));
            auto* target = make<NameExpr>(tok_loc(n));
            target->id = n.text;
            target->ctx = Ctx::Store;
            ne->target = target;
            ne->value = parse_expression();
            ne->loc = span_from(tok_loc(n));
            return ne;
        }
        Expr* e = parse_expression();
        if (at(Tok::ColonEqual)) error_node("cannot use assignment expressions with " + expr_name(e), e);
        return e;
    }

    // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    Expr* parse_expression() {
        DepthGuard g(*this);
        if (at(Tok::Lambda)) return parse_lambda();
        Loc start = tok_loc(peek());
        Expr* e = parse_disjunction();
        if (at(Tok::If)) {
            advance();
            auto* c = make<IfExpExpr>(start);
            c->body = e;
            c->test = parse_disjunction();
            if (!at(Tok::Else))
                error_at("expected 'else' after 'if' expression", start.line, start.col, prev().end_line,
                         prev().end_col);
            advance();
            c->orelse = parse_expression();
            c->loc = span_from(start);
            return c;
        }
        return e;
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    Expr* parse_lambda() {
        Loc start = tok_loc(advance());
        auto* l = make<LambdaExpr>(start);
        parse_params(l->args, Tok::Colon, false);
        expect(Tok::Colon);
        l->body = parse_expression();
        l->loc = span_from(start);
        return l;
    }

    // disjunction: conjunction ('or' conjunction)+ | conjunction
    Expr* parse_disjunction() { return parse_bool_op(Tok::Or, &Parser::parse_conjunction); }

    // conjunction: inversion ('and' inversion)+ | inversion
    Expr* parse_conjunction() { return parse_bool_op(Tok::And, &Parser::parse_inversion); }

    // operand (op operand)+ | operand, for op 'or' / 'and': one BoolOpExpr
    // holding every operand of the run.
    Expr* parse_bool_op(Tok op, Expr* (Parser::*operand)()) {
        Loc start = tok_loc(peek());
        Expr* e = (this->*operand)();
        if (!at(op)) return e;
        auto* b = make<BoolOpExpr>(start);
        b->is_and = op == Tok::And;
        b->values.push_back(e);
        while (accept(op)) b->values.push_back((this->*operand)());
        b->loc = span_from(start);
        return b;
    }

    // inversion: 'not' inversion | comparison
    Expr* parse_inversion() {
        if (at(Tok::Not)) {
            DepthGuard g(*this);
            Loc start = tok_loc(advance());
            auto* u = make<UnaryOpExpr>(start);
            u->op = UnOp::Not;
            u->operand = parse_inversion();
            u->loc = span_from(start);
            return u;
        }
        return parse_comparison();
    }

    // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    Expr* parse_comparison() {
        Loc start = tok_loc(peek());
        Expr* e = parse_bitwise_or();
        CompareExpr* c = nullptr;
        for (;;) {
            CmpOp op;
            Tok k = peek().kind;
            if (k == Tok::EqEqual)
                op = CmpOp::Eq;
            else if (k == Tok::NotEqual)
                op = CmpOp::NotEq;
            else if (k == Tok::Less)
                op = CmpOp::Lt;
            else if (k == Tok::LessEqual)
                op = CmpOp::LtE;
            else if (k == Tok::Greater)
                op = CmpOp::Gt;
            else if (k == Tok::GreaterEqual)
                op = CmpOp::GtE;
            else if (k == Tok::In)
                op = CmpOp::In;
            else if (k == Tok::Is)
                op = peek(1).kind == Tok::Not ? CmpOp::IsNot : CmpOp::Is;
            else if (k == Tok::Not && peek(1).kind == Tok::In)
                op = CmpOp::NotIn;
            else
                break;
            advance();
            if (op == CmpOp::IsNot || op == CmpOp::NotIn) advance();
            if (!c) {
                c = make<CompareExpr>(start);
                c->left = e;
            }
            c->ops.push_back(op);
            c->comparators.push_back(parse_bitwise_or());
        }
        if (!c) return e;
        c->loc = span_from(start);
        return c;
    }

    Expr* binop(const Loc& start, BinOp op, Expr* l, Expr* r) {
        auto* b = make<BinOpExpr>(start);
        b->op = op;
        b->left = l;
        b->right = r;
        b->loc = span_from(start);
        return b;
    }

    // bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
    Expr* parse_bitwise_or() {
        Loc start = tok_loc(peek());
        Expr* e = parse_bitwise_xor();
        while (accept(Tok::VBar)) e = binop(start, BinOp::Or, e, parse_bitwise_xor());
        return e;
    }
    // bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
    Expr* parse_bitwise_xor() {
        Loc start = tok_loc(peek());
        Expr* e = parse_bitwise_and();
        while (accept(Tok::Circumflex)) e = binop(start, BinOp::Xor, e, parse_bitwise_and());
        return e;
    }
    // bitwise_and: bitwise_and '&' shift_expr | shift_expr
    Expr* parse_bitwise_and() {
        Loc start = tok_loc(peek());
        Expr* e = parse_shift();
        while (accept(Tok::Amper)) e = binop(start, BinOp::And, e, parse_shift());
        return e;
    }
    // shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
    Expr* parse_shift() {
        Loc start = tok_loc(peek());
        Expr* e = parse_sum();
        for (;;) {
            if (accept(Tok::LeftShift))
                e = binop(start, BinOp::LShift, e, parse_sum());
            else if (accept(Tok::RightShift))
                e = binop(start, BinOp::RShift, e, parse_sum());
            else
                return e;
        }
    }
    // sum: sum '+' term | sum '-' term | term
    Expr* parse_sum() {
        Loc start = tok_loc(peek());
        Expr* e = parse_term();
        for (;;) {
            if (accept(Tok::Plus))
                e = binop(start, BinOp::Add, e, parse_term());
            else if (accept(Tok::Minus))
                e = binop(start, BinOp::Sub, e, parse_term());
            else
                return e;
        }
    }
    // term: term ('*' | '/' | '//' | '%' | '@') factor | factor
    Expr* parse_term() {
        Loc start = tok_loc(peek());
        Expr* e = parse_factor();
        for (;;) {
            BinOp op;
            switch (peek().kind) {
            case Tok::Star:
                op = BinOp::Mul;
                break;
            case Tok::Slash:
                op = BinOp::TrueDiv;
                break;
            case Tok::DoubleSlash:
                op = BinOp::FloorDiv;
                break;
            case Tok::Percent:
                op = BinOp::Mod;
                break;
            case Tok::At:
                op = BinOp::MatMul;
                break;
            default:
                return e;
            }
            advance();
            e = binop(start, op, e, parse_factor());
        }
    }
    // factor: '+' factor | '-' factor | '~' factor | power
    Expr* parse_factor() {
        Tok k = peek().kind;
        if (k == Tok::Plus || k == Tok::Minus || k == Tok::Tilde) {
            DepthGuard g(*this);
            Loc start = tok_loc(advance());
            auto* u = make<UnaryOpExpr>(start);
            u->op = k == Tok::Plus ? UnOp::Pos : k == Tok::Minus ? UnOp::Neg : UnOp::Invert;
            u->operand = parse_factor();
            u->loc = span_from(start);
            return u;
        }
        return parse_power();
    }
    // power: await_primary '**' factor | await_primary
    Expr* parse_power() {
        Loc start = tok_loc(peek());
        Expr* e = parse_await_primary();
        if (accept(Tok::DoubleStar)) {
            DepthGuard g(*this);
            return binop(start, BinOp::Pow, e, parse_factor());
        }
        return e;
    }
    // await_primary: 'await' primary | primary
    Expr* parse_await_primary() {
        if (at(Tok::Await)) {
            DepthGuard g(*this);
            Loc start = tok_loc(advance());
            auto* a = make<UnaryValueExpr>(start, EK::Await);
            a->value = parse_primary();
            a->loc = span_from(start);
            return a;
        }
        return parse_primary();
    }

    // primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    //        | primary '[' slices ']' | atom
    Expr* parse_primary() {
        Loc start = tok_loc(peek());
        Expr* e = parse_atom();
        for (;;) {
            if (accept(Tok::Dot)) {
                auto* a = make<AttributeExpr>(start);
                a->value = e;
                if (!at(Tok::Name)) invalid_syntax();
                a->attr = advance().text;
                a->loc = span_from(start);
                e = a;
            } else if (at(Tok::LParen)) {
                DepthGuard g(*this);
                advance();
                ++m_level;
                auto* c = make<CallExpr>(start);
                c->func = e;
                parse_call_args(c->args, c->keywords);
                --m_level;
                expect(Tok::RParen);
                c->loc = span_from(start);
                e = c;
            } else if (at(Tok::LBracket)) {
                DepthGuard g(*this);
                advance();
                ++m_level;
                auto* s = make<SubscriptExpr>(start);
                s->value = e;
                s->slice = parse_slices();
                --m_level;
                expect(Tok::RBracket);
                s->loc = span_from(start);
                e = s;
            } else {
                return e;
            }
        }
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [',']
    Expr* parse_slices() {
        Loc start = tok_loc(peek());
        Expr* first = parse_slice();
        if (!at(Tok::Comma)) return first;
        auto* t = make<SeqExpr>(start, EK::Tuple);
        t->elts.push_back(first);
        while (accept(Tok::Comma)) {
            if (at(Tok::RBracket)) break;
            t->elts.push_back(parse_slice());
        }
        t->loc = span_from(start);
        return t;
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    Expr* parse_slice() {
        Loc start = tok_loc(peek());
        Expr* lower = nullptr;
        if (!at(Tok::Colon)) {
            if (at(Tok::Star)) return parse_star_expression();
            lower = parse_named_expression();
            if (!at(Tok::Colon)) return lower;
        }
        advance();
        auto* s = make<SliceExpr>(start);
        s->lower = lower;
        if (!at(Tok::Colon) && !at(Tok::RBracket) && !at(Tok::Comma)) s->upper = parse_expression();
        if (accept(Tok::Colon)) {
            if (!at(Tok::RBracket) && !at(Tok::Comma)) s->step = parse_expression();
        }
        s->loc = span_from(start);
        return s;
    }

    // arguments: args [','] &')'
    // args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
    //       [',' kwargs] | kwargs
    // kwargs: ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+]
    void parse_call_args(std::vector<Expr*>& args, std::vector<Keyword*>& kws) {
        bool seen_kw = false, seen_dstar = false;
        while (!at(Tok::RParen)) {
            Loc start = tok_loc(peek());
            if (accept(Tok::DoubleStar)) {
                auto* k = make<Keyword>(start);
                k->value = parse_expression();
                k->loc = span_from(start);
                kws.push_back(k);
                seen_dstar = true;
            } else if (at(Tok::Star)) {
                Expr* e = parse_star_expression();
                if (seen_dstar) error_node("iterable argument unpacking follows keyword argument unpacking", e);
                args.push_back(e);
            } else if (at(Tok::Name) && peek(1).kind == Tok::Equal) {
                const Token& n = advance();
                advance();
                auto* k = make<Keyword>(start);
                k->arg = n.text;
                k->value = parse_expression();
                k->loc = span_from(start);
                for (auto* other : kws)
                    if (other->arg == k->arg) error_node("keyword argument repeated: " + k->arg, k);
                kws.push_back(k);
                seen_kw = true;
            } else {
                Expr* e = parse_named_expression();
                if (at(Tok::Equal)) {
                    if (e->kind == EK::Constant && (static_cast<ConstantExpr*>(e)->ck == ConstKind::True ||
                                                    static_cast<ConstantExpr*>(e)->ck == ConstKind::False ||
                                                    static_cast<ConstantExpr*>(e)->ck == ConstKind::None))
                        error_node("cannot assign to " + expr_name(e), e);
                    error_at("expression cannot contain assignment, perhaps you meant \"==\"?", e->loc.line, e->loc.col,
                             peek().end_line, peek().end_col);
                }
                if (at(Tok::For) || at(Tok::Async)) {
                    // f(x for x in y): a bare generator expression argument.
                    auto* g = make<CompExpr>(start, EK::GeneratorExp);
                    g->elt = e;
                    parse_comp_for(g->generators);
                    g->loc = span_from(start);
                    e = g;
                    if (!args.empty() || !kws.empty() || at(Tok::Comma)) {
                        if (!(at(Tok::Comma) && peek(1).kind == Tok::RParen && args.empty() && kws.empty()))
                            error_node("Generator expression must be parenthesized", g);
                    }
                } else if (seen_dstar) {
                    error_node("positional argument follows keyword argument unpacking", e);
                } else if (seen_kw) {
                    error_node("positional argument follows keyword argument", e);
                }
                args.push_back(e);
                check_missing_comma(e);
            }
            if (!accept(Tok::Comma)) break;
        }
    }

    // invalid_expression: a=disjunction b=expression_without_invalid (inside brackets)
    void check_missing_comma(Expr* a) {
        if (m_level == 0) return;
        Tok k = peek().kind;
        if (!(k == Tok::Name || k == Tok::Number || k == Tok::String || k == Tok::LParen || k == Tok::LBracket ||
              k == Tok::LBrace || k == Tok::True || k == Tok::False || k == Tok::None || k == Tok::Lambda ||
              k == Tok::Await))
            return;
        size_t save = m_p;
        Expr* b = nullptr;
        try {
            b = parse_expression();
        } catch (ParseError&) {
            m_p = save;
            invalid_syntax();
        }
        error_at("invalid syntax. Perhaps you forgot a comma?", a->loc.line, a->loc.col, b->loc.end_line,
                 b->loc.end_col);
    }

    // [SECTION] Atoms, displays and comprehensions

    // atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
    //     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
    Expr* parse_atom() {
        const Token& t = peek();
        Loc loc = tok_loc(t);
        switch (t.kind) {
        case Tok::Name: {
            advance();
            auto* n = make<NameExpr>(loc);
            n->id = t.text;
            return n;
        }
        case Tok::True:
        case Tok::False:
        case Tok::None:
        case Tok::Ellipsis: {
            advance();
            auto* c = make<ConstantExpr>(loc);
            c->ck = t.kind == Tok::True    ? ConstKind::True
                    : t.kind == Tok::False ? ConstKind::False
                    : t.kind == Tok::None  ? ConstKind::None
                                           : ConstKind::Ellipsis;
            return c;
        }
        case Tok::Number: {
            advance();
            auto* c = make<ConstantExpr>(loc);
            if (t.is_float) {
                c->ck = ConstKind::Float;
                c->fval = t.fval;
            } else {
                c->ck = ConstKind::Int;
                c->ival = t.ival;
                if (t.int_overflow) big_literal(c, t);
            }
            return c;
        }
        case Tok::String:
            return parse_strings();
        case Tok::LParen:
            return parse_paren();
        case Tok::LBracket:
            return parse_list();
        case Tok::LBrace:
            return parse_brace();
        case Tok::Yield:
            error_tok("'yield' outside function", t);  // refined by the compiler when inside one
        default:
            break;
        }
        invalid_syntax();
    }

    // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    // group: '(' (yield_expr | named_expression) ')'
    // genexp: '(' named_expression for_if_clauses ')'
    Expr* parse_paren() {
        DepthGuard g(*this);
        Loc start = tok_loc(advance());
        ++m_level;
        if (accept(Tok::RParen)) {
            --m_level;
            auto* t = make<SeqExpr>(span_from(start), EK::Tuple);
            return t;
        }
        if (at(Tok::Yield)) {
            Expr* y = parse_yield_expr();
            --m_level;
            expect(Tok::RParen);
            return y;
        }
        Expr* first = at(Tok::Star) ? parse_star_expression() : parse_named_expression();
        if (at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For)) {
            auto* gexp = make<CompExpr>(start, EK::GeneratorExp);
            gexp->elt = first;
            parse_comp_for(gexp->generators);
            --m_level;
            expect(Tok::RParen);
            gexp->loc = span_from(start);
            return gexp;
        }
        if (!at(Tok::Comma)) {
            check_missing_comma(first);
            --m_level;
            expect(Tok::RParen);
            if (first->kind == EK::Starred) error_node("cannot use starred expression here", first);
            return first;  // a group keeps the inner node's span (CPython does too)
        }
        auto* t = make<SeqExpr>(start, EK::Tuple);
        t->elts.push_back(first);
        parse_more_elements(t->elts, Tok::RParen);
        --m_level;
        expect(Tok::RParen);
        t->loc = span_from(start);
        return t;
    }

    // The rest of a display after its first element: (',' star_named_expression)*
    // [','] up to `close` (not consumed).
    void parse_more_elements(std::vector<Expr*>& elts, Tok close) {
        while (accept(Tok::Comma)) {
            if (at(close)) break;
            Expr* e = at(Tok::Star) ? parse_star_expression() : parse_named_expression();
            elts.push_back(e);
            check_missing_comma(e);
        }
    }

    // list: '[' [star_named_expressions] ']'   listcomp: '[' named_expression for_if_clauses ']'
    Expr* parse_list() {
        DepthGuard g(*this);
        Loc start = tok_loc(advance());
        ++m_level;
        auto* l = make<SeqExpr>(start, EK::List);
        if (!at(Tok::RBracket)) {
            Expr* first = at(Tok::Star) ? parse_star_expression() : parse_named_expression();
            if (at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For)) {
                auto* c = make<CompExpr>(start, EK::ListComp);
                c->elt = first;
                parse_comp_for(c->generators);
                --m_level;
                expect(Tok::RBracket);
                c->loc = span_from(start);
                return c;
            }
            l->elts.push_back(first);
            check_missing_comma(first);
            parse_more_elements(l->elts, Tok::RBracket);
        }
        --m_level;
        expect(Tok::RBracket);
        l->loc = span_from(start);
        return l;
    }

    // dict: '{' [double_starred_kvpairs] '}'   set: '{' star_named_expressions '}'
    // dictcomp: '{' kvpair for_if_clauses '}'  setcomp: '{' named_expression for_if_clauses '}'
    Expr* parse_brace() {
        DepthGuard g(*this);
        Loc start = tok_loc(advance());
        ++m_level;
        if (accept(Tok::RBrace)) {
            --m_level;
            return make<DictExpr>(span_from(start));
        }
        if (at(Tok::DoubleStar)) {
            auto* d = make<DictExpr>(start);
            parse_dict_items(d);
            --m_level;
            expect(Tok::RBrace);
            d->loc = span_from(start);
            return d;
        }
        Expr* first = at(Tok::Star) ? parse_star_expression() : parse_named_expression();
        if (accept(Tok::Colon)) {
            Expr* v = parse_expression();
            if (at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For)) {
                auto* c = make<CompExpr>(start, EK::DictComp);
                c->elt = first;
                c->value = v;
                parse_comp_for(c->generators);
                --m_level;
                expect(Tok::RBrace);
                c->loc = span_from(start);
                return c;
            }
            auto* d = make<DictExpr>(start);
            d->keys.push_back(first);
            d->values.push_back(v);
            check_missing_comma(v);
            if (accept(Tok::Comma)) parse_dict_items(d);
            --m_level;
            expect(Tok::RBrace);
            d->loc = span_from(start);
            return d;
        }
        if (at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For)) {
            auto* c = make<CompExpr>(start, EK::SetComp);
            c->elt = first;
            parse_comp_for(c->generators);
            --m_level;
            expect(Tok::RBrace);
            c->loc = span_from(start);
            return c;
        }
        auto* s = make<SeqExpr>(start, EK::Set);
        s->elts.push_back(first);
        check_missing_comma(first);
        parse_more_elements(s->elts, Tok::RBrace);
        --m_level;
        expect(Tok::RBrace);
        s->loc = span_from(start);
        return s;
    }

    // double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    void parse_dict_items(DictExpr* d) {
        while (!at(Tok::RBrace)) {
            if (accept(Tok::DoubleStar)) {
                d->keys.push_back(nullptr);
                d->values.push_back(parse_bitwise_or());
            } else {
                Expr* k = parse_expression();
                if (!at(Tok::Colon)) {
                    if (at(Tok::Comma) || at(Tok::RBrace))
                        error_at("':' expected after dictionary key", peek().line, peek().col);
                    invalid_syntax();
                }
                advance();
                d->keys.push_back(k);
                Expr* v = parse_expression();
                d->values.push_back(v);
                check_missing_comma(v);
            }
            if (!accept(Tok::Comma)) break;
        }
    }

    // for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
    void parse_comp_for(std::vector<Comprehension>& gens) {
        while (at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For)) {
            Comprehension c;
            if (accept(Tok::Async)) c.is_async = true;
            advance();
            c.target = parse_target_list();
            set_ctx(c.target, Ctx::Store, "assign to", false);
            expect(Tok::In);
            c.iter = parse_disjunction();
            while (accept(Tok::If)) c.ifs.push_back(parse_disjunction());
            gens.push_back(std::move(c));
        }
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    Expr* parse_yield_expr() {
        Loc start = tok_loc(advance());
        if (accept(Tok::From)) {
            auto* y = make<UnaryValueExpr>(start, EK::YieldFrom);
            y->value = parse_expression();
            y->loc = span_from(start);
            return y;
        }
        auto* y = make<UnaryValueExpr>(start, EK::Yield);
        if (starts_expression(peek().kind)) y->value = parse_star_expressions();
        y->loc = span_from(start);
        return y;
    }

    // [SECTION] Strings and f-strings

    // strings: STRING+   (adjacent literals concatenate; any f-string makes a JoinedStr)
    Expr* parse_strings() {
        Loc start = tok_loc(peek());
        bool any_f = false, any_bytes = false, any_str = false;
        size_t first = m_p;
        while (at(Tok::String)) {
            const Token& t = advance();
            any_f |= t.is_fstring;
            if (t.is_bytes)
                any_bytes = true;
            else
                any_str = true;
        }
        size_t last = m_p;
        Loc loc = span_from(start);
        if (any_bytes && any_str) error_at("cannot mix bytes and nonbytes literals", loc.line, loc.col);
        if (!any_f) {
            auto* c = make<ConstantExpr>(loc);
            c->ck = any_bytes ? ConstKind::Bytes : ConstKind::Str;
            for (size_t i = first; i < last; ++i) c->sval += m_t[i].text;
            return c;
        }
        auto* j = make<JoinedStrExpr>(loc);
        std::string pending;
        Loc pending_loc = loc;
        Flush flush = [&]() {
            if (pending.empty()) return;
            auto* c = make<ConstantExpr>(pending_loc);
            c->ck = ConstKind::Str;
            c->sval = std::move(pending);
            pending.clear();
            j->values.push_back(c);
        };
        for (size_t i = first; i < last; ++i) {
            const Token& t = m_t[i];
            if (!t.is_fstring) {
                pending += t.text;
                continue;
            }
            parse_fstring_body(t, t.text, 0, t.text.size(), t.is_raw, j->values, pending, flush, 0);
        }
        flush();
        return j;
    }

    // Line and column of byte offset `off` inside token t's body.
    void body_pos(const Token& t, std::string_view body, size_t off, int& line, int& col) {
        line = t.body_line;
        col = t.body_col;
        for (size_t i = 0; i < off && i < body.size(); ++i) {
            if (body[i] == '\n') {
                ++line;
                col = 0;
            } else if ((static_cast<unsigned char>(body[i]) & 0xc0) != 0x80) {
                ++col;
            }
        }
    }

    void fstring_error(const Token& t, const std::string& msg) { error_at("f-string: " + msg, t.end_line, t.end_col); }

    // fstring: literal parts and replacement fields
    // replacement_field: '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' format_spec*] '}'
    using Flush = std::function<void()>;
    void parse_fstring_body(const Token& t, const std::string& body, size_t i, size_t end, bool raw,
                            std::vector<Expr*>& out, std::string& pending, const Flush& flush, int nest) {
        if (nest > 2) fstring_error(t, "expressions nested too deeply");
        std::string lit;
        auto emit_lit = [&]() {
            if (lit.empty()) return;
            std::string decoded;
            if (raw) {
                decoded = lit;
            } else {
                std::string err;
                if (!decode_escapes(lit, decoded, err)) error_tok(err, t);
            }
            pending += decoded;
            lit.clear();
        };
        while (i < end) {
            char c = body[i];
            if (c == '{') {
                if (i + 1 < end && body[i + 1] == '{') {
                    lit += '{';
                    i += 2;
                    continue;
                }
                emit_lit();
                i = parse_replacement_field(t, body, i + 1, end, raw, out, pending, flush, nest);
                continue;
            }
            if (c == '}') {
                if (i + 1 < end && body[i + 1] == '}') {
                    lit += '}';
                    i += 2;
                    continue;
                }
                fstring_error(t, "single '}' is not allowed");
            }
            if (c == '\\' && !raw && i + 1 < end) {
                lit += c;
                lit += body[i + 1];
                i += 2;
                continue;
            }
            lit += c;
            ++i;
        }
        emit_lit();
    }

    size_t parse_replacement_field(const Token& t, const std::string& body, size_t i, size_t end, bool raw,
                                   std::vector<Expr*>& out, std::string& pending, const Flush& flush, int nest) {
        // Find where the expression ends: '}', '!', ':' or '=' at depth 0.
        size_t start = i;
        int depth = 0;
        char quote = 0;
        size_t j = i;
        bool debug = false;
        for (; j < end; ++j) {
            char c = body[j];
            if (quote) {
                if (c == '\\') {
                    ++j;
                    continue;
                }
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                ++depth;
                continue;
            }
            if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
                --depth;
                continue;
            }
            if (depth > 0) continue;
            if (c == '}' || c == ':') break;
            if (c == '!') {
                if (j + 1 < end && body[j + 1] == '=') {
                    ++j;
                    continue;
                }
                break;
            }
            if (c == '=') {
                if (j + 1 < end && body[j + 1] == '=') {
                    ++j;
                    continue;
                }
                char p = j > start ? body[j - 1] : 0;
                if (p == '=' || p == '!' || p == '<' || p == '>') continue;
                debug = true;
                break;
            }
            if (c == '#') fstring_error(t, "expression part cannot include '#'");
            if (c == '\\') fstring_error(t, "expression part cannot include a backslash");
        }
        if (quote) fstring_error(t, "unterminated string");
        if (j >= end) fstring_error(t, "expecting '}'");
        std::string expr_text = body.substr(start, j - start);
        if (expr_text.find_first_not_of(" \t\n") == std::string::npos) fstring_error(t, "empty expression not allowed");
        int line, col;
        body_pos(t, body, start, line, col);
        Expr* e = parse_sub_expression(t, expr_text, line, col);
        std::string debug_text;
        if (debug) {
            ++j;  // past '='
            size_t ws = j;
            while (j < end && (body[j] == ' ' || body[j] == '\t')) ++j;
            debug_text = body.substr(start, j - start);
            (void)ws;
        }
        int conversion = 0;
        if (j < end && body[j] == '!') {
            ++j;
            if (j >= end) fstring_error(t, "expecting '}'");
            char cv = body[j];
            if (cv != 's' && cv != 'r' && cv != 'a')
                fstring_error(t, "invalid conversion character: expected 's', 'r', or 'a'");
            conversion = cv;
            ++j;
        }
        Expr* spec = nullptr;
        if (j < end && body[j] == ':') {
            ++j;
            // The spec runs to the matching '}' and may hold nested fields.
            size_t k = j;
            int d = 0;
            for (; k < end; ++k) {
                if (body[k] == '{')
                    ++d;
                else if (body[k] == '}') {
                    if (d == 0) break;
                    --d;
                }
            }
            if (k >= end) fstring_error(t, "expecting '}'");
            auto* js = make<JoinedStrExpr>(tok_loc(t));
            std::string spec_pending;
            Flush spec_flush = [&]() {
                if (spec_pending.empty()) return;
                auto* c = make<ConstantExpr>(tok_loc(t));
                c->ck = ConstKind::Str;
                c->sval = std::move(spec_pending);
                spec_pending.clear();
                js->values.push_back(c);
            };
            parse_fstring_body(t, body, j, k, raw, js->values, spec_pending, spec_flush, nest + 1);
            spec_flush();
            spec = js;
            j = k;
        }
        if (j >= end || body[j] != '}') fstring_error(t, "expecting '}'");
        ++j;
        if (debug) {
            pending += debug_text;
            if (!conversion && !spec) conversion = 'r';
        }
        flush();
        auto* fv = make<FormattedValueExpr>(e->loc);
        fv->value = e;
        fv->conversion = conversion;
        fv->format_spec = spec;
        out.push_back(fv);
        return j;
    }

    Expr* parse_sub_expression(const Token& t, const std::string& text, int line, int col) {
        std::vector<Token> toks;
        SyntaxErrorInfo err;
        Lexer lx(text, line, col, true);
        if (!lx.run(toks, err)) {
            ParseError e;
            e.info = err;
            throw e;
        }
        Parser sub(toks, m_a, 1);
        sub.m_depth = m_depth;
        Expr* e;
        if (sub.at(Tok::Yield))
            e = sub.parse_yield_expr();
        else
            e = sub.parse_star_expressions();
        if (!sub.at(Tok::EndMarker)) {
            (void)t;
            fstring_error(t, "invalid syntax");
        }
        return e;
    }

    // [SECTION] Targets

    // star_targets: star_target !',' | star_target (',' star_target)* [',']
    // (parsed at bitwise_or precedence so that `for x in y` stops before `in`)
    Expr* parse_target_list() {
        Loc start = tok_loc(peek());
        Expr* first = parse_target();
        if (!at(Tok::Comma)) return first;
        auto* t = make<SeqExpr>(start, EK::Tuple);
        t->elts.push_back(first);
        while (accept(Tok::Comma)) {
            if (at(Tok::In) || at(Tok::Equal) || at(Tok::RParen)) break;
            t->elts.push_back(parse_target());
        }
        t->loc = span_from(start);
        return t;
    }

    Expr* parse_target() { return at(Tok::Star) ? parse_starred() : parse_bitwise_or(); }

    // An int literal past int64: its digits without prefix or underscores,
    // made into an int by the compiler (int_from_digits).
    void big_literal(ConstantExpr* c, const Token& t) {
        std::string_view s = t.text;
        int base = 10;
        if (s.size() > 2 && s[0] == '0') {
            char k = static_cast<char>(s[1] | 0x20);
            base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            s.remove_prefix(2);
        }
        for (char ch : s)
            if (ch != '_') c->sval.push_back(ch);
        // CPython refuses a decimal literal its int() would refuse, at compile time.
        if (base == 10 && c->sval.size() > 4300)
            error_tok("Exceeds the limit (4300 digits) for integer string conversion: value has " +
                          std::to_string(c->sval.size()) +
                          " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal "
                          "for huge integer literals to avoid decimal conversion limits.",
                      t);
        c->ck = ConstKind::BigInt;
        c->ival = base;
    }

    static std::string expr_name(const Expr* e) {
        switch (e->kind) {
        case EK::Call:
            return "function call";
        case EK::Constant: {
            auto ck = static_cast<const ConstantExpr*>(e)->ck;
            if (ck == ConstKind::None) return "None";
            if (ck == ConstKind::True) return "True";
            if (ck == ConstKind::False) return "False";
            if (ck == ConstKind::Ellipsis) return "ellipsis";
            return "literal";
        }
        case EK::Compare:
            return "comparison";
        case EK::Lambda:
            return "lambda";
        case EK::IfExp:
            return "conditional expression";
        case EK::Await:
            return "await expression";
        case EK::Yield:
        case EK::YieldFrom:
            return "yield expression";
        case EK::ListComp:
            return "list comprehension";
        case EK::SetComp:
            return "set comprehension";
        case EK::DictComp:
            return "dict comprehension";
        case EK::GeneratorExp:
            return "generator expression";
        case EK::Dict:
            return "dict literal";
        case EK::Set:
            return "set display";
        case EK::JoinedStr:
        case EK::FormattedValue:
            return "f-string expression";
        case EK::NamedExpr:
            return "named expression";
        case EK::Tuple:
            return "tuple";
        case EK::List:
            return "list";
        case EK::Starred:
            return "starred";
        case EK::Name:
            return "name";
        case EK::Attribute:
            return "attribute";
        case EK::Subscript:
            return "subscript";
        default:
            return "expression";
        }
    }

    // Marks e as an assignment (or deletion) target, rejecting what cannot be one.
    void set_ctx(Expr* e, Ctx ctx, const char* verb, bool maybe_eq) {
        switch (e->kind) {
        case EK::Name:
        case EK::Attribute:
        case EK::Subscript:
            e->ctx = ctx;
            return;
        case EK::Tuple:
        case EK::List:
            e->ctx = ctx;
            for (Expr* x : static_cast<SeqExpr*>(e)->elts) set_ctx(x, ctx, verb, false);
            return;
        case EK::Starred:
            if (ctx == Ctx::Del) error_node("cannot delete starred", e);
            e->ctx = ctx;
            set_ctx(static_cast<StarredExpr*>(e)->value, ctx, verb, false);
            return;
        default:
            break;
        }
        std::string what = expr_name(e);
        std::string msg = std::string("cannot ") + verb + " " + what;
        if (maybe_eq && (e->kind == EK::Call || e->kind == EK::Constant || e->kind == EK::BinOp ||
                         e->kind == EK::Compare || e->kind == EK::UnaryOp || e->kind == EK::BoolOp))
            msg += " here. Maybe you meant '==' instead of '='?";
        error_node(msg, e);
    }

    std::vector<Token>& m_t;
    Arena& m_a;
    size_t m_p = 0;
    int m_level;      // bracket nesting (for "Perhaps you forgot a comma?")
    int m_depth = 0;  // recursion guard
};

}  // namespace

bool parse_module(std::string_view src, Arena& arena, Module& out, SyntaxErrorInfo& err) {
    std::vector<Token> toks;
    Lexer lx(src);
    if (!lx.run(toks, err)) return false;
    Parser p(toks, arena);
    try {
        p.parse_file(out);
    } catch (ParseError& e) {
        err = e.info;
        return false;
    }
    return true;
}

}  // namespace aio::script
