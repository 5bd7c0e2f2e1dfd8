#include "cli/output.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>

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

StdoutBuffer::StdoutBuffer(std::size_t piece) : piece_(piece), data_(std::make_unique<char[]>(2 * piece)), capacity_(2 * piece) {}

char* StdoutBuffer::room(std::size_t bytes) {
    if (size_ + bytes > capacity_) {
        // Not filled when it grows: only what is written is ever read.
        const std::size_t grown = std::max(2 * capacity_, size_ + bytes);
        std::unique_ptr<char[]> larger(new char[grown]);
        std::memcpy(larger.get(), data_.get(), size_);
        data_ = std::move(larger);
        capacity_ = grown;
    }
    return data_.get() + size_;
}

void StdoutBuffer::append(std::string_view text) {
    std::memcpy(room(text.size()), text.data(), text.size());
    size_ += text.size();
}

void StdoutBuffer::write() {
    std::cout.write(data_.get(), static_cast<std::streamsize>(size_));
    size_ = 0;
    if (!flush_stdout()) throw std::runtime_error("cannot write to standard output");
}

Progress::Progress(std::string verb, bool stats)
    : verb_(std::move(verb)), enabled_(stderr_is_terminal()), stats_(stats), start_(std::chrono::steady_clock::now()) {}

double Progress::seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

namespace {
double megabytes(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }
}  // namespace

void Progress::update(std::size_t items, std::size_t bytes) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    const double elapsed = seconds();
    if (bytes > 0 && elapsed > 0)
        std::fprintf(stderr, "\r%s: %zu articles, %.1f MB, %.1f MB/s\033[K", verb_.c_str(), items, megabytes(bytes), megabytes(bytes) / elapsed);
    else
        std::fprintf(stderr, "\r%s: %zu articles\033[K", verb_.c_str(), items);
    std::fflush(stderr);
}

void Progress::finish() {
    if (enabled_ && shown_) std::fprintf(stderr, "\r\033[K");
}

std::string Progress::took(std::size_t bytes) const {
    if (!enabled_ && !stats_) return {};
    const double elapsed = seconds();
    char time[32];
    if (elapsed < 1) std::snprintf(time, sizeof time, "%.0f ms", elapsed * 1e3);
    else std::snprintf(time, sizeof time, "%.2f s", elapsed);
    char text[96];
    if (bytes == 0 || elapsed <= 0) std::snprintf(text, sizeof text, " in %s", time);
    else if (bytes < 1'000'000) std::snprintf(text, sizeof text, ", %.0f KB in %s (%.1f MB/s)", static_cast<double>(bytes) / 1e3, time, megabytes(bytes) / elapsed);
    else std::snprintf(text, sizeof text, ", %.1f MB in %s (%.1f MB/s)", megabytes(bytes), time, megabytes(bytes) / elapsed);
    return text;
}

}  // namespace aikg::cli
