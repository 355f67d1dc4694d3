// GuessLanguage: a new email customer is written to in the language they wrote in, when the
// organisation offers it; the organisation's first language otherwise.
#include "core/language_guess.h"

#include <gtest/gtest.h>

namespace caredesk::core {
namespace {

const std::vector<std::string> kBoth = {"en", "es"};

TEST(GuessLanguage, ASpanishEmailIsSpanish) {
  EXPECT_EQ(GuessLanguage("",
                          "Hola, el contenedor de mi calle lleva una semana sin vaciarse. "
                          "Por favor, ¿pueden pasar? Gracias.",
                          kBoth),
            "es");
}

TEST(GuessLanguage, AnEnglishEmailIsEnglish) {
  EXPECT_EQ(GuessLanguage("",
                          "Hello, my bin has not been emptied for a week. Could you please "
                          "send someone? Thanks.",
                          kBoth),
            "en");
}

TEST(GuessLanguage, TheDeclaredLanguageWinsWhenOffered) {
  EXPECT_EQ(GuessLanguage("es-ES, en", "Hello, my bin has not been emptied.", kBoth), "es");
  EXPECT_EQ(GuessLanguage("ES_mx", "", kBoth), "es");
  EXPECT_EQ(GuessLanguage("fr, es", "", kBoth), "es") << "the first offered of those declared";
  EXPECT_EQ(GuessLanguage("fr", "Hola, gracias por la respuesta de ayer.", kBoth), "es")
      << "an undeclared-but-offered language falls to the words";
}

TEST(GuessLanguage, TooFewOrMixedWordsGiveTheOrganisationsFirstLanguage) {
  EXPECT_EQ(GuessLanguage("", "Ref 12345", kBoth), "en");
  EXPECT_EQ(GuessLanguage("", "Hola", kBoth), "en") << "one word is not enough";
  EXPECT_EQ(GuessLanguage("", "Ref 12345", {"es", "en"}), "es");
  EXPECT_EQ(GuessLanguage("", "the and to de la que", {"es", "en"}), "es")
      << "a tie is not clear: the first offered";
  EXPECT_EQ(GuessLanguage("", "the and to the de la que", {"es", "en"}), "es")
      << "4 against 3 is not clear either";
  EXPECT_EQ(GuessLanguage("", "the and to the the de la", {"es", "en"}), "en");
}

TEST(GuessLanguage, OnlyOfferedLanguagesAreChosen) {
  EXPECT_EQ(GuessLanguage("es", "Hola, el contenedor de mi calle, por favor.", {"en"}), "en");
  EXPECT_EQ(GuessLanguage("", "Hola, el contenedor de mi calle, por favor.", {"en", "gd"}), "en");
  EXPECT_EQ(GuessLanguage("", "anything", {}), "en");
}

TEST(GuessLanguage, CapitalLettersAreFolded) {
  EXPECT_EQ(GuessLanguage("", "ESTÁ ROTO DESDE EL LUNES Y TODAVÍA NO HAN VENIDO", kBoth), "es");
  // Only the accented capitals: "ESTÁ", "TODAVÍA" and "DÍAS" fold to common Spanish words.
  EXPECT_EQ(GuessLanguage("", "ESTÁ TODAVÍA DÍAS", kBoth), "es");
}

}  // namespace
}  // namespace caredesk::core
