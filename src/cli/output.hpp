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
// With the rate since the command started: on millions of articles, how
// fast it goes says when it will be done.
class Progress {
public:
    // `stats`: the closing line's figures (took) are wanted wherever stderr goes.
    explicit Progress(std::string verb, bool stats = false);
    void update(std::size_t items, std::size_t bytes);
    void finish();
    // What the run took since this progress began (start-up left out), for
    // the closing line on a terminal: ", 20.0 MB in 310 ms (64.5 MB/s)", or
    // " in 1.20 s" when no text was read. Empty when stderr is no terminal
    // (unless asked for with `stats`), so that logs and scripts get the same
    // line from run to run.
    std::string took(std::size_t bytes) const;

private:
    double seconds() const;

    std::string verb_;
    bool enabled_;
    bool stats_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace aikg::cli
