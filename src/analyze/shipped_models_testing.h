// Test helpers: the models the project ships (models/), by path, and a
// fixture that loads both once for a whole test suite.
#ifndef WIREWATCH_ANALYZE_SHIPPED_MODELS_TESTING_H_
#define WIREWATCH_ANALYZE_SHIPPED_MODELS_TESTING_H_

#include <gtest/gtest.h>

#include <string>

#include "analyze/ner_model.h"
#include "analyze/quote_model.h"

namespace wirewatch::analyze {

// models/<file> of the source tree.
inline std::string ShippedModelPath(const char* file) {
  return std::string(WIREWATCH_TESTDATA) + "/../models/" + file;
}

// The shipped NER and attribution models, loaded once per suite.
class ShippedModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = NerModel::Load(ShippedModelPath(kShippedNerModel));
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    ner_ = std::move(m).value().release();
    auto q = QuoteModel::Load(ShippedModelPath(kShippedQuoteModel));
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    quotes_ = std::move(q).value().release();
  }
  static void TearDownTestSuite() {
    delete ner_;
    delete quotes_;
    ner_ = nullptr;
    quotes_ = nullptr;
  }
  static inline NerModel* ner_ = nullptr;
  static inline QuoteModel* quotes_ = nullptr;
};

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_SHIPPED_MODELS_TESTING_H_
