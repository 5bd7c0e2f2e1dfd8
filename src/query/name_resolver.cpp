#include "query/name_resolver.hpp"

#include <algorithm>
#include <set>

#include "text/tokenizer.hpp"

namespace aikg::query {
namespace {

// Levenshtein distance over bytes, enough to rank suggestions.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string describe(const std::string& name, const std::vector<std::string>& suggestions) {
    std::string message = "no entity named '" + name + "' in the store";
    if (!suggestions.empty()) {
        message += "; did you mean ";
        for (std::size_t i = 0; i < suggestions.size(); ++i) message += (i ? ", '" : "'") + suggestions[i] + "'";
        message += "?";
    }
    return message;
}

}  // namespace

UnknownName::UnknownName(const std::string& name, std::vector<std::string> suggestions)
    : std::runtime_error(describe(name, suggestions)), suggestions_(std::move(suggestions)) {}

NameResolver::NameResolver(store::Store& store, CatalogSource catalog) : store_(store), catalog_(std::move(catalog)) {}

NameResolver::NameResolver(store::Store& store, const kb::Catalog& catalog)
    : store_(store), catalog_([&catalog]() -> const kb::Catalog& { return catalog; }) {}

const EntityRef& NameResolver::entity(std::int64_t id) const {
    if (const auto it = entities_.find(id); it != entities_.end()) return it->second;
    const auto row = store_.entity(id);
    if (!row) throw std::runtime_error("entity " + std::to_string(id) + " is missing from the store");
    return entities_.emplace(id, EntityRef{row->id, row->name, row->type, row->openness}).first->second;
}

EntityRef NameResolver::resolve(const std::string& name) const {
    const std::string key = text::matching_key(name);
    if (!key.empty()) {
        if (const auto ids = store_.find_by_key(key); !ids.empty()) return entity(ids.front());
        // A catalog alias the store has not recorded (its entity arrived under another name) still names it.
        const kb::Catalog& catalog = catalog_();
        if (const auto known = catalog.find(name))
            if (const auto ids = store_.find_by_key(text::matching_key(catalog.entity(*known).name)); !ids.empty())
                return entity(ids.front());
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    std::set<std::int64_t> seen;
    for (const auto& [k, id] : store_.all_keys()) {
        const std::size_t d = distance(key, k);
        const bool contains = !key.empty() && k.find(key) != std::string::npos;
        if (d <= std::max<std::size_t>(2, key.size() / 3) || contains) ranked.emplace_back(contains ? 0 : d, entity(id).name);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> suggestions;
    for (const auto& [d, n] : ranked)
        if (suggestions.size() < 3 && std::find(suggestions.begin(), suggestions.end(), n) == suggestions.end()) suggestions.push_back(n);
    throw UnknownName(name, suggestions);
}

}  // namespace aikg::query
