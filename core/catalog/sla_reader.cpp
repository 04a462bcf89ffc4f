#include "sla_reader.hpp"

#include <algorithm>
#include <set>

#include "catalog_reader.hpp"
#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

using namespace json_input;

constexpr std::size_t kMaxItems = 1000;

std::string optional_text(const Object& o, const char* key) {
  return o.has(key) ? as_string(o.at(key), o.path(key)) : std::string();
}

// A list of ids, each one of `allowed`, none twice.
template <std::size_t N>
std::vector<std::string> read_choices(const Object& o, const char* key, const char* const (&allowed)[N]) {
  std::vector<std::string> out;
  const json& items = as_array(o.at(key), o.path(key), N);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string path = child(o.path(key), i);
    std::string id = as_string(items[i], path, 64);
    bool known = std::find_if(std::begin(allowed), std::end(allowed),
                              [&](const char* a) { return id == a; }) != std::end(allowed);
    if (!known) {
      std::string listed;
      for (const char* a : allowed) listed += (listed.empty() ? "" : ", ") + std::string(a);
      fail("invalid_value", std::string(key) + " are among " + listed + "; got " + excerpt(id), path);
    }
    if (std::find(out.begin(), out.end(), id) != out.end()) {
      fail("invalid_value", excerpt(id) + " is listed twice", path);
    }
    out.push_back(id);
  }
  return out;
}

// Calendar ids -> indices into catalog.calendars.
std::vector<int> read_calendar_refs(const Object& o, const Catalog& catalog) {
  std::vector<int> out;
  const json& items = as_array(o.at("calendars"), o.path("calendars"), kMaxItems);
  if (items.empty()) fail("missing_field", "name at least one calendar, or leave 'calendars' out", o.path("calendars"));
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string path = child(o.path("calendars"), i);
    std::string id = as_id(items[i], path);
    auto it = std::find_if(catalog.calendars.begin(), catalog.calendars.end(),
                           [&](const BusinessCalendar& c) { return c.id == id; });
    if (it == catalog.calendars.end()) {
      fail("unknown_calendar", "no calendar " + excerpt(id) + " in this catalog's 'calendars'", path);
    }
    int index = static_cast<int>(it - catalog.calendars.begin());
    if (std::find(out.begin(), out.end(), index) != out.end()) {
      fail("invalid_value", "calendar " + excerpt(id) + " is listed twice", path);
    }
    out.push_back(index);
  }
  return out;
}

ResponseTarget read_target(const Object& o, const Catalog& catalog, const std::vector<int>& default_calendars) {
  o.allow_only({"level", "name", "names", "clock", "hours", "minutes", "days", "calendars", "note", "notes"});
  ResponseTarget t;
  t.level = as_id(o.at("level"), o.path("level"));
  t.name = as_string(o.at("name"), o.path("name"));
  t.names = read_names(o);
  std::string clock = as_string(o.at("clock"), o.path("clock"), 64);
  if (!parse_sla_clock(clock, t.clock)) {
    fail("invalid_value", "clock is one of business, business_days, calendar; got " + excerpt(clock), o.path("clock"));
  }
  if (t.clock == SlaClock::business_days) {
    for (const char* key : {"hours", "minutes"}) {
      if (o.has(key)) fail("invalid_value", "a business_days target is given in 'days', not hours or minutes", o.path(key));
    }
    t.days = static_cast<int>(as_integer(o.at("days"), o.path("days"), 1, kMaxTargetDays));
  } else {
    if (o.has("days")) {
      fail("invalid_value", "a " + clock + " target is given in 'hours' and 'minutes'; 'days' is for the business_days clock",
           o.path("days"));
    }
    if (!o.has("hours") && !o.has("minutes")) fail("missing_field", "give the target in 'hours' (and/or 'minutes')", o.path("hours"));
    std::int64_t hours = o.has("hours") ? as_integer(o.at("hours"), o.path("hours"), 0, kMaxTargetHours) : 0;
    std::int64_t minutes = o.has("minutes") ? as_integer(o.at("minutes"), o.path("minutes"), 0, kMaxTargetHours * 60) : 0;
    t.seconds = hours * 3600 + minutes * 60;
    if (t.seconds == 0) fail("out_of_range", "a response target is longer than zero", o.path(o.has("hours") ? "hours" : "minutes"));
    if (t.seconds > kMaxTargetHours * 3600) {
      fail("out_of_range", "a response target is at most " + std::to_string(kMaxTargetHours) + " hours", o.path("minutes"));
    }
  }
  t.calendars = o.has("calendars") ? read_calendar_refs(o, catalog) : default_calendars;
  if (t.clock != SlaClock::calendar && t.calendars.empty()) {
    fail("missing_field",
         "a " + clock + " target is counted in a business calendar: add one to the catalog's 'calendars'",
         o.path("clock"));
  }
  t.note = optional_text(o, "note");
  t.notes = read_notes(o);
  return t;
}

