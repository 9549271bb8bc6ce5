// Tests on the class and id values of HTML elements, shared by the extractors that read a page's
// layout from the names its templates give their elements ("byline", "site-header", "kicker").
#pragma once

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>

namespace news::names {

inline std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// True when one of the words occurs anywhere in the value ("logo" in "site-logo-img").
inline bool has_substring(std::string_view value, std::initializer_list<std::string_view> words) {
    if (value.empty()) return false;
    std::string l = lower(value);
    for (std::string_view w : words)
        if (l.find(w) != std::string::npos) return true;
    return false;
}

// True when one of the words is a whole token of the value, tokens split at anything but letters
// and digits ("nav" in "top-nav clearfix", not in "canvas").
inline bool has_word(std::string_view value, std::initializer_list<std::string_view> words) {
    std::string l = lower(value);
    size_t i = 0;
    while (i < l.size()) {
        size_t j = i;
        while (j < l.size() && std::isalnum(static_cast<unsigned char>(l[j])))
            ++j;
        std::string_view token(l.data() + i, j - i);
        for (std::string_view w : words)
            if (token == w) return true;
        i = j + 1;
    }
    return false;
}

// True when one of the names is a whole class name of a class attribute ("header" in
// "header sticky", not in "frame-header").
inline bool has_class(std::string_view value, std::initializer_list<std::string_view> names) {
    size_t i = 0;
    while (i < value.size()) {
        size_t j = value.find(' ', i);
        if (j == std::string_view::npos) j = value.size();
        std::string name = lower(value.substr(i, j - i));
        for (std::string_view n : names)
            if (name == n) return true;
        i = j + 1;
    }
    return false;
}

}  // namespace news::names
