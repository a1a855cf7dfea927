// mod_hashlib.cpp — hashlib: md5, sha1, sha224, sha256, sha384, sha512 and
// new(), HASH objects (update/digest/hexdigest/copy), pbkdf2_hmac. The
// digests are hashes.cpp's; hmac is Python on top (lib/hmac.py). Names,
// signatures and errors are CPython's OpenSSL-backed ones; the SHA-3, BLAKE2
// and SHAKE families are not here, and asking for one says so.
#include "modules/hashes.hpp"
#include "modules/modules.hpp"
#include "objects/bytes.hpp"
#include "objects/runtime.hpp"

namespace aio::script {

namespace {

struct HashObject : CxxObject {
    Hasher m_hasher{Hasher::Kind::Md5};
};

HashObject* self_hash(Value* a) { return static_cast<HashObject*>(a[0].as<CxxObject>()); }

// The data argument of update() and the constructors: a bytes-like object.
bool hash_data(VM& vm, const Value& v, std::string_view& out, std::string& scratch) {
    if (is_str(v)) {
        vm.raise(vm.e_TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (bytes_like(vm, v, out, scratch)) return true;
    if (!vm.has_exc()) vm.raise(vm.e_TypeError, "object supporting the buffer API required");
    return false;
}

// The HASH type travels in each native's data: a process may hold many VMs.
Value new_hash(VM& vm, TypeObject* t, Hasher::Kind kind, const Value& data) {
    auto* h = vm.alloc<HashObject>(t, ObjKind::Cxx);
    Value hv = Value::steal(h);
    h->m_hasher = Hasher(kind);
    if (!data.is_null()) {
        std::string_view bytes;
        std::string scratch;
        if (!hash_data(vm, data, bytes, scratch)) return Value();
        if (!vm.charge(1 + bytes.size() / 4096)) return Value();
        h->m_hasher.update(bytes);
    }
    return hv;
}

bool kind_arg(VM& vm, const Value& name, Hasher::Kind& kind) {
    if (!is_str(name)) {
        vm.raisef(vm.e_TypeError, "new() argument 'name' must be str, not %s", type_name(name).c_str());
        return false;
    }
    if (Hasher::kind_of(as_str(name)->view(), kind)) return true;
    vm.raisef(vm.e_ValueError, "unsupported hash type %s (aio-py has md5, sha1, sha224, sha256, sha384, sha512)",
              as_str(name)->str().c_str());
    return false;
}

// hashlib.md5(string=b'', *, usedforsecurity=True) and its siblings; the
// native's data is (kind, HASH type).
Value h_constructor(VM& vm, Value* a, int n, TupleObject* kw, Value& data) {
    auto* d = data.as<TupleObject>();
    auto kind = static_cast<Hasher::Kind>(d->items()[0].as_intlike());
    std::string fname = std::string("openssl_") + Hasher(kind).name();
    for (uint32_t i = 0; kw && i < kw->m_size; ++i) {
        std::string_view k = as_str(kw->items()[i])->view();
        if (k != "string" && k != "usedforsecurity")
            return vm.raisef(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()", std::string(k).c_str(),
                             fname.c_str());
    }
    Value args[2];
    if (!parse_args(vm, fname.c_str(), a, n, kw, {"string", "usedforsecurity"}, 0, args, 1)) return Value();
    return new_hash(vm, d->items()[1].as<TypeObject>(), kind, args[0]);
}

// hashlib.new(name, data=b'', **kwargs); the native's data is the HASH type.
Value h_new(VM& vm, Value* a, int n, TupleObject* kw, Value& type) {
    Value args[3];
    if (!parse_args(vm, "new", a, n, kw, {"name", "data", "usedforsecurity"}, 1, args, 2)) return Value();
    Hasher::Kind kind;
    if (!kind_arg(vm, args[0], kind)) return Value();
    return new_hash(vm, type.as<TypeObject>(), kind, args[1]);
}

Value hash_update(VM& vm, Value* a, int n, TupleObject*, Value&) {
    if (n != 2) return vm.raisef(vm.e_TypeError, "HASH.update() takes exactly one argument (%d given)", n - 1);
    std::string_view bytes;
    std::string scratch;
    if (!hash_data(vm, a[1], bytes, scratch)) return Value();
    if (!vm.charge(1 + bytes.size() / 4096)) return Value();
    self_hash(a)->m_hasher.update(bytes);
    return Value::none();
}
Value hash_digest(VM& vm, Value* a, int, TupleObject*, Value&) {
    return new_bytes(vm, self_hash(a)->m_hasher.digest());
}
Value hash_hexdigest(VM& vm, Value* a, int, TupleObject*, Value&) {
    std::string d = self_hash(a)->m_hasher.digest(), hex;
    for (unsigned char c : d) {
        hex += "0123456789abcdef"[c >> 4];
        hex += "0123456789abcdef"[c & 15];
    }
    return vm.str(hex);
}
Value hash_copy(VM& vm, Value* a, int, TupleObject*, Value&) {
    auto* h = vm.alloc<HashObject>(vm.type_of(a[0]), ObjKind::Cxx);
    h->m_hasher = self_hash(a)->m_hasher;
    return Value::steal(h);
}
Value hash_name(VM& vm, Value* a, int, TupleObject*, Value&) { return vm.str(self_hash(a)->m_hasher.name()); }
Value hash_digest_size(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(self_hash(a)->m_hasher.digest_size()));
}
Value hash_block_size(VM&, Value* a, int, TupleObject*, Value&) {
    return Value::integer(static_cast<int64_t>(self_hash(a)->m_hasher.block_size()));
}
Value hash_repr(VM& vm, Value* a, int, TupleObject*, Value&) {
    return vm.str(std::string("<") + self_hash(a)->m_hasher.name() + " _hashlib.HASH object>");
}

// HMAC over a Hasher kind: the inner and outer keyed hashers, ready to take
// the message (RFC 2104).
struct Hmac {
    Hasher inner, outer;
    Hmac(Hasher::Kind kind, std::string_view key) : inner(kind), outer(kind) {
        std::string k(key);
        if (k.size() > inner.block_size()) {
            Hasher hk(kind);
            hk.update(k);
            k = hk.digest();
        }
        k.resize(inner.block_size(), '\0');
        std::string ipad = k, opad = k;
        for (auto& c : ipad) c = static_cast<char>(c ^ 0x36);
        for (auto& c : opad) c = static_cast<char>(c ^ 0x5c);
        inner.update(ipad);
        outer.update(opad);
    }
    std::string digest_of(std::string_view msg) const {
        Hasher i = inner, o = outer;
        i.update(msg);
        o.update(i.digest());
        return o.digest();
    }
};

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None), RFC 8018.
Value h_pbkdf2_hmac(VM& vm, Value* a, int n, TupleObject* kw, Value&) {
    Value args[5];
    if (!parse_args(vm, "pbkdf2_hmac", a, n, kw, {"hash_name", "password", "salt", "iterations", "dklen"}, 4, args))
        return Value();
    Hasher::Kind kind;
    if (!kind_arg(vm, args[0], kind)) return Value();
    std::string_view password, salt;
    std::string s1, s2;
    if (!need_bytes_like(vm, args[1], password, s1) || !need_bytes_like(vm, args[2], salt, s2)) return Value();
    int64_t iterations, dklen;
    if (!int_from_value(vm, args[3], iterations, "iterations")) return Value();
    if (iterations < 1) return vm.raise(vm.e_ValueError, "iteration value must be greater than 0.");
    Hmac mac(kind, password);
    size_t hlen = mac.inner.digest_size();
    dklen = static_cast<int64_t>(hlen);
    if (!args[4].is_null() && !args[4].is_none() && !int_from_value(vm, args[4], dklen, "dklen")) return Value();
    if (dklen < 1) return vm.raise(vm.e_ValueError, "key length must be greater than 0.");
    if (!vm.reserve_memory(static_cast<size_t>(dklen))) return Value();
    uint64_t blocks = (static_cast<uint64_t>(dklen) + hlen - 1) / hlen;
    if (!vm.charge(1 + blocks * static_cast<uint64_t>(iterations) / 16)) return Value();
    std::string out;
    for (uint32_t i = 1; out.size() < static_cast<size_t>(dklen); ++i) {
        std::string block(salt);
        for (int b = 3; b >= 0; --b) block += static_cast<char>(i >> (8 * b));
        std::string u = mac.digest_of(block), t = u;
        for (int64_t r = 1; r < iterations; ++r) {
            u = mac.digest_of(u);
            for (size_t j = 0; j < t.size(); ++j) t[j] = static_cast<char>(t[j] ^ u[j]);
        }
        out += t;
    }
    out.resize(static_cast<size_t>(dklen));
    return new_bytes(vm, out);
}

Value init_hashlib(VM& vm) {
    Value mv = new_module(vm, "hashlib");
    auto* m = mv.as<ModuleObject>();
    TypeObject* t_hash = vm.new_builtin_type("HASH", vm.t_object, ObjKind::Cxx, nullptr, 0, "_hashlib");
    Value tv = Value::steal(t_hash);
    module_add(vm, m, "_HASH", tv);
    vm.add_method(t_hash, "update", hash_update);
    vm.add_method(t_hash, "digest", hash_digest);
    vm.add_method(t_hash, "hexdigest", hash_hexdigest);
    vm.add_method(t_hash, "copy", hash_copy);
    vm.add_method(t_hash, "__repr__", hash_repr);
    vm.add_property(t_hash, "name", hash_name);
    vm.add_property(t_hash, "digest_size", hash_digest_size);
    vm.add_property(t_hash, "block_size", hash_block_size);
    SetObject* guaranteed = vm.new_set(true);
    Value gv = Value::steal(guaranteed);
    for (auto kind : {Hasher::Kind::Md5, Hasher::Kind::Sha1, Hasher::Kind::Sha224, Hasher::Kind::Sha256,
                      Hasher::Kind::Sha384, Hasher::Kind::Sha512}) {
        const char* name = Hasher(kind).name();
        static const char* fnames[] = {"openssl_md5",    "openssl_sha1",   "openssl_sha224",
                                       "openssl_sha256", "openssl_sha384", "openssl_sha512"};
        module_add(vm, m, name,
                   vm.new_native(fnames[static_cast<int>(kind)], h_constructor,
                                 vm.tuple({Value::integer(static_cast<int64_t>(kind)), tv})));
        set_add(vm, guaranteed, vm.str(name));
    }
    module_add(vm, m, "new", vm.new_native("new", h_new, tv));
    module_add_fn(vm, m, "pbkdf2_hmac", h_pbkdf2_hmac);
    // What this interpreter guarantees; CPython's sets also name SHA-3 and BLAKE2.
    module_add(vm, m, "algorithms_guaranteed", gv);
    module_add(vm, m, "algorithms_available", gv);
    return mv;
}

}  // namespace

void register_hashlib_module(VM& vm) { vm.register_module("hashlib", init_hashlib); }

}  // namespace aio::script
