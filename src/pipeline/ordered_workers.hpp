#pragma once
// Runs a function over a stream of items on N threads and hands the results
// back in input order, on the thread that feeds the stream.
//
// The feeding thread keeps the reader, the output and the store to itself:
// workers only compute. At most `window` items are in flight, so memory stays
// bounded however long the stream is. With one job nothing is threaded: the
// result of each item is handed back before the next is read, exactly as a
// plain loop would.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace aikg::pipeline {

// The number of threads `--jobs` means by default: every core.
std::size_t default_jobs();

template <class In, class Out>
class OrderedWorkers {
public:
    using Work = std::function<Out(const In&)>;
    using Emit = std::function<void(In&&, Out&&)>;

    OrderedWorkers(std::size_t jobs, Work work, Emit emit, std::size_t window = 0)
        : jobs_(jobs == 0 ? 1 : jobs), window_(window ? window : 4 * jobs_), work_(std::move(work)), emit_(std::move(emit)) {
        if (jobs_ == 1) return;
        for (std::size_t i = 0; i < jobs_; ++i) threads_.emplace_back([this] { worker(); });
    }
    OrderedWorkers(const OrderedWorkers&) = delete;
    OrderedWorkers& operator=(const OrderedWorkers&) = delete;

    // Stops the workers; results not yet handed back are dropped (an error
    // or an interrupt is unwinding the feeding loop).
    ~OrderedWorkers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        work_ready_.notify_all();
        for (auto& t : threads_) t.join();
    }

    // Queues an item; hands back every result that is ready in order, and
    // waits while the window is full. An exception thrown by the work is
    // rethrown here, at its item's turn.
    void push(In item) {
        if (jobs_ == 1) {
            Out out = work_(item);
            emit_(std::move(item), std::move(out));
            return;
        }
        std::unique_lock lock(mutex_);
        slots_.push_back(Slot{std::move(item), std::nullopt, nullptr});
        pending_.push_back(&slots_.back());
        lock.unlock();
        work_ready_.notify_one();
        drain(/*until_below=*/window_);
    }

    // Waits for every queued item and hands back the rest of the results.
    void finish() {
        if (jobs_ == 1) return;
        drain(/*until_below=*/1);
    }

private:
    struct Slot {
        In in;
        std::optional<Out> out;
        std::exception_ptr error;
        bool done = false;
    };

    void worker() {
        for (;;) {
            Slot* slot = nullptr;
            {
                std::unique_lock lock(mutex_);
                work_ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
                if (stopping_) return;
                slot = pending_.front();
                pending_.pop_front();
            }
            std::optional<Out> out;
            std::exception_ptr error;
            try {
                out.emplace(work_(slot->in));
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex_);
                slot->out = std::move(out);
                slot->error = error;
                slot->done = true;
            }
            result_ready_.notify_all();
        }
    }

    // Hands back finished results from the front, in order, while at least
    // `until_below` items are in flight (waiting for the front when needed).
    void drain(std::size_t until_below) {
        std::unique_lock lock(mutex_);
        for (;;) {
            // Whatever is already done at the front goes out without waiting.
            while (!slots_.empty() && slots_.front().done) hand_back(lock);
            if (slots_.size() < until_below) return;
            result_ready_.wait(lock, [this] { return slots_.front().done; });
        }
    }

    void hand_back(std::unique_lock<std::mutex>& lock) {
        Slot slot = std::move(slots_.front());
        slots_.pop_front();
        lock.unlock();
        if (slot.error) {
            lock.lock();
            std::rethrow_exception(slot.error);
        }
        emit_(std::move(slot.in), std::move(*slot.out));
        lock.lock();
    }

    const std::size_t jobs_;
    const std::size_t window_;
    Work work_;
    Emit emit_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable result_ready_;
    std::deque<Slot> slots_;     // in input order; workers fill them in place
    std::deque<Slot*> pending_;  // not yet taken by a worker
    bool stopping_ = false;
};

}  // namespace aikg::pipeline
