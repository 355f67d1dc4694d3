// A small pool of PostgreSQL connections shared by the threads of one process: a caller borrows
// a connection for one store call (waiting while all are lent), and it comes back when the lease
// ends. Connections are opened on first need up to the pool's size; one the server dropped is
// reconnected when next borrowed; one returned in the middle of a transaction is rolled back.
// Also the query helpers the adapter uses: all rows, exactly one row, and a transaction.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/pg_conn.h"

namespace caredesk::store {

using core::Fail;
using core::Result;

class PgPool {
 public:
  PgPool(std::string url, int size) : url_(std::move(url)), size_(size < 1 ? 1 : size) {}

  // A borrowed connection; returns to the pool when destroyed.
  class Lease {
   public:
    Lease(PgPool& pool, std::unique_ptr<PgConnection> conn)
        : pool_(&pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    PgConnection* operator->() { return conn_.get(); }
    PgConnection& operator*() { return *conn_; }

   private:
    PgPool* pool_;
    std::unique_ptr<PgConnection> conn_;
  };

  // An idle connection (opening one if fewer than `size` are open), waiting for one otherwise.
  Result<Lease> Borrow();

 private:
  void Return(std::unique_ptr<PgConnection> conn);

  const std::string url_;
  const int size_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // lent out plus idle, plus any being opened
};

// Runs `sql` with `params` (and PgConnection::QueryFlags) and reads every row with
// `read(const PgRow&)`.
template <class Read>
auto AllRows(PgConnection& conn, const std::string& sql, const PgParams& params, Read read,
             int flags = PgConnection::kPrepared)
    -> Result<std::vector<decltype(read(std::declval<const PgRow&>()))>> {
  auto result = conn.Query(sql, params, flags);
  if (!result) return tl::unexpected(result.error());
  std::vector<decltype(read(std::declval<const PgRow&>()))> rows;
  rows.reserve(static_cast<std::size_t>(result->Rows()));
  for (int i = 0; i < result->Rows(); ++i) rows.push_back(read(PgRow(*result, i)));
  return rows;
}

// The first row `sql` selects, or kNotFound naming `what`.
template <class Read>
auto OneRow(PgConnection& conn, const std::string& sql, const PgParams& params, Read read,
            const std::string& what) -> Result<decltype(read(std::declval<const PgRow&>()))> {
  auto result = conn.Query(sql, params);
  if (!result) return tl::unexpected(result.error());
  if (result->Rows() == 0) return Fail(core::ErrorCode::kNotFound, what + " not found");
  return read(PgRow(*result, 0));
}

// Runs `body` between BEGIN and COMMIT, rolling back when it returns an error.
template <class Body>
auto InTransaction(PgConnection& conn, Body&& body) -> decltype(body()) {
  if (auto begun = conn.Exec("BEGIN"); !begun) return tl::unexpected(begun.error());
  auto result = body();
  if (!result) {
    (void)conn.Exec("ROLLBACK");
    return result;
  }
  if (auto committed = conn.Exec("COMMIT"); !committed) {
    (void)conn.Exec("ROLLBACK");
    return tl::unexpected(committed.error());
  }
  return result;
}

}  // namespace caredesk::store
