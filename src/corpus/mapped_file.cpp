#include "corpus/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aikg::corpus {
namespace {

// Pages are let go in steps of this many bytes: one madvise call per step.
constexpr std::size_t kReleaseStep = std::size_t{2} << 20;

}  // namespace

std::optional<MappedFile> MappedFile::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* data = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (data == MAP_FAILED) return std::nullopt;
    ::madvise(data, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    return MappedFile(static_cast<const char*>(data), static_cast<std::size_t>(st.st_size));
}

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_), released_(other.released_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::done_before(std::size_t offset) noexcept {
    if (offset < released_ + kReleaseStep) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = offset / page * page;
    // The mapping is private and never written: dropping its pages only
    // unmaps them (the page cache keeps the file).
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}

}  // namespace aikg::corpus
