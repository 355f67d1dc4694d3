// Awaiting work on the worker pool from a connection's coroutine (server.cc).
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <functional>
#include <memory>
#include <utility>

#include "fiber/task_pool.h"
#include "http/message.h"

namespace caredesk::http {

// Runs `work` on the pool and resumes the awaiting coroutine on its own executor with
// (true, answer), or at once with (false, {}) when the pool's queue is full.
template <class Token>
auto RunOnPool(fiber::TaskPool& pool, std::function<Response()> work, Token&& token) {
  return boost::asio::async_initiate<Token, void(bool, Response)>(
      [&pool](auto handler, std::function<Response()> work) {
        auto executor = boost::asio::get_associated_executor(handler);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        const bool queued = pool.Submit([shared, executor, work = std::move(work)] {
          boost::asio::post(executor, [shared, answer = work()]() mutable {
            (*shared)(true, std::move(answer));
          });
        });
        if (!queued) boost::asio::post(executor, [shared] { (*shared)(false, Response{}); });
      },
      token, std::move(work));
}

}  // namespace caredesk::http
