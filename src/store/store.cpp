#include "store/store.hpp"

#include <cmath>
#include <filesystem>

#include "extract/fact_writer.hpp"
#include "text/tokenizer.hpp"
#include "text/word_hash.hpp"

namespace aikg::store {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
  id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, source TEXT, title TEXT, date TEXT, url TEXT, lang TEXT);
CREATE TABLE IF NOT EXISTS entities(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
  openness TEXT, in_catalog INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS aliases(
  key TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE, alias TEXT NOT NULL,
  PRIMARY KEY(key, entity_id));
CREATE TABLE IF NOT EXISTS facts(
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  subject_id INTEGER NOT NULL REFERENCES entities(id),
  relation TEXT NOT NULL,
  object_id INTEGER NOT NULL REFERENCES entities(id),
  sentence TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  rule TEXT NOT NULL, confidence REAL NOT NULL, date TEXT, lang TEXT,
  subject_attributes TEXT, object_attributes TEXT);
CREATE TABLE IF NOT EXISTS rejections(source TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS aliases_by_entity ON aliases(entity_id);
)SQL";

// Built after a first load rather than during it (BulkLoad), and again by any
// writer that finds one missing (a load that was killed).
constexpr const char* kArticleIndex = "CREATE INDEX IF NOT EXISTS facts_by_article ON facts(article_id)";
constexpr const char* kLookupIndexes = R"SQL(
CREATE INDEX IF NOT EXISTS facts_by_subject ON facts(subject_id, relation);
CREATE INDEX IF NOT EXISTS facts_by_object ON facts(object_id, relation);
CREATE INDEX IF NOT EXISTS aliases_by_entity ON aliases(entity_id);
)SQL";

Database open(const std::string& path, Store::Mode mode) {
    switch (mode) {
        case Store::Mode::Read:
            if (!std::filesystem::exists(path))
                throw StoreError(path + ": no store here yet; run 'aikg build' first (or give one with --store PATH)");
            return Database(path, Database::Access::Read);
        case Store::Mode::Write: {
            const auto folder = std::filesystem::path(path).parent_path();
            std::error_code ec;
            if (!folder.empty()) std::filesystem::create_directories(folder, ec);
            return Database(path, Database::Access::Write);
        }
        case Store::Mode::Scratch:
            return Database(path, Database::Access::Scratch);
    }
    throw std::logic_error("unknown store mode");
}

std::string json_or_empty(const std::map<std::string, std::string>* attributes) {
    return !attributes || attributes->empty() ? std::string() : extract::attributes_json(*attributes);
}

}  // namespace

std::string content_hash(std::string_view bytes) {
    // Sixteen hex digits, written directly: snprintf's format parsing cost
    // more than hashing a short article.
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t h = text::word_hash(bytes);
    std::string out(16, '0');
    for (std::size_t i = 16; i-- > 0; h >>= 4) out[i] = kHex[h & 0xF];
    return out;
}

Store::Store(const std::string& path, Mode mode) : db_(open(path, mode)), scratch_(mode == Mode::Scratch) { create_or_check_schema(mode); }

void Store::create_or_check_schema(Mode mode) {
    std::optional<int> version;
    {
        auto has_meta = db_.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
        if (has_meta.step()) {
            auto q = db_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
            if (q.step()) version = std::stoi(q.text(0));
        }
    }
    if (version && *version > kSchemaVersion)
        throw StoreError(db_.path() + ": written by a newer aikg (schema " + std::to_string(*version) + ", this one knows " +
                         std::to_string(kSchemaVersion) + "); use that version or build a new store with --store");
    if (version && *version < kSchemaVersion)
        throw StoreError(db_.path() + ": schema " + std::to_string(*version) + " is older than " + std::to_string(kSchemaVersion) +
                         " and cannot be migrated; rebuild it with 'aikg build --store NEW.db'");
    if (!version) {
        if (mode == Mode::Read) throw StoreError(db_.path() + ": not an aikg store (no schema version); run 'aikg build' to create one");
        Transaction tx(db_);
        db_.exec(kSchema);
        db_.prepare("INSERT INTO meta(key, value) VALUES('schema_version', ?)").bind(1, std::to_string(kSchemaVersion)).run();
        tx.commit();
    }
    // Present unless a bulk load was killed before it built them again.
    if (mode != Mode::Read) {
        db_.exec(kArticleIndex);
        db_.exec(kLookupIndexes);
        auto any = db_.prepare("SELECT EXISTS(SELECT 1 FROM rejections)");
        rejections_empty_ = any.step() && any.integer(0) == 0;
    }
}

