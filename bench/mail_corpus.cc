#include "mail_corpus.h"

#include <array>
#include <cstdio>
#include <random>
#include <string_view>

#include "mail/html_escape.h"

namespace caredesk::bench {
namespace {

constexpr std::array<std::string_view, 16> kFirst = {
    "Sam",   "Priya", "James", "Olivia", "Mohammed", "Grace",  "Tomasz", "Aisha",
    "Lucía", "Owen",  "Chloe", "Daniel", "Fatima",   "George", "Nuala",  "Javier"};
constexpr std::array<std::string_view, 16> kLast = {
    "Jones",  "Patel",  "Smith",  "Williams", "Khan",  "Brown",    "Nowak", "Evans",
    "García", "Hughes", "Taylor", "Wilson",   "Begum", "Thompson", "Kelly", "Martín"};
constexpr std::array<std::string_view, 6> kDomains = {"mail.example.com",   "outlook.example.net",
                                                      "btinternet.example", "yahoo.example.co.uk",
                                                      "proton.example",     "sky.example.com"};

constexpr std::array<std::string_view, 14> kEnglishSubjects = {
    "Certificate not received",      "Complaint about my bin collection",
    "Refund for order {n}",          "Wrong amount on invoice {n}",
    "Nobody called me back",         "Appeal against my exam result",
    "Change of address not applied", "Damaged parcel - order {n}",
    "Still waiting for an answer",   "Staff attitude at the Leeds office",
    "Direct debit taken twice",      "Please cancel my membership {n}",
    "Missed appointment on Friday",  "Complaint: repair still not done after 6 weeks"};
constexpr std::array<std::string_view, 5> kSpanishSubjects = {
    "Reclamación: factura {n} duplicada", "No he recibido el certificado",
    "Devolución del pedido {n}", "Queja sobre la atención telefónica",
    "Cambio de dirección sin aplicar"};

constexpr std::array<std::string_view, 30> kEnglish = {
    "I am writing to complain about the way my case has been handled so far.",
    "I passed my exam in October and my certificate has still not arrived.",
    "On {d} I phoned your helpline and was told someone would call me back within two days.",
    "Nobody has called me back, and I have now been waiting for more than three weeks.",
    "Your website says that orders are delivered within five working days, but order {n} took "
    "nineteen.",
    "When the parcel finally arrived the box was crushed and the contents were broken.",
    "I have attached photographs of the damage and a copy of the delivery note.",
    "The invoice I received this morning charges me £{n} instead of the £45.00 we agreed.",
    "I have been a customer for more than eleven years and I have never had to complain before.",
    "Could you please tell me what you intend to do about this, and by when?",
    "I would like a full refund of the amount taken from my account on {d}.",
    "My neighbour has had the same problem, so I do not think this is a one-off.",
    "The member of staff I spoke to at the counter was dismissive and would not give me their "
    "name.",
    "I was told that my complaint had been logged, but I was never given a reference number.",
    "Please note that I have moved house and my new address is 14 Station Road, Leeds LS1 4DY.",
    "I changed my address online on {d}, yet your letters still go to the old one.",
    "The repair to the boiler was booked for {d} and the engineer did not turn up.",
    "I took a day off work to wait in for the engineer, which has cost me a day's pay.",
    "I have had no heating or hot water for six weeks and I have a young child at home.",
    "The direct debit was taken twice this month and I am now overdrawn.",
    "My bank has charged me £25 because of your mistake and I expect you to cover it.",
    "I would appreciate it if you could reply by email rather than by post.",
    "I do not have a printer, so please do not send me forms to fill in and post back.",
    "If this is not resolved I will take it to the ombudsman.",
    "I have tried the online chat three times, and each time it disconnected after an hour.",
    "Your automated phone line keeps sending me round in circles.",
    "The account number on the letter is {n}, if that helps you find my details.",
    "I am disabled and getting to your office in person is very difficult for me.",
    "Thank you for your help with this; I know it is not your fault personally.",
    "I look forward to hearing from you as soon as possible."};
constexpr std::array<std::string_view, 12> kSpanish = {
    "Les escribo para presentar una queja sobre la gestión de mi expediente.",
    "El {d} llamé a su teléfono de atención y me dijeron que me llamarían en dos días.",
    "Nadie me ha llamado y ya han pasado más de tres semanas.",
    "La factura número {n} me cobra el doble de lo acordado.",
    "Solicito la devolución íntegra del importe cobrado por error.",
    "El paquete llegó dañado y con el embalaje roto; adjunto fotografías.",
    "Cambié mi dirección en la web el {d}, pero las cartas siguen llegando a la antigua.",
    "Soy cliente desde hace más de diez años y nunca había tenido que reclamar.",
    "Les ruego que me contesten por correo electrónico y no por carta.",
    "Si no se resuelve, acudiré a la oficina del consumidor.",
    "Mi número de cliente es {n}, por si les ayuda a encontrar mis datos.",
    "Quedo a la espera de su respuesta. Muchas gracias."};

constexpr std::string_view kHexDigits = "0123456789abcdef";

std::string Hex(std::mt19937& rng, int digits) {
  std::string out;
  for (int i = 0; i < digits; ++i) out += kHexDigits[rng() % 16];
  return out;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ASCII letters of a name for an address ("García" → "garca" would be odd: accents dropped).
std::string AddressPart(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < name.size()) {  // á é í ó ú → a e i o u
      const unsigned char next = static_cast<unsigned char>(name[++i]);
      constexpr std::string_view kFrom = "\xA1\xA9\xAD\xB3\xBA";
      constexpr std::string_view kTo = "aeiou";
      const auto at = kFrom.find(static_cast<char>(next));
      if (at != std::string_view::npos) out += kTo[at];
    }
  }
  return Lower(out);
}

// `pattern` with {n} an order or account number and {d} a date.
std::string Fill(std::string_view pattern, std::mt19937& rng) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 3) == "{n}") {
      out += std::to_string(10000 + rng() % 90000);
      i += 2;
    } else if (pattern.substr(i, 3) == "{d}") {
      out += std::to_string(1 + rng() % 28) + "/" + std::to_string(8 + rng() % 4) + "/2026";
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// `text` wrapped at 72 columns on spaces (a word longer than that stays whole).
std::string Wrap(std::string_view text) {
  std::string out;
  std::size_t column = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    if (column > 0 && column + 1 + word.size() > 72) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    at = end + 1;
  }
  return out;
}

