// What the catalog's readers share (catalog_reader.cpp reads the whole
// catalog; offer_reader, policy_reader and sla_reader read its parts).
#pragma once

#include "plancalc/catalog/read_catalog.hpp"
#include "plancalc/json/json_input.hpp"

namespace plancalc {

// A "names" object (locale -> text) of a catalog item.
Names read_names(const json_input::Object& o, const char* key = "names",
                 std::size_t max_length = json_input::kMaxStringLength);

// A translation of a note may be longer in bytes than the note (1000): the
// same sentence in Cyrillic or CJK script takes two or three bytes a letter.
constexpr std::size_t kMaxNoteTranslationBytes = 4000;

// A "notes" object (locale -> text): the translations of the item's note.
inline Names read_notes(const json_input::Object& o) { return read_names(o, "notes", kMaxNoteTranslationBytes); }

}  // namespace plancalc
