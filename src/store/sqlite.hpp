#pragma once
// A thin RAII layer over the SQLite C API: connections, prepared statements
// with bound parameters (values are never spliced into SQL), transactions.

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <memory>
#include <string>
#include <vector>
#include <string_view>

namespace aikg::store {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, std::string_view text);
    // Without a copy: `text` must stay valid until reset() (run() keeps
    // bindings) or until the parameter is bound again.
    Statement& bind_borrowed(int index, std::string_view text);
    Statement& bind_optional_borrowed(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind_null(int index);
    Statement& bind_optional(int index, std::string_view text);  // empty text binds NULL

    bool step();  // true while rows come back
    void run();    // steps to completion, then resets for reuse (bindings are kept)
    void reset();  // and unbinds every parameter

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    enum class Access {
        Read,
        // Creates the file when missing; WAL, so that readers see the last
        // committed state while a build writes.
        Write,
        // A file no one else opens and that is thrown away unless complete
        // (StoreFile's side file): no journal, no syncs, one lock for the whole session.
        Scratch,
    };
    // Opens and sets foreign keys and a busy timeout, and for writing the journal above.
    Database(const std::string& path, Access access);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    // The statement for `sql`, compiled on first use and kept: a build runs
    // the same few statements millions of times. Reset and unbound on return;
    // not for re-entrant use of one statement.
    Statement& cached(std::string_view sql);
    // Rolled-back transactions so far: caches of rows written in one must be dropped.
    std::uint64_t rollbacks() const noexcept { return rollbacks_; }
    std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }

private:
    friend class Transaction;
    sqlite3* db_ = nullptr;
    std::string path_;
    int depth_ = 0;  // open transactions: the outermost is BEGIN IMMEDIATE, inner ones savepoints
    std::uint64_t rollbacks_ = 0;
    // Looked up by view: a build asks for its few statements hundreds of thousands of times.
    // A dozen statements, each asked for by the same literal every time:
    // found by the address it was last asked from (its text still
    // compared), where hashing the SQL text cost more than a fact's bindings.
    struct CachedStatement {
        const char* asked_from = nullptr;
        std::string sql;
        std::unique_ptr<Statement> statement;
    };
    std::vector<CachedStatement> statements_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if the scope is left without commit.
// Nested transactions are savepoints, so an article's transaction can sit
// inside a whole build's (`aikg build --strict`: all or nothing).
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    int level_;
    bool done_ = false;
};

}  // namespace aikg::store
