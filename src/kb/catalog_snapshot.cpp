#include "kb/catalog_snapshot.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <type_traits>
#include <vector>

#include "text/word_hash.hpp"

namespace aikg::kb {
namespace {

constexpr std::string_view kMagic = "AIKGCAT1";
constexpr std::string_view kEnd = "END1";
// Bumped whenever what is saved changes shape.
constexpr std::string_view kFormat = "aikg catalog snapshot, format 1";
constexpr std::size_t kKeptSnapshots = 16;

// Writer and Reader name each kind of field alike (field, size_of), so that
// one list of fields serves both directions (entity_fields below).
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
    void field(const std::optional<EntityId>& v) {
        field(v.has_value());
        u32(v.value_or(0));
    }
    void field(const SourcePos& p) {
        field(p.file);
        u32(static_cast<std::uint32_t>(p.line));
    }
    void field(const std::vector<std::string>& list) {
        size_of(list, 0);
        for (const std::string& s : list) field(s);
    }
    void field(const std::vector<EntityId>& list) {
        size_of(list, 0);
        for (const EntityId v : list) u32(v);
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
    void field(std::optional<EntityId>& v) {
        bool present = false;
        field(present);
        const EntityId id = u32();
        v = present ? std::optional<EntityId>(id) : std::nullopt;
    }
    void field(SourcePos& p) {
        field(p.file);
        p.line = static_cast<int>(u32());
    }
    void field(std::vector<std::string>& list) {
        size_of(list, 4);
        for (std::string& s : list) field(s);
    }
    void field(std::vector<EntityId>& list) {
        size_of(list, 4);
        for (EntityId& v : list) v = u32();
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

std::optional<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

// Everything a load of `dir` reads, and this program itself (a rebuilt aikg
// may load the same files differently): nullopt when any of it cannot be read.
std::optional<std::uint64_t> fingerprint(const std::filesystem::path& dir, const std::filesystem::path& ontology_file) {
    // Each part's hash seeds the next; the length goes into each, so parts cannot run together.
    struct {
        std::uint64_t value = 0;
        void add(std::string_view part) { value = text::word_hash(part, value); }
    } f;
    f.add(kFormat);
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    const auto size = std::filesystem::file_size(self, ec);
    if (ec) return std::nullopt;
    const auto written = std::filesystem::last_write_time(self, ec);
    if (ec) return std::nullopt;
    f.add(self.string());
    f.add(std::to_string(size) + ":" + std::to_string(written.time_since_epoch().count()));
    const auto ontology = read_file(ontology_file);
    if (!ontology) return std::nullopt;
    f.add(std::filesystem::absolute(ontology_file, ec).string());
    f.add(*ontology);
    // The files Catalog::load reads, in its order.
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
    }
    if (ec || files.empty()) return std::nullopt;
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const auto bytes = read_file(file);
        if (!bytes) return std::nullopt;
        f.add(std::filesystem::absolute(file, ec).string());
        f.add(*bytes);
    }
    return f.value;
}

std::string snapshot_name(std::uint64_t fingerprint) {
    char name[64];
    std::snprintf(name, sizeof name, "catalog-%016llx.bin", static_cast<unsigned long long>(fingerprint));
    return name;
}

// Keeps the most recent snapshots only: each edit of the catalog leaves one behind.
void prune(const std::filesystem::path& cache) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> snapshots;
    for (const auto& entry : std::filesystem::directory_iterator(cache, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("catalog-") && name.ends_with(".bin")) snapshots.emplace_back(entry.last_write_time(ec), entry.path());
    }
    if (snapshots.size() <= kKeptSnapshots) return;
    std::sort(snapshots.begin(), snapshots.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = kKeptSnapshots; i < snapshots.size(); ++i) std::filesystem::remove(snapshots[i].second, ec);
}

void save_snapshot(const Catalog& catalog, std::uint64_t fingerprint, const std::filesystem::path& cache) {
    std::error_code ec;
    std::filesystem::create_directories(cache, ec);
    if (ec) return;
    const auto final_path = cache / snapshot_name(fingerprint);
    // Written aside and renamed: a reader never sees half a snapshot, and
    // processes saving the same one at once (shards of a distributed run) do not mix.
    const auto temporary = cache / (snapshot_name(fingerprint) + ".tmp." + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return;
        Writer header;
        header.raw(kMagic);
        header.u64(fingerprint);
        const std::string head = header.take();
        const std::string body = CatalogSnapshot::save(catalog);
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        if (!out) {
            out.close();
            std::filesystem::remove(temporary, ec);
            return;
        }
    }
    std::filesystem::rename(temporary, final_path, ec);
    if (ec) std::filesystem::remove(temporary, ec);
    prune(cache);
}

std::optional<Catalog> restore_snapshot(std::uint64_t fingerprint, const std::filesystem::path& cache) {
    const auto bytes = read_file(cache / snapshot_name(fingerprint));
    if (!bytes) return std::nullopt;
    Reader header(*bytes);
    if (!header.expect(kMagic) || header.u64() != fingerprint || !header.ok()) return std::nullopt;
    return CatalogSnapshot::restore(std::string_view(*bytes).substr(kMagic.size() + sizeof(std::uint64_t)));
}

// One list of an entity's fields for both directions: a field saved is a
// field restored. `E` is Entity for a Reader, const Entity for a Writer.
template <class Io, class E>
void entity_fields(Io& io, E& e) {
    io.field(e.name);
    io.field(e.type);
    io.field(e.aliases);
    io.field(e.openness);
    io.field(e.openness_source);
    io.field(e.maker);
    io.field(e.company);
    io.field(e.maker_id);
    io.field(e.company_id);
    io.field(e.case_sensitive);
    io.field(e.category);
    io.field(e.senses);
    io.size_of(e.facts, 20);
    for (auto& f : e.facts) {
        io.field(f.relation);
        io.field(f.object);
        io.field(f.pos);
        io.field(f.object_id);
    }
    io.field(e.pos);
}

}  // namespace

