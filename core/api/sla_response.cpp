#include "sla_response.hpp"

namespace plancalc::response {
namespace {

using response_parts::explanation;
using response_parts::names;
using response_parts::text_or_null_field;

// {"days"} on the business_days clock, else {"hours", "minutes", "seconds"}.
void target_size(Writer& w, const ResponseTarget& t) {
  w.begin_object();
  if (t.clock == SlaClock::business_days) {
    w.field("days", t.days);
  } else {
    w.field("hours", t.seconds / 3600);
    w.field("minutes", t.seconds % 3600 / 60);
    w.field("seconds", t.seconds);
  }
  w.end_object();
}

// The fields a response target shows in a tier's SLA and in a due moment.
void target_head(Writer& w, const ResponseTarget& t) {
  w.field("level", t.level);
  w.field("name", t.name);
  w.key("names");
  names(w, t.names);
  w.field("clock", to_string(t.clock));
  w.key("target");
  target_size(w, t);
}

// null, or {"id", "name", "names", "zone"}
void calendar_ref(Writer& w, const BusinessCalendar* cal) {
  if (!cal) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("id", cal->id);
  w.field("name", cal->name);
  w.key("names");
  names(w, cal->names);
  w.field("zone", cal->zone.text());
  w.end_object();
}

template <std::size_t N>
void downtime(Writer& w, const char (&k)[N], Rate percent, int days) {
  Downtime d = allowed_downtime(percent, days);
  w.key(k);
  w.begin_object();
  w.field("seconds", d.allowed_seconds);
  w.field("duration", format_duration(d.allowed_seconds));
  w.field("exact", d.exact);
  w.end_object();
}

void uptime(Writer& w, const Catalog& c, const UptimeTarget& u) {
  w.begin_object();
  w.field("service", u.service);
  w.field("name", u.name);
  w.key("names");
  names(w, u.names);
  w.field("percent", format_rate(u.percent));
  w.key("downtime");
  w.begin_object();
  downtime(w, "month_30_days", u.percent, 30);
  downtime(w, "month_31_days", u.percent, 31);
  downtime(w, "year_365_days", u.percent, 365);
  w.end_object();
  text_or_null_field(w, "note", u.note);
  w.key("notes");
  names(w, u.notes);
  w.key("explanation");
  explanation(w, c, uptime_explanation(u));
  w.end_object();
}

void uptimes(Writer& w, const Catalog& c, const TierSla& sla) {
  w.begin_array();
  for (const UptimeTarget& u : sla.uptime) uptime(w, c, u);
  w.end_array();
}

void string_list(Writer& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const auto& s : items) w.string(s);
  w.end_array();
}

void response_target(Writer& w, const Catalog& c, const ResponseTarget& t) {
  w.begin_object();
  target_head(w, t);
  w.key("calendars");
  w.begin_array();
  for (int i : t.calendars) w.string(c.calendars[static_cast<std::size_t>(i)].id);
  w.end_array();
  text_or_null_field(w, "note", t.note);
  w.key("notes");
  names(w, t.notes);
  w.key("explanation");
  explanation(w, c, target_explanation(t));
  w.end_object();
}

void due(Writer& w, const Catalog& c, const Due& d) {
  const ResponseTarget& t = *d.target;
  w.begin_object();
  target_head(w, t);
  w.key("calendar");
  calendar_ref(w, d.calendar);
  w.field("counting_from", format_moment(d.counting_from, d.counting_from_offset));
  w.field("due", format_moment(d.due, d.due_offset));
  w.key("steps");
  w.begin_array();
  for (const Explanation& e : d.steps) explanation(w, c, e);
  w.end_array();
  w.key("explanation");
  explanation(w, c, d.explanation);
  text_or_null_field(w, "note", t.note);
  w.key("notes");
  names(w, t.notes);
  w.end_object();
}

// channels, priority, note: the head of a tier's SLA and of an `sla` result.
void sla_head(Writer& w, const TierSla& s) {
  w.key("channels");
  string_list(w, s.channels);
  text_or_null_field(w, "priority", s.priority);
  text_or_null_field(w, "note", s.note);
  w.key("notes");
  names(w, s.notes);
}

}  // namespace

void calendars(Writer& w, const Catalog& c) {
  w.begin_array();
  for (const BusinessCalendar& cal : c.calendars) {
    w.begin_object();
    w.field("id", cal.id);
    w.field("name", cal.name);
    w.key("names");
    names(w, cal.names);
    w.field("zone", cal.zone.text());
    w.key("hours");
    w.begin_object();  // keys unique: read from a JSON object
    for (const auto& [days, text] : cal.hours_text) w.field(days, text);
    w.end_object();
    w.key("holidays");
    w.begin_array();
    for (Date d : cal.holidays) w.date(d);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void tier_sla(Writer& w, const Catalog& c, const TierSla& sla) {
  w.begin_object();
  sla_head(w, sla);
  w.key("response");
  w.begin_array();
  for (const ResponseTarget& t : sla.response) response_target(w, c, t);
  w.end_array();
  w.key("uptime");
  uptimes(w, c, sla);
  w.end_object();
}

void sla_conventions(Writer& w) {
  w.key("sla");
  w.begin_object();
  w.field("opening_hours", "half_open");
  w.field("outside_hours", "count_from_next_opening");
  w.field("exactly_at_closing", "due_at_closing");
  w.field("business_days", "same_local_time_on_nth_business_day");
  w.field("calendar_clock", "ignores_opening_hours_and_holidays");
  w.field("skipped_local_time", "moment_of_the_change");
  w.field("repeated_local_time", "earlier");
  w.field("business_days_opened_in_repeated_hour", "counted_from_the_end_of_that_hour");
  w.key("uptime_periods_days");
  w.raw("[30,31,365]");
  w.field("downtime_rounding", "down_to_whole_seconds");
  w.end_object();
}

void sla(Writer& w, const Catalog& c, const SlaAnswer& a) {
  const TierSla& s = *a.tier->sla;
  w.key("tier");
  w.begin_object();
  w.field("id", a.tier->id);
  w.field("name", a.tier->name);
  w.key("names");
  names(w, a.tier->names);
  w.end_object();
  w.field("opened", format_moment(a.opened.moment, a.opened.offset_seconds));
  w.key("region");
  if (a.region) {
    w.string(a.region->id);
  } else {
    w.null();
  }
  sla_head(w, s);
  w.key("targets");
  w.begin_array();
  for (const Due& d : a.dues) due(w, c, d);
  w.end_array();
  w.key("uptime");
  uptimes(w, c, s);
}

}  // namespace plancalc::response
