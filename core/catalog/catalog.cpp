#include "plancalc/catalog/catalog.hpp"

namespace plancalc {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace

const char* to_string(PriceModel model) {
  switch (model) {
    case PriceModel::flat:
      return "flat";
    case PriceModel::per_unit:
      return "per_unit";
    case PriceModel::graduated:
      return "graduated";
    case PriceModel::volume:
      return "volume";
    case PriceModel::package:
      return "package";
    case PriceModel::list_rate:
      return "list_rate";
    case PriceModel::on_request:
      return "on_request";
  }
  return "flat";
}

const char* to_string(Stacking stacking) { return stacking == Stacking::sequential ? "sequential" : "exclusive"; }

const Plan* Catalog::find_plan(const std::string& id) const { return find_by_id(plans, id); }
const Tier* Catalog::find_tier(const std::string& id) const { return find_by_id(tiers, id); }
const Product* Catalog::find_product(const std::string& id) const {
  return find_by_id(products, id);
}
const BusinessCalendar* Catalog::find_calendar(const std::string& id) const {
  return find_by_id(calendars, id);
}

}  // namespace plancalc
