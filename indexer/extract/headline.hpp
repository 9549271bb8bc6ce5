// The headline of a page, chosen by agreement between the places a page states it: og:title,
// the JSON-LD headline, the <h1> over the article and the <title> tag. Each of them fails on some
// sites (og:title and <title> carry the site's name, the first <h1> is often the logo, JSON-LD is
// sometimes a shortened SEO line), but they rarely fail the same way, so the candidate the others
// repeat wins, in the form the reader sees on the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../clean/html_document.hpp"

namespace news {

// A heading element of the page with where it stands.
struct Heading {
    std::string text;
    std::vector<std::string> parts;  // kicker, headline, subtitle when laid out apart
    int level = 1;                   // 1 for <h1>, 2 for <h2>; 0 for an element marked as headline
    bool furniture = false;          // inside nav, footer, aside or a sidebar/menu/widget container
    bool masthead = false;           // inside the page header, a logo or a link to the home page
    bool in_article = false;         // inside <article>, <main> or an article/post/entry container
    bool marked = false;             // class, id or itemprop names it a headline or title
    bool home_link = false;          // is or holds a link to the site's front page: its name
    bool breadcrumb = false;         // a breadcrumb trail (its last step repeats the headline)
    // The text after a leading inline kicker ("<em>Gedenktag </em>Erinnerung an ...").
    std::string after_kicker;
};

struct TitleSources {
    std::string og_title;           // og:title, else twitter:title
    std::string ld_headline;        // JSON-LD headline (or name) of the article object
    std::string title_tag;          // <title> as written
    std::string site_name;          // og:site_name and the like, to strip from the others
    std::string host;               // host of the page's URL, also a site name
    std::vector<Heading> headings;  // h1 (and h2, marked headline elements) in document order
};

// Headings read for the title choice: enough for pages that open with rows of teasers.
inline constexpr size_t kMaxHeadings = 32;
inline constexpr size_t kMaxH2 = 12;

// A page saved by the Wayback Machine names the archive's URL; the page's own is inside it
// ("https://web.archive.org/web/2014/http://example.com/a" -> "http://example.com/a").
std::string_view unarchived_url(std::string_view url);

// Reads an h1/h2 (level 1/2) or an element marked itemprop=headline (level 0): its text as
// shown, its pieces, and where it stands. `home_host` (the page's host) tells logo links.
Heading read_heading(const GumboNode* element, int level, std::string_view home_host);

std::string choose_title(const TitleSources& sources);

// The piece at either end of a title that is the site's name by its host ("Headline - La Vie
// des idées" on laviedesidees.fr), or "".
std::string site_name_in_title(std::string_view title, std::string_view host);

// The names a site goes by (its declared name, its host, the host's main label), compared by
// letters and digits only: "Time 4 talks" is time4talks.com, "Helmholtz Klima" is
// helmholtz-klima.de.
class SiteNames {
  public:
    SiteNames(const std::string& site_name, const std::string& host);
    // One more name (the text of a heading linking to the front page).
    void add(std::string_view name);
    // True when the text is one of the names (or has no letters or digits at all).
    bool is_site(std::string_view text) const;
    // True when the text is several pieces ("Headline | Site") and one of them is the site.
    bool has_site_piece(std::string_view text) const;
    // The text without site-name pieces: at either end (one or more pieces together), what
    // follows a name in the middle ("Headline : Site | Tagline"), and the steps before the
    // last piece of a trail that starts with the name ("Site » Blog Archive » Headline").
    std::string strip(std::string_view text) const;

  private:
    std::vector<std::string> m_names;
};

// The key titles are compared by: lower case, typographic quotes and dashes folded to ASCII,
// punctuation at the ends and runs of spaces removed.
std::string title_key(std::string_view title);

// "Headline | Site Name" -> "Headline", when the suffix (or prefix) is the site's name or short.
std::string strip_site_suffix(const std::string& title, const std::string& site_name);

}  // namespace news
