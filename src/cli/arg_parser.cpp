#include "cli/arg_parser.hpp"

#include <algorithm>

namespace aikg::cli {

void ArgParser::flag(std::string name, bool* target, std::string help) {
    specs_.push_back({std::move(name), target, nullptr, {}, std::move(help)});
}

void ArgParser::option(std::string name, std::string* target, std::string metavar, std::string help) {
    specs_.push_back({std::move(name), nullptr, target, std::move(metavar), std::move(help)});
}

void ArgParser::positionals(std::vector<std::string>* target, std::string metavar) {
    positionals_ = target;
    positional_metavar_ = std::move(metavar);
}

bool ArgParser::parse(const std::vector<std::string>& args) {
    bool only_positionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_positionals || arg == "-" || arg.empty() || arg[0] != '-') {
            if (!positionals_) throw UsageError("unexpected argument '" + arg + "'");
            positionals_->push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positionals = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") return false;
        std::string name = arg, inline_value;
        bool has_inline = false;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
            has_inline = true;
        }
        const auto spec = std::find_if(specs_.begin(), specs_.end(), [&](const Spec& s) { return s.name == name; });
        if (spec == specs_.end()) throw UsageError("unknown option '" + name + "' (see --help)");
        if (spec->flag) {
            if (has_inline) throw UsageError("option '" + name + "' takes no value");
            *spec->flag = true;
        } else if (has_inline) {
            *spec->value = inline_value;
        } else {
            if (i + 1 >= args.size()) throw UsageError("option '" + name + "' needs a value " + spec->metavar);
            *spec->value = args[++i];
        }
    }
    return true;
}

std::string ArgParser::options_help() const {
    std::string out;
    for (const auto& s : specs_) {
        std::string left = "  " + s.name + (s.metavar.empty() ? "" : " " + s.metavar);
        if (left.size() < 26) left.resize(26, ' ');
        else left += "\n" + std::string(26, ' ');
        out += left + s.help + "\n";
    }
    out += "  -h, --help                this help\n";
    return out;
}

}  // namespace aikg::cli
