#include "core/attachment.h"

#include <gtest/gtest.h>

namespace caredesk::core {
namespace {

TEST(Attachment, DocumentsImagesAndTextAreAcceptedAndNothingABrowserWouldRun) {
  for (const char* type :
       {"application/pdf", "image/png", "image/jpeg", "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}) {
    EXPECT_TRUE(IsAcceptedAttachmentType(type)) << type;
  }
  for (const char* type : {"text/html", "image/svg+xml", "application/javascript",
                           "application/xhtml+xml", "", "application/octet-stream", "TEXT/PLAIN"}) {
    EXPECT_FALSE(IsAcceptedAttachmentType(type)) << type;
  }
}

TEST(Attachment, ANameIsAFileNameNeverAPath) {
  EXPECT_EQ(AttachmentNameProblem("recibo de marzo.pdf"), std::nullopt);
  EXPECT_EQ(AttachmentNameProblem("Übersicht ñ.txt"), std::nullopt);
  EXPECT_EQ(AttachmentNameProblem(""), "is empty");
  EXPECT_EQ(AttachmentNameProblem(std::string(201, 'a')), "is longer than 200 bytes");
  EXPECT_EQ(AttachmentNameProblem("bad\xff.txt"), "is not UTF-8");
  EXPECT_EQ(AttachmentNameProblem(".."), "is not a file name");
  EXPECT_EQ(AttachmentNameProblem("../etc/passwd"), "is a path: give the file's name only");
  EXPECT_EQ(AttachmentNameProblem("c:\\boot.ini"), "is a path: give the file's name only");
  EXPECT_EQ(AttachmentNameProblem("two\nlines.txt"), "has control characters");
}

}  // namespace
}  // namespace caredesk::core
