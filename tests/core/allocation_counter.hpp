// Counts heap allocations (malloc, calloc, realloc, aligned allocations, and so operator new
// and Eigen's matrices) made by this thread while a Counting scope is open. Natively the test
// binary interposes glibc's malloc family; under AddressSanitizer it installs the sanitizer's
// malloc hook instead. Tests only.
#pragma once

namespace bpx_test {

long allocations();  // since the start, counted only inside Counting scopes

class Counting {
 public:
  Counting();
  ~Counting();
  Counting(const Counting&) = delete;
  Counting& operator=(const Counting&) = delete;
};

}  // namespace bpx_test
