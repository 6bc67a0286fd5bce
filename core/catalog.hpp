// The engine describes itself: every activation, loss, optimizer, init scheme, data set,
// feature and limit, with display names, TeX and ranges, the training view's first run
// (trainDefaults, a complete spec), and the phases of a network.
// The page, the element's attribute parser, the URL parser, `bpx catalog` and the README's
// spec table read this one description instead of restating it.
#pragma once
#include <nlohmann/json.hpp>

#include "core/spec.hpp"

namespace bpx {

// The whole catalogue as JSON (shape documented in docs/js-api.md, "engine.catalog()").
nlohmann::json catalog();

// The phases of one step of a network with L layers after the input, in order:
// [{"kind": "forward", "layer": 1, "label": "Forward 1"}, ..., {"kind": "update", ...}].
nlohmann::json phase_list(int L);

struct Phase;
// One phase as {"kind", "layer", "label"}.
nlohmann::json phase_json(const Phase& p);

}  // namespace bpx
