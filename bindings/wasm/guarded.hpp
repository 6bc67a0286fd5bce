// Guarded<&Class::method, changes>::call runs a bound method and turns a failed allocation
// (std::bad_alloc, or a size the standard library refuses) into the method's error answer,
// bpx_wasm::failed_value<R>(). `changes` says whether the method changes the session, which
// is then freed: its state may be half updated. The class provides clear_last_error() and
// ran_out_of_memory(bool).
#pragma once
#include <new>
#include <stdexcept>

namespace bpx_wasm {

template <typename T>
T failed_value();

template <auto Method, bool Changes>
struct Guarded;

template <typename C, typename R, typename... A, R (C::*Method)(A...), bool Changes>
struct Guarded<Method, Changes> {
  static R call(C& self, A... args) {
    self.clear_last_error();
    try {
      return (self.*Method)(args...);
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
    self.ran_out_of_memory(Changes);
    return failed_value<R>();
  }
};

template <typename C, typename R, typename... A, R (C::*Method)(A...) const, bool Changes>
struct Guarded<Method, Changes> {
  static R call(C& self, A... args) {
    self.clear_last_error();
    try {
      return (self.*Method)(args...);
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
    self.ran_out_of_memory(Changes);
    return failed_value<R>();
  }
};

}  // namespace bpx_wasm
