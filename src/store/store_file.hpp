#pragma once
// Where a build writes. A store that does not exist yet is written beside
// its path and moved into place when the build ends: nothing was stored
// before, so that file needs no journal and no syncs while it grows (a
// first build of 20 MB of articles took 0.85 s with WAL and 0.78 s without),
// and a build killed meanwhile leaves no half-written store at the path.
// An existing store is written in place, with WAL, as before.

#include <string>

#include "store/store.hpp"

namespace aikg::store {

class StoreFile {
public:
    // Decides fresh or in place; a fresh store's side file is locked for this
    // process (a second build creating the same store is refused) and emptied
    // of what a killed build left.
    explicit StoreFile(std::string path);
    ~StoreFile();  // a fresh store not published is removed
    StoreFile(const StoreFile&) = delete;
    StoreFile& operator=(const StoreFile&) = delete;

    bool fresh() const noexcept { return lock_fd_ >= 0; }
    const std::string& path() const noexcept { return path_; }
    // The file to open: the side file of a fresh store, else the path.
    const std::string& write_path() const noexcept { return fresh() ? side_path_ : path_; }
    // How to open write_path().
    Store::Mode mode() const noexcept { return fresh() ? Store::Mode::Scratch : Store::Mode::Write; }

    // Syncs the fresh store and moves it to the path (never over a store
    // that appeared there meanwhile); in place, nothing to do. Call after
    // the store's connection is closed. When the move fails the side file,
    // a complete store, is left for the user and the error names it.
    void publish();

    // "DIR/.NAME.building": hidden, and in the same folder so the move is a rename.
    static std::string side_path_of(const std::string& path);

private:
    std::string path_;
    std::string side_path_;
    int lock_fd_ = -1;
};

}  // namespace aikg::store
