#include "input/buffered_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "input/byte_source.h"
#include "input/test_util.h"

namespace wirewatch::input {
namespace {

using testing::Gzip;

// Delivers at most `step` bytes per Read, to exercise refill boundaries.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string data, size_t step)
      : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

std::string ReadAllFrom(ByteSource* src, Status* status) {
  std::string out;
  char buf[4096];
  for (;;) {
    Result<size_t> r = src->Read(buf, sizeof(buf));
    if (!r.ok()) {
      *status = r.status();
      return out;
    }
    if (*r == 0) return out;
    out.append(buf, *r);
  }
}

TEST(BufferedReaderTest, LinesAndOffsets) {
  BufferedReader r(std::make_unique<TrickleSource>("ab\ncd\r\n\nlast", 3));
  std::string line;
  EXPECT_EQ(r.ReadLine(100, &line), BufferedReader::LineStatus::kOk);
  EXPECT_EQ(line, "ab");
  EXPECT_EQ(r.offset(), 3u);
  EXPECT_EQ(r.ReadLine(100, &line), BufferedReader::LineStatus::kOk);
  EXPECT_EQ(line, "cd\r");
  EXPECT_EQ(r.ReadLine(100, &line), BufferedReader::LineStatus::kOk);
  EXPECT_EQ(line, "");
  EXPECT_EQ(r.ReadLine(100, &line), BufferedReader::LineStatus::kOk);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(r.ReadLine(100, &line), BufferedReader::LineStatus::kEnd);
  EXPECT_EQ(r.offset(), 12u);
}

TEST(BufferedReaderTest, TooLongLineIsSkippedNotBuffered) {
  std::string data =
      std::string(300000, 'x') + "\nshort\n" + std::string(200000, 'y');
  BufferedReader r(std::make_unique<TrickleSource>(data, 10000));
  std::string line;
  uint64_t len = 0;
  EXPECT_EQ(r.ReadLine(1000, &line, &len),
            BufferedReader::LineStatus::kTooLong);
  EXPECT_EQ(len, 300000u);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(r.ReadLine(1000, &line, &len), BufferedReader::LineStatus::kOk);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(r.ReadLine(1000, &line, &len),
            BufferedReader::LineStatus::kTooLong);
  EXPECT_EQ(len, 200000u);
  EXPECT_EQ(r.ReadLine(1000, &line, &len), BufferedReader::LineStatus::kEnd);
  EXPECT_EQ(r.offset(), data.size());
}

TEST(BufferedReaderTest, ReadSkipUnread) {
  std::string data(200000, 'a');
  data += "TAIL";
  BufferedReader r(std::make_unique<TrickleSource>(data, 7000), "pre");
  std::string out;
  EXPECT_EQ(r.Read(3, &out), 3u);
  EXPECT_EQ(out, "pre");
  EXPECT_EQ(r.Skip(100000), 100000u);
  out.clear();
  EXPECT_EQ(r.Read(100000, &out), 100000u);
  r.Unread("XY");
  EXPECT_EQ(r.offset(), 200001u);
  EXPECT_EQ(r.Peek(6).substr(0, 6), "XYTAIL");
  out.clear();
  EXPECT_EQ(r.Read(1000, &out), 6u);
  EXPECT_EQ(out, "XYTAIL");
}

TEST(GzipSourceTest, SingleAndConcatenatedMembers) {
  std::string a(100000, 'a'), b = "second member\n";
  for (size_t step : {1u, 13u, 65536u}) {
    std::string gz = Gzip(a) + Gzip(b) + Gzip("");
    auto src = NewGzipSource(
        std::make_unique<TrickleSource>(gz.substr(2), step), gz.substr(0, 2));
    Status st;
    EXPECT_EQ(ReadAllFrom(src.get(), &st), a + b) << step;
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
}

TEST(GzipSourceTest, TrailingGarbageIgnored) {
  std::string gz = Gzip("hello") + std::string(10, '\0');
  auto src = NewGzipSource(NewMemorySource(gz));
  Status st;
  EXPECT_EQ(ReadAllFrom(src.get(), &st), "hello");
  EXPECT_TRUE(st.ok());
}

TEST(GzipSourceTest, TruncatedAndCorrupt) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i) + "\n";
  std::string gz = Gzip(text);
  {
    std::string cut = gz.substr(0, gz.size() / 2);
    auto src = NewGzipSource(NewMemorySource(cut));
    Status st;
    ReadAllFrom(src.get(), &st);
    EXPECT_EQ(st.message(), "gzip stream truncated after " +
                                std::to_string(cut.size()) + " bytes");
    // Sticky.
    char c;
    EXPECT_FALSE(src->Read(&c, 1).ok());
  }
  {
    std::string bad = gz;
    for (size_t i = 20; i < 40; ++i) bad[i] = static_cast<char>(0xff);
    auto src = NewGzipSource(NewMemorySource(bad));
    Status st;
    ReadAllFrom(src.get(), &st);
    EXPECT_EQ(st.code(), StatusCode::kCorruption);
    EXPECT_NE(st.message().find("gzip data corrupt"), std::string::npos)
        << st.message();
  }
}

}  // namespace
}  // namespace wirewatch::input
