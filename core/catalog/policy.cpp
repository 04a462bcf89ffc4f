#include "plancalc/catalog/policy.hpp"

namespace plancalc {

const char* to_string(TermAnchor anchor) {
  return anchor == TermAnchor::previous_end ? "previous_end" : "activation";
}

const char* to_string(ProrationBasis basis) {
  return basis == ProrationBasis::actual_days ? "actual_days" : "thirty_day_months";
}

const char* to_string(ChangeEffect effect) {
  switch (effect) {
    case ChangeEffect::immediate:
      return "immediate";
    case ChangeEffect::end_of_term:
      return "end_of_term";
    case ChangeEffect::not_allowed:
      return "not_allowed";
  }
  return "not_allowed";
}

const char* to_string(ChangeDirection direction) {
  switch (direction) {
    case ChangeDirection::upgrade:
      return "upgrade";
    case ChangeDirection::downgrade:
      return "downgrade";
    case ChangeDirection::same_tier:
      return "same_tier";
  }
  return "same_tier";
}

const char* to_string(Refund refund) { return refund == Refund::none ? "none" : "prorated"; }

const char* to_string(CancelEffective effective) {
  return effective == CancelEffective::end_of_term ? "end_of_term" : "end_of_month";
}

}  // namespace plancalc
