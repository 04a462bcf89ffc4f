// The dates a command fills in when neither a flag nor the --request JSON
// gives them, as the page does: today for quote and compare's start, for
// renew's date and for the date of change, cancel and add_licenses; now for
// sla's opened moment. Today and now are the machine's local date and time,
// read here in the CLI: the engine has no clock, and its answer states the
// date used (horizon.start, date, opened). `plancalc batch` adds nothing: its
// lines are answered as written.
#pragma once

#include <ctime>
#include <string>

namespace plancalc::cli {

// The request field of `op` that defaults to today or now, or "" for none.
std::string defaulted_field(const std::string& op);

// Today in the local time zone, "YYYY-MM-DD".
std::string local_today(std::time_t now);
// Now in the local time zone to the minute, with its offset:
// "2026-11-20T16:30+01:00" (seconds dropped, as the page's input has none).
std::string local_now(std::time_t now);

// The request text with `op`'s defaulted field added when the text is a JSON
// object without it; otherwise (malformed JSON, not an object, the field
// given, no such field for the op) the text unchanged, for the engine to
// answer as it is. The text is not re-encoded: the field is appended before
// the closing brace, so that everything else (duplicate keys included)
// reaches the engine as written.
std::string with_default_date(const std::string& op, const std::string& request, std::time_t now);

}  // namespace plancalc::cli
