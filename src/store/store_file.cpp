#include "store/store_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "store/sqlite.hpp"

namespace aikg::store {
namespace fs = std::filesystem;

namespace {

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// A rename is durable once the folder holding the name is synced.
void sync_folder_of(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Moves `from` to `to` unless something is at `to`: renameat2 where the file
// system has it, else a hard link (which never replaces) and an unlink.
// Returns 0 or an errno value.
int move_without_replacing(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    if (::link(from.c_str(), to.c_str()) != 0) return errno;
    ::unlink(from.c_str());
    return 0;
}

}  // namespace

std::string StoreFile::side_path_of(const std::string& path) {
    const fs::path p(path);
    // Appended rather than "." + name: GCC 12 at -O3 warns about that operator+ (a false -Wrestrict).
    std::string name = ".";
    name += p.filename().string();
    name += ".building";
    return (p.parent_path() / name).string();
}

StoreFile::StoreFile(std::string path) : path_(std::move(path)), side_path_(side_path_of(path_)) {
    std::error_code ec;
    if (fs::exists(path_, ec) || ec) return;  // in place: an existing store, or one we cannot even look at
    const fs::path folder = fs::path(path_).parent_path();
    if (!folder.empty()) fs::create_directories(folder, ec);
    const int fd = ::open(side_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw StoreError(system_error(path_ + ": cannot create the new store's file " + side_path_));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            throw StoreError(path_ + ": the store is locked: another 'aikg build' is creating it; run this one when that one is done");
        errno = error;
        throw StoreError(system_error(path_ + ": cannot lock " + side_path_));
    }
    // What a killed build left starts over: it was never a store anyone saw.
    if (::ftruncate(fd, 0) != 0) {
        const std::string message = system_error(path_ + ": cannot empty " + side_path_);
        ::close(fd);
        throw StoreError(message);
    }
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(side_path_ + suffix, ec);
    lock_fd_ = fd;
}

StoreFile::~StoreFile() {
    if (!fresh()) return;
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(side_path_ + suffix, ec);
    ::close(lock_fd_);
}

void StoreFile::publish() {
    if (!fresh()) return;
    // Every store is in WAL mode once written, so that readers and a later build can share it.
    { Database wal(side_path_, Database::Access::Write); }
    if (::fsync(lock_fd_) != 0) throw StoreError(system_error(path_ + ": cannot sync " + side_path_));
    if (const int error = move_without_replacing(side_path_, path_); error != 0) {
        // The new store is complete: it is left where it is rather than thrown away.
        ::close(lock_fd_);
        lock_fd_ = -1;
        const std::string where = "; this build's store is complete at " + side_path_ + " (move it yourself before building into " + path_ + " again)";
        if (error == EEXIST) throw StoreError(path_ + ": a store appeared here while this build ran and was kept" + where);
        throw StoreError(path_ + ": cannot move the new store into place: " + std::strerror(error) + where);
    }
    sync_folder_of(path_);
    ::close(lock_fd_);
    lock_fd_ = -1;
}

}  // namespace aikg::store
