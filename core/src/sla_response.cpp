#include "sla_response.hpp"

namespace plancalc::response {
namespace {

ojson or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

ojson target_size(const ResponseTarget& t) {
  if (t.clock == SlaClock::business_days) return {{"days", t.days}};
  return {{"hours", t.seconds / 3600}, {"minutes", t.seconds % 3600 / 60}, {"seconds", t.seconds}};
}

ojson calendar_ref(const BusinessCalendar* cal) {
  if (!cal) return nullptr;
  return {{"id", cal->id}, {"name", cal->name}, {"names", names(cal->names)}, {"zone", cal->zone.text()}};
}

ojson downtime(Rate percent, int days) {
  Downtime d = allowed_downtime(percent, days);
  return {{"seconds", d.allowed_seconds}, {"duration", format_duration(d.allowed_seconds)}, {"exact", d.exact}};
}

ojson uptime(const Catalog& c, const UptimeTarget& u) {
  return {{"service", u.service},
          {"name", u.name},
          {"names", names(u.names)},
          {"percent", format_rate(u.percent)},
          {"downtime",
           {{"month_30_days", downtime(u.percent, 30)},
            {"month_31_days", downtime(u.percent, 31)},
            {"year_365_days", downtime(u.percent, 365)}}},
          {"note", or_null(u.note)},
          {"explanation", explanation(c, uptime_explanation(u))}};
}

ojson uptimes(const Catalog& c, const TierSla& sla) {
  ojson out = ojson::array();
  for (const UptimeTarget& u : sla.uptime) out.push_back(uptime(c, u));
  return out;
}

ojson string_list(const std::vector<std::string>& items) {
  ojson out = ojson::array();
  for (const auto& s : items) out.push_back(s);
  return out;
}

ojson steps(const Catalog& c, const std::vector<Explanation>& list) {
  ojson out = ojson::array();
  for (const Explanation& e : list) out.push_back(explanation(c, e));
  return out;
}

}  // namespace

ojson calendars(const Catalog& c) {
  ojson out = ojson::array();
  for (const BusinessCalendar& cal : c.calendars) {
    ojson hours = ojson::object();
    for (const auto& [days, text] : cal.hours_text) hours[days] = text;
    ojson holidays = ojson::array();
    for (Date d : cal.holidays) holidays.push_back(format_date(d));
    out.push_back({{"id", cal.id},
                   {"name", cal.name},
                   {"names", names(cal.names)},
                   {"zone", cal.zone.text()},
                   {"hours", hours},
                   {"holidays", holidays}});
  }
  return out;
}

ojson tier_sla(const Catalog& c, const TierSla& sla) {
  ojson response = ojson::array();
  for (const ResponseTarget& t : sla.response) {
    ojson cals = ojson::array();
    for (int i : t.calendars) cals.push_back(c.calendars[static_cast<std::size_t>(i)].id);
    response.push_back({{"level", t.level},
                        {"name", t.name},
                        {"names", names(t.names)},
                        {"clock", to_string(t.clock)},
                        {"target", target_size(t)},
                        {"calendars", cals},
                        {"note", or_null(t.note)},
                        {"explanation", explanation(c, target_explanation(t))}});
  }
  return {{"channels", string_list(sla.channels)},
          {"priority", or_null(sla.priority)},
          {"note", or_null(sla.note)},
          {"response", response},
          {"uptime", uptimes(c, sla)}};
}

ojson sla_conventions() {
  return {{"opening_hours", "half_open"},
          {"outside_hours", "count_from_next_opening"},
          {"exactly_at_closing", "due_at_closing"},
          {"business_days", "same_local_time_on_nth_business_day"},
          {"calendar_clock", "ignores_opening_hours_and_holidays"},
          {"skipped_local_time", "moment_of_the_change"},
          {"repeated_local_time", "earlier"},
          {"uptime_periods_days", {30, 31, 365}},
          {"downtime_rounding", "down_to_whole_seconds"}};
}

ojson sla(const Catalog& c, const SlaAnswer& a) {
  const TierSla& s = *a.tier->sla;
  ojson targets = ojson::array();
  for (const Due& d : a.dues) {
    const ResponseTarget& t = *d.target;
    targets.push_back({{"level", t.level},
                       {"name", t.name},
                       {"names", names(t.names)},
                       {"clock", to_string(t.clock)},
                       {"target", target_size(t)},
                       {"calendar", calendar_ref(d.calendar)},
                       {"counting_from", format_moment(d.counting_from, d.counting_from_offset)},
                       {"due", format_moment(d.due, d.due_offset)},
                       {"steps", steps(c, d.steps)},
                       {"explanation", explanation(c, d.explanation)},
                       {"note", or_null(t.note)}});
  }
  return {{"tier", {{"id", a.tier->id}, {"name", a.tier->name}, {"names", names(a.tier->names)}}},
          {"opened", format_moment(a.opened.moment, a.opened.offset_seconds)},
          {"region", a.region ? ojson(a.region->id) : ojson(nullptr)},
          {"channels", string_list(s.channels)},
          {"priority", or_null(s.priority)},
          {"note", or_null(s.note)},
          {"targets", targets},
          {"uptime", uptimes(c, s)}};
}

}  // namespace plancalc::response
