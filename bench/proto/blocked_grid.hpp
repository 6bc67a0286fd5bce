// PROTOTYPE (benchmark only, not used by the engine): the heatmap kernel of core/fast_grid
// reorganised to stay in L1 cache. FastGrid::run computes each layer over all 10,000 cells
// before the next (rows of 40 KB, read and written once per input unit, then copied into
// the output); this version takes the cells in blocks of kBlock, runs every layer on a
// block while it is in L1, and writes each unit's block straight into the output. The
// arithmetic per cell is the same, in the same order (z = b, z += w_i a_i for i ascending,
// the same rational tanh), so its output equals FastGrid's bit for bit.
#pragma once
#include <vector>

#include "core/fast_grid.hpp"

namespace bpx_proto {

class BlockedGrid {
 public:
  void run(const bpx::Session& session, const std::vector<bpx::Feature>& features,
           const bpx::GridSpec& grid, std::vector<float>& out);

 private:
  std::vector<float> a_, b_;
};

}  // namespace bpx_proto
