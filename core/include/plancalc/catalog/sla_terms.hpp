// A tier's service levels as the catalog states them: response targets per
// support level on one of three clocks (see plancalc/sla/sla.hpp for what
// each clock means), channels, priority and uptime promises.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plancalc/catalog/names.hpp"
#include "plancalc/money/rounding.hpp"

namespace plancalc {

enum class SlaClock { business, business_days, calendar };
const char* to_string(SlaClock clock);
// False when the name is not one of the three clocks.
bool parse_sla_clock(std::string_view name, SlaClock& clock);

// The largest targets a catalog may state: no walk through a calendar is
// longer than this (and kMaxWalkDays bounds it again).
constexpr std::int64_t kMaxTargetHours = 10'000;
constexpr int kMaxTargetDays = 1000;

struct ResponseTarget {
  std::string level;  // id: "first", "second", "legal", "email", ...
  std::string name;
  Names names;
  SlaClock clock = SlaClock::business;
  std::int64_t seconds = 0;    // business and calendar clocks
  int days = 0;                // business_days clock
  std::vector<int> calendars;  // indices into Catalog::calendars, preferred first
  std::string note;
  Names notes;
};

struct UptimeTarget {
  std::string service;  // id
  std::string name;
  Names names;
  Rate percent = Rate::from_micro_percent(100 * Rate::kScale);
  std::string note;
  Names notes;
};

// Service channels a tier offers (fixed ids, so the page can translate them).
constexpr const char* kSlaChannels[] = {"email", "phone", "chat", "remote", "video_meeting", "portal"};
// Priority of a tier's requests relative to others (empty: not stated).
constexpr const char* kSlaPriorities[] = {"normal", "high", "top"};

struct TierSla {
  std::vector<std::string> channels;
  std::string priority;
  std::vector<ResponseTarget> response;
  std::vector<UptimeTarget> uptime;
  std::string note;
  Names notes;
};

}  // namespace plancalc
