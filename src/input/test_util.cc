#include "input/test_util.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "input/byte_source.h"
#include "input/charset.h"
#include "input/input_reader.h"

namespace wirewatch::input::testing {

TempDir::TempDir() {
  std::string tmpl = ::testing::TempDir() + "wwinput_XXXXXX";
  char* p = ::mkdtemp(tmpl.data());
  EXPECT_NE(p, nullptr);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& rel,
                           std::string_view data) const {
  std::filesystem::path full = std::filesystem::path(path_) / rel;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  return full.string();
}

std::string Gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::vector<RawDoc> ReadAll(const std::vector<std::string>& paths,
                            const ReaderOptions& options) {
  std::vector<RawDoc> docs;
  auto reader = DocReader::Open(paths, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return docs;
  RawDoc doc;
  while ((*reader)->Next(&doc)) docs.push_back(doc);
  return docs;
}

std::vector<RawDoc> ReadBytes(std::string_view data, const std::string& name,
                              const ReaderOptions& options) {
  CharsetDecoder charset;
  InputSpec spec;
  spec.source = name.empty() ? "mem" : name;
  spec.name = name;
  auto in = OpenInput(NewMemorySource(data), spec, options, &charset);
  std::vector<RawDoc> docs;
  RawDoc doc;
  while (in->Next(&doc)) docs.push_back(doc);
  return docs;
}

std::string Brief(const RawDoc& doc) {
  if (doc.failed()) return doc.source + "|" + doc.failure;
  return doc.source + "|" + std::string(DocFormatName(doc.format)) + "|" +
         doc.charset + "/" + doc.charset_source + "|" + doc.text;
}

}  // namespace wirewatch::input::testing
