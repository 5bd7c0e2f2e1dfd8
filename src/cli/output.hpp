#pragma once
// Terminal-aware output helpers shared by commands.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace aikg::cli {

bool stderr_is_terminal();

// Makes a closed stdout (aikg ... | head) end the program quietly with success,
// as grep and ripgrep do.
void quiet_on_broken_pipe();
// Flushes stdout; returns false when writing failed for another reason than a closed pipe.
bool flush_stdout();

// Standard output gathered in a buffer that writers fill in place (room,
// then advance) and written in pieces of at least `piece` bytes: a
// consumer sees results as they come, a closed pipe is noticed soon, and
// a line formatted straight into the buffer is not copied on its way out.
class StdoutBuffer {
public:
    explicit StdoutBuffer(std::size_t piece = 64 * 1024);
    // Where at least `bytes` may be written next.
    char* room(std::size_t bytes);
    // What was written up to `end` (within the last room) is kept.
    void advance(char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }
    void append(std::string_view text);
    // Writes what is gathered once it makes a piece; write() writes it all.
    // Both throw when standard output fails (a closed pipe ends the program quietly).
    void write_if_full() {
        if (size_ >= piece_) write();
    }
    void write();

private:
    std::size_t piece_;
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

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
