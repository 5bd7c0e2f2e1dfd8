#pragma once
// A regular file's bytes mapped into memory, read front to back: a JSONL
// corpus is scanned where the page cache holds it, without the kernel
// copying it into a read buffer and getline copying it again into a line
// (0.7% of `aikg extract`'s CPU time on the bench corpus, half of it system time).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aikg::corpus {

class MappedFile {
public:
    // The mapping of `path`, or nothing when it cannot be mapped (not a
    // regular file, empty, or mmap refused): the caller then reads it as a stream.
    static std::optional<MappedFile> open(const std::string& path);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const noexcept { return {data_, size_}; }

    // The caller is done with every byte before `offset`: pages behind it
    // are let go every so often, so that a corpus of any size keeps only a
    // window of itself resident (mapped pages count in the process's memory).
    void done_before(std::size_t offset) noexcept;

private:
    MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;  // pages before this offset are let go
};

}  // namespace aikg::corpus
