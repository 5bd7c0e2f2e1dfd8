#pragma once
// A small declarative parser: commands declare their options, the parser fills
// them and produces the option list for --help.

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aikg::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ArgParser {
public:
    void flag(std::string name, bool* target, std::string help);
    void option(std::string name, std::string* target, std::string metavar, std::string help);
    void positionals(std::vector<std::string>* target, std::string metavar);

    // Throws UsageError for unknown options or missing values. Returns false
    // when --help was given (the caller prints help and exits 0).
    bool parse(const std::vector<std::string>& args);
    std::string options_help() const;

private:
    struct Spec {
        std::string name;
        bool* flag = nullptr;
        std::string* value = nullptr;
        std::string metavar;
        std::string help;
    };
    std::vector<Spec> specs_;
    std::vector<std::string>* positionals_ = nullptr;
    std::string positional_metavar_;
};

}  // namespace aikg::cli
