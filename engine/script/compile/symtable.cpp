// symtable.cpp — building and resolving scopes (CPython's symtable.c).
#include "compile/symtable.hpp"

#include <algorithm>

namespace aio::script {

namespace {
struct SymError {
    SyntaxErrorInfo info;
};
}  // namespace

struct SymBuilder {
    SymTable& t;
    SymScope* cur = nullptr;

    [[noreturn]] void fail(const std::string& msg, const Loc& loc) {
        SymError e;
        e.info.msg = msg;
        e.info.line = loc.line;
        e.info.col = loc.col;
        e.info.end_line = loc.end_line;
        e.info.end_col = loc.end_col;
        throw e;
    }

    SymScope* enter(SymScope::Kind k, const Node* n, const std::string& name) {
        auto s = std::make_unique<SymScope>();
        s->kind = k;
        s->node = n;
        s->name = name;
        s->parent = cur;
        SymScope* raw = s.get();
        if (cur) cur->children.push_back(raw);
        t.m_by_node[n] = raw;
        t.m_scopes.push_back(std::move(s));
        cur = raw;
        return raw;
    }
    void leave() { cur = cur->parent; }

    void add(const std::string& name, int flag, const Loc& loc) {
        auto it = cur->flags.find(name);
        if (it == cur->flags.end()) {
            cur->order.push_back(name);
            cur->flags[name] = flag;
            return;
        }
        int old = it->second;
        if ((flag & DEF_PARAM) && (old & DEF_PARAM))
            fail("duplicate argument '" + name + "' in function definition", loc);
        if ((flag & DEF_GLOBAL) && (old & (DEF_LOCAL | USE)) && !(old & DEF_GLOBAL)) {
            if (old & DEF_PARAM) fail("name '" + name + "' is parameter and global", loc);
            fail(
                "name '" + name + "' is " + ((old & DEF_LOCAL) ? "assigned to" : "used") + " before global declaration",
                loc);
        }
        if ((flag & DEF_NONLOCAL) && (old & (DEF_LOCAL | USE)) && !(old & DEF_NONLOCAL)) {
            if (old & DEF_PARAM) fail("name '" + name + "' is parameter and nonlocal", loc);
            fail("name '" + name + "' is " + ((old & DEF_LOCAL) ? "assigned to" : "used") +
                     " before nonlocal declaration",
                 loc);
        }
        it->second = old | flag;
    }

    // [SECTION] Statements

    void body(const Body& b) {
        for (Stmt* s : b) stmt(s);
    }

    void args_defaults(const Arguments& a) {
        for (Expr* d : a.defaults) expr(d);
        for (Expr* d : a.kw_defaults)
            if (d) expr(d);
        // Annotations are not evaluated (see compiler), so they bind nothing.
    }

    void params(const Arguments& a) {
        for (Arg* p : a.posonlyargs) {
            add(p->name, DEF_PARAM, p->loc);
            cur->params.push_back(p->name);
        }
        for (Arg* p : a.args) {
            add(p->name, DEF_PARAM, p->loc);
            cur->params.push_back(p->name);
        }
        for (Arg* p : a.kwonlyargs) {
            add(p->name, DEF_PARAM, p->loc);
            cur->params.push_back(p->name);
        }
        if (a.vararg) {
            add(a.vararg->name, DEF_PARAM, a.vararg->loc);
            cur->params.push_back(a.vararg->name);
        }
        if (a.kwarg) {
            add(a.kwarg->name, DEF_PARAM, a.kwarg->loc);
            cur->params.push_back(a.kwarg->name);
        }
    }

