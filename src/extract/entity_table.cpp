#include "extract/entity_table.hpp"

#include <deque>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/linear_probing.hpp"
#include "text/tokenizer.hpp"
#include "text/word_hash.hpp"

namespace aikg::extract {

namespace {

// Unknown names recur from article to article (a company in the news is in
// the news for weeks), and their matching key (normalisation through ICU)
// cost ten times the rest of taking one: remembered per thread, up to a
// bound. Open addressing over one buffer of names and keys: a node-based map
// here (a division by a prime and three cache misses a name) was a sixteenth
// of extracting text that names many things.
class NameKeys {
public:
    NameKeys() { clear(); }

    // The key of `name`, valid until the next call.
    std::string_view key_of(std::string_view name) {
        const std::uint64_t h = text::word_hash(name);
        std::size_t i = index_of(name, h);
        if (slots_[i].name_size != kEmpty) return key_at(slots_[i]);
        const std::string key = text::matching_key(name);
        if (used_ >= kMaxRemembered) {
            clear();
            i = index_of(name, h);
        }
        Slot slot{h, static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(name.size()),
                  static_cast<std::uint32_t>(key.size())};
        bytes_.append(name);
        bytes_.append(key);
        slots_[i] = slot;
        ++used_;
        if (used_ * 2 > slots_.size()) text::grow_linear_probing(slots_, Slot{}, [](const Slot& s) { return s.name_size == kEmpty; });
        return key_at(slot);
    }

private:
    static constexpr std::size_t kMaxRemembered = 1 << 16;
    static constexpr std::uint32_t kEmpty = UINT32_MAX;  // names may be empty, never this long
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t begin = 0;  // the name, then its key, in bytes_
        std::uint32_t name_size = kEmpty;
        std::uint32_t key_size = 0;
    };
    void clear() {
        slots_.assign(1024, Slot{});
        bytes_.clear();
        used_ = 0;
    }
    std::size_t index_of(std::string_view name, std::uint64_t h) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.name_size == kEmpty) return i;
            if (slot.hash == h && slot.name_size == name.size() && text::same_short_string(bytes_.data() + slot.begin, name.data(), name.size()))
                return i;
        }
    }
    std::string_view key_at(const Slot& slot) const { return std::string_view(bytes_).substr(slot.begin + slot.name_size, slot.key_size); }

    std::vector<Slot> slots_;
    std::string bytes_;
    std::size_t used_ = 0;
};

std::string_view matching_key_of(std::string_view name) {
    thread_local NameKeys keys;
    return keys.key_of(name);
}

}  // namespace

struct EntityTable::LocalStore {
    // Entities [0, count) are this document's; later ones wait to be reused.
    std::deque<kb::Entity> entities;  // deque: references stay valid as it grows
    std::vector<std::string> keys;    // entity i's matching key
    std::size_t count = 0;
    // Open addressing over the keys: index + 1 of the entity, 0 for empty.
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t entity = 0;
    };
    std::vector<Slot> slots = std::vector<Slot>(64);
    // The slots in use, so that clearing costs the names a document had
    // rather than the table its largest one needed.
    std::vector<std::uint32_t> used;

    void clear() {
        count = 0;
        for (const std::uint32_t i : used) slots[i] = Slot{};
        used.clear();
    }
    void grow() {
        text::grow_linear_probing(slots, Slot{}, [](const Slot& slot) { return slot.entity == 0; });
        used.clear();
        for (std::uint32_t i = 0; i < slots.size(); ++i)
            if (slots[i].entity != 0) used.push_back(i);
    }
    // The slot holding `key`, or the empty one where it goes.
    std::size_t index_of(std::string_view key, std::uint64_t h) const {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots[i];
            if (slot.entity == 0 || (slot.hash == h && keys[slot.entity - 1] == key)) return i;
        }
    }
    // Keeps the slots of a large document from holding every later one up.
    static constexpr std::size_t kKeptSlots = 1 << 12;
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
    if (store_->slots.size() > LocalStore::kKeptSlots) return;  // a huge document's store is not kept
    store_->clear();
    idle_stores().push_back(std::move(store_));
}

const kb::Entity& EntityTable::local_entity(kb::EntityId id) const {
    const std::size_t i = id - catalog_.entities().size();
    // Entities past the count are an earlier document's, kept for reuse: not this table's.
    if (i >= store_->count) throw std::out_of_range("no local entity " + std::to_string(id) + " in this document");
    return store_->entities[i];
}
kb::Entity& EntityTable::local_entity(kb::EntityId id) {
    return const_cast<kb::Entity&>(std::as_const(*this).local_entity(id));
}

kb::EntityId EntityTable::local(std::string_view name, const std::string& type) {
    LocalStore& s = *store_;
    const std::string_view key = matching_key_of(name);
    const std::uint64_t h = text::word_hash(key);
    std::size_t i = s.index_of(key, h);
    const auto first_local = static_cast<kb::EntityId>(catalog_.entities().size());
    if (s.slots[i].entity != 0) {
        kb::Entity& e = s.entities[s.slots[i].entity - 1];
        if (e.type == kUntyped && type != kUntyped) e.type = type;
        return first_local + s.slots[i].entity - 1;
    }
    if (s.count == s.entities.size()) {
        s.entities.emplace_back();  // in place: an Entity has a score of members to move
        s.keys.emplace_back();
    }
    kb::Entity& e = s.entities[s.count];
    e.name.assign(name);
    e.type = type;
    s.keys[s.count] = key;
    ++s.count;
    s.slots[i] = {h, static_cast<std::uint32_t>(s.count)};
    s.used.push_back(static_cast<std::uint32_t>(i));
    if (s.count * 2 > s.slots.size()) s.grow();
    return first_local + static_cast<kb::EntityId>(s.count - 1);
}

void EntityTable::reveal_type(kb::EntityId id, const std::string& type) {
    if (!is_local(id)) return;
    kb::Entity& e = local_entity(id);
    if (e.type == kUntyped) e.type = type;
}

}  // namespace aikg::extract
