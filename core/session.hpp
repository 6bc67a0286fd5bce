// A training session: the network's state and a phase cursor over one step
// (forward 1..L, loss, backward L..1, update), with time travel over recent phases.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/data.hpp"
#include "core/init.hpp"
#include "core/loss.hpp"
#include "core/loss_history.hpp"
#include "core/optimizer.hpp"
#include "core/rng.hpp"
#include "core/spec.hpp"
#include "core/status.hpp"
#include "core/types.hpp"
#include "core/undo_ring.hpp"

namespace bpx {

struct Phase {
  enum Kind { Forward, Loss, Backward, Update };
  Kind kind = Forward;
  int layer = 0;              // 1..L for Forward and Backward; 0 for Loss and Update
  std::string label() const;  // "forward 1", "loss", "backward 2", "update"
  std::string title() const;  // "Forward 1", "Loss", "Backward 2", "Update"
  bool operator==(const Phase& o) const { return kind == o.kind && layer == o.layer; }
};

// Phase `index` (0-based) of one step of a network with L layers after the input:
// forward 1..L, loss, backward L..1, update.
Phase phase_at(int L, int index);

// The first value that became NaN or infinite.
struct Divergence {
  long step = 0;      // 1-based number of the step in which it happened
  std::string phase;  // Phase::label()
  int layer = 0;
  std::string quantity;  // "Z", "A", "loss", "dZ", "dW", "db", "dA", "W", "b"
  std::string message() const;
};

struct TrainOutcome {
  long steps_done = 0;
  std::optional<Divergence> divergence;
};

struct Evaluation {
  double loss = 0;
  double accuracy = 0;  // NaN where accuracy has no meaning (regression)
  long examples = 0;
};

class Session {
 public:
  static Result<Session> create(const Spec& spec);
  static Result<Session> create(const std::string& spec_json);

  // The spec as it stands (with the live hyper-parameters).
  const Spec& spec() const { return spec_; }
  // The same with the current W and b as its explicit initial values (init.weights and
  // init.biases): a new session of it computes the same forward pass bit for bit. For
  // export and links, and for edits that start from what the network has learnt. An
  // error after a divergence (JSON has no NaN or infinity).
  Result<Spec> spec_with_parameters() const;
  const DataSet& data() const { return data_; }
  int L() const { return spec_.L(); }

  // --- phase cursor ---
  int phases_per_step() const { return 2 * L() + 2; }
  Phase phase_at(int index) const;
  int cursor() const { return c_.cursor; }  // index of the next phase to run
  Phase next_phase_kind() const { return phase_at(c_.cursor); }
  const std::optional<Phase>& last_phase() const { return c_.last; }
  // Runs the next phase; returns a divergence if that phase produced NaN or infinity.
  std::optional<Divergence> next_phase();
  // Undoes the last phase exactly; false when there is no history left.
  bool previous_phase();
  // How far back time travel reaches now, in phases.
  size_t history_size() const { return undo_.size(); }
  // Bytes of saved values the history holds now (within history_limits().max_bytes).
  size_t history_bytes() const { return undo_.bytes(); }
  // Bytes the history's arena takes in memory (live records and reusable room).
  size_t history_arena_bytes() const { return undo_.arena_bytes(); }
  const HistoryLimits& history_limits() const { return undo_.limits(); }
  // New bounds for the history (clears it): at most `phases` phases and `bytes` bytes.
  void set_history_limits(HistoryLimits limits) { undo_.configure(limits); }
  void set_history_limit(size_t phases) { set_history_limits({phases, undo_.limits().max_bytes}); }
  // Runs to the end of the current step (a whole step if at its start).
  std::optional<Divergence> step();
  // n whole steps (finishing a started step first counts as one), keeping no history;
  // stops at the first divergence.
  TrainOutcome train(long n);
  // Back to the initial parameters and counters; history cleared.
  void reset();

  // --- live hyper-parameters (validated; the session is unchanged on error) ---
  std::optional<Error> set_learning_rate(double lr);
  std::optional<Error> set_weight_decay(double wd);
  std::optional<Error> set_batch_size(int batch_size);

  // --- live edits between steps (core/session_edit.cpp; the session is unchanged on error) ---
  // New points for the same network: the JSON of the point form of data ({"points",
  // "labels", "test_points", "test_labels"}; "features", "task" and "classes" default to the
  // session's and may not differ). W, b, optimizer state, counters and the loss curve stay;
  // the next step starts a fresh shuffled epoch over the new training set, a batch size above
  // its count becomes the whole set, and the time-travel history is cleared (its phases
  // refer to the old data). Only at a step's start; not for explicit inputs and targets.
  std::optional<Error> replace_data(const std::string& data_json);
  // One weight W[layer](row, col) or bias b[layer](row, 0) (name "W" or "b") set to a finite
  // value. Only at a step's start; the time-travel history is cleared (undoing an earlier
  // phase would bring back values computed before the edit).
  std::optional<Error> set_parameter(const std::string& name, int layer, int row, int col,
                                     double value);

