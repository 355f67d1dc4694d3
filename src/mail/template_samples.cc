// Sample values for the admin's preview of a template (mail/template_renderer.h): a plausible case
// in each language, so a preview reads like a real message.
#include <algorithm>

#include "mail/template_renderer.h"

namespace caredesk::mail {
namespace {

const MessageValues& EnglishSamples() {
  static const MessageValues kValues = {
      {"organisation", "Example Care Ltd"},
      {"customer_name", "Alex Morgan"},
      {"reference", "CD-2026-000123"},
      {"subject", "Late delivery of my certificate"},
      {"received_date", "Monday 2 March 2026"},
      {"expected_date", "Wednesday 11 March 2026"},
      {"referred_to", "Sam Patel (Certificates team)"},
      {"staff_name", "Jordan Lee"},
      {"is_complaint", "yes"},
      {"reply_text",
       "We have looked into what happened. Your certificate was printed on 20 February but was "
       "sent to your previous address, because our records had not been updated.\n\nWe are sorry. "
       "We have corrected your address, and a new certificate was sent to you by tracked post "
       "today."},
      {"new_expected_date", "Friday 20 March 2026"},
      {"delay_reason",
       "We are waiting for information from the examination centre, which we need to answer "
       "your complaint fully."},
      {"escalated_date", "Monday 16 March 2026"},
      {"survey_url", "https://care.example.org/survey/7f3k9q"},
      {"track_url", "https://care.example.org/track/CD-2026-000123"},
      {"suggestion_text", "Please let customers download their certificates as a PDF."},
      {"outcome_text",
       "From 1 April, every certificate can be downloaded as a PDF from your account page."},
      {"adopted", "yes"},
      {"notice_title", "Our telephone lines are down"},
      {"notice_text",
       "Since 9:00 this morning our telephone lines have not been working, because of a fault at "
       "our provider. You can still reach us by email and through our website, and we expect "
       "the lines to be working again by the end of the day."},
      {"standard", "Acknowledge complaints within 5 working days"},
      {"due_at", "Tuesday 3 March 2026, 17:30"},
      {"case_url", "https://care.example.org/staff/cases/CD-2026-000123"},
  };
  return kValues;
}

const MessageValues& SpanishSamples() {
  static const MessageValues kValues = {
      {"organisation", "Ejemplo Atención, S.L."},
      {"customer_name", "Lucía Fernández"},
      {"reference", "CD-2026-000123"},
      {"subject", "Retraso en el envío de mi certificado"},
      {"received_date", "lunes, 2 de marzo de 2026"},
      {"expected_date", "miércoles, 11 de marzo de 2026"},
      {"referred_to", "Marta Ruiz (equipo de Certificados)"},
      {"staff_name", "Jorge Martín"},
      {"is_complaint", "yes"},
      {"reply_text",
       "Hemos revisado lo ocurrido. Su certificado se imprimió el 20 de febrero, pero se envió a "
       "su dirección anterior porque nuestros datos no estaban actualizados.\n\nLe pedimos "
       "disculpas. Hemos corregido su dirección y hoy le hemos enviado un nuevo certificado por "
       "correo certificado."},
      {"new_expected_date", "viernes, 20 de marzo de 2026"},
      {"delay_reason",
       "Estamos a la espera de información del centro examinador, que necesitamos para "
       "responder por completo a su queja."},
      {"escalated_date", "lunes, 16 de marzo de 2026"},
      {"survey_url", "https://care.example.org/survey/7f3k9q"},
      {"track_url", "https://care.example.org/track/CD-2026-000123"},
      {"suggestion_text", "Que los clientes puedan descargar sus certificados en PDF."},
      {"outcome_text",
       "A partir del 1 de abril, todos los certificados pueden descargarse en PDF desde la página "
       "de su cuenta."},
      {"adopted", "yes"},
      {"notice_title", "Nuestras líneas telefónicas no funcionan"},
      {"notice_text",
       "Desde las 9:00 de esta mañana nuestras líneas telefónicas no funcionan por una avería de "
       "nuestro proveedor. Puede seguir contactando con nosotros por correo electrónico y a "
       "través de nuestra web; esperamos que las líneas vuelvan a funcionar antes de que acabe el "
       "día."},
      {"standard", "Acusar recibo de las quejas en 5 días hábiles"},
      {"due_at", "martes, 3 de marzo de 2026, 17:30"},
      {"case_url", "https://care.example.org/staff/cases/CD-2026-000123"},
  };
  return kValues;
}

}  // namespace

MessageValues SampleValues(core::TemplateKind kind, std::string_view language) {
  const bool spanish = language == "es" || language.starts_with("es-");
  const MessageValues& all = spanish ? SpanishSamples() : EnglishSamples();
  const auto wanted = core::VariablesOf(kind);
  MessageValues values;
  for (const auto& [name, value] : all) {
    if (std::find(wanted.begin(), wanted.end(), name) != wanted.end()) values.emplace(name, value);
  }
  // A review's outcome is due after the review was asked for.
  if (kind == core::TemplateKind::kStage2Acknowledgement) {
    values["expected_date"] = spanish ? "lunes, 30 de marzo de 2026" : "Monday 30 March 2026";
  }
  return values;
}

}  // namespace caredesk::mail
