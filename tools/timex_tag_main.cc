// Development driver: tags stdin against a DCT and prints one timex a line.
//   timex_tag 2013-07-12 < article.txt
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "analyze/calendar.h"
#include "analyze/timex.h"

int main(int argc, char** argv) {
  namespace an = wirewatch::analyze;
  an::CivilTime dct;
  if (argc < 2 || !an::ParseIsoCivil(argv[1], &dct)) {
    std::fprintf(stderr, "usage: %s YYYY-MM-DD < text\n", argv[0]);
    return 2;
  }
  std::string text((std::istreambuf_iterator<char>(std::cin)),
                   std::istreambuf_iterator<char>());
  an::TimexTagger tagger;
  std::vector<an::Timex> out;
  tagger.Tag(text, dct, &out);
  for (const an::Timex& t : out) {
    std::printf("%u-%u\t%.*s\t%s\t%s\t%s", t.begin, t.end,
                static_cast<int>(t.end - t.begin), text.data() + t.begin,
                std::string(an::TimexTypeName(t.type)).c_str(), t.value.c_str(),
                t.mod.c_str());
    if (t.range_id >= 0) {
      std::printf("\trange %d %s..%s", t.range_id, t.range_begin.c_str(),
                  t.range_end.c_str());
    }
    std::printf("\n");
  }
  return 0;
}
