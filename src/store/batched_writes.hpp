#pragma once
// Articles committed in batches: one transaction per article made SQLite's
// commit the bulk of a build. A batch holds whole articles (each article's
// own transaction nests inside it as a savepoint), so an interrupted or
// killed build still leaves whole articles only.

#include <chrono>
#include <cstddef>
#include <optional>

#include "store/sqlite.hpp"

namespace aikg::store {

class BatchedWrites {
public:
    explicit BatchedWrites(Database& db) : db_(db) {}
    void open_if_needed() {
        if (batch_) return;
        batch_.emplace(db_);
        articles_ = 0;
        opened_ = std::chrono::steady_clock::now();
    }
    void article_written() {
        if (!batch_) return;
        ++articles_;
        if (articles_ >= kMaxArticles || std::chrono::steady_clock::now() - opened_ > kMaxAge) commit();
    }
    void commit() {
        if (!batch_) return;
        batch_->commit();
        batch_.reset();
    }

private:
    static constexpr std::size_t kMaxArticles = 500;
    static constexpr std::chrono::milliseconds kMaxAge{1000};
    Database& db_;
    std::optional<Transaction> batch_;
    std::size_t articles_ = 0;
    std::chrono::steady_clock::time_point opened_;
};

}  // namespace aikg::store
