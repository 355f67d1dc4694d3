#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>
#include <stdexcept>

namespace caredesk::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::string HttpReply::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

struct HttpClient::Impl {
  std::string host;
  unsigned short port;
  std::chrono::milliseconds timeout;
  asio::io_context ioc;
  std::optional<tcp::socket> socket;
  beast::flat_buffer buffer;
  int opened = 0;

  void Connect() {
    if (socket && socket->is_open()) return;
    socket.emplace(ioc);
    buffer.clear();
    socket->connect(tcp::endpoint(asio::ip::make_address(host), port));
    ++opened;
  }

  // Runs the async operation `start` until it completes or `limit` passes (then the operation
  // is cancelled and, unless `keep_open`, the socket closed).
  template <class Start>
  beast::error_code RunFor(std::chrono::milliseconds limit, Start start, bool keep_open = false) {
    beast::error_code result = asio::error::timed_out;
    bool done = false;
    start([&](beast::error_code ec, std::size_t) {
      result = ec;
      done = true;
    });
    ioc.restart();
    ioc.run_for(limit);
    if (!done) {
      beast::error_code ignored;
      if (keep_open) {
        socket->cancel(ignored);
      } else {
        socket->close(ignored);
      }
      ioc.restart();
      ioc.run();
      return asio::error::timed_out;
    }
    return result;
  }

  HttpReply Read(std::chrono::milliseconds limit) {
    HttpReply reply;
    if (!socket || !socket->is_open()) return reply;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(false);
    auto ec = RunFor(limit, [&](auto handler) {
      bhttp::async_read(*socket, buffer, parser, std::move(handler));
    });
    if (ec) {
      beast::error_code ignored;
      socket->close(ignored);
      return reply;
    }
    auto& message = parser.get();
    reply.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      reply.headers.emplace_back(Lower(std::string(field.name_string())),
                                 std::string(field.value()));
    }
    reply.body = std::move(message.body());
    reply.keep_alive = message.keep_alive();
    if (!reply.keep_alive && reply.status >= 200) {
      beast::error_code ignored;
      socket->close(ignored);
    }
    return reply;
  }
};

HttpClient::HttpClient(unsigned short port, std::string host, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
  impl_->timeout = timeout;
}

HttpClient::~HttpClient() = default;

HttpReply HttpClient::Send(const std::string& method, const std::string& target,
                           const HeaderList& headers, const std::string& body) {
  impl_->Connect();
  bhttp::request<bhttp::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(bhttp::field::host, impl_->host);
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    request.prepare_payload();
  }
  auto ec = impl_->RunFor(impl_->timeout, [&](auto handler) {
    bhttp::async_write(*impl_->socket, request, std::move(handler));
  });
  // A server that refuses a request early (413, 431) may stop reading before the whole request
  // is written; its answer can still be waiting.
  (void)ec;
  return impl_->Read(impl_->timeout);
}

HttpReply HttpClient::Get(const std::string& target, const HeaderList& headers) {
  return Send("GET", target, headers);
}

HttpReply HttpClient::PostJson(const std::string& target, const std::string& json,
                               const HeaderList& headers) {
  HeaderList all = headers;
  all.emplace_back("Content-Type", "application/json");
  return Send("POST", target, all, json);
}

void HttpClient::WriteRaw(std::string_view bytes) {
  impl_->Connect();
  beast::error_code ec;
  asio::write(*impl_->socket, asio::buffer(bytes.data(), bytes.size()), ec);
}

HttpReply HttpClient::ReadReply(std::chrono::milliseconds timeout) { return impl_->Read(timeout); }

bool HttpClient::WaitForClose(std::chrono::milliseconds timeout, std::string* received) {
  if (!impl_->socket || !impl_->socket->is_open()) return true;
  std::string all(static_cast<const char*>(impl_->buffer.data().data()), impl_->buffer.size());
  impl_->buffer.clear();
  std::array<char, 4096> chunk{};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool closed = false;
  while (!closed) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    std::size_t got = 0;
    auto ec = impl_->RunFor(
        left,
        [&](auto handler) {
          impl_->socket->async_read_some(
              asio::buffer(chunk), [&got, handler](beast::error_code e, std::size_t n) mutable {
                got = n;
                handler(e, n);
              });
        },
        /*keep_open=*/true);
    all.append(chunk.data(), got);
    if (ec == asio::error::timed_out) break;
    if (ec) closed = true;
  }
  if (received) *received = all;
  if (closed) Close();
  return closed;
}

void HttpClient::Close() {
  if (impl_->socket) {
    beast::error_code ignored;
    impl_->socket->close(ignored);
  }
  impl_->buffer.clear();
}

int HttpClient::connections_opened() const { return impl_->opened; }

}  // namespace caredesk::testing