ArticleState Store::article_state(const std::string& id, const std::string& hash) {
    if (scratch_ && !written_ids_.contains(text::word_hash(id))) return ArticleState::New;
    auto& q = db_.cached("SELECT content_hash FROM articles WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) {
        q.reset();
        return ArticleState::New;
    }
    const ArticleState state = q.text(0) == hash ? ArticleState::Unchanged : ArticleState::Changed;
    q.reset();
    return state;
}

std::int64_t Store::entity_id(std::string_view name, std::string_view type, std::string_view stated_openness, const kb::Catalog& catalog) {
    // Names repeat across facts: once an entity's type and openness are known,
    // later facts cannot change its row and the id is all that is needed.
    if (entity_cache_rollbacks_ != db_.rollbacks()) {
        entity_cache_.clear();
        entity_cache_rollbacks_ = db_.rollbacks();
    }
    if (const auto hit = entity_cache_.find(name); hit != entity_cache_.end()) {
        const CachedEntity& c = hit->second;
        if ((c.typed || type == "Unknown") && (c.has_openness || stated_openness.empty())) return c.id;
    }
    // The catalog keeps its entities' keys (the name's, then each alias's):
    // a name it knows is normalised once.
    const std::string name_key = text::matching_key(name);
    const auto catalog_id = catalog.find_key(name_key);
    const kb::Entity* known = catalog_id ? &catalog.entity(*catalog_id) : nullptr;
    const std::string canonical = known ? known->name : std::string(name);
    const std::string& key = known ? known->keys.front() : name_key;
    auto& find = db_.cached("SELECT id, type, openness FROM entities WHERE key = ?");
    find.bind(1, key);
    if (find.step()) {
        const std::int64_t id = find.integer(0);
        bool typed = find.text(1) != "Unknown";
        bool has_openness = !find.is_null(2);
        find.reset();
        // A name first seen untyped, or without openness, learns them from later facts.
        if (!typed && type != "Unknown") {
            db_.cached("UPDATE entities SET type = ? WHERE id = ?").bind(1, type).bind(2, id).run();
            typed = true;
        }
        if (!has_openness && !stated_openness.empty()) {
            db_.cached("UPDATE entities SET openness = ? WHERE id = ?").bind(1, stated_openness).bind(2, id).run();
            has_openness = true;
        }
        entity_cache_.insert_or_assign(std::string(name), CachedEntity{id, typed, has_openness});
        return id;
    }
    find.reset();
    const std::string openness = known && !known->openness.empty() ? known->openness : std::string(stated_openness);
    const std::string stored_type = known ? known->type : std::string(type);
    db_.cached("INSERT INTO entities(key, name, type, openness, in_catalog) VALUES(?, ?, ?, ?, ?)")
        .bind(1, key)
        .bind(2, canonical)
        .bind(3, stored_type)
        .bind_optional(4, openness)
        .bind(5, std::int64_t{known ? 1 : 0})
        .run();
    const std::int64_t id = db_.last_insert_id();
    auto& alias = db_.cached("INSERT OR IGNORE INTO aliases(key, entity_id, alias) VALUES(?, ?, ?)");
    alias.bind(1, key).bind(2, id).bind(3, canonical).run();
    if (known)
        for (std::size_t i = 0; i < known->aliases.size(); ++i) alias.bind(1, known->keys[i + 1]).bind(2, id).bind(3, known->aliases[i]).run();
    entity_cache_.insert_or_assign(std::string(name), CachedEntity{id, stored_type != "Unknown", !openness.empty()});
    return id;
}

