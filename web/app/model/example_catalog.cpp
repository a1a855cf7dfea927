#include "example_catalog.h"

#include <algorithm>
#include <map>

namespace aio::web {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct Entry {
    std::string name, title, group, about;
};

std::vector<Entry> parse_catalog(std::string_view text) {
    std::vector<Entry> entries;
    bool blank_before = false;  // a blank line separates paragraphs
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);

        if (line.substr(0, 2) == "==") {
            entries.push_back({std::string(trim(line.substr(2))), {}, {}, {}});
            blank_before = false;
            continue;
        }
        if (entries.empty()) continue;  // text before the first block
        Entry& e = entries.back();
        if (line.empty()) {
            blank_before = !e.about.empty();
        } else if (e.about.empty() && line.substr(0, 6) == "title:") {
            e.title = std::string(trim(line.substr(6)));
        } else if (e.about.empty() && line.substr(0, 6) == "group:") {
            e.group = std::string(trim(line.substr(6)));
        } else {
            if (!e.about.empty()) e.about += blank_before ? "\n\n" : " ";
            e.about += line;
            blank_before = false;
        }
    }
    return entries;
}

std::string stem(std::string_view file) {
    size_t dot = file.rfind('.');
    return std::string(file.substr(0, dot));
}

std::string_view extension(std::string_view file) {
    size_t dot = file.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : file.substr(dot + 1);
}

}  // namespace

std::string title_from_name(std::string_view name) {
    // Drop a leading "NN_" and turn underscores into spaces.
    size_t i = 0;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
    if (i > 0 && i < name.size() && name[i] == '_') name.remove_prefix(i + 1);
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

int ExampleCatalog::find(std::string_view name) const {
    for (size_t i = 0; i < examples.size(); ++i)
        if (examples[i].name == name) return static_cast<int>(i);
    return -1;
}

ExampleCatalog build_catalog(std::string_view catalog_text, const std::vector<SourceFile>& files) {
    // stem -> extension -> contents
    std::map<std::string, std::map<std::string, const std::string*>> by_stem;
    for (const SourceFile& f : files) by_stem[stem(f.name)][std::string(extension(f.name))] = &f.contents;

    ExampleCatalog cat;
    auto add = [&](const std::string& name, std::string title, std::string group, std::string about) {
        auto it = by_stem.find(name);
        if (it == by_stem.end() || !it->second.count("py")) return;  // no script, nothing to run
        Example ex;
        ex.name = name;
        ex.title = title.empty() ? title_from_name(name) : std::move(title);
        ex.group = group.empty() ? "More" : std::move(group);
        ex.about = std::move(about);
        ex.python = *it->second["py"];
        if (auto c = it->second.find("cpp"); c != it->second.end()) ex.cpp = *c->second;
        if (auto o = it->second.find("out"); o != it->second.end()) ex.expected = *o->second;
        cat.examples.push_back(std::move(ex));
    };

    std::vector<Entry> entries = parse_catalog(catalog_text);
    for (Entry& e : entries) add(e.name, std::move(e.title), std::move(e.group), std::move(e.about));
    for (const auto& [name, exts] : by_stem) {  // std::map: name order
        if (cat.find(name) < 0) add(name, {}, {}, {});
    }

    for (size_t i = 0; i < cat.examples.size(); ++i) {
        const std::string& g = cat.examples[i].group;
        auto it =
            std::find_if(cat.groups.begin(), cat.groups.end(), [&](const ExampleGroup& x) { return x.name == g; });
        if (it == cat.groups.end()) {
            cat.groups.push_back({g, {}});
            it = cat.groups.end() - 1;
        }
        it->examples.push_back(static_cast<int>(i));
    }
    return cat;
}

}  // namespace aio::web