// Paragraphs of 2 to 5 sentences, at least `bytes` long in all.
std::vector<std::string> Paragraphs(std::mt19937& rng, bool spanish, std::size_t bytes) {
  std::vector<std::string> out;
  std::size_t total = 0;
  while (total < bytes) {
    std::string paragraph;
    const int sentences = 2 + static_cast<int>(rng() % 4);
    for (int s = 0; s < sentences; ++s) {
      const std::string_view pattern =
          spanish ? kSpanish[rng() % kSpanish.size()] : kEnglish[rng() % kEnglish.size()];
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += Fill(pattern, rng);
    }
    total += paragraph.size() + 2;
    out.push_back(std::move(paragraph));
  }
  return out;
}

std::string PlainBody(const std::vector<std::string>& paragraphs, bool spanish,
                      const Person& from) {
  std::string out = spanish ? "Estimados señores:\n\n" : "Dear Sir or Madam,\n\n";
  for (const auto& paragraph : paragraphs) out += Wrap(paragraph) + "\n\n";
  out += (spanish ? "Atentamente,\n" : "Kind regards,\n") + from.name + "\n07700 900" +
         std::to_string(100 + from.email.size() * 7 % 900) + "\n";
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  mail::AppendHtmlEscaped(out, text, false);
  return out;
}

