#include "kb/yaml_util.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "text/utf8.hpp"

namespace aikg::kb {

std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& file, DiagnosticSink& sink) {
    const std::string name = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        sink.error(name, 0, "cannot open file");
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    if (text::looks_binary(bytes)) {
        sink.error(name, 0, "binary data, not a YAML file");
        return std::nullopt;
    }
    if (auto bad = text::find_invalid_utf8(bytes)) {
        const int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
        sink.error(name, line, "invalid UTF-8 at byte " + std::to_string(*bad));
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(bytes);
        if (!root || root.IsNull()) {
            sink.error(name, 0, "file is empty");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        sink.error(name, e.mark.line + 1, "YAML syntax error: " + e.msg);
        return std::nullopt;
    }
}

std::vector<std::optional<YAML::Node>> load_yaml_files(const std::vector<std::filesystem::path>& files, DiagnosticSink& sink) {
    std::vector<std::optional<YAML::Node>> roots(files.size());
    std::vector<DiagnosticSink> sinks(files.size());
    // Biggest files first, each thread taking the next one free: one large
    // file (the models) must not end up behind others on the same thread.
    std::vector<std::size_t> order(files.size());
    std::vector<std::uintmax_t> sizes(files.size(), 0);
    for (std::size_t i = 0; i < files.size(); ++i) {
        order[i] = i;
        std::error_code ec;
        sizes[i] = std::filesystem::file_size(files[i], ec);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::atomic<std::size_t> next{0};
    auto parse_next = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < order.size();) roots[order[k]] = load_yaml_file(files[order[k]], sinks[order[k]]);
    };
    const std::size_t threads = std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(parse_next);
    parse_next();
    helpers.clear();  // joins
    for (DiagnosticSink& each : sinks) sink.take(std::move(each));
    return roots;
}

void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& file,
                std::string_view what, DiagnosticSink& sink) {
    for (const auto& kv : map) {
        const std::string key = kv.first.Scalar();
        bool known = false;
        for (auto a : allowed) known = known || key == a;
        if (!known) {
            std::string list;
            for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            sink.error(file, line_of(kv.first), "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + list + ")");
        }
    }
}

std::optional<std::string> required_scalar(const YAML::Node& map, const char* key, const std::string& file,
                                           std::string_view what, DiagnosticSink& sink) {
    const YAML::Node value = map[key];
    if (!value) {
        sink.error(file, line_of(map), std::string(what) + " has no '" + key + "'");
        return std::nullopt;
    }
    if (!value.IsScalar() || value.Scalar().empty()) {
        // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on a chain of operator+ starting from a literal.
        std::string message = "'";
        message.append(key).append("' of ").append(what).append(" must be a non-empty string");
        sink.error(file, line_of(value), message);
        return std::nullopt;
    }
    return value.Scalar();
}

std::vector<std::string> string_list(const YAML::Node& node, const std::string& file, std::string_view what,
                                     DiagnosticSink& sink) {
    std::vector<std::string> out;
    if (!node || node.IsNull()) return out;
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
        return out;
    }
    if (!node.IsSequence()) {
        sink.error(file, line_of(node), std::string(what) + " must be a string or a list of strings");
        return out;
    }
    for (const auto& item : node) {
        if (!item.IsScalar()) {
            sink.error(file, line_of(item), std::string(what) + " must contain only strings");
            continue;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

}  // namespace aikg::kb
