// Helpers shared by the indexer tests.
#pragma once

#include <string>

#include "sources/raw_record.hpp"

namespace news::test {

// A format as the word the run summary prints, so failed checks read "html == text".
inline std::string name(Format f) {
    return format_name(f);
}

}  // namespace news::test