// The styled HTML a desktop webmail writes: one styled <div> per line, a signature table.
std::string HtmlBody(const std::vector<std::string>& paragraphs, bool spanish, const Person& from) {
  constexpr std::string_view kDiv =
      "<div style=\"font-family: Aptos, Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; "
      "color: rgb(0, 0, 0);\" class=\"elementToProof\">";
  std::string out =
      "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
      "<style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} "
      "</style>\n</head>\n<body dir=\"ltr\">\n";
  out += std::string(kDiv) + (spanish ? "Estimados se&ntilde;ores:" : "Dear Sir or Madam,") +
         "</div>\n" + std::string(kDiv) + "<br>\n</div>\n";
  for (const auto& paragraph : paragraphs) {
    out += std::string(kDiv) + HtmlEscape(paragraph) + "</div>\n" + std::string(kDiv) +
           "<br>\n</div>\n";
  }
  out += std::string(kDiv) + (spanish ? "Atentamente," : "Kind regards,") + "</div>\n";
  out +=
      "<table style=\"border-collapse: collapse; font-family: Arial, sans-serif; font-size: "
      "10pt;\" cellpadding=\"0\" cellspacing=\"0\">\n<tbody>\n<tr>\n<td style=\"padding: 0px 8px "
      "0px 0px; border-right: 2px solid rgb(0, 120, 212);\"><b>" +
      HtmlEscape(from.name) +
      "</b></td>\n<td style=\"padding: 0px 0px 0px 8px; color: rgb(96, 94, 92);\">07700 900123"
      "<br>\n<a href=\"mailto:" +
      from.email + "\" style=\"color: rgb(0, 120, 212);\">" + from.email +
      "</a></td>\n</tr>\n</tbody>\n</table>\n<div id=\"appendonsend\"></div>\n</body>\n</html>\n";
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  std::string out;
  std::size_t column = 0;
  auto put = [&](std::string_view piece) {
    if (column + piece.size() > 75) {
      out += "=\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool line_end = i + 1 == text.size() || text[i + 1] == '\n';
    if (c == '\n') {
      out += '\n';
      column = 0;
    } else if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_end)) {
      put(std::string_view(text.data() + i, 1));
    } else {
      const char escaped[] = {'=', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]};
      put(std::string_view(escaped, 3));
    }
  }
  return out;
}

std::string Base64Lines(std::string_view bytes) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    column += 4;
    if (column == 76) {
      out += '\n';
      column = 0;
    }
  }
  if (column > 0) out += '\n';
  return out;
}

// A subject as a mail client writes it: ASCII as it is, anything else as RFC 2047 Q words
// (folded, each under 75 characters, never splitting a UTF-8 sequence).
std::string EncodeSubject(std::string_view subject) {
  bool ascii = true;
  for (char c : subject) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(subject);
  std::string out;
  std::string word;
  auto flush = [&] {
    if (!out.empty()) out += "\n ";
    out += "=?UTF-8?Q?" + word + "?=";
    word.clear();
  };
  for (std::size_t i = 0; i < subject.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(subject[i]);
    const bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && word.size() > 45) flush();
    if (c == ' ') {
      word += '_';
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      word += static_cast<char>(c);
    } else {
      word += {'=', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]};
    }
  }
  if (!word.empty()) flush();
  return out;
}

// The transport headers a message picks up on its way in, then its own.
std::string Headers(std::mt19937& rng, const Person& from, const std::string& subject,
                    const std::string& message_id, const std::string& date) {
  const std::string domain = from.email.substr(from.email.find('@') + 1);
  std::string signature;
  for (int i = 0; i < 344; ++i) {
    signature += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[rng() % 64];
    if (i % 70 == 69) signature += "\n\t ";
  }
  std::string out;
  out += "Return-Path: <" + from.email + ">\n";
  out += "Delivered-To: caredesk@example.test\n";
  out += "Received: from mail-" + Hex(rng, 6) + "." + domain + " (mail-" + Hex(rng, 6) + "." +
         domain + " [198.51.100." + std::to_string(rng() % 254 + 1) +
         "])\n\tby mx.example.org (Postfix) with ESMTPS id 4Q" + Hex(rng, 10) +
         "\n\tfor <caredesk@example.test>; " + date + " (UTC)\n";
  out += "Authentication-Results: mx.example.org;\n\tdkim=pass header.d=" + domain +
         ";\n\tspf=pass smtp.mailfrom=" + from.email + "\n";
  out += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain +
         "; s=20230601;\n\th=from:to:subject:date:message-id:mime-version;\n\tbh=" + Hex(rng, 43) +
         "=;\n\tb=" + signature + "\n";
  out += "From: \"" + from.name + "\" <" + from.email + ">\n";
  out += "To: Example care <caredesk@example.test>\n";
  out += "Subject: " + EncodeSubject(subject) + "\n";
  out += "Date: " + date + "\n";
  out += "Message-ID: <" + message_id + ">\n";
  out += "MIME-Version: 1.0\n";
  return out;
}

