#include "http/worker_pool.h"

#include <algorithm>

namespace caredesk::http {

WorkerPool::WorkerPool(std::size_t threads, std::size_t queue_capacity)
    : capacity_(std::max<std::size_t>(queue_capacity, 1)) {
  threads = std::max<std::size_t>(threads, 1);
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::Submit(std::function<void()> task) {
  Idle* worker = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    if (idle_.empty()) {
      if (queue_.size() >= capacity_) return false;
      queue_.push_back(std::move(task));
      return true;
    }
    worker = idle_.back();
    idle_.pop_back();
    worker->task = std::move(task);
  }
  worker->wake.notify_one();
  return true;
}

std::size_t WorkerPool::QueueLength() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    for (Idle* worker : idle_) worker->wake.notify_one();
  }
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void WorkerPool::Work() {
  Idle self;
  std::unique_lock lock(mutex_);
  while (true) {
    std::function<void()> task;
    if (!queue_.empty()) {
      task = std::move(queue_.front());
      queue_.pop_front();
    } else if (stopping_) {
      return;  // stopping and drained
    } else {
      idle_.push_back(&self);
      self.wake.wait(lock, [&] { return self.task || stopping_; });
      if (!self.task) {  // stopping: no longer idle, and nothing handed over
        std::erase(idle_, &self);
        continue;
      }
      task = std::move(self.task);
      self.task = nullptr;
    }
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace caredesk::http