    // Captures bind; value patterns, class names and mapping keys are uses.
    void pattern(Pattern* p) {
        switch (p->kind) {
        case PK::Value:
            expr(static_cast<MatchValuePattern*>(p)->value);
            break;
        case PK::Singleton:
            break;
        case PK::Sequence:
            for (Pattern* q : static_cast<MatchSequencePattern*>(p)->patterns) pattern(q);
            break;
        case PK::Mapping: {
            auto* m = static_cast<MatchMappingPattern*>(p);
            for (Expr* k : m->keys) expr(k);
            for (Pattern* q : m->patterns) pattern(q);
            if (!m->rest.empty()) add(m->rest, DEF_LOCAL, p->loc);
            break;
        }
        case PK::Class: {
            auto* c = static_cast<MatchClassPattern*>(p);
            expr(c->cls);
            for (Pattern* q : c->patterns) pattern(q);
            for (Pattern* q : c->kwd_patterns) pattern(q);
            break;
        }
        case PK::Star: {
            auto* st = static_cast<MatchStarPattern*>(p);
            if (!st->name.empty()) add(st->name, DEF_LOCAL, p->loc);
            break;
        }
        case PK::As: {
            auto* as = static_cast<MatchAsPattern*>(p);
            if (as->pattern) pattern(as->pattern);
            if (!as->name.empty()) add(as->name, DEF_LOCAL, p->loc);
            break;
        }
        case PK::Or:
            for (Pattern* q : static_cast<MatchOrPattern*>(p)->patterns) pattern(q);
            break;
        }
    }

    void stmt(Stmt* s) {
        switch (s->kind) {
        case SK::FunctionDef: {
            auto* f = static_cast<FunctionDefStmt*>(s);
            for (Expr* d : f->decorators) expr(d);
            args_defaults(f->args);
            add(f->name, DEF_LOCAL, f->loc);
            SymScope* sc = enter(SymScope::Function, f, f->name);
            sc->is_coroutine = f->is_async;
            params(f->args);
            body(f->body);
            leave();
            break;
        }
        case SK::ClassDef: {
            auto* c = static_cast<ClassDefStmt*>(s);
            for (Expr* d : c->decorators) expr(d);
            for (Expr* b : c->bases) expr(b);
            for (Keyword* k : c->keywords) expr(k->value);
            add(c->name, DEF_LOCAL, c->loc);
            enter(SymScope::Class, c, c->name);
            body(c->body);
            leave();
            break;
        }
        case SK::Return: {
            auto* r = static_cast<ReturnStmt*>(s);
            if (r->value) expr(r->value);
            break;
        }
        case SK::Delete:
            for (Expr* e : static_cast<DeleteStmt*>(s)->targets) expr(e);
            break;
        case SK::Assign: {
            auto* a = static_cast<AssignStmt*>(s);
            expr(a->value);
            for (Expr* e : a->targets) expr(e);
            break;
        }
        case SK::AugAssign: {
            auto* a = static_cast<AugAssignStmt*>(s);
            expr(a->value);
            if (a->target->kind == EK::Name) {
                const std::string& n = static_cast<NameExpr*>(a->target)->id;
                add(n, DEF_LOCAL | USE, a->target->loc);
            } else {
                expr(a->target);
            }
            break;
        }
        case SK::AnnAssign: {
            auto* a = static_cast<AnnAssignStmt*>(s);
            if (a->value) expr(a->value);
            if (a->target->kind == EK::Name) {
                const std::string& n = static_cast<NameExpr*>(a->target)->id;
                auto it = cur->flags.find(n);
                if (it != cur->flags.end() && (it->second & (DEF_GLOBAL | DEF_NONLOCAL)) && a->simple) {
                    // annotated global: fine, binds globally
                }
                add(n, DEF_LOCAL, a->target->loc);
            } else {
                expr(a->target);
            }
            if (cur->kind != SymScope::Function) expr(a->annotation);
            break;
        }
        case SK::For: {
            auto* f = static_cast<ForStmt*>(s);
            expr(f->iter);
            expr(f->target);
            body(f->body);
            body(f->orelse);
            if (f->is_async) cur->has_await = true;
            break;
        }
        case SK::Match: {
            auto* m = static_cast<MatchStmt*>(s);
            expr(m->subject);
            for (MatchCase* c : m->cases) {
                pattern(c->pattern);
                if (c->guard) expr(c->guard);
                body(c->body);
            }
            break;
        }
        case SK::While: {
            auto* w = static_cast<WhileStmt*>(s);
            expr(w->test);
            body(w->body);
            body(w->orelse);
            break;
        }
        case SK::If: {
            auto* i = static_cast<IfStmt*>(s);
            expr(i->test);
            body(i->body);
            body(i->orelse);
            break;
        }
        case SK::With: {
            auto* w = static_cast<WithStmt*>(s);
            for (auto& it : w->items) {
                expr(it.context_expr);
                if (it.optional_vars) expr(it.optional_vars);
            }
            body(w->body);
            if (w->is_async) cur->has_await = true;
            break;
        }
        case SK::Raise: {
            auto* r = static_cast<RaiseStmt*>(s);
            if (r->exc) expr(r->exc);
            if (r->cause) expr(r->cause);
            break;
        }
        case SK::Try: {
            auto* t2 = static_cast<TryStmt*>(s);
            body(t2->body);
            for (ExceptHandler* h : t2->handlers) {
                if (h->type) expr(h->type);
                if (!h->name.empty()) add(h->name, DEF_LOCAL, h->loc);
                body(h->body);
            }
            body(t2->orelse);
            body(t2->finalbody);
            break;
        }
        case SK::Assert: {
            auto* a = static_cast<AssertStmt*>(s);
            expr(a->test);
            if (a->msg) expr(a->msg);
            break;
        }
        case SK::Import:
            for (Alias* a : static_cast<ImportStmt*>(s)->names) {
                std::string bound = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
                add(bound, DEF_LOCAL, a->loc);
            }
            break;
        case SK::ImportFrom:
            for (Alias* a : static_cast<ImportFromStmt*>(s)->names) {
                if (a->name == "*") {
                    if (cur->kind != SymScope::Module) fail("import * only allowed at module level", s->loc);
                    continue;
                }
                add(a->asname.empty() ? a->name : a->asname, DEF_LOCAL, a->loc);
            }
            break;
        case SK::Global:
            for (const std::string& n : static_cast<NamesStmt*>(s)->names) add(n, DEF_GLOBAL, s->loc);
            break;
        case SK::Nonlocal:
            if (cur->kind == SymScope::Module) fail("nonlocal declaration not allowed at module level", s->loc);
            for (const std::string& n : static_cast<NamesStmt*>(s)->names) {
                add(n, DEF_NONLOCAL, s->loc);
                cur->decl_loc[n] = s->loc;
            }
            break;
        case SK::Expr:
            expr(static_cast<ExprStmt*>(s)->value);
            break;
        case SK::Pass:
        case SK::Break:
        case SK::Continue:
            break;
        }
    }

