// The one exception hierarchy of the project. Every error the programs raise on purpose derives
// from news::Error, so main() can map them to a one-line message and an exit code, and the
// indexer can tell a bad document (skip and count it) from a broken run (stop).
#pragma once

#include <stdexcept>
#include <string>

namespace news {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Bad input: one document or record cannot be used. The run goes on without it.
class InputError : public Error {
  public:
    InputError(std::string reason, const std::string& message)
        : Error(message), m_reason(std::move(reason)) {}
    // A short, stable key used to count skips by reason ("empty", "binary", ...).
    const std::string& reason() const { return m_reason; }

  private:
    std::string m_reason;
};

// Bad usage: unknown flag, malformed date, malformed query.
class UsageError : public Error {
  public:
    using Error::Error;
};

}  // namespace news
