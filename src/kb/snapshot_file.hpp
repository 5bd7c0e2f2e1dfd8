#pragma once
// What every snapshot (a loaded catalog, compiled rules) shares: a binary
// writer and a bounds-checked reader, the fingerprint that names a snapshot
// after the files it was loaded from, and the cache folder it is kept in.
//
// A snapshot is named after a fingerprint of everything its load read (paths
// and bytes), of its own format and of this program (path, size, mtime: a
// rebuilt aikg may load the same files differently), so an edited file, a
// moved folder or a new aikg never meets an old one.

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kb/catalog.hpp"

namespace aikg::kb::snapshot {

// Writer and Reader name each kind of field alike (field, size_of), so that
// one list of fields serves both directions: a field saved is a field restored.
class Writer {
public:
    void u32(std::uint32_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void u64(std::uint64_t v) { bytes_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void raw(std::string_view s) { bytes_.append(s); }
    std::string take() { return std::move(bytes_); }

    template <class T>
    void size_of(const std::vector<T>& list, std::size_t /*min_bytes*/) {
        u32(static_cast<std::uint32_t>(list.size()));
    }
    void field(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        raw(s);
    }
    void field(bool v) { bytes_.push_back(v ? '\1' : '\0'); }
    void field(std::uint32_t v) { u32(v); }
    void field(std::uint64_t v) { u64(v); }
    void field(int v) { u32(static_cast<std::uint32_t>(v)); }
    void field(double v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof v);
        u64(bits);
    }
    void field(const std::optional<std::uint32_t>& v) {
        field(v.has_value());
        u32(v.value_or(0));
    }
    void field(const SourcePos& p) {
        field(p.file);
        field(p.line);
    }
    void field(const std::vector<std::string>& list) {
        size_of(list, 0);
        for (const std::string& s : list) field(s);
    }
    template <class T, class = std::enable_if_t<std::is_arithmetic_v<T>>>
    void field(const std::vector<T>& list) {
        size_of(list, 0);
        for (const T v : list) field(v);
    }

private:
    std::string bytes_;
};

// Reads what Writer wrote; any read past the end makes the whole snapshot unusable.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool ok() const noexcept { return ok_; }
    bool at_end() const noexcept { return at_ == bytes_.size(); }
    bool expect(std::string_view text) {
        if (!ok_ || bytes_.substr(at_, text.size()) != text) return fail<bool>();
        at_ += text.size();
        return true;
    }

    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    // For checks of what was read: the snapshot is then unusable as a whole.
    void reject() { fail<void>(); }
    // A count of items each at least `min_bytes` long: a corrupt count cannot make a huge allocation.
    std::uint32_t count(std::size_t min_bytes) {
        const std::uint32_t n = u32();
        if (!ok_ || static_cast<std::uint64_t>(n) * min_bytes > bytes_.size() - at_) return fail<std::uint32_t>();
        return n;
    }

    template <class T>
    void size_of(std::vector<T>& list, std::size_t min_bytes) {
        list.resize(count(min_bytes));
    }
    void field(std::string& s) {
        const std::uint32_t n = u32();
        if (!ok_ || n > bytes_.size() - at_) return fail<void>();
        s.assign(bytes_.substr(at_, n));
        at_ += n;
    }
    void field(bool& v) { v = fixed<char>() != '\0'; }
    void field(std::uint32_t& v) { v = u32(); }
    void field(std::uint64_t& v) { v = u64(); }
    void field(int& v) { v = static_cast<int>(u32()); }
    void field(double& v) {
        const std::uint64_t bits = u64();
        std::memcpy(&v, &bits, sizeof v);
    }
    void field(std::optional<std::uint32_t>& v) {
        bool present = false;
        field(present);
        const std::uint32_t value = u32();
        v = present ? std::optional<std::uint32_t>(value) : std::nullopt;
    }
    void field(SourcePos& p) {
        field(p.file);
        field(p.line);
    }
    void field(std::vector<std::string>& list) {
        size_of(list, 4);
        for (std::string& s : list) field(s);
    }
    template <class T, class = std::enable_if_t<std::is_arithmetic_v<T>>>
    void field(std::vector<T>& list) {
        size_of(list, sizeof(T));
        for (T& v : list) field(v);
    }

private:
    template <class T>
    T fixed() {
        T v{};
        if (!ok_ || sizeof v > bytes_.size() - at_) return fail<T>();
        std::memcpy(&v, bytes_.data() + at_, sizeof v);
        at_ += sizeof v;
        return v;
    }
    template <class T>
    T fail() {
        ok_ = false;
        at_ = bytes_.size();
        if constexpr (!std::is_void_v<T>) return T{};
    }
    std::string_view bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

// The .yaml/.yml files of `dir`, sorted (the order the loaders read them
// in); nullopt when `dir` cannot be listed or holds none.
std::optional<std::vector<std::filesystem::path>> yaml_files(const std::filesystem::path& dir);

// A fingerprint of `format`, this program and every file (path and bytes);
// nullopt when any of them cannot be read.
std::optional<std::uint64_t> fingerprint(std::string_view format, const std::vector<std::filesystem::path>& files);

// Saves `body` as the `kind` snapshot of that fingerprint in `cache`
// (written aside and renamed: a reader never sees half a snapshot, and
// processes saving the same one at once do not mix), keeping the 16 most
// recent of that kind. Failures are ignored: a snapshot only saves time.
void save(const std::filesystem::path& cache, std::string_view kind, std::uint64_t fingerprint, std::string_view body);
// The body saved under that kind and fingerprint, when there is one.
std::optional<std::string> load(const std::filesystem::path& cache, std::string_view kind, std::uint64_t fingerprint);

// The fingerprint of a load that reads `ontology_file` and the YAML files of `dir`.
std::optional<std::uint64_t> fingerprint_of_folder(std::string_view format, const std::filesystem::path& dir,
                                                   const std::filesystem::path& ontology_file);

// What `load()` makes of the YAML files of `dir` (with `ontology_file`),
// from the `kind` snapshot of those very files in `cache` when one was
// saved; otherwise loaded, and saved when the load succeeds (`load` throws
// on any problem, so nothing is saved then). `serialise(T)` gives a
// snapshot's body, `restore(body)` an optional<T>.
template <class Load, class Serialise, class Restore>
auto load_through(const std::optional<std::filesystem::path>& cache, std::string_view kind, std::string_view format,
                  const std::filesystem::path& dir, const std::filesystem::path& ontology_file, Load load, Serialise serialise,
                  Restore restore) -> decltype(load()) {
    const auto print = cache ? fingerprint_of_folder(format, dir, ontology_file) : std::nullopt;
    if (print)
        if (const auto body = snapshot::load(*cache, kind, *print))
            if (auto restored = restore(*body)) return std::move(*restored);
    auto loaded = load();
    if (print) save(*cache, kind, *print, serialise(loaded));
    return loaded;
}

}  // namespace aikg::kb::snapshot

namespace aikg::kb {

// The folder snapshots go in: $AIKG_CACHE_DIR, else $XDG_CACHE_HOME/aikg,
// else ~/.cache/aikg; none when no variable says where (or AIKG_CACHE_DIR is empty).
std::optional<std::filesystem::path> snapshot_dir();

}  // namespace aikg::kb