    // [SECTION] Expressions

    void comprehension(CompExpr* c) {
        // The outermost iterable is evaluated in the enclosing scope.
        expr(c->generators[0].iter);
        bool outer_async = cur->is_coroutine;
        SymScope* sc = enter(SymScope::Function, c, "<comp>");
        sc->is_comprehension = true;
        add(".0", DEF_PARAM, c->loc);
        sc->params.push_back(".0");
        bool any_async = false;
        for (size_t i = 0; i < c->generators.size(); ++i) {
            auto& g = c->generators[i];
            if (i > 0) expr(g.iter);
            expr(g.target);
            for (Expr* e : g.ifs) expr(e);
            if (g.is_async) any_async = true;
        }
        expr(c->elt);
        if (c->value) expr(c->value);
        if (c->kind == EK::GeneratorExp) {
            sc->is_generator = true;
            if (any_async) sc->is_coroutine = true;  // async generator expression
        } else if (any_async || sc->has_await) {
            sc->is_coroutine = true;
            (void)outer_async;
        }
        leave();
        if (c->kind != EK::GeneratorExp && (any_async || sc->has_await)) cur->has_await = true;
    }

    void expr(Expr* e) {
        if (!e) return;
        switch (e->kind) {
        case EK::Name: {
            auto* n = static_cast<NameExpr*>(e);
            add(n->id, e->ctx == Ctx::Load ? USE : DEF_LOCAL, e->loc);
            // super() needs the implicit __class__ cell of the enclosing class.
            if (e->ctx == Ctx::Load && n->id == "super" && cur->kind == SymScope::Function)
                add("__class__", USE, e->loc);
            break;
        }
        case EK::Constant:
            break;
        case EK::JoinedStr:
            for (Expr* x : static_cast<JoinedStrExpr*>(e)->values) expr(x);
            break;
        case EK::FormattedValue: {
            auto* f = static_cast<FormattedValueExpr*>(e);
            expr(f->value);
            expr(f->format_spec);
            break;
        }
        case EK::BinOp: {
            auto* b = static_cast<BinOpExpr*>(e);
            expr(b->left);
            expr(b->right);
            break;
        }
        case EK::UnaryOp:
            expr(static_cast<UnaryOpExpr*>(e)->operand);
            break;
        case EK::BoolOp:
            for (Expr* x : static_cast<BoolOpExpr*>(e)->values) expr(x);
            break;
        case EK::Compare: {
            auto* c = static_cast<CompareExpr*>(e);
            expr(c->left);
            for (Expr* x : c->comparators) expr(x);
            break;
        }
        case EK::Call: {
            auto* c = static_cast<CallExpr*>(e);
            expr(c->func);
            for (Expr* x : c->args) expr(x);
            for (Keyword* k : c->keywords) expr(k->value);
            break;
        }
        case EK::Attribute:
            expr(static_cast<AttributeExpr*>(e)->value);
            break;
        case EK::Subscript: {
            auto* s = static_cast<SubscriptExpr*>(e);
            expr(s->value);
            expr(s->slice);
            break;
        }
        case EK::Slice: {
            auto* s = static_cast<SliceExpr*>(e);
            expr(s->lower);
            expr(s->upper);
            expr(s->step);
            break;
        }
        case EK::Starred:
            expr(static_cast<StarredExpr*>(e)->value);
            break;
        case EK::List:
        case EK::Tuple:
        case EK::Set:
            for (Expr* x : static_cast<SeqExpr*>(e)->elts) expr(x);
            break;
        case EK::Dict: {
            auto* d = static_cast<DictExpr*>(e);
            for (size_t i = 0; i < d->keys.size(); ++i) {
                if (d->keys[i]) expr(d->keys[i]);
                expr(d->values[i]);
            }
            break;
        }
        case EK::ListComp:
        case EK::SetComp:
        case EK::DictComp:
        case EK::GeneratorExp:
            comprehension(static_cast<CompExpr*>(e));
            break;
        case EK::Lambda: {
            auto* l = static_cast<LambdaExpr*>(e);
            args_defaults(l->args);
            SymScope* sc = enter(SymScope::Function, l, "<lambda>");
            sc->is_lambda = true;
            params(l->args);
            expr(l->body);
            leave();
            break;
        }
        case EK::IfExp: {
            auto* i = static_cast<IfExpExpr*>(e);
            expr(i->test);
            expr(i->body);
            expr(i->orelse);
            break;
        }
        case EK::Await:
            cur->has_await = true;
            expr(static_cast<UnaryValueExpr*>(e)->value);
            break;
        case EK::Yield:
        case EK::YieldFrom:
            if (cur->kind == SymScope::Function) {
                if (cur->is_comprehension) {
                    const char* what = "list comprehension";
                    auto* cn = static_cast<const CompExpr*>(cur->node);
                    if (cn->kind == EK::SetComp)
                        what = "set comprehension";
                    else if (cn->kind == EK::DictComp)
                        what = "dict comprehension";
                    else if (cn->kind == EK::GeneratorExp)
                        what = "generator expression";
                    fail(std::string("'yield' inside ") + what, e->loc);
                }
                cur->is_generator = true;
            }
            expr(static_cast<UnaryValueExpr*>(e)->value);
            break;
        case EK::NamedExpr: {
            auto* n = static_cast<NamedExprExpr*>(e);
            expr(n->value);
            const std::string& id = static_cast<NameExpr*>(n->target)->id;
            if (cur->is_comprehension) {
                // Binds in the nearest enclosing non-comprehension scope.
                SymScope* s = cur;
                while (s->is_comprehension) s = s->parent;
                if (s->kind == SymScope::Class)
                    fail("assignment expression within a comprehension cannot be used in a class body", e->loc);
                SymScope* save = cur;
                cur = s;
                add(id, DEF_LOCAL, e->loc);
                cur = save;
                for (SymScope* c = cur; c != s; c = c->parent) {
                    SymScope* save2 = cur;
                    cur = c;
                    add(id, s->kind == SymScope::Module ? DEF_GLOBAL : DEF_NONLOCAL, e->loc);
                    cur = save2;
                }
            } else {
                add(id, DEF_LOCAL, e->loc);
            }
            break;
        }
        }
    }
};

namespace {

void analyze(SymScope* s, const std::set<std::string>& bound, SyntaxErrorInfo* err) {
    for (auto& [name, f] : s->flags) {
        SymKind k;
        if (f & DEF_GLOBAL) {
            k = SymKind::GlobalExplicit;
        } else if (f & DEF_NONLOCAL) {
            if (!bound.count(name)) {
                SymError e;
                e.info.msg = "no binding for nonlocal '" + name + "' found";
                Loc l = s->decl_loc[name];
                e.info.line = l.line;
                e.info.col = l.col;
                e.info.end_line = l.end_line;
                e.info.end_col = l.end_col;
                throw e;
            }
            k = SymKind::Free;
        } else if (f & (DEF_LOCAL | DEF_PARAM)) {
            k = s->kind == SymScope::Module ? SymKind::GlobalImplicit : SymKind::Local;
        } else if (s->kind != SymScope::Module && bound.count(name)) {
            k = SymKind::Free;
        } else {
            k = SymKind::GlobalImplicit;
        }
        s->resolved[name] = k;
    }
    std::set<std::string> newbound;
    if (s->kind == SymScope::Function) {
        newbound = bound;
        for (auto& [name, k] : s->resolved)
            if (k == SymKind::Local || k == SymKind::Free) newbound.insert(name);
        for (auto& [name, k] : s->resolved)
            if (k == SymKind::GlobalExplicit) newbound.erase(name);
    } else if (s->kind == SymScope::Class) {
        newbound = bound;
        newbound.insert("__class__");
    }
    std::set<std::string> child_free;
    for (SymScope* c : s->children) {
        analyze(c, newbound, err);
        for (auto& fv : c->freevars) child_free.insert(fv);
    }
    std::set<std::string> frees;
    for (auto& [name, k] : s->resolved)
        if (k == SymKind::Free) frees.insert(name);
    std::set<std::string> cells;
    for (const std::string& name : child_free) {
        auto it = s->resolved.find(name);
        if (s->kind == SymScope::Function) {
            if (it != s->resolved.end() && it->second == SymKind::Local) {
                it->second = SymKind::Cell;
                cells.insert(name);
            } else if (it == s->resolved.end() || it->second == SymKind::GlobalImplicit) {
                s->resolved[name] = SymKind::Free;
                frees.insert(name);
            } else if (it->second == SymKind::Free) {
                frees.insert(name);
            } else if (it->second == SymKind::Cell) {
                cells.insert(name);
            }
        } else if (s->kind == SymScope::Class) {
            if (name == "__class__") {
                s->needs_class_cell = true;
            } else {
                // Passes through the class body (which keeps its own binding, if any).
                frees.insert(name);
                if (it == s->resolved.end() || it->second == SymKind::GlobalImplicit) s->resolved[name] = SymKind::Free;
            }
        }
    }
    s->cellvars.assign(cells.begin(), cells.end());
    s->freevars.assign(frees.begin(), frees.end());
}

}  // namespace

bool SymTable::build(const Module& m, SyntaxErrorInfo& err) {
    SymBuilder b{*this};
    try {
        b.enter(SymScope::Module, reinterpret_cast<const Node*>(&m), "<module>");
        b.body(m.body);
        analyze(m_scopes.front().get(), {}, &err);
    } catch (SymError& e) {
        err = e.info;
        return false;
    }
    return true;
}

}  // namespace aio::script
