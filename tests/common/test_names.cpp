// Tests for common/names: cleaning names for display, matching keys (titles, possessives,
// diacritics, middle names), surnames, same_person and acronyms.
#include <doctest/doctest.h>

#include <string>

#include "names.hpp"

using news::EntityType;
using namespace news::names;

TEST_CASE("clean_name drops titles, honorifics, possessives and surrounding punctuation") {
    struct Case {
        EntityType type;
        std::string input;
        std::string expected;
    };
    const EntityType P = EntityType::Person, O = EntityType::Organization,
                     G = EntityType::Place;
    const Case cases[] = {
        {P, "Antony J. Blinken", "Antony J. Blinken"},
        {P, "Mr. Antony J. Blinken's", "Antony J. Blinken"},
        {P, "Mr Blinken", "Blinken"},
        {P, "mr. blinken", "blinken"},
        {P, "Secretary Blinken", "Blinken"},
        {P, "Secretary of State Antony Blinken", "Antony Blinken"},
        {P, "Blinken's", "Blinken"},
        {P, "Blinken\xE2\x80\x99s", "Blinken"},
        {P, "Netanyahu's", "Netanyahu"},
        {P, "Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"},
        {P, "Israeli Prime Minister Netanyahu", "Israeli Prime Minister Netanyahu"},
        {P, "Vice President Kamala Harris", "Kamala Harris"},
        {P, "Vice-President Harris", "Harris"},
        {P, "former President Donald Trump", "Donald Trump"},
        {P, "Foreign Minister Sergei Lavrov", "Sergei Lavrov"},
        {P, "Defense Secretary Lloyd Austin", "Lloyd Austin"},
        {P, "Minister of Defence Ben Wallace", "Ben Wallace"},
        {P, "Gen. Mark Milley", "Mark Milley"},
        {P, "Lt. Gen. Herzi Halevi", "Herzi Halevi"},
        {P, "Dr Anthony Fauci", "Anthony Fauci"},
        {P, "Prof. Jane Doe", "Jane Doe"},
        {P, "Sen. Chuck Schumer", "Chuck Schumer"},
        {P, "Rep. Nancy Pelosi", "Nancy Pelosi"},
        {P, "Gov. Gavin Newsom", "Gavin Newsom"},
        {P, "Chancellor Olaf Scholz", "Olaf Scholz"},
        {P, "King Charles III", "Charles III"},
        {P, "Pope Francis", "Francis"},
        {P, "Judge Aileen Cannon", "Aileen Cannon"},
        {P, "Justice Clarence Thomas", "Clarence Thomas"},
        {P, "Chairman Jerome Powell", "Jerome Powell"},
        {P, "CEO Elon Musk", "Elon Musk"},
        {P, "Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"},
        {P, "President", "President"},  // nothing left: kept
        {P, "King", "King"},
        {P, "Stephen King", "Stephen King"},  // titles only as leading words
        {P, "  \"Joe   Biden,\" ", "Joe Biden"},
        {P, "Martin Luther King Jr.", "Martin Luther King Jr."},
        {P, "Biden.", "Biden"},
        {P, "J.", "J."},
        {P, "James' ", "James"},
        {O, "Israel Defense Forces", "Israel Defense Forces"},
        {O, "General Motors", "General Motors"},  // no titles out of organisations
        {O, "McDonald's", "McDonald's"},
        {O, "the United Nations", "United Nations"},
        {O, "Apple Inc.", "Apple Inc."},
        {G, "Israel's", "Israel"},
        {G, "U.S.", "U.S."},
        {G, "Prince Edward Island", "Prince Edward Island"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        CHECK(clean_name(c.type, c.input) == c.expected);
    }
}

TEST_CASE("entity_key folds diacritics and case, and reduces persons to first and last name") {
    struct Case {
        EntityType type;
        std::string input;
        std::string expected;
    };
    const EntityType P = EntityType::Person, O = EntityType::Organization,
                     G = EntityType::Place;
    const Case cases[] = {
        {P, "Antony J. Blinken", "antony blinken"},
        {P, "Mr. Antony Blinken", "antony blinken"},
        {P, "Antony Blinken's", "antony blinken"},
        {P, "Anthony Blinken", "anthony blinken"},
        {P, "Mr. Blinken", "blinken"},
        {P, "Secretary Blinken", "blinken"},
        {P, "Blinken's", "blinken"},
        {P, "BLINKEN", "blinken"},
        {P, "Recep Tayyip Erdoğan", "recep erdogan"},
        {P, "Recep Tayyip Erdogan", "recep erdogan"},
        {P, "Erdog\xCC\x86" "an", "erdogan"},  // decomposed g + combining breve
        {P, "Erdoğan's", "erdogan"},
        {P, "Lech Wałęsa", "lech walesa"},
        {P, "Lars Løkke Rasmussen", "lars rasmussen"},
        {P, "Søren Kierkegaard", "soren kierkegaard"},
        {P, "Franziska Weiß", "franziska weiss"},
        {P, "Ahmet Davutoğlu", "ahmet davutoglu"},
        {P, "Işıl Kaya", "isil kaya"},
        {P, "José María Aznar", "jose aznar"},
        {P, "Jean-Claude Juncker", "jeanclaude juncker"},
        {P, "Alexandria Ocasio-Cortez", "alexandria ocasiocortez"},
        {P, "Ocasio-Cortez", "ocasiocortez"},
        {P, "Bashar al-Assad", "bashar assad"},
        {P, "Assad", "assad"},
        {P, "Ursula von der Leyen", "ursula leyen"},
        {P, "von der Leyen", "leyen"},
        {P, "Charles de Gaulle", "charles gaulle"},
        {P, "Al Gore", "al gore"},
        {P, "al gore", "al gore"},
        {P, "ursula von der leyen", "ursula leyen"},
        {P, "von der leyen", "leyen"},
        {P, "Bashar al Assad", "bashar assad"},
        {P, "Martin Luther King Jr.", "martin king"},
        {P, "J. Biden", "j biden"},
        {P, "Joseph R. Biden Jr.", "joseph biden"},
        {P, "Shaquille O'Neal", "shaquille oneal"},
        {P, "Владимир Путин", "владимир путин"},
        {P, "Mr.", ""},
        {P, "", ""},
        {P, " ... ", ""},
        {O, "Israel Defense Forces", "israel defense forces"},
        {O, "IDF", "idf"},
        {O, "the United Nations", "united nations"},
        {O, "The New York Times", "new york times"},
        {O, "AT&T", "att"},
        {O, "Hamas's", "hamas"},
        {O, "McDonald's", "mcdonald"},
        {O, "Rolls-Royce", "rolls royce"},
        {G, "Tel Aviv", "tel aviv"},
        {G, "U.S.", "us"},
        {G, "Zürich", "zurich"},
        {G, "İstanbul", "istanbul"},
        {G, "Israel's", "israel"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        CHECK(entity_key(c.type, c.input) == c.expected);
    }
}

TEST_CASE("surname_of_key is the last word") {
    CHECK(surname_of_key("antony blinken") == "blinken");
    CHECK(surname_of_key("blinken") == "blinken");
    CHECK(surname_of_key("") == "");
}

TEST_CASE("same_person joins spellings of one person and keeps relatives apart") {
    struct Case {
        std::string a, b;
        bool expected;
    };
    const Case cases[] = {
        {"antony blinken", "antony blinken", true},
        {"antony blinken", "anthony blinken", true},  // one letter
        {"antony blinken", "blinken", true},          // surname alone
        {"blinken", "blinken", true},
        {"a blinken", "antony blinken", true},  // initial
        {"j biden", "joe biden", true},
        {"joe biden", "hunter biden", false},
        {"jill biden", "joe biden", false},  // short names: exact only
        {"joe biden", "jon biden", false},
        {"jill biden", "jill bidden", false},  // surnames must be equal
        {"katherine smith", "kathrine smith", true},
        {"katherine smith", "catherine smith", false},  // first letter differs
        {"alexandra smith", "alexander smith", true},   // 7+ letters: two edits
        {"mohammed salman", "muhammad salman", true},   // two edits, 7+ letters
        {"maria lopez", "mario lopez", true},           // 4+ letters: one edit
        {"recep erdogan", "erdogan", true},
        {"", "biden", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(same_person(c.a, c.b) == c.expected);
        CHECK(same_person(c.b, c.a) == c.expected);
    }
}

TEST_CASE("acronym_key takes the initials of the significant words") {
    CHECK(acronym_key("Israel Defense Forces") == "idf");
    CHECK(acronym_key("International Monetary Fund") == "imf");
    CHECK(acronym_key("Federal Bureau of Investigation") == "fbi");
    CHECK(acronym_key("the North Atlantic Treaty Organization") == "nato");
    CHECK(acronym_key("Organization of the Petroleum Exporting Countries") == "opec");
    CHECK(acronym_key("Hamas") == "");
    CHECK(acronym_keys("Department of Justice") ==
          std::vector<std::string>{"dj", "doj"});
}
