// A customer's running contract: which plan, how many units, the start of
// its billing terms and until when support is paid. The life-cycle
// operations (change, cancel, add licences) all start from one.
#pragma once

#include <cstdint>
#include <optional>

#include "plancalc/catalog/catalog.hpp"
#include "plancalc/error/error.hpp"

namespace plancalc {

// One billing term [start, end), the index-th from the anchor (0-based).
struct Term {
  int index = 0;
  Date start = Date::from_days(0);
  Date end = Date::from_days(0);
};

// The term of `months`-long periods anchored on `anchor` that contains `on`
// (on >= anchor). Error: date_before_start.
Term term_containing(Date anchor, int months, Date on);

struct Contract {
  const Plan* plan = nullptr;
  std::int64_t quantity = 1;
  Date start = Date::from_days(0);    // first day of the current run of terms
  std::optional<Date> support_end;    // exclusive; none = as the policy implies
};

// When support ends (exclusive): the explicit support_end; else none for an
// auto-renewing plan (it renews until cancelled); else the end of the first
// term.
std::optional<Date> support_end(const Contract& contract);

// A contract whose support has ended on the date of a change, cancellation
// or licence purchase. Carries what it takes to revive it; the api turns
// this into the error support_inactive with the renewal's quote.
class SupportInactive : public Error {
 public:
  SupportInactive(std::string message, Date support_end)
      : Error("support_inactive", std::move(message), "/date", Source::request),
        support_end_(support_end) {}
  Date support_end() const { return support_end_; }

 private:
  Date support_end_;
};

// The current term of the contract on `on`; throws SupportInactive when
// support ended before `on`.
Term active_term(const Contract& contract, Date on);

// Error plan_not_sold when the plan is legacy and no longer sold on `on`.
void check_sold(const Plan& plan, Date on, const char* path);

}  // namespace plancalc