std::string CatalogSnapshot::save(const Catalog& catalog) {
    Writer w;
    w.size_of(catalog.entities_, 0);
    for (const Entity& e : catalog.entities_) entity_fields(w, e);
    for (const auto* chains : {&catalog.ancestors_, &catalog.parents_}) {
        w.size_of(*chains, 0);
        for (const auto& chain : *chains) w.field(chain);
    }
    w.u32(static_cast<std::uint32_t>(catalog.by_key_.size()));
    for (const auto& [key, id] : catalog.by_key_) {
        w.field(key);
        w.u32(id);
    }
    w.raw(kEnd);
    return w.take();
}

std::optional<Catalog> CatalogSnapshot::restore(std::string_view bytes) {
    Reader r(bytes);
    Catalog catalog;
    r.size_of(catalog.entities_, 40);
    for (Entity& e : catalog.entities_) entity_fields(r, e);
    for (auto* chains : {&catalog.ancestors_, &catalog.parents_}) {
        r.size_of(*chains, 4);
        for (auto& chain : *chains) r.field(chain);
    }
    const std::uint32_t keys = r.count(8);
    catalog.by_key_.reserve(keys);
    for (std::uint32_t i = 0; i < keys; ++i) {
        std::string key;
        r.field(key);
        const EntityId id = r.u32();
        catalog.by_key_.emplace(std::move(key), id);
    }
    if (!r.expect(kEnd) || !r.ok() || !r.at_end()) return std::nullopt;
    // Every id must name an entity: extraction indexes by them without checks.
    const std::size_t n = catalog.entities_.size();
    auto valid = [n](const std::optional<EntityId>& id) { return !id || *id < n; };
    if (catalog.ancestors_.size() != n || catalog.parents_.size() != n) return std::nullopt;
    for (const Entity& e : catalog.entities_) {
        if (!valid(e.maker_id) || !valid(e.company_id)) return std::nullopt;
        for (const CatalogFact& f : e.facts)
            if (!valid(f.object_id)) return std::nullopt;
    }
    for (const auto* chains : {&catalog.ancestors_, &catalog.parents_})
        for (const auto& chain : *chains)
            for (const EntityId id : chain)
                if (id >= n) return std::nullopt;
    for (const auto& [key, id] : catalog.by_key_)
        if (id >= n) return std::nullopt;
    return catalog;
}

std::optional<std::filesystem::path> snapshot_dir() {
    if (const char* dir = std::getenv("AIKG_CACHE_DIR")) {
        if (*dir == '\0') return std::nullopt;
        return std::filesystem::path(dir);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "aikg";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "aikg";
    return std::nullopt;
}

Catalog load_catalog(const std::filesystem::path& dir, const Ontology& ontology, const std::filesystem::path& ontology_file,
                     const std::optional<std::filesystem::path>& cache) {
    const auto print = cache ? fingerprint(dir, ontology_file) : std::nullopt;
    if (print)
        if (auto restored = restore_snapshot(*print, *cache)) return std::move(*restored);
    Catalog catalog = Catalog::load(dir, ontology);  // throws on any problem: nothing is saved then
    if (print) save_snapshot(catalog, *print, *cache);
    return catalog;
}

}  // namespace aikg::kb
