// Helpers shared by the input stage's tests: temp dirs, fixtures, gzip.
#ifndef WIREWATCH_INPUT_TEST_UTIL_H_
#define WIREWATCH_INPUT_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "input/doc_reader.h"
#include "wirewatch/raw_doc.h"

namespace wirewatch::input::testing {

// A fresh directory under ::testing::TempDir(), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  // Writes `data` to path()/rel (creating parent directories); returns the
  // full path.
  std::string Write(const std::string& rel, std::string_view data) const;

 private:
  std::string path_;
};

// gzip-compresses `data` as one member.
std::string Gzip(std::string_view data);

// All items of DocReader::Open(paths, options); fails the test if Open fails.
std::vector<RawDoc> ReadAll(const std::vector<std::string>& paths,
                            const ReaderOptions& options = {});

// All items of one in-memory input named `name` (extension picks the format;
// "" sniffs).
std::vector<RawDoc> ReadBytes(std::string_view data, const std::string& name,
                              const ReaderOptions& options = {});

// "source|failure" or "source|format|charset/source|text", compact for
// EXPECT_EQ.
std::string Brief(const RawDoc& doc);

}  // namespace wirewatch::input::testing

#endif  // WIREWATCH_INPUT_TEST_UTIL_H_