void Store::put_article(const ArticleRecord& article, ArticleState state, std::span<const extract::FactView> facts,
                        const kb::Catalog& catalog) {
    // A scratch file is thrown away whole on any failure: an article needs no savepoint of its own there.
    std::optional<Transaction> tx;
    if (!scratch_) tx.emplace(db_);
    else written_ids_.insert(text::word_hash(article.id));
    if (state != ArticleState::New) {
        if (article_index_missing_) {
            db_.exec(kArticleIndex);
            article_index_missing_ = false;
        }
        db_.cached("DELETE FROM facts WHERE article_id = ?").bind(1, article.id).run();
        facts_deleted_ = true;
    }
    db_.cached("INSERT OR REPLACE INTO articles(id, content_hash, source, title, date, url, lang) VALUES(?, ?, ?, ?, ?, ?, ?)")
        .bind(1, article.id)
        .bind(2, article.content_hash)
        .bind_optional(3, article.source)
        .bind_optional(4, article.title)
        .bind_optional(5, article.date)
        .bind_optional(6, article.url)
        .bind_optional(7, article.lang)
        .run();
    auto& insert = db_.cached(
        "INSERT INTO facts(article_id, subject_id, relation, object_id, sentence, start, end, rule, confidence, date, lang,"
        " subject_attributes, object_attributes) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // Bindings stay from one run of the statement to the next: what every
    // fact of the article shares (its id, its language) is bound once, and
    // a sentence that states several facts once for all of them.
    insert.bind_borrowed(1, article.id);
    auto same_view = [](std::string_view a, std::string_view b) { return a.data() == b.data() && a.size() == b.size(); };
    std::string_view bound_sentence, bound_lang;
    bool bound = false;
    for (const auto& f : facts) {
        const auto stated = [](const std::map<std::string, std::string>* a) {
            if (!a) return std::string_view();
            const auto it = a->find("openness");
            return it == a->end() ? std::string_view() : std::string_view(it->second);
        };
        const std::int64_t subject = entity_id(f.subject, f.subject_type, stated(f.subject_attributes), catalog);
        const std::int64_t object = entity_id(f.object, f.object_type, stated(f.object_attributes), catalog);
        // The fact's texts outlive the insert: bound without a copy, and unbound below.
        if (!bound || !same_view(f.sentence, bound_sentence)) insert.bind_borrowed(5, bound_sentence = f.sentence);
        if (!bound || !same_view(f.lang, bound_lang)) insert.bind_optional_borrowed(11, bound_lang = f.lang);
        bound = true;
        insert.bind(2, subject)
            .bind_borrowed(3, f.relation)
            .bind(4, object)
            .bind(6, std::int64_t{f.start})
            .bind(7, std::int64_t{f.end})
            .bind_borrowed(8, f.rule)
            // Stored as `aikg extract` prints it, so a build and a --facts load of the same facts agree.
            .bind(9, std::round(f.confidence * 1000.0) / 1000.0)
            .bind_optional_borrowed(10, f.date)
            .bind_optional(12, json_or_empty(f.subject_attributes))
            .bind_optional(13, json_or_empty(f.object_attributes))
            .run();
    }
    insert.reset();
    if (tx) tx->commit();
}

bool Store::drop_lookup_indexes_if_empty() {
    auto& any = db_.cached("SELECT EXISTS(SELECT 1 FROM facts)");
    const bool empty = any.step() && any.integer(0) == 0;
    any.reset();
    if (!empty) return false;
    // An alias is written with each new entity: three B-tree inserts with its
    // index, two without.
    db_.exec(
        "DROP INDEX IF EXISTS facts_by_subject; DROP INDEX IF EXISTS facts_by_object; DROP INDEX IF EXISTS facts_by_article;"
        " DROP INDEX IF EXISTS aliases_by_entity;");
    article_index_missing_ = true;
    return true;
}

void Store::create_lookup_indexes() {
    db_.exec(kArticleIndex);
    db_.exec(kLookupIndexes);
    article_index_missing_ = false;
}

void Store::check_foreign_keys(bool on) { db_.exec(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF"); }

BulkLoad::BulkLoad(Store& store) : store_(store), active_(store.drop_lookup_indexes_if_empty()) {
    if (active_) store_.check_foreign_keys(false);
}

BulkLoad::~BulkLoad() {
    try {
        finish();
    } catch (const StoreError&) {
        // Opening the store for writing builds missing indexes again.
    }
}

void BulkLoad::finish() {
    if (!active_) return;
    active_ = false;
    store_.check_foreign_keys(true);
    store_.create_lookup_indexes();
}

void Store::record_rejection(const std::string& source, const std::string& reason) {
    rejections_empty_ = false;
    db_.prepare("INSERT OR REPLACE INTO rejections(source, reason) VALUES(?, ?)").bind(1, source).bind(2, reason).run();
}

void Store::clear_rejection(const std::string& source) {
    // A build clears every article it reads: a statement each, for a table that is usually empty.
    if (rejections_empty_) return;
    db_.cached("DELETE FROM rejections WHERE source = ?").bind(1, source).run();
}

std::vector<std::pair<std::string, std::string>> Store::rejections() {
    std::vector<std::pair<std::string, std::string>> out;
    auto q = db_.prepare("SELECT source, reason FROM rejections ORDER BY source");
    while (q.step()) out.emplace_back(q.text(0), q.text(1));
    return out;
}

void Store::remove_orphans() {
    if (!facts_deleted_) return;
    facts_deleted_ = false;
    entity_cache_.clear();
    Transaction tx(db_);
    db_.exec("DELETE FROM entities WHERE id NOT IN (SELECT subject_id FROM facts UNION SELECT object_id FROM facts)");
    tx.commit();
}

std::vector<EntityRow> Store::entities() {
    std::vector<EntityRow> out;
    auto q = db_.prepare("SELECT id, name, type, openness, in_catalog FROM entities ORDER BY name, id");
    while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0});
    return out;
}

std::optional<EntityRow> Store::entity(std::int64_t id) {
    // Kept compiled: a query looks up every neighbour, and compiling took most of each lookup.
    auto& q = db_.cached("SELECT id, name, type, openness, in_catalog FROM entities WHERE id = ?");
    q.bind(1, id);
    std::optional<EntityRow> row;
    if (q.step()) row = EntityRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0};
    q.reset();
    return row;
}

