// Export then import gives the same export again: cases with customers, staff, departments,
// every kind of history and attachments survive the round trip byte for byte, the chains
// still verify, and a malformed line is refused with its line number and field.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "app/case_export.h"
#include "app/store_url.h"
#include "core/case_service.h"

namespace caredesk::app {
namespace {

using core::Instant;

Instant At(const char* text) { return *core::ParseInstant(text); }

class ExportImport : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("caredesk-export-" + std::to_string(::getpid()));
  core::FixedClock clock_{At("2026-11-20T12:00:00Z")};

  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<core::Store> Open(const std::string& name) {
    auto store = OpenStore((dir_ / name).string(), clock_);
    EXPECT_TRUE(store) << store.error().message;
    return std::move(*store);
  }

  static std::string Export(core::Store& store) {
    std::ostringstream out;
    auto count = ExportStore(store, out);
    EXPECT_TRUE(count) << count.error().message;
    // When a policy version was installed is the store's own fact, not the case's.
    return std::regex_replace(out.str(), std::regex("\"installed_at\":\"[^\"]*\""),
                              "\"installed_at\":\"\"");
  }
};

TEST_F(ExportImport, ARoundTripGivesTheSameExport) {
  auto source = Open("source.db");
  auto manager =
      source->SaveStaff({0, "mo@example.org", "Mo", "MO", core::Role::kManager, {}, true});
  ASSERT_TRUE(manager);
  core::CaseService service(*source, clock_);
  core::NewContact contact;
  contact.kind = core::Kind::kComplaint;
  contact.channel = core::Channel::kPost;
  contact.received = At("2026-11-18T09:00:00Z");
  contact.subject = "Queja: certificado";
  contact.body = "Mi certificado no ha llegado.";
  core::CustomerRecord customer;
  customer.email = "ana@example.es";
  customer.name = "Ana";
  customer.language = "es";
  customer.account_manager_id = manager->id;
  customer.adjustments = {"large_print"};
  contact.customer = customer;
  auto record = service.LogContact(contact);
  ASSERT_TRUE(record) << record.error().message;
  const core::Actor mo{std::to_string(manager->id), "Mo", "MO"};
  ASSERT_TRUE(service.Record(record->reference,
                             {At("2026-11-19T10:00:00Z"), mo, core::event::Acknowledged{}}));
  ASSERT_TRUE(service.Record(
      record->reference, {At("2026-11-19T10:05:00Z"), mo, core::event::Note{"Llamé; ñandú €"}}));
  ASSERT_TRUE(source->Attach(record->id, 1, "letter.pdf", "application/pdf",
                             std::string("%PDF-1.4\0binary\xff", 16)));
  contact.customer.reset();
  contact.subject = "Anonymous comment";
  ASSERT_TRUE(service.LogContact(contact));

  const std::string first = Export(*source);
  auto target = Open("target.db");
  std::istringstream in(first);
  auto summary = ImportStore(*target, in, clock_);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->cases, 2);
  EXPECT_EQ(summary->attachments, 1);
  EXPECT_EQ(Export(*target), first);
  auto broken = target->VerifyChain();
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->has_value());
  // New cases continue the references after the imported ones.
  core::CaseService target_service(*target, clock_);
  auto next = target_service.LogContact(contact);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->reference, "CD-2026-000003");
}

TEST_F(ExportImport, AMalformedLineIsRefusedWithItsNumberAndField) {
  auto target = Open("target.db");
  std::istringstream in("\n{\"case\": {\"reference\": \"CD-2026-000001\"}, \"events\": []}\n");
  auto summary = ImportStore(*target, in, clock_);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("line 2"), std::string::npos) << summary.error().message;
  EXPECT_EQ(summary.error().field, "case.kind");
  std::istringstream garbage("not json at all\n");
  EXPECT_NE(ImportStore(*target, garbage, clock_).error().message.find("line 1"),
            std::string::npos);
}

TEST_F(ExportImport, AnEditedEventIsRefusedOnImport) {
  auto source = Open("source.db");
  core::CaseService service(*source, clock_);
  core::NewContact contact;
  contact.kind = core::Kind::kQuestion;
  contact.subject = "When is my exam?";
  contact.received = At("2026-11-18T09:00:00Z");
  ASSERT_TRUE(service.LogContact(contact));
  std::string text = Export(*source);
  text = std::regex_replace(text, std::regex("When is my exam\\?"), "Never mind");
  auto target = Open("target.db");
  std::istringstream in(text);
  auto summary = ImportStore(*target, in, clock_);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("hash"), std::string::npos) << summary.error().message;
}

}  // namespace
}  // namespace caredesk::app