std::string DateAt(int seconds_after_midnight) {
  char text[64];
  std::snprintf(text, sizeof text, "Mon, 23 Nov 2026 %02d:%02d:%02d +0000",
                seconds_after_midnight / 3600, seconds_after_midnight / 60 % 60,
                seconds_after_midnight % 60);
  return text;
}

std::string PlainPart(const std::string& text, bool quoted_printable) {
  if (quoted_printable) {
    return "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: "
           "quoted-printable\n\n" +
           QuotedPrintable(text);
  }
  return "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: "
         "8bit\n\n" +
         text;
}

std::string PdfLike(std::mt19937& rng, std::size_t bytes) {
  std::string out =
      "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\n"
      "endobj\n4 0 obj\n<< /Length " +
      std::to_string(bytes) + " /Filter /FlateDecode >>\nstream\n";
  for (std::size_t i = 0; i < bytes; ++i) out += static_cast<char>(rng() & 0xFF);
  out += "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  return out;
}

// Five slots in a hundred, none among the replies' (50 to 69) or the auto-reply's (99).
bool IsAttachmentSlot(int slot) {
  return slot == 3 || slot == 23 || slot == 43 || slot == 73 || slot == 93;
}

}  // namespace

Person Customer(int n) {
  const auto first = kFirst[std::size_t(n) % kFirst.size()];
  const auto last = kLast[std::size_t(n) / kFirst.size() % kLast.size()];
  const int round = n / int(kFirst.size() * kLast.size());
  std::string email = AddressPart(first) + "." + AddressPart(last) +
                      (round > 0 ? std::to_string(round) : "") + "@" +
                      std::string(kDomains[std::size_t(n) % kDomains.size()]);
  return {std::string(first) + " " + std::string(last), std::move(email)};
}

