#include "kb/snapshot_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <system_error>

#include "text/word_hash.hpp"

namespace aikg::kb::snapshot {
namespace {

constexpr std::string_view kMagic = "AIKGSNAP";
constexpr std::size_t kKeptSnapshots = 16;

// In one read of the size the file has: a stream iterator took a call per
// byte, a fifth of start-up for the catalog files and snapshots.
std::optional<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const std::streamoff size = in.tellg();
    if (size < 0) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) return std::nullopt;
    // A file that grew while read: take it whole.
    if (in.peek() != std::ifstream::traits_type::eof()) bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return bytes;
}

std::string file_name(std::string_view kind, std::uint64_t fingerprint) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fingerprint));
    return std::string(kind) + "-" + hex + ".bin";
}

std::string header(std::string_view kind, std::uint64_t fingerprint) {
    Writer w;
    w.raw(kMagic);
    w.field(kind);
    w.u64(fingerprint);
    return w.take();
}

// Keeps the most recent snapshots of a kind only: each edit of the files leaves one behind.
void prune(const std::filesystem::path& cache, std::string_view kind) {
    std::error_code ec;
    const std::string prefix = std::string(kind) + "-";
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> snapshots;
    for (const auto& entry : std::filesystem::directory_iterator(cache, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(".bin")) snapshots.emplace_back(entry.last_write_time(ec), entry.path());
    }
    if (snapshots.size() <= kKeptSnapshots) return;
    std::sort(snapshots.begin(), snapshots.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = kKeptSnapshots; i < snapshots.size(); ++i) std::filesystem::remove(snapshots[i].second, ec);
}

}  // namespace

std::optional<std::vector<std::filesystem::path>> yaml_files(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
    }
    if (ec || files.empty()) return std::nullopt;
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<std::uint64_t> fingerprint(std::string_view format, const std::vector<std::filesystem::path>& files) {
    // Each part's hash seeds the next; the length goes into each, so parts cannot run together.
    struct {
        std::uint64_t value = 0;
        void add(std::string_view part) { value = text::word_hash(part, value); }
    } f;
    f.add(format);
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    const auto size = std::filesystem::file_size(self, ec);
    if (ec) return std::nullopt;
    const auto written = std::filesystem::last_write_time(self, ec);
    if (ec) return std::nullopt;
    f.add(self.string());
    f.add(std::to_string(size) + ":" + std::to_string(written.time_since_epoch().count()));
    for (const auto& file : files) {
        const auto bytes = read_file(file);
        if (!bytes) return std::nullopt;
        f.add(std::filesystem::absolute(file, ec).string());
        f.add(*bytes);
    }
    return f.value;
}

std::optional<std::uint64_t> fingerprint_of_folder(std::string_view format, const std::filesystem::path& dir,
                                                   const std::filesystem::path& ontology_file) {
    auto files = yaml_files(dir);
    if (!files) return std::nullopt;
    files->insert(files->begin(), ontology_file);
    return fingerprint(format, *files);
}

void save(const std::filesystem::path& cache, std::string_view kind, std::uint64_t fingerprint, std::string_view body) {
    std::error_code ec;
    std::filesystem::create_directories(cache, ec);
    if (ec) return;
    const std::string name = file_name(kind, fingerprint);
    const auto temporary = cache / (name + ".tmp." + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return;
        const std::string head = header(kind, fingerprint);
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        if (!out) {
            out.close();
            std::filesystem::remove(temporary, ec);
            return;
        }
    }
    std::filesystem::rename(temporary, cache / name, ec);
    if (ec) std::filesystem::remove(temporary, ec);
    prune(cache, kind);
}

std::optional<std::string> load(const std::filesystem::path& cache, std::string_view kind, std::uint64_t fingerprint) {
    auto bytes = read_file(cache / file_name(kind, fingerprint));
    if (!bytes) return std::nullopt;
    const std::string head = header(kind, fingerprint);
    if (!bytes->starts_with(head)) return std::nullopt;
    bytes->erase(0, head.size());
    return bytes;
}

}  // namespace aikg::kb::snapshot

namespace aikg::kb {

std::optional<std::filesystem::path> snapshot_dir() {
    if (const char* dir = std::getenv("AIKG_CACHE_DIR")) {
        if (*dir == '\0') return std::nullopt;
        return std::filesystem::path(dir);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "aikg";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "aikg";
    return std::nullopt;
}

}  // namespace aikg::kb
