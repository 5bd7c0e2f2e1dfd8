#include "store/sqlite.hpp"

namespace aikg::store {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    const int code = sqlite3_extended_errcode(db);
    std::string message = what + ": " + sqlite3_errmsg(db);
    if ((code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED)
        message += " (the store is locked by another aikg; wait for it to finish or use another --store)";
    if ((code & 0xFF) == SQLITE_READONLY) message += " (the store or its folder is read-only)";
    if ((code & 0xFF) == SQLITE_FULL) message += " (the disk is full)";
    throw StoreError(message);
}

// Process-wide settings, made once before the first connection (SQLite
// accepts them only before it initialises).
void configure_sqlite_once() {
    static const bool configured = [] {
        // Counting every allocation takes a global mutex per malloc (2% of a build).
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        fail(db, "cannot prepare SQL");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "cannot bind a value");
    return *this;
}

Statement& Statement::bind_borrowed(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK)
        fail(db_, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind a value");
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bind_optional(int index, std::string_view text) { return text.empty() ? bind_null(index) : bind(index, text); }
Statement& Statement::bind_optional_borrowed(int index, std::string_view text) {
    return text.empty() ? bind_null(index) : bind_borrowed(index, text);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "SQL failed");
}

void Statement::run() {
    while (step()) {
    }
    // Bindings stay: every caller binds all parameters before the next run,
    // and unbinding thirteen of them after each fact of a build was measurable.
    sqlite3_reset(stmt_);
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Database::Database(const std::string& path, Access access) : path_(path) {
    configure_sqlite_once();
    const bool read_only = access == Access::Read;
    // NOMUTEX: a connection is used by one thread at a time (the build's
    // workers only extract), and SQLite's per-call locking was 2% of a build.
    const int flags = SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": cannot open the store: " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA foreign_keys = ON");
    if (access == Access::Write) {
        exec("PRAGMA journal_mode = WAL");
        // With WAL, NORMAL never corrupts the store; a power cut may lose the
        // last commits (a crash of aikg loses nothing committed). FULL made a
        // build spend its time in fsync.
        exec("PRAGMA synchronous = NORMAL");
    } else if (access == Access::Scratch) {
        // Rollback is then undefined: whoever opens a scratch file discards it on failure.
        exec("PRAGMA journal_mode = OFF");
        exec("PRAGMA synchronous = OFF");
        exec("PRAGMA locking_mode = EXCLUSIVE");
    }
    if (!read_only) {
        // Facts go into three indexes in article order, i.e. at random places:
        // with SQLite's 2 MB default their pages were read and written back
        // over and over within one batch.
        exec("PRAGMA cache_size = -65536");
    }
}

Database::~Database() {
    statements_.clear();  // finalised before the connection closes
    sqlite3_close(db_);
}

Statement& Database::cached(std::string_view sql) {
    for (CachedStatement& c : statements_) {
        if (c.asked_from == sql.data() && c.sql == sql) {
            c.statement->reset();
            return *c.statement;
        }
    }
    for (CachedStatement& c : statements_) {
        if (c.sql == sql) {
            c.asked_from = sql.data();
            c.statement->reset();
            return *c.statement;
        }
    }
    return *statements_.emplace_back(CachedStatement{sql.data(), std::string(sql), std::make_unique<Statement>(db_, sql)}).statement;
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        fail(db_, path_ + ": " + message);
    }
}

// Prepared once and kept: a build opens a savepoint per article, thousands
// of times the same four statements.
Transaction::Transaction(Database& db) : db_(db), level_(db.depth_) {
    db_.cached(level_ == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT aikg_" + std::to_string(level_)).run();
    ++db_.depth_;
}

Transaction::~Transaction() {
    if (done_) return;
    --db_.depth_;
    ++db_.rollbacks_;
    const std::string sql =
        level_ == 0 ? std::string("ROLLBACK") : "ROLLBACK TO aikg_" + std::to_string(level_) + "; RELEASE aikg_" + std::to_string(level_);
    char* error = nullptr;
    sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
}

void Transaction::commit() {
    db_.cached(level_ == 0 ? std::string("COMMIT") : "RELEASE aikg_" + std::to_string(level_)).run();
    --db_.depth_;
    done_ = true;
}

}  // namespace aikg::store
