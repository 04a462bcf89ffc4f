#include "plancalc/pricing/pricing.hpp"

#include <algorithm>

#include "plancalc/error/error.hpp"

namespace plancalc {
namespace {

Line line(std::int64_t quantity, std::optional<Money> unit_amount, Money amount,
          Explanation explanation) {
  return Line{"plan", quantity, unit_amount, amount, std::move(explanation)};
}

std::int64_t band_from(const std::vector<Band>& bands, std::size_t i) {
  return i == 0 ? 1 : *bands[i - 1].up_to + 1;
}

ExplanationArg band_to(const Band& band) {
  if (band.up_to) return *band.up_to;
  return std::string();
}

// An explanation with room for its args.
Explanation explanation(const char* key, std::size_t args) {
  Explanation e{key, {}};
  e.args.reserve(args);
  return e;
}

Explanation band_flat(std::int64_t from, const Band& band) {
  Explanation e = explanation("price.band_flat", 3);
  e.with("from", from).with("to", band_to(band)).with("amount", band.flat_amount);
  return e;
}

void graduated(const Price& price, std::int64_t quantity, std::vector<Line>& out) {
  for (std::size_t i = 0; i < price.bands.size(); ++i) {
    const Band& band = price.bands[i];
    std::int64_t from = band_from(price.bands, i);
    if (quantity < from) break;
    std::int64_t to = band.up_to ? std::min(*band.up_to, quantity) : quantity;
    std::int64_t units = to - from + 1;
    Explanation e = explanation("price.graduated_band", 4);
    e.with("from", from).with("to", band_to(band)).with("quantity", units).with("unit_amount", band.unit_amount);
    out.push_back(line(units, band.unit_amount, multiply(band.unit_amount, units), std::move(e)));
    if (band.flat_amount != Money::zero()) {
      out.push_back(line(1, std::nullopt, band.flat_amount, band_flat(from, band)));
    }
  }
}

void volume(const Price& price, std::int64_t quantity, std::vector<Line>& out) {
  for (std::size_t i = 0; i < price.bands.size(); ++i) {
    const Band& band = price.bands[i];
    if (band.up_to && quantity > *band.up_to) continue;
    std::int64_t from = band_from(price.bands, i);
    Explanation e = explanation("price.volume", 4);
    e.with("quantity", quantity).with("from", from).with("to", band_to(band)).with("unit_amount", band.unit_amount);
    out.push_back(line(quantity, band.unit_amount, multiply(band.unit_amount, quantity), std::move(e)));
    if (band.flat_amount != Money::zero()) {
      out.push_back(line(1, std::nullopt, band.flat_amount, band_flat(from, band)));
    }
    return;
  }
}

}  // namespace

const DatedAmount& list_price_on(const Product& product, Date on, const char* path) {
  const DatedAmount* found = nullptr;
  for (const DatedAmount& p : product.prices) {
    if (p.from <= on) found = &p;
  }
  if (!found) {
    fail("no_price_in_force", "product " + excerpt(product.id) + " has no list price on " + format_date(on), path);
  }
  return *found;
}

void check_quantity(const Plan& plan, std::int64_t quantity) {
  if (quantity < plan.min_quantity || quantity > plan.max_quantity) {
    fail("quantity_out_of_range",
         "plan " + excerpt(plan.id) + " is sold for " + std::to_string(plan.min_quantity) + " to " +
             std::to_string(plan.max_quantity) + " " + plan.unit + ", got " +
             std::to_string(quantity),
         "/quantity");
  }
}

const DatedPrice& price_in_force(const Plan& plan, Date on) {
  const DatedPrice* found = nullptr;
  for (const DatedPrice& p : plan.prices) {
    if (!p.from || *p.from <= on) found = &p;
  }
  if (!found) {
    fail("no_price_in_force",
         "plan " + excerpt(plan.id) + " has no price in force on " + format_date(on), "/start");
  }
  return *found;
}

PricedPeriod price_period(const Catalog& catalog, const Plan& plan, std::int64_t quantity,
                          Date on) {
  check_quantity(plan, quantity);
  const DatedPrice& dated = price_in_force(plan, on);
  const Price& price = dated.price;
  PricedPeriod out;
  out.price_from = dated.from;
  // At most a line and a flat fee per band.
  out.lines.reserve(price.bands.empty() ? 1 : 2 * price.bands.size());
  switch (price.model) {
    case PriceModel::flat:
      out.lines.push_back(line(1, std::nullopt, price.amount,
                               {"price.flat", {{"amount", price.amount}}}));
      break;
    case PriceModel::per_unit:
      out.lines.push_back(line(quantity, price.unit_amount, multiply(price.unit_amount, quantity),
                               {"price.per_unit",
                                {{"quantity", quantity},
                                 {"unit", plan.unit},
                                 {"unit_amount", price.unit_amount}}}));
      break;
    case PriceModel::graduated:
      graduated(price, quantity, out.lines);
      break;
    case PriceModel::volume:
      volume(price, quantity, out.lines);
      break;
    case PriceModel::package: {
      std::int64_t packages = quantity / price.package_size + (quantity % price.package_size != 0);
      out.lines.push_back(line(packages, price.package_amount,
                               multiply(price.package_amount, packages),
                               {"price.package",
                                {{"quantity", quantity},
                                 {"packages", packages},
                                 {"package_size", price.package_size},
                                 {"package_amount", price.package_amount}}}));
      break;
    }
    case PriceModel::on_request:
      fail("price_on_request",
           "plan " + excerpt(plan.id) + " is priced individually by the vendor: price on request", "/plan");
    case PriceModel::list_rate: {
      const Product& product = catalog.products[static_cast<std::size_t>(price.product)];
      const DatedAmount& list = list_price_on(product, on, "/start");
      Money unit = apply_rate(list.amount, price.rate, catalog.rounding);
      out.lines.push_back(
          line(quantity, unit, multiply(unit, quantity),
               {"price.list_rate",
                {{"rate", price.rate},
                 {"product", product.id},
                 {"list_price", list.amount},
                 {"list_price_from", list.from},
                 {"quantity", quantity},
                 {"exact", format_exact_rate_product(list.amount, price.rate, *catalog.currency)},
                 {"unit_amount", unit}}}));
      if (!out.price_from || *out.price_from < list.from) out.price_from = list.from;
      break;
    }
  }
  for (const Line& l : out.lines) out.total = add(out.total, l.amount);
  return out;
}

}  // namespace plancalc
