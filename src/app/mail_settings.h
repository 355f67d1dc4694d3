// The settings of `caredesk serve` for mail and the jobs: where mail goes out (SMTP) and comes in
// (IMAP), who it is from, the public address links point to, and whether this process runs the
// jobs. They resolve like every serve setting (flag, CAREDESK_* environment, config file). The
// passwords are never taken from a flag (a process list shows flags): they come from a file
// (smtp_password_file, imap_password_file) or from CAREDESK_SMTP_PASSWORD / CAREDESK_IMAP_PASSWORD.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/error.h"

namespace caredesk::app {

struct MailSettings {
  bool jobs = true;      // fire timers and send the outbox in this process
  std::string smtp_url;  // empty: messages wait in the outbox
  std::string smtp_user;
  std::string smtp_password;          // from the file or the environment
  std::string smtp_tls = "required";  // none, starttls (if offered), required
  std::string mail_from = "care@localhost";
  std::string mail_from_name;  // empty: the organisation's name
  std::string public_url;      // for links in messages; empty: none
  std::string imap_url;        // empty: no mailbox is read
  std::string imap_user;
  std::string imap_password;
  std::string imap_tls = "required";
  std::chrono::seconds imap_poll{30};
};

const std::vector<std::string>& MailSettingNames();

// Applies setting `name` (one of MailSettingNames()) given as `value` by `source`; kInvalid names
// the setting. Reads the password files.
core::Result<void> ApplyMailSetting(const std::string& name, const std::string& value,
                                    const std::string& source, MailSettings& settings);

}  // namespace caredesk::app
