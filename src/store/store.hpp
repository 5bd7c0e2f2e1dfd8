#pragma once
// The embedded store (SQLite, output/aikg.db by default): articles with their
// content hash, entities resolved across articles and scripts, their aliases,
// and every fact with its evidence. One transaction per article: an article's
// facts are replaced whole or not at all.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/fact.hpp"
#include "kb/catalog.hpp"
#include "store/sqlite.hpp"
#include "text/word_hash.hpp"

namespace aikg::store {

inline constexpr int kSchemaVersion = 1;

struct ArticleRecord {
    std::string id;
    std::string content_hash;
    std::string source;  // where it was read from, or "facts" for a --facts load
    std::string title;
    std::string date;
    std::string url;
    std::string lang;
};

struct EntityRow {
    std::int64_t id = 0;
    std::string name;
    std::string type;
    std::string openness;
    bool in_catalog = false;
};

struct FactRow {
    std::int64_t subject = 0;  // entity ids
    std::int64_t object = 0;
    std::string relation;
    std::string article;
    std::string article_date;
    std::string sentence;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string rule;
    double confidence = 0.0;
    std::string date;
};

enum class ArticleState { New, Unchanged, Changed };

class Store {
public:
    // Write creates the file (and its folder) when missing; Scratch writes a
    // new, empty file to be thrown away unless complete (StoreFile::write_path()
    // of a fresh store). A store of another schema version is refused with a
    // message saying what to do.
    enum class Mode { Read, Write, Scratch };
    Store(const std::string& path, Mode mode);

    ArticleState article_state(const std::string& id, const std::string& content_hash);
    // Replaces the article and all its facts in one transaction. `state` is
    // what article_state said: a new article has no old facts to delete.
    void put_article(const ArticleRecord& article, ArticleState state, std::span<const extract::FactView> facts, const kb::Catalog& catalog);
    // Drops entities no fact mentions any more: only articles replaced by this
    // Store leave such entities (a new article's entities come with its facts),
    // so without replacements it does nothing instead of scanning every fact.
    void remove_orphans();
    // Inputs skipped by a build, with the reason; a later success clears its entry.
    void record_rejection(const std::string& source, const std::string& reason);
    void clear_rejection(const std::string& source);
    std::vector<std::pair<std::string, std::string>> rejections();

    std::vector<EntityRow> entities();
    std::optional<EntityRow> entity(std::int64_t id);
    // The first fact (in article order) stating subject -relation-> object.
    std::optional<FactRow> first_fact(std::int64_t subject, const std::string& relation, std::int64_t object);
    std::vector<FactRow> facts();
    // Entity ids whose name or alias has this matching key.
    std::vector<std::int64_t> find_by_key(const std::string& key);
    std::vector<std::string> aliases(std::int64_t entity);
    // Every (entity id, alias) pair, in id then alias order.
    std::vector<std::pair<std::int64_t, std::string>> all_aliases();
    // Every (key, entity id) pair, for suggestions when a name is not found.
    std::vector<std::pair<std::string, std::int64_t>> all_keys();
    std::size_t article_count();
    // Small named values kept beside the schema version (the ontology a build used, for one).
    std::optional<std::string> meta(const std::string& key);
    void set_meta(const std::string& key, const std::string& value);

    // The facts' subject and object indexes, which queries need and a first
    // build does not: dropped only while the store holds no facts.
    bool drop_lookup_indexes_if_empty();
    void create_lookup_indexes();
    // Foreign-key checks cost three lookups per fact; a bulk load writes ids
    // it has just read or created. A no-op inside a transaction (SQLite's rule).
    void check_foreign_keys(bool on);

    Database& db() { return db_; }

private:
    struct CachedEntity {
        std::int64_t id = 0;
        bool typed = false;         // its type is known (not Unknown)
        bool has_openness = false;  // its openness is stored
    };
    // By name as given in facts, looked up by view (a fact's names are views into its batch).
    std::unordered_map<std::string, CachedEntity, text::StringHash, std::equal_to<>> entity_cache_;
    std::uint64_t entity_cache_rollbacks_ = 0;
    // During a bulk load the article index is built at the end; an article
    // replaced before then (its id twice in the input) builds it at once, so
    // that deleting its old facts does not scan the whole table each time.
    bool article_index_missing_ = false;
    bool facts_deleted_ = false;        // since the last remove_orphans()
    bool rejections_empty_ = false;     // known to be: clearing one is then a no-op

    void create_or_check_schema(Mode mode);
    std::int64_t entity_id(std::string_view name, std::string_view type, std::string_view stated_openness, const kb::Catalog& catalog);

    Database db_;
    bool scratch_ = false;  // opened in Mode::Scratch
    // In Mode::Scratch, which starts from an empty file: hashes of the ids of
    // the articles written so far. Any other id is new without asking SQLite
    // (that lookup per article was 1% of a first build); a match is checked in SQLite.
    std::unordered_set<std::uint64_t> written_ids_;
};

// A first build into an empty store: the subject and object indexes are
// dropped while facts stream in and built once at the end. Facts arrive in
// article order, so every insert went to a random page of both indexes: that
// was a third of a build. Foreign keys go unchecked meanwhile. A load killed
// before finish() has the indexes rebuilt when the store is next opened for
// writing.
class BulkLoad {
public:
    explicit BulkLoad(Store& store);
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;
    void finish();

private:
    Store& store_;
    bool active_ = false;
};

// A stable 64-bit hash in hex, for article contents: text::word_hash, eight
// bytes a step (byte-at-a-time FNV-1a was 3% of a build). A store written
// with the old hash sees each article as changed once, and extracts it again.
std::string content_hash(std::string_view bytes);

}  // namespace aikg::store