std::vector<CorpusMessage> CustomerMail(int count, const std::vector<ExistingCase>& cases,
                                        unsigned seed, const std::string& tag) {
  std::mt19937 rng(seed);
  std::vector<CorpusMessage> out;
  std::vector<std::size_t> opened;  // indexes of the messages that open a case
  std::vector<std::string> subjects;
  std::vector<Person> senders;
  for (int i = 0; i < count; ++i) {
    const int slot = i % 100;
    const int at = i * 36000 / count + static_cast<int>(rng() % 30);
    const std::string date = DateAt(at);
    Person from = Customer(1000 + static_cast<int>(rng() % 1500));
    const bool spanish = rng() % 10 == 0;
    std::string subject = Fill(spanish ? kSpanishSubjects[rng() % kSpanishSubjects.size()]
                                       : kEnglishSubjects[rng() % kEnglishSubjects.size()],
                               rng);
    CorpusMessage message;
    const std::string domain = from.email.substr(from.email.find('@') + 1);
    message.message_id = tag + "." + std::to_string(i) + "." + Hex(rng, 12) + "@" + domain;
    std::string body;

    if (slot == 99) {  // an out-of-office answer to one of our acknowledgements
      message.filing = Filing::kRecorded;
      subject = "Automatic reply: [CD-2025-" + std::to_string(900000 + i) +
                "] We have received "
                "your message";
      message.raw = Headers(rng, from, subject, message.message_id, date) + "In-Reply-To: <ack." +
                    Hex(rng, 16) +
                    "@example.org>\nAuto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\n"
                    "Content-Type: text/plain; charset=\"utf-8\"\n\nI am out of the office until "
                    "Monday 30 November with no access to email.\nFor anything urgent please call "
                    "the office on 0113 496 0000.\n";
    } else if (slot >= 50 && slot < 60 && !opened.empty()) {  // a follow-up to its own message
      const std::size_t parent =
          opened[opened.size() - 1 - rng() % std::min<std::size_t>(opened.size(), 200)];
      message.filing = Filing::kThreadsByReply;
      message.answers = out[parent].message_id;
      from = senders[parent];
      subject = "Re: " + subjects[parent];
      body = PlainBody(Paragraphs(rng, spanish, 700), spanish, from);
      message.raw = Headers(rng, from, subject, message.message_id, date) + "In-Reply-To: <" +
                    message.answers + ">\nReferences: <" + message.answers + ">\n" +
                    PlainPart(body, false);
    } else if (slot >= 60 && slot < 70) {  // an answer to our acknowledgement of a case
      const ExistingCase& existing = cases[rng() % cases.size()];
      message.filing = Filing::kThreadsBySubject;
      message.answers = existing.reference;
      from = {existing.customer_name, existing.customer_email};
      subject = "RE: [" + existing.reference + "] We have received your complaint";
      body = Wrap(Fill("Thank you for your reply. There is something I forgot to mention: the "
                       "account number is {n}, and the problem started on {d}.",
                       rng)) +
             "\n\n" + PlainBody(Paragraphs(rng, false, 600), false, from) + "\n\nOn " +
             DateAt(at / 2) + ", Example care <care@example.org> wrote:\n";
      const std::string quoted[] = {
          "Dear " + from.name + ",", "",
          "Thank you for contacting us. We have received your complaint.",
          "Your reference is " + existing.reference + ". Please quote it."};
      for (const auto& line : quoted) {
        body += "> " + line + "\n";
      }
      message.raw = Headers(rng, from, subject, message.message_id, date) +
                    "Content-Type: text/plain; charset=\"utf-8\"\n"
                    "Content-Transfer-Encoding: quoted-printable\n\n" +
                    QuotedPrintable(body);
    } else if (IsAttachmentSlot(slot)) {  // a new contact with a document attached
      const std::string boundary = "_004_" + Hex(rng, 24) + "_";
      body = PlainBody(Paragraphs(rng, spanish, 2000), spanish, from);
      message.raw = Headers(rng, from, subject, message.message_id, date) +
                    "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" +
                    boundary + "\n" + PlainPart(body, true) + "\n--" + boundary +
                    "\nContent-Type: application/pdf; name=\"Invoice " +
                    std::to_string(10000 + rng() % 90000) +
                    ".pdf\"\nContent-Disposition: attachment; filename=\"Invoice.pdf\"\n"
                    "Content-Transfer-Encoding: base64\n\n" +
                    Base64Lines(PdfLike(rng, 20000)) + "\n--" + boundary + "--\n";
    } else if (rng() % 74 < 34) {  // a new contact from a webmail: text and HTML
      const std::string boundary = "000000000000" + Hex(rng, 16);
      const auto paragraphs = Paragraphs(rng, spanish, 2300);
      body = PlainBody(paragraphs, spanish, from);
      message.raw = Headers(rng, from, subject, message.message_id, date) +
                    "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\n\n--" +
                    boundary + "\n" + PlainPart(body, true) + "\n--" + boundary +
                    "\nContent-Type: text/html; charset=\"utf-8\"\n"
                    "Content-Transfer-Encoding: quoted-printable\n\n" +
                    QuotedPrintable(HtmlBody(paragraphs, spanish, from)) + "\n--" + boundary +
                    "--\n";
    } else {  // a new contact in plain text
      body = PlainBody(Paragraphs(rng, spanish, 1900), spanish, from);
      message.raw =
          Headers(rng, from, subject, message.message_id, date) + PlainPart(body, rng() % 2 == 0);
    }
    if (message.filing == Filing::kOpens) opened.push_back(out.size());
    subjects.push_back(subject);
    senders.push_back(from);
    out.push_back(std::move(message));
  }
  return out;
}

}  // namespace caredesk::bench