std::optional<std::string> Store::meta(const std::string& key) {
    auto q = db_.prepare("SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

void Store::set_meta(const std::string& key, const std::string& value) {
    db_.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2").bind(1, key).bind(2, value).run();
}

std::optional<FactRow> Store::first_fact(std::int64_t subject, const std::string& relation, std::int64_t object) {
    auto q = db_.prepare(
        "SELECT f.subject_id, f.object_id, f.relation, f.article_id, a.date, f.sentence, f.start, f.end, f.rule, f.confidence, f.date"
        " FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.subject_id = ? AND f.relation = ? AND f.object_id = ?"
        " ORDER BY f.article_id, f.start, f.id LIMIT 1");
    q.bind(1, subject).bind(2, relation).bind(3, object);
    if (!q.step()) return std::nullopt;
    return FactRow{q.integer(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5), q.integer(6), q.integer(7), q.text(8),
                   q.real(9), q.text(10)};
}

std::vector<FactRow> Store::facts() {
    std::vector<FactRow> out;
    auto q = db_.prepare(
        "SELECT f.subject_id, f.object_id, f.relation, f.article_id, a.date, f.sentence, f.start, f.end, f.rule, f.confidence, f.date"
        " FROM facts f JOIN articles a ON a.id = f.article_id ORDER BY f.article_id, f.start, f.id");
    while (q.step())
        out.push_back({q.integer(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5), q.integer(6), q.integer(7), q.text(8),
                       q.real(9), q.text(10)});
    return out;
}

std::vector<std::int64_t> Store::find_by_key(const std::string& key) {
    std::vector<std::int64_t> out;
    auto q = db_.prepare("SELECT DISTINCT entity_id FROM aliases WHERE key = ? ORDER BY entity_id");
    q.bind(1, key);
    while (q.step()) out.push_back(q.integer(0));
    return out;
}

std::vector<std::string> Store::aliases(std::int64_t entity) {
    std::vector<std::string> out;
    auto q = db_.prepare("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias");
    q.bind(1, entity);
    while (q.step()) out.push_back(q.text(0));
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> Store::all_aliases() {
    std::vector<std::pair<std::int64_t, std::string>> out;
    auto q = db_.prepare("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
    while (q.step()) out.emplace_back(q.integer(0), q.text(1));
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> Store::all_keys() {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto q = db_.prepare("SELECT key, entity_id FROM aliases ORDER BY key");
    while (q.step()) out.emplace_back(q.text(0), q.integer(1));
    return out;
}

std::size_t Store::article_count() {
    auto q = db_.prepare("SELECT COUNT(*) FROM articles");
    q.step();
    return static_cast<std::size_t>(q.integer(0));
}

}  // namespace aikg::store
