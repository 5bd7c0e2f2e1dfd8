#include <doctest/doctest.h>

#include <filesystem>
#include <algorithm>

#include "store/sqlite.hpp"
#include "store/store.hpp"
#include "store/store_file.hpp"
#include "temp_dir.hpp"

using aikg::store::Database;
using aikg::store::Store;
using aikg::store::StoreError;
using aikg::store::StoreFile;
namespace fs = std::filesystem;

namespace {

std::size_t article_count(const fs::path& db) {
    Store store(db.string(), Store::Mode::Read);
    return store.article_count();
}

void add_article(Store& store, const std::string& id) {
    store.put_article({id, "0123456789abcdef", "test", "", "", "", "en"}, aikg::store::ArticleState::New, {}, aikg::kb::Catalog{});
}

std::string journal_mode(const fs::path& db) {
    Database d(db.string(), Database::Access::Read);
    auto q = d.prepare("PRAGMA journal_mode");
    q.step();
    return q.text(0);
}

std::vector<std::string> names_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("a new store is written beside its path and appears there whole when published") {
    TempDir dir;
    const fs::path path = dir.path() / "sub" / "kg.db";
    StoreFile file(path.string());
    CHECK(file.fresh());
    CHECK(file.write_path() == (dir.path() / "sub" / ".kg.db.building").string());
    {
        Store store(file.write_path(), Store::Mode::Scratch);
        add_article(store, "a1");
        add_article(store, "a2");
    }
    CHECK_FALSE(fs::exists(path));  // nobody sees a store until it is complete
    file.publish();
    CHECK(names_in(dir.path() / "sub") == std::vector<std::string>{"kg.db"});
    CHECK(article_count(path) == 2);
    CHECK(journal_mode(path) == "wal");  // like any store, so that readers and a later build share it
}

TEST_CASE("a new store not published leaves nothing behind") {
    TempDir dir;
    const fs::path path = dir.path() / "kg.db";
    {
        StoreFile file(path.string());
        Store store(file.write_path(), Store::Mode::Scratch);
        add_article(store, "a1");
    }
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("an existing store is written in place") {
    TempDir dir;
    const fs::path path = dir.path() / "kg.db";
    { Store store(path.string(), Store::Mode::Write); }
    StoreFile file(path.string());
    CHECK_FALSE(file.fresh());
    CHECK(file.write_path() == path.string());
    {
        Store store(file.write_path(), Store::Mode::Write);
        add_article(store, "a1");
    }
    file.publish();  // nothing to move
    CHECK(article_count(path) == 1);
}

TEST_CASE("a second build creating the same store is refused while the first holds it") {
    TempDir dir;
    const fs::path path = dir.path() / "kg.db";
    StoreFile first(path.string());
    REQUIRE(first.fresh());
    std::string message;
    try {
        StoreFile second(path.string());
    } catch (const StoreError& e) {
        message = e.what();
    }
    CHECK(message.find("locked") != std::string::npos);
    CHECK(message.find(path.string()) != std::string::npos);
    // The refused one did not take the first one's file away.
    CHECK(fs::exists(first.write_path()));
}

TEST_CASE("what a killed build left in the side file is thrown away") {
    TempDir dir;
    const fs::path path = dir.path() / "kg.db";
    dir.write(".kg.db.building", std::string(5000, 'x'));  // not even a database
    dir.write(".kg.db.building-journal", "stale");
    StoreFile file(path.string());
    REQUIRE(file.fresh());
    CHECK_FALSE(fs::exists(file.write_path() + "-journal"));
    {
        Store store(file.write_path(), Store::Mode::Scratch);
        add_article(store, "a1");
    }
    file.publish();
    CHECK(article_count(path) == 1);
}

TEST_CASE("publishing never replaces a store that appeared at the path meanwhile, and keeps its own") {
    TempDir dir;
    const fs::path path = dir.path() / "kg.db";
    StoreFile file(path.string());
    {
        Store store(file.write_path(), Store::Mode::Scratch);
        add_article(store, "mine");
    }
    {
        Store other(path.string(), Store::Mode::Write);
        add_article(other, "theirs1");
        add_article(other, "theirs2");
    }
    std::string message;
    try {
        file.publish();
    } catch (const StoreError& e) {
        message = e.what();
    }
    CHECK(message.find("appeared") != std::string::npos);
    CHECK(article_count(path) == 2);
    // This build's store is complete and left where the message says.
    const fs::path side = dir.path() / ".kg.db.building";
    CHECK(message.find(side.string()) != std::string::npos);
    CHECK(article_count(side) == 1);
}
