#pragma once
// Terminal-aware output helpers shared by commands.

#include <chrono>
#include <cstddef>
#include <string>

namespace aikg::cli {

bool stderr_is_terminal();

// Makes a closed stdout (aikg ... | head) end the program quietly with success,
// as grep and ripgrep do.
void quiet_on_broken_pipe();
// Flushes stdout; returns false when writing failed for another reason than a closed pipe.
bool flush_stdout();

// Progress on stderr, only when stderr is a terminal, at most a few times a second.
class Progress {
public:
    explicit Progress(std::string verb);
    void update(std::size_t items, std::size_t bytes);
    void finish();

private:
    std::string verb_;
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace aikg::cli
