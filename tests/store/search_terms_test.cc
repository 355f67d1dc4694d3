// Search terms: words are split and folded the same way for indexing and for searching, in
// English and Spanish text alike.
#include "store/common/search_terms.h"

#include <gtest/gtest.h>

namespace caredesk::store {
namespace {

using Strings = std::vector<std::string>;

TEST(SearchWords, FoldsAccentedCapitalsToLowerCase) {
  EXPECT_EQ(Words("ÁRBOL Ñandú ÉXITO Ünico"), (Strings{"árbol", "ñandú", "éxito", "ünico"}));
  EXPECT_EQ(Words("ŁÓDŹ Škoda ŒUVRE"), (Strings{"łódź", "škoda", "œuvre"}));
  EXPECT_EQ(Words("ΑΘΗΝΑ МОСКВА"), (Strings{"αθηνα", "москва"}));
}

TEST(SearchWords, SpanishAndTypographicPunctuationSeparatesWords) {
  EXPECT_EQ(Words("¿Dónde está mi certificado? ¡Urgente!"),
            (Strings{"dónde", "está", "mi", "certificado", "urgente"}));
  EXPECT_EQ(Words("«queja»—“refund”…‘late’"), (Strings{"queja", "refund", "late"}));
  EXPECT_EQ(Words("2×3 = 6 ÷ 1"), (Strings{"2", "3", "6", "1"}));
}

TEST(SearchWords, OrdinalIndicatorsStayInTheirWord) {
  EXPECT_EQ(Words("1º piso, 2ª planta"), (Strings{"1º", "piso", "2ª", "planta"}));
}

TEST(SearchWords, MalformedUtf8SeparatesWordsWithoutCrashing) {
  EXPECT_EQ(Words("caf\xC3"), (Strings{"caf"}));  // truncated sequence at the end
  EXPECT_EQ(Words("ab\xFF\xFE"
                  "cd"),
            (Strings{"ab", "cd"}));                     // bytes that never start one
  EXPECT_EQ(Words("x\xE2\x82y"), (Strings{"x", "y"}));  // a sequence cut short
}

TEST(SearchWords, OverlongWordsAreLeftOut) {
  EXPECT_EQ(Words(std::string(65, 'a') + " ok"), (Strings{"ok"}));
  EXPECT_EQ(Words(std::string(64, 'a')), (Strings{std::string(64, 'a')}));
}

TEST(SearchTerms, CapitalisedSpanishFindsLowerCaseText) {
  // A search typed in capitals matches text written in lower case, accents and all.
  EXPECT_EQ(MatchExpression("QUEJAS"), MatchExpression("quejas"));
  EXPECT_EQ(MatchExpression("ATENCIÓN"), MatchExpression("atención"));
  EXPECT_NE(IndexTerms("La atención fue mala").find(IndexTerms("ATENCIÓN")), std::string::npos);
}

TEST(SearchTerms, NumbersAreTheirOwnTerms) {
  // Order and account numbers are indexed and searched as written, leading zeros and all.
  EXPECT_EQ(IndexTerms("Order 004512 of 2026"), "004512 2026 of order");
  EXPECT_EQ(MatchExpression("004512"), "(\"004512\")");
  EXPECT_NE(IndexTerms("pedido 77A").find("77a"), std::string::npos);
}

}  // namespace
}  // namespace caredesk::store
