#include "extract/entity_table.hpp"

#include <unordered_map>

#include "text/tokenizer.hpp"

namespace aikg::extract {

namespace {

// Unknown names recur from article to article (a company in the news is in
// the news for weeks), and their matching key (normalisation through ICU)
// cost ten times the rest of taking one: remembered per thread, up to a bound.
// Looked up by view: the name's own string is built only when it is new.
const std::string& matching_key_of(std::string_view name) {
    constexpr std::size_t kMaxRemembered = 1 << 16;
    thread_local std::unordered_map<std::string, std::string, text::StringHash, std::equal_to<>> keys;
    if (const auto it = keys.find(name); it != keys.end()) return it->second;
    if (keys.size() >= kMaxRemembered) keys.clear();
    return keys.emplace(name, text::matching_key(name)).first->second;
}

}  // namespace

kb::EntityId EntityTable::local(std::string_view name, const std::string& type) {
    const std::string& key = matching_key_of(name);
    if (const auto it = local_by_key_.find(key); it != local_by_key_.end()) {
        kb::Entity& e = local_.at(it->second - catalog_.entities().size());
        if (e.type == kUntyped && type != kUntyped) e.type = type;
        return it->second;
    }
    const auto id = static_cast<kb::EntityId>(catalog_.entities().size() + local_.size());
    kb::Entity& e = local_.emplace_back();  // in place: an Entity has a score of members to move
    e.name = name;
    e.type = type;
    local_by_key_.emplace(key, id);
    return id;
}

void EntityTable::reveal_type(kb::EntityId id, const std::string& type) {
    if (!is_local(id)) return;
    kb::Entity& e = local_.at(id - catalog_.entities().size());
    if (e.type == kUntyped) e.type = type;
}

}  // namespace aikg::extract
