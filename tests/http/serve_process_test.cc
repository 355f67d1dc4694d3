// `caredesk serve` as a real child process: it creates and migrates a missing database, prints
// the URL it listens on, installs --policy once, refuses bad settings, and on SIGTERM finishes
// the request in flight and exits 0.
#include "serve_process.h"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "http_client.h"

namespace caredesk::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class ServeProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("caredesk-serve-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return (dir_ / "caredesk.db").string(); }
  std::string Err() const { return (dir_ / "serve.err").string(); }

  fs::path dir_;
};

// True once nothing accepts connections on `port` any more.
bool WaitUntilRefused(unsigned short port, std::chrono::milliseconds timeout) {
  boost::asio::io_context ioc;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    boost::asio::ip::tcp::socket socket(ioc);
    boost::system::error_code ec;
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (ec) return true;
    std::this_thread::sleep_for(10ms);  // polling an outside process: nothing to await
  }
  return false;
}

TEST_F(ServeProcessTest, CreatesTheDatabasePrintsTheUrlAndServes) {
  ServeProcess serve({"--db", Db(), "--listen", "127.0.0.1:0"}, Err());
  const unsigned short port = serve.WaitForPort();
  ASSERT_NE(port, 0) << serve.listening_line() << Slurp(Err());
  EXPECT_EQ(serve.listening_line(),
            "caredesk listening on http://127.0.0.1:" + std::to_string(port));
  EXPECT_TRUE(fs::exists(Db()));
  HttpClient client(port);
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(client.Get("/readyz").status, 200);
  EXPECT_EQ(client.Get("/").status, 200);
  serve.Signal(SIGINT);
  EXPECT_EQ(serve.Wait(), 0);
}

TEST_F(ServeProcessTest, SigtermFinishesTheRequestInFlightThenExitsZero) {
  ServeProcess serve(
      {"--db", Db(), "--listen", "127.0.0.1:0", "--access-log", (dir_ / "access.log").string()},
      Err());
  const unsigned short port = serve.WaitForPort();
  ASSERT_NE(port, 0) << Slurp(Err());
  HttpClient client(port);
  // The 100 Continue proves the server has read the headers: the request is in flight.
  client.WriteRaw(
      "GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  ASSERT_EQ(client.ReadReply(5s).status, 100);
  serve.Signal(SIGTERM);
  ASSERT_TRUE(WaitUntilRefused(port, 10s)) << "still accepting after SIGTERM";
  client.WriteRaw("hello");
  auto reply = client.ReadReply(5s);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"status":"ok"})");
  EXPECT_FALSE(reply.keep_alive);  // draining: Connection: close
  EXPECT_EQ(serve.Wait(), 0) << Slurp(Err());
  EXPECT_NE(Slurp(dir_ / "access.log").find("\"route\":\"/healthz\""), std::string::npos);
}

TEST_F(ServeProcessTest, PolicyFlagInstallsTheFileOnceAsTheActiveVersion) {
  const std::string policy = std::string(CAREDESK_SOURCE_DIR) + "/policies/plato-training.toml";
  {
    ServeProcess serve({"--db", Db(), "--listen", "127.0.0.1:0", "--policy", policy}, Err());
    ASSERT_NE(serve.WaitForPort(), 0) << Slurp(Err());
    serve.Signal(SIGTERM);
    EXPECT_EQ(serve.Wait(), 0);
    EXPECT_NE(Slurp(Err()).find("as the active policy"), std::string::npos) << Slurp(Err());
  }
  ServeProcess again({"--db", Db(), "--listen", "127.0.0.1:0"}, Err(),
                     {{"CAREDESK_POLICY", policy}});
  ASSERT_NE(again.WaitForPort(), 0) << Slurp(Err());
  again.Signal(SIGTERM);
  EXPECT_EQ(again.Wait(), 0);
  EXPECT_EQ(Slurp(Err()).find("as the active policy"), std::string::npos) << Slurp(Err());
}

TEST_F(ServeProcessTest, BadPolicyRefusesToStartNamingTheLine) {
  const fs::path bad = fs::path(CAREDESK_SOURCE_DIR) / "tests/policies/bad/bad-language.toml";
  ServeProcess serve({"--db", Db(), "--listen", "127.0.0.1:0", "--policy", bad.string()}, Err());
  EXPECT_EQ(serve.WaitForPort(), 0);
  EXPECT_EQ(serve.Wait(), 1);
  EXPECT_NE(Slurp(Err()).find(bad.string() + ":"), std::string::npos) << Slurp(Err());
}

TEST_F(ServeProcessTest, BadListenAddressIsABadArgument) {
  ServeProcess serve({"--db", Db(), "--listen", "localhost"}, Err());
  EXPECT_EQ(serve.WaitForPort(), 0);
  EXPECT_EQ(serve.Wait(), 2);
  EXPECT_NE(Slurp(Err()).find("listen"), std::string::npos) << Slurp(Err());
}

TEST_F(ServeProcessTest, ConfigFileSuppliesWhatFlagsAndEnvironmentLeaveOut) {
  const fs::path config = dir_ / "caredesk.toml";
  std::ofstream(config) << "db = \"" << Db() << "\"\nlisten = \"127.0.0.1:0\"\n";
  ServeProcess serve({"--config", config.string()}, Err());
  ASSERT_NE(serve.WaitForPort(), 0) << Slurp(Err());
  EXPECT_TRUE(fs::exists(Db()));
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0);
}

}  // namespace
}  // namespace caredesk::testing
