// A response body written over time, for Server-Sent Events. A handler returns one in
// Response::stream, with the status and headers; the server sends those (with
// `Connection: close`, no length: the body ends when the connection does) and Response::body,
// then what Take() has each time the stream wakes it, and Heartbeat() after HeartbeatInterval()
// of silence, until Take() says the stream is over, the client goes or the server stops.
// Streams count against the server's concurrent stream limit (ServerOptions::max_streams).
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace caredesk::http {

class ResponseStream {
 public:
  virtual ~ResponseStream() = default;

  // Called by the server once its headers are out, before any Take(); `wake` (callable from any
  // thread, often) asks the server to call Take() soon. Attach({}) detaches: once it returns,
  // `wake` is not running and will not be called again.
  virtual void Attach(std::function<void()> wake) = 0;

  struct Chunk {
    std::string data;    // to write now; may be empty
    bool ended = false;  // close the connection once `data` is written
  };
  virtual Chunk Take() = 0;

  // What to write when nothing has been written for HeartbeatInterval(), so that proxies and
  // clients do not take the quiet connection for a dead one.
  virtual std::string Heartbeat() const = 0;
  virtual std::chrono::milliseconds HeartbeatInterval() const = 0;
};

}  // namespace caredesk::http
