#include "analyze/ner_types.h"

namespace wirewatch::analyze {

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPer: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "?";
}

bool ParseEntityType(std::string_view s, EntityType* t) {
  if (s == "PER") *t = EntityType::kPer;
  else if (s == "ORG") *t = EntityType::kOrg;
  else if (s == "LOC") *t = EntityType::kLoc;
  else if (s == "MISC") *t = EntityType::kMisc;
  else return false;
  return true;
}

void SpansToLabels(std::span<const NerSpan> spans, size_t n,
                   std::vector<uint8_t>* labels) {
  labels->assign(n, 0);
  for (const NerSpan& s : spans) {
    if (s.end <= s.begin || s.end > n) continue;
    if (s.end - s.begin == 1) {
      (*labels)[s.begin] = MakeLabel(s.type, kU);
      continue;
    }
    (*labels)[s.begin] = MakeLabel(s.type, kB);
    for (uint32_t k = s.begin + 1; k + 1 < s.end; ++k) {
      (*labels)[k] = MakeLabel(s.type, kI);
    }
    (*labels)[s.end - 1] = MakeLabel(s.type, kL);
  }
}

void LabelsToSpans(std::span<const uint8_t> labels, std::vector<NerSpan>* out) {
  out->clear();
  bool open = false;
  NerSpan cur;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    uint8_t l = labels[i];
    if (l == 0) {
      if (open) { cur.end = i; out->push_back(cur); open = false; }
      continue;
    }
    EntityType t = LabelType(l);
    Bilou b = LabelBilou(l);
    bool continues = open && cur.type == t && (b == kI || b == kL);
    if (!continues) {
      if (open) { cur.end = i; out->push_back(cur); }
      cur.begin = i;
      cur.type = t;
      open = true;
    }
    if (b == kL || b == kU) {
      cur.end = i + 1;
      out->push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = static_cast<uint32_t>(labels.size());
    out->push_back(cur);
  }
}

}  // namespace wirewatch::analyze
