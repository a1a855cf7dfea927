// symtable.hpp — scope analysis: which names are local, cell, free or global.
//
// Mirrors CPython's symtable.c: a first walk records how each scope uses
// each name; then names are resolved top-down (what enclosing functions
// bind) and bottom-up (what children capture becomes a cell here).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/ast.hpp"
#include "compile/lexer.hpp"

namespace aio::script {

enum SymFlag : int {
    DEF_LOCAL = 1,
    DEF_PARAM = 2,
    DEF_GLOBAL = 4,
    DEF_NONLOCAL = 8,
    USE = 16,
};

enum class SymKind : uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct SymScope {
    enum Kind { Module, Function, Class } kind;
    const Node* node = nullptr;
    std::string name;
    SymScope* parent = nullptr;
    std::vector<SymScope*> children;
    std::map<std::string, int> flags;
    std::vector<std::string> order;       // names in first-seen order
    std::vector<std::string> params;      // in binding order
    std::map<std::string, Loc> decl_loc;  // where each nonlocal was declared
    std::unordered_map<std::string, SymKind> resolved;
    std::vector<std::string> cellvars;  // sorted
    std::vector<std::string> freevars;  // sorted
    bool is_generator = false;
    bool is_coroutine = false;  // async def (or a comprehension awaiting inside one)
    bool is_comprehension = false;
    bool is_lambda = false;
    bool needs_class_cell = false;  // class scope whose methods use super()/__class__
    bool has_await = false;

    SymKind kind_of(const std::string& n) const {
        auto it = resolved.find(n);
        if (it != resolved.end()) return it->second;
        return kind == Module ? SymKind::GlobalImplicit : SymKind::GlobalImplicit;
    }
};

class SymTable {
public:
    // Returns false with err filled on a scoping error (nonlocal without a
    // binding, global after use, duplicate parameters...).
    bool build(const Module& m, SyntaxErrorInfo& err);
    SymScope* scope_for(const Node* n) const {
        auto it = m_by_node.find(n);
        return it == m_by_node.end() ? nullptr : it->second;
    }
    SymScope* module() const { return m_scopes.empty() ? nullptr : m_scopes.front().get(); }

private:
    friend struct SymBuilder;
    std::vector<std::unique_ptr<SymScope>> m_scopes;
    std::unordered_map<const Node*, SymScope*> m_by_node;
};

}  // namespace aio::script