  // --- readers; layer l in 1..L (A and dA also at 0: the batch inputs and dL/dX) ---
  const Matrix& W(int l) const { return layers_[l].W; }
  const Matrix& b(int l) const { return layers_[l].b; }
  const Matrix& Z(int l) const { return layers_[l].Z; }
  const Matrix& A(int l) const { return layers_[l].A; }
  const Matrix& dA(int l) const { return layers_[l].dA; }
  const Matrix& dZ(int l) const { return layers_[l].dZ; }
  const Matrix& dW(int l) const { return layers_[l].dW; }
  const Matrix& db(int l) const { return layers_[l].db; }
  const Matrix& gprime(int l) const { return layers_[l].gprime; }  // g'(Z[l]), for display
  const OptimizerSlots& optimizer_slots(int l) const { return layers_[l].opt; }
  const OptimizerClock& optimizer_clock() const { return c_.clock; }
  const Matrix& Y() const { return Y_; }                             // targets of the current batch
  const Matrix& losses() const { return losses_; }                   // 1 x m per-example losses
  const std::vector<Eigen::Index>& batch() const { return batch_; }  // training columns
  double loss() const { return c_.loss; }  // batch loss of the last loss phase
  // Batch losses of completed steps, one per loss_history_stride() steps (bounded).
  const std::vector<double>& loss_history() const { return loss_history_.values(); }
  long loss_history_stride() const { return loss_history_.stride(); }
  void set_loss_history_max_points(size_t n) { loss_history_.set_max_points(n); }
  long step_count() const { return c_.step; }  // completed steps
  long epoch() const { return c_.epoch; }      // completed epochs
  int batch_size() const { return batch_size_; }
  bool fused_output() const { return fused_; }
  const std::optional<Divergence>& divergence() const { return c_.divergence; }

  // --- evaluation with the current parameters (no state changes) ---
  // Activations A[1..L] for the given inputs (features x n).
  std::vector<Matrix> predict_all(const Matrix& X) const;
  Matrix predict(const Matrix& X) const;
  Evaluation evaluate(const Matrix& X, const Matrix& Y) const;
  bool has_accuracy() const;

 private:
  struct LayerState {
    Matrix W, b, Z, A, dA, dZ, gprime, dW, db;
    OptimizerSlots opt;
    Matrix Wt, decayed;  // workspaces: W^T for dA[l-1] = W^T dZ, and dW + wd W
    // The second buffers of the batch-wide matrices (see fit).
    Matrix other_Z, other_A, other_dA, other_dZ, other_gprime;
  };
  // Where run_phase found the first NaN or infinity (trivially destructible, so that the
  // phase holds no object that an exception would have to destroy).
  struct Found {
    long step = 0;
    int layer = 0;
    const char* quantity = nullptr;
  };
  struct Counters {
    int cursor = 0;
    std::optional<Phase> last;
    long step = 0;
    long epoch = 0;
    size_t epoch_pos = 0;  // next position in order
    bool batch_ends_epoch = false;
    Pcg32 shuffle_rng{1, 3};
    double loss = 0;
    OptimizerClock clock;
    std::optional<Divergence> divergence;
  };
  // What a phase overwrites; order and batch are index lists, saved as values.
  enum class Slot { W, b, Z, A, dA, dZ, gprime, dW, db, mW, mb, vW, vb, Y, losses, order, batch };
  struct SlotRef {
    Slot slot;
    int layer;
  };
  struct UndoHeader {
    Counters counters;
    LossHistory::Mark loss_mark;
  };

  Session() = default;
  Matrix& slot(Slot s, int l);
  // A batch-wide slot (Z, A, dA, dZ, gprime, Y, losses) shaped rows x cols. Its width follows
  // the batch, which takes two widths when the batch size does not divide the training set
  // (an epoch's last batch is smaller): each such slot has a second buffer, swapped in when
  // the width changes, so that neither is reallocated once both have been used.
  Matrix& fit(Slot s, int l, Eigen::Index rows, Eigen::Index cols);
  static bool batch_wide(Slot s);
  void load_batch();  // draws the next batch into A[0] and Y
  void note(Found& found, int layer, const char* quantity, const Matrix& M) const;
  // The slots phase p overwrites, written to out (at most 6 L + 2); returns their count.
  int saved_slots(const Phase& p, SlotRef* out) const;
  void record(const Phase& p);
  std::optional<Divergence> run_phase(bool with_history);
  void draw_batch();
  // The batch matrices emptied and the history cleared: what a live edit invalidates.
  void forget_batch();

  Spec spec_;
  DataSet data_;
  Parameters initial_;
  std::vector<LayerState> layers_;  // index 0: the input layer (A = batch inputs, dA = dL/dX)
  Matrix Y_, losses_;
  Matrix other_Y_, other_losses_;  // their second buffers (see fit)
  LossScratch loss_scratch_;
  Counters c_;
  std::vector<Eigen::Index> order_;  // this epoch's shuffled training columns
  std::vector<Eigen::Index> batch_;
  LossHistory loss_history_;
  UndoRing<UndoHeader> undo_;
  int batch_size_ = 1;
  bool fused_ = false;
};

}  // namespace bpx
