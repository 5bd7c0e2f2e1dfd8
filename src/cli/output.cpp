#include "cli/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace aikg::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void quiet_on_broken_pipe() {
    // With SIGPIPE ignored, a closed pipe surfaces as EPIPE on flush, checked below.
    std::signal(SIGPIPE, SIG_IGN);
}

bool flush_stdout() {
    std::cout.flush();
    if (std::cout.good()) return true;
    if (errno == EPIPE) std::_Exit(0);
    return false;
}

Progress::Progress(std::string verb) : verb_(std::move(verb)), enabled_(stderr_is_terminal()) {}

void Progress::update(std::size_t items, std::size_t bytes) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\r%s: %zu articles, %.1f MB", verb_.c_str(), items, static_cast<double>(bytes) / 1e6);
    std::fflush(stderr);
}

void Progress::finish() {
    if (enabled_ && shown_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace aikg::cli
