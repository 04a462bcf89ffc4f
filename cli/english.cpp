#include "english.hpp"

#include <map>

namespace plancalc::cli {
namespace {

// A template's placeholders: {name} is the argument as it is;
// {unit@count} is the unit word (the catalog's singular, "ticket") in the
// form the argument `count` asks for ("9 tickets"); {count#one|other} is the
// word for that count, "{months} {months#month|months}". English has two
// forms: one for exactly 1, other for every other number.
const std::map<std::string, std::string>& templates() {
  static const std::map<std::string, std::string> t = {
      {"price.flat", "flat price {amount}"},
      {"price.per_unit", "{quantity} {unit@quantity} × {unit_amount}"},
      {"price.graduated_band", "units {from}–{to}: {quantity} × {unit_amount}"},
      {"price.band_flat", "flat fee for units {from}–{to}: {amount}"},
      {"price.volume", "all {quantity} {quantity#unit|units} at the {from}–{to} band price {unit_amount}"},
      {"price.package",
       "{quantity} {quantity#unit|units} = {packages} {packages#package|packages} of {package_size} × {package_amount}"},
      {"price.list_rate",
       "{rate} % of the list price {list_price} (in force from {list_price_from}) = {exact}, "
       "rounded to {unit_amount}, × {quantity}"},
      {"schedule.period", "period {index}: {start} to {end}"},
      {"effective.per_month", "{total} over {months} {months#month|months}"},
      {"horizon.total",
       "{charges} {charges#charge|charges} starting within {months} {months#month|months}, covering until "
       "{covered_until}"},
      {"compare.cheapest",
       "{plan} is the cheapest over {months} {months#month|months}: {horizon_total}, {difference} less than {next_plan} "
       "({next_total})"},
      {"compare.only_plan", "{plan} is the only plan that can be priced"},
      {"compare.best_for_needs",
       "{plan} is the best for your needs: {horizon_total} over {months} {months#month|months}, {difference} more than "
       "{cheapest_plan} ({cheapest_total}), which does not give all you need"},
      {"compare.cheapest_meets_needs",
       "{plan} is the best for your needs and the cheapest: {horizon_total} over {months} {months#month|months}"},
      {"compare.no_plan_meets_needs",
       "no priced plan gives all you need; the closest is {closest_plan} ({missed} {missed#need|needs} not met)"},
      {"compare.on_request_may_meet", "{plan} sets its own service levels: price on request"},
      {"needs.no_feature", "no {feature}"},
      {"needs.feature_included", "{feature} included"},
      {"needs.no_response_target", "no {level} response target"},
      {"needs.response_within", "{level} response within {target} ({clock}): meets the {needed} you need"},
      {"needs.response_within_days",
       "{level} response within {target_days} {target_days#business day|business days}: meets the {needed_days} you need"},
      {"needs.response_slower", "{level} response target {target} ({clock}), more than the {needed} you need"},
      {"needs.response_slower_days",
       "{level} response target {target_days} {target_days#business day|business days}, more than the {needed_days} "
       "you need"},
      {"needs.response_other_clock",
       "{level} response target stated in {clock}, not comparable with the {needed} you need"},
      {"needs.response_other_clock_days",
       "{level} response target stated in {clock}, not comparable with the {needed_days} "
       "{needed_days#business day|business days} you need"},
      {"needs.no_uptime_target", "no uptime promise (you need {needed_percent} %)"},
      {"needs.uptime_at_least", "{uptime_service} uptime {percent} %: meets the {needed_percent} % you need"},
      {"needs.uptime_lower", "{uptime_service} uptime {percent} %, less than the {needed_percent} % you need"},
      {"usage.included", "{usage} {unit@usage} a month, {included} included: nothing extra"},
      {"usage.included_rollover",
       "{usage} {unit@usage} a month, {included} included (unused ones roll over): nothing extra"},
      {"usage.overage_units",
       "{usage} {unit@usage} a month, {included} included: {extra} extra × {unit_amount} = {amount} a month, × {months} "
       "{months#month|months}"},
      {"usage.overage_packs",
       "{usage} {unit@usage} a month, {included} included: {extra} extra = {packs} {packs#pack|packs} of {package_size} × "
       "{package_amount} = {amount} a month, × {months} {months#month|months}"},
      {"usage.hourly",
       "{service}: {minutes} min a month billed as {billable_minutes} min ({increment_minutes}-minute steps) at {rate} an "
       "hour = {amount} a month, × {months} {months#month|months}"},
      {"discount.percent", "{discount}: {rate} % off {base} = {amount}"},
      {"discount.fixed", "{discount}: {fixed} off {base} = {amount}"},
      {"tax.exclusive", "{label} {rate} % on {net}: {amount}"},
      {"tax.inclusive", "{label} {rate} % included in {gross}: {amount}"},
      {"compare.break_even",
       "{higher_plan} is cheaper than {lower_plan} from {usage} {unit@usage} a month ({higher_cost} against {lower_cost})"},
      {"compare.break_even_not_covered",
       "from {usage} {unit@usage} a month only {higher_plan} covers the usage ({higher_cost}); {lower_plan} sells no extra"},
      {"compare.usage_costs_more",
       "{plan} with {extra} extra {unit@extra} a month costs {total} over {months} {months#month|months}, more than "
       "{cheapest_plan} ({cheapest_total})"},
      {"check.published_differs",
       "{example}: the vendor published {published} for {pointer}; the stated rules give {computed}"},
      {"check.missing_translation", "missing_translation: {text} has no {locale} translation at {pointer}"},
      {"renewal.product_rate",
       "{window}: {rate} % of the list price {list_price} (in force from {list_price_from}) = {exact}, "
       "rounded to {unit_amount}, × {quantity}"},
      {"renewal.plan_rate", "{window}: {rate} % of the plan price {plan_price} for {quantity} = {exact}, rounded to {amount}"},
      {"renewal.window", "renewed on {date}, after support ended on {support_end}: {window} window at {rate} % (until {last_day})"},
      {"renewal.window_early", "renewed on {date}, before support ends on {support_end}: {window} window at {rate} %"},
      {"renewal.term_previous_end", "new term {start} to {end}, continuing from the previous end"},
      {"renewal.term_activation", "new term {start} to {end}, from the day the renewal is activated"},
      {"renewal.term_early", "new term {start} to {end}, continuing from the end of the current support"},
      {"renewal.gap",
       "{days} {days#day|days} without support from {start} to {end}; updates of the gap granted: {updates_granted}"},
      {"renewal.gap_covered",
       "renewed {days} {days#day|days} after support ended on {start}; the new term covers the gap, updates granted: "
       "{updates_granted}"},
      {"proration.credit",
       "credit for the unused {remaining_days} of {term_days} {term_days#day|days} ({basis}) of {period_amount} for {plan}: "
       "{amount}"},
      {"proration.charge",
       "{plan} for the remaining {remaining_days} of {term_days} {term_days#day|days} ({basis}) of {period_amount}: "
       "{amount}"},
      {"change.new_term_charge", "{plan} for a new term {start} to {end}: {amount}"},
      {"change.immediate", "{direction} from {from_plan} to {to_plan} takes effect on {effective}; net {net}"},
      {"change.end_of_term",
       "{direction} from {from_plan} to {to_plan} is scheduled for the end of the term, {effective}; nothing is charged now"},
      {"change.not_allowed", "{direction} from {from_plan} to {to_plan} is not allowed during the term; possible from {effective}"},
      {"cancel.service_until", "service until {service_until} (last day {last_day})"},
      {"cancel.after_one_more_term",
       "the notice deadline {deadline} was missed: one more term renews first; service until {service_until} (last day {last_day})"},
      {"cancel.refund_none", "no refund of fees already paid"},
      {"cancel.refund_nothing_unused", "nothing unused to refund"},
      {"cancel.refund_prorated",
       "refund of the unused {remaining_days} of {term_days} {term_days#day|days} of {period_amount}: {amount}"},
      {"add_licenses.charge",
       "{add} more: period price {period_before} → {period_after} (+{difference}), for the remaining {remaining_days} of "
       "{term_days} {term_days#day|days} to {term_end}: {amount}"},
      {"sla.interval", "{duration} {weekday} {date} {from}–{to}"},
      {"sla.intervals_omitted", "… {count} more {count#interval|intervals} of opening hours, {duration} …"},
      {"sla.holiday", "{weekday} {date} is a holiday"},
      {"sla.opened_outside_hours",
       "opened {opened}, outside opening hours: counting starts at the next opening, {weekday} {date} {time}"},
      {"sla.due_at_closing", "the target runs out exactly at closing time, {time}: due then, not at the next opening"},
      {"sla.business_day", "business day {index}: {weekday} {date}"},
      {"sla.days_omitted", "… {count} more {count#business day|business days} …"},
      {"sla.calendar_time", "{duration} on the clock from {from} to {to}, opening hours and holidays ignored"},
      {"sla.clock_change", "the clocks change on the way: {from_zone} ({from_offset}) to {to_zone} ({to_offset})"},
      {"sla.other_calendar", "counted in the {calendar} calendar: this target is not served in {region}"},
      {"sla.due.business", "{duration} of business hours ({calendar}) from {start}: due {weekday} {date} {time}"},
      {"sla.due.business_days",
       "{days} {days#business day|business days} ({calendar}) from {start}: due {weekday} {date} {time}"},
      {"sla.due.calendar", "{duration} around the clock from {start}: due {weekday} {date} {time}"},
      {"sla.target.business", "{duration} of business hours"},
      {"sla.target.business_days", "{days} {days#business day|business days}"},
      {"sla.target.calendar", "{duration} around the clock"},
      {"sla.uptime",
       "{percent} % uptime: at most {month_30} of downtime in a 30-day month, {month_31} in a 31-day month, "
       "{year} in a 365-day year"},
      {"discount.negotiated", "negotiated discount ({reason}): {rate} % off {base} = {amount}"},
      {"proposal.period", "period {index}: {plan}, {quantity} {unit@quantity}, {start} to {end}"},
      {"proposal.step",
       "change on {date}: {from_plan} × {quantity_before} → {to_plan} × {quantity_after}, co-termed to {term_end}"},
      {"proposal.purchase",
       "purchase of {quantity} × {product} on {date}, {support_months} {support_months#month|months} of support "
       "included (until {support_end})"},
      {"proposal.list_price",
       "{quantity} × {product} at the list price {list_price} (in force from {list_price_from}) = {amount}"},
      {"proposal.renewal", "on-time renewal of support for {quantity} × {product} ({window}): {start} to {end}"},
      {"proposal.service_charge", "{service} on {date}"},
      {"proposal.service",
       "{service}: {minutes} min billed as {billable_minutes} min ({increment_minutes}-minute steps) at {rate} an hour = "
       "{amount}"},
      {"proposal.validity", "valid until {valid_until} ({valid_days} {valid_days#day|days} from {issued})"},
      {"proposal.no_negotiated_discount", "no negotiated discount: no approval needed"},
      {"proposal.approval_within", "a negotiated discount of {asked} % is within the {limit} % the vendor allows"},
      {"proposal.approval_required", "a negotiated discount of {asked} % is above the {limit} % the vendor allows: needs approval"},
      {"proposal.approval_no_limit", "a negotiated discount of {asked} % needs approval: the catalog sets no limit"},
      {"terms.renewal_auto", "renews automatically every {term_months} {term_months#month|months} until cancelled"},
      {"terms.renewal_manual", "does not renew by itself: support is renewed for {term_months} {term_months#month|months} at a time"},
      {"terms.window_until_previous_end",
       "{window}: renewed up to {months} {months#month|months} after support ends, {rate} % of the list price, "
       "continuing from the previous end"},
      {"terms.window_until_activation",
       "{window}: renewed up to {months} {months#month|months} after support ends, {rate} % of the list price, "
       "from the day it is bought"},
      {"terms.window_later_previous_end", "{window}: renewed at any later date, {rate} % of the list price, continuing from the previous end"},
      {"terms.window_later_activation", "{window}: renewed at any later date, {rate} % of the list price, from the day it is bought"},
      {"terms.vendor_notice", "the vendor announces each renewal {months} {months#month|months} ahead"},
      {"terms.change_immediate", "{direction} change: takes effect at once, prorated by days ({basis})"},
      {"terms.change_end_of_term", "{direction} change: takes effect at the end of the current term"},
      {"terms.change_not_allowed", "{direction} change: not allowed during a term, possible at renewal"},
      {"terms.refund_none", "no refund of fees already paid when support is ended early"},
      {"terms.refund_prorated", "ending support early refunds the unused part, prorated by days"},
      {"terms.cancel_end_of_term", "a cancellation takes effect at the end of the current term"},
      {"terms.cancel_end_of_month", "a cancellation takes effect at the end of the month it is notified in"},
      {"terms.cancel_notice_days", "a cancellation is notified at least {days} {days#day|days} before the term ends"},
      {"terms.add_licenses_need_support", "licences can be added only while support is active"},
      {"terms.lapse_updates_stop", "without support the software keeps working, but updates stop"},
      {"terms.gap_updates_granted", "a renewal after a gap grants the updates of the gap"},
      {"terms.included_support", "each {product} licence includes {months} {months#month|months} of support"},
      {"terms.service_increments",
       "{service} at {rate} an hour, billed in {increment_minutes}-minute steps"},
      {"terms.service_minimum", "{service}: at least {minimum_minutes} min billed whenever work is done"},
      {"savings.longer_period",
       "over {months} {months#month|months}, {longer_plan} costs {longer_cost} instead of {shorter_cost} with "
       "{shorter_plan}: {saving} ({percent} %) less"},
  };
  return t;
}

std::string arg_text(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// The plural of a unit word. The catalogs' units (plans/, tests/golden/
// catalogs/) are in the table; any other word gets English's regular rule
// (a consonant + y → ies, a sibilant + es, else + s), an explicit, small rule
// for the CLI's English only: the page translates units in web/i18n/.
std::string plural_of(const std::string& word) {
  static const std::map<std::string, std::string> known = {
      {"account", "accounts"}, {"company", "companies"}, {"credit", "credits"}, {"licence", "licences"},
      {"license", "licenses"}, {"seat", "seats"},        {"site", "sites"},     {"ticket", "tickets"},
      {"unit", "units"},       {"user", "users"},
  };
  if (auto it = known.find(word); it != known.end()) return it->second;
  if (word.empty()) return word;
  auto ends = [&](const std::string& tail) {
    return word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
  };
  const char last = word.back();
  const char before = word.size() > 1 ? word[word.size() - 2] : ' ';
  if (last == 'y' && std::string("aeiou").find(before) == std::string::npos) return word.substr(0, word.size() - 1) + "ies";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return word + "es";
  return word + "s";
}

}  // namespace

bool is_one(const nlohmann::ordered_json& count) {
  return arg_text(count) == "1";
}

std::string counted_word(const nlohmann::ordered_json& count, const std::string& one, const std::string& other) {
  return is_one(count) ? one : other;
}

std::string unit_word(const std::string& unit, const nlohmann::ordered_json& count) {
  return is_one(count) ? unit : plural_of(unit);
}

std::string english(const nlohmann::ordered_json& explanation) {
  const std::string key = explanation.value("key", "");
  auto it = templates().find(key);
  if (it == templates().end()) return key;
  const auto& args = explanation["args"];
  std::string out;
  const std::string& t = it->second;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      std::size_t close = t.find('}', i);
      std::string name = t.substr(i + 1, close - i - 1);
      if (auto hash = name.find('#'); hash != std::string::npos) {  // {count#one|other}
        std::string forms = name.substr(hash + 1);
        std::size_t bar = forms.find('|');
        std::string count = name.substr(0, hash);
        out += args.contains(count) ? counted_word(args[count], forms.substr(0, bar), forms.substr(bar + 1))
                                    : forms.substr(bar + 1);
        i = close;
        continue;
      }
      std::string count;  // {unit@count}
      if (auto at = name.find('@'); at != std::string::npos) {
        count = name.substr(at + 1);
        name = name.substr(0, at);
      }
      std::string value = args.contains(name) ? arg_text(args[name]) : "";
      if (!count.empty() && !value.empty() && args.contains(count)) value = unit_word(value, args[count]);
      // An empty argument is an open end: a band without upper bound, a
      // window without time limit, no deadline.
      if (value.empty()) value = name == "to" ? "∞" : (name == "last_day" ? "any later date" : "none");
      // Weekday ids ("mon") read as English abbreviations ("Mon").
      if (name == "weekday" && value.size() == 3 && value[0] >= 'a' && value[0] <= 'z') {
        value[0] = static_cast<char>(value[0] - 'a' + 'A');
      }
      out += value;
      i = close;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace plancalc::cli
