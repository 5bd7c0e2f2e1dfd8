#include "extract/entity_table.hpp"

#include <deque>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/string_index.hpp"
#include "text/tokenizer.hpp"
#include "text/word_hash.hpp"

namespace aikg::extract {

namespace {

// Unknown names recur from article to article (a company in the news is in
// the news for weeks), and their matching key (normalisation through ICU)
// cost ten times the rest of taking one: remembered per thread, up to a bound.
class NameKeys {
public:
    // The key of `name`, valid until the next call.
    std::string_view key_of(std::string_view name) {
        const std::uint64_t h = text::word_hash(name);
        if (const std::uint32_t number = names_.find(name, h); number != text::StringIndex::kNone) return key(number);
        const std::string key_text = text::matching_key(name);
        if (names_.size() >= kMaxRemembered) {
            names_.clear();
            key_bytes_.clear();
            key_ends_.clear();
        }
        names_.add(name, h, static_cast<std::uint32_t>(key_ends_.size()));
        key_bytes_ += key_text;
        key_ends_.push_back(static_cast<std::uint32_t>(key_bytes_.size()));
        return key(static_cast<std::uint32_t>(key_ends_.size() - 1));
    }

private:
    static constexpr std::size_t kMaxRemembered = 1 << 16;
    std::string_view key(std::uint32_t number) const {
        const std::uint32_t begin = number == 0 ? 0 : key_ends_[number - 1];
        return std::string_view(key_bytes_).substr(begin, key_ends_[number] - begin);
    }
    text::StringIndex names_;
    std::string key_bytes_;               // every key, one after the other
    std::vector<std::uint32_t> key_ends_;  // by the name's number in names_
};

std::string_view matching_key_of(std::string_view name) {
    thread_local NameKeys keys;
    return keys.key_of(name);
}

}  // namespace

struct EntityTable::LocalStore {
    // Entities [0, keys.size()) are this document's, each key numbered with
    // its entity's place; later ones wait to be reused.
    std::deque<kb::Entity> entities;  // deque: references stay valid as it grows
    std::vector<std::uint32_t> typed_at;  // per entity: the step an untyped one got its type at (0 for others)
    text::StringIndex keys{64};
    // A large document's store is not kept for the next.
    static constexpr std::size_t kKeptEntities = 1 << 11;
};

namespace {

// Stores lent to the tables alive on this thread (one per document being
// extracted, seldom more), given back when a table ends.
std::vector<std::unique_ptr<EntityTable::LocalStore>>& idle_stores() {
    thread_local std::vector<std::unique_ptr<EntityTable::LocalStore>> idle;
    return idle;
}

}  // namespace

EntityTable::EntityTable(const kb::Catalog& catalog) : catalog_(catalog) {
    auto& idle = idle_stores();
    if (idle.empty()) {
        store_ = std::make_unique<LocalStore>();
    } else {
        store_ = std::move(idle.back());
        idle.pop_back();
    }
}

EntityTable::~EntityTable() {
    if (store_->keys.size() > LocalStore::kKeptEntities) return;
    store_->keys.clear();
    idle_stores().push_back(std::move(store_));
}

const kb::Entity& EntityTable::local_entity(kb::EntityId id) const {
    const std::size_t i = id - catalog_.entities().size();
    // Entities past the count are an earlier document's, kept for reuse: not this table's.
    if (i >= store_->keys.size()) throw std::out_of_range("no local entity " + std::to_string(id) + " in this document");
    return store_->entities[i];
}
kb::Entity& EntityTable::local_entity(kb::EntityId id) {
    return const_cast<kb::Entity&>(std::as_const(*this).local_entity(id));
}

kb::EntityId EntityTable::local(std::string_view name, const std::string& type) {
    LocalStore& s = *store_;
    const std::string_view key = matching_key_of(name);
    const std::uint64_t h = text::word_hash(key);
    const auto first_local = static_cast<kb::EntityId>(catalog_.entities().size());
    if (const std::uint32_t number = s.keys.find(key, h); number != text::StringIndex::kNone) {
        kb::Entity& e = s.entities[number];
        if (e.type == kUntyped && type != kUntyped) {
            e.type = type;
            s.typed_at[number] = step_;
        }
        return first_local + number;
    }
    const auto number = static_cast<std::uint32_t>(s.keys.size());
    s.keys.add(key, h, number);
    if (number == s.entities.size()) {
        s.entities.emplace_back();  // in place: an Entity has a score of members to move
        s.typed_at.push_back(0);
    }
    kb::Entity& e = s.entities[number];
    e.name.assign(name);
    e.type = type;
    s.typed_at[number] = 0;
    return first_local + number;
}

void EntityTable::reveal_type(kb::EntityId id, const std::string& type) {
    if (!is_local(id)) return;
    kb::Entity& e = local_entity(id);
    if (e.type != kUntyped || type == kUntyped) return;
    e.type = type;
    store_->typed_at[id - catalog_.entities().size()] = step_;
}

bool EntityTable::typed_after(kb::EntityId id, std::uint32_t step) const {
    if (!is_local(id)) return false;
    return store_->typed_at[id - catalog_.entities().size()] > step;
}

}  // namespace aikg::extract