UptimeTarget read_uptime(const Object& o) {
  o.allow_only({"service", "name", "names", "percent", "note", "notes"});
  UptimeTarget u;
  u.service = as_id(o.at("service"), o.path("service"));
  u.name = as_string(o.at("name"), o.path("name"));
  u.names = read_names(o);
  u.percent = as_rate(o.at("percent"), o.path("percent"));
  if (u.percent.micro_percent() > 100 * Rate::kScale) {
    fail("invalid_rate", "an uptime is a percentage from 0 to 100", o.path("percent"));
  }
  u.note = optional_text(o, "note");
  u.notes = read_notes(o);
  return u;
}

}  // namespace

BusinessCalendar read_calendar(const Object& o) {
  o.allow_only({"id", "name", "names", "zone", "hours", "holidays"});
  BusinessCalendar c;
  c.id = as_id(o.at("id"), o.path("id"));
  c.name = as_string(o.at("name"), o.path("name"));
  c.names = read_names(o);
  c.zone = PosixTz::parse(as_string(o.at("zone"), o.path("zone"), 200), o.path("zone"));
  Object hours(o.at("hours"), o.path("hours"));
  std::vector<HoursEntry> entries;
  for (const auto& item : hours.value().items()) {
    std::string path = hours.path(item.key());
    entries.push_back({item.key(), as_string(item.value(), path, 200), path});
    c.hours_text.emplace_back(item.key(), entries.back().hours);
  }
  c.week = parse_week(entries, o.path("hours"));
  if (o.has("holidays")) {
    const json& items = as_array(o.at("holidays"), o.path("holidays"), kMaxItems);
    std::set<std::int32_t> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string path = child(o.path("holidays"), i);
      Date d = as_date(items[i], path);
      if (!seen.insert(d.days()).second) fail("invalid_value", "holiday " + format_date(d) + " is listed twice", path);
      c.holidays.push_back(d);
    }
    std::sort(c.holidays.begin(), c.holidays.end());
  }
  return c;
}

TierSla read_tier_sla(const Object& o, const Catalog& catalog) {
  o.allow_only({"channels", "priority", "calendars", "response", "uptime", "note", "notes"});
  TierSla s;
  if (o.has("channels")) s.channels = read_choices(o, "channels", kSlaChannels);
  if (o.has("priority")) {
    s.priority = as_string(o.at("priority"), o.path("priority"), 64);
    bool known = false;
    for (const char* p : kSlaPriorities) known = known || s.priority == p;
    if (!known) fail("invalid_value", "priority is one of normal, high, top; got " + excerpt(s.priority), o.path("priority"));
  }
  std::vector<int> calendars;
  if (o.has("calendars")) {
    calendars = read_calendar_refs(o, catalog);
  } else {
    for (std::size_t i = 0; i < catalog.calendars.size(); ++i) calendars.push_back(static_cast<int>(i));
  }
  if (o.has("response")) {
    const json& items = as_array(o.at("response"), o.path("response"), kMaxItems);
    std::set<std::string> levels;
    for (std::size_t i = 0; i < items.size(); ++i) {
      Object t(items[i], child(o.path("response"), i));
      s.response.push_back(read_target(t, catalog, calendars));
      if (!levels.insert(s.response.back().level).second) {
        fail("duplicate_id", "two response targets have the level " + excerpt(s.response.back().level), t.path("level"));
      }
    }
  }
  if (o.has("uptime")) {
    const json& items = as_array(o.at("uptime"), o.path("uptime"), kMaxItems);
    std::set<std::string> services;
    for (std::size_t i = 0; i < items.size(); ++i) {
      Object u(items[i], child(o.path("uptime"), i));
      s.uptime.push_back(read_uptime(u));
      if (!services.insert(s.uptime.back().service).second) {
        fail("duplicate_id", "two uptime targets have the service " + excerpt(s.uptime.back().service), u.path("service"));
      }
    }
  }
  s.note = optional_text(o, "note");
  s.notes = read_notes(o);
  return s;
}

}  // namespace plancalc
