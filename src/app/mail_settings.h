// The settings of `caredesk serve` for mail and the jobs: where mail goes out (SMTP) and comes in
// (IMAP), who it is from, the public address links point to, and whether this process runs the
// jobs. They resolve like every serve setting (flag, CAREDESK_* environment, config file); more
// mailboxes than imap_url's come from [[mailbox]] tables in the config file only. The
// passwords are never taken from a flag (a process list shows flags): they come from a file
// (smtp_password_file, imap_password_file) or from CAREDESK_SMTP_PASSWORD / CAREDESK_IMAP_PASSWORD.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/error.h"

namespace caredesk::app {

// One IMAP mailbox that contacts are read from.
struct MailboxSettings {
  std::string url;  // imap://host:143/FOLDER or imaps://host:993/FOLDER
  std::string user;
  std::string password;
  std::string tls = "required";
};

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
  // More mailboxes, each with its own account: the config file's [[mailbox]] tables.
  std::vector<MailboxSettings> more_mailboxes;

  // Every mailbox to read: imap_url's first (when set), then the [[mailbox]] tables.
  std::vector<MailboxSettings> Mailboxes() const;
};

const std::vector<std::string>& MailSettingNames();

// The keys of a [[mailbox]] table: url (required), user, password_file, tls.
const std::vector<std::string>& MailboxKeys();

// Applies key `name` (one of MailboxKeys()) of [[mailbox]] table `where` ("c.toml:12") to
// `mailbox`; kInvalid names "mailbox.NAME". Reads the password file.
core::Result<void> ApplyMailboxKey(const std::string& name, const std::string& value,
                                   const std::string& where, MailboxSettings& mailbox);

// Applies setting `name` (one of MailSettingNames()) given as `value` by `source`; kInvalid names
// the setting. Reads the password files.
core::Result<void> ApplyMailSetting(const std::string& name, const std::string& value,
                                    const std::string& source, MailSettings& settings);

}  // namespace caredesk::app
