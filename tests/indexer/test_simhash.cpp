// Tests for indexer/dedup/simhash and the writer's story clusters: near copies are close,
// unrelated texts far, banding finds what the threshold accepts, and IndexWriter folds copies
// (this batch's and committed ones) into one story while short texts stay apart.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

#include <xapian.h>

#include "dedup/simhash.hpp"
#include "schema.hpp"
#include "writer.hpp"

namespace fs = std::filesystem;
using namespace news;
using namespace news::dedup;

namespace {

const std::string kWire =
    "Dockworkers at Port Aurel walked off the job on Thursday in a strike over automation plans, "
    "halting traffic at the country's largest container terminals and leaving more than 30 ships "
    "waiting at anchor outside the harbour.\n\n"
    "The union said the walkout would last until the port authority withdrew its plan to bring in "
    "automated cranes at two of the four terminals, a change it says would cost 600 jobs over five "
    "years. Helena Varga, who heads the port authority, said the plan was needed to keep the port "
    "competitive and that no worker would be laid off.\n\n"
    "Shipping lines began diverting vessels to Merrow and to ports across the border on Thursday "
    "afternoon, and exporters warned that perishable goods would spoil within days.\n\n"
    "Marco Dellavalle, the union's leader, told reporters that talks could resume on Monday if the "
    "authority agreed to an independent review of the automation plan.";

const std::string kOther =
    "The central bank held its main interest rate at 4.5 percent on Wednesday but signalled that "
    "it could begin cutting borrowing costs in the second half of the year as inflation eases "
    "faster than expected.\n\n"
    "Governor Annelie Roskam said the board had discussed a cut but wanted to see wage growth slow "
    "further before acting, and that the strong currency was already doing some of the work of "
    "tighter policy.\n\n"
    "Economists had expected the decision, though several had forecast that the bank would cut as "
    "early as March after consumer prices rose by only 2.9 percent in the year to December.";

// A syndicated copy: boilerplate on top, a word changed, the last paragraph cut.
std::string syndicated(const std::string& text) {
    std::string copy = "Subscribe to our newsletter for the day's top stories.\n\n" + text;
    copy = copy.substr(0, copy.rfind("\n\n"));
    copy.replace(copy.find("walked off"), 10, "walked out");
    return copy;
}

class TempDir {
  public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = fs::temp_directory_path() /
                 ("news-test-simhash-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
                  "-" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    std::string db() const { return (m_path / "db").string(); }

  private:
    fs::path m_path;
};

Article article(const std::string& url, const std::string& source, const std::string& text) {
    Article a;
    a.url = url;
    a.source = source;
    a.title = "Headline of " + source;
    a.text = text;
    a.format = "html";
    return a;
}

std::string story_of(const Xapian::Database& db, const std::string& url) {
    Article a;
    a.url = url;
    const std::string uid = schema::unique_id_term(a);
    auto it = db.postlist_begin(uid);
    REQUIRE(it != db.postlist_end(uid));
    return db.get_document(*it).get_value(schema::kSlotStory);
}

}  // namespace

TEST_CASE("normalised words are lower case without punctuation") {
    CHECK(normalised_words("The Port’s  “BIG” strike—over, Élan!") ==
          std::vector<std::string>{"the", "port", "s", "big", "strike", "over", "élan"});
    CHECK(normalised_words("").empty());
}

TEST_CASE("hash64 is stable and spreads") {
    CHECK(hash64("port") == hash64("port"));
    CHECK(hash64("port") != hash64("porT"));
    CHECK(hamming(hash64("a"), hash64("b")) > 16);
}

TEST_CASE("a text and its copy with other whitespace and case have one fingerprint") {
    Fingerprint a = fingerprint(kWire);
    Fingerprint b = fingerprint("  " + kWire + "\n");
    CHECK(a.simhash == b.simhash);
    CHECK(a.exact == b.exact);
    CHECK(a.long_enough());
    CHECK(a.sketch.size() == kSketchSize);
}

TEST_CASE("one changed word moves the simhash a few bits, an unrelated text about half") {
    std::string copy = kWire;
    copy.replace(copy.find("walked off"), 10, "walked out");
    // Three of ~230 shingles changed: a few bits (6 here), so the resemblance check is what
    // accepts most copies; the simhash's own threshold (3) catches the nearest.
    CHECK(hamming(simhash(kWire), simhash(copy)) <= 10);
    CHECK(hamming(simhash(kWire), simhash(kOther)) >= 20);
    CHECK(same_story(fingerprint(kWire), fingerprint(copy)));
    std::string trailing = kWire + " More.";
    CHECK(hamming(simhash(kWire), simhash(trailing)) <= kMaxDistance);
}

TEST_CASE("a syndicated copy is the same story, an unrelated text is far") {
    Fingerprint wire = fingerprint(kWire);
    Fingerprint copy = fingerprint(syndicated(kWire));
    Fingerprint other = fingerprint(kOther);
    CHECK(resemblance(wire.sketch, copy.sketch) >= kMinResemblance);
    CHECK(same_story(wire, copy));
    CHECK(hamming(wire.simhash, other.simhash) > 12);
    CHECK(resemblance(wire.sketch, other.sketch) < 0.1);
    CHECK_FALSE(same_story(wire, other));
}

TEST_CASE("banding: within the threshold, some band is shared") {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 2000; ++trial) {
        std::uint64_t a = rng();
        std::uint64_t b = a;
        int flips = static_cast<int>(rng() % (kMaxDistance + 1));
        for (int i = 0; i < flips; ++i)
            b ^= std::uint64_t{1} << (rng() % 64);
        REQUIRE(hamming(a, b) <= kMaxDistance);
        bool shared = false;
        for (int k = 0; k < kBands; ++k)
            shared |= band(a, k) == band(b, k);
        CHECK(shared);
    }
    // The band terms are distinct per band.
    CHECK(schema::simhash_band_term(0, 0x12ab) == "XB012ab");
    CHECK(schema::simhash_band_term(3, 0x12ab) != schema::simhash_band_term(0, 0x12ab));
}

TEST_CASE("short texts cluster only when their words are the same") {
    Fingerprint a = fingerprint("Markets closed higher on Friday.");
    Fingerprint b = fingerprint("Markets closed lower on Friday.");
    Fingerprint c = fingerprint("markets CLOSED higher, on Friday");
    CHECK_FALSE(a.long_enough());
    CHECK_FALSE(same_story(a, b));
    CHECK(same_story(a, c));
}

TEST_CASE("sketches survive their value encoding") {
    Fingerprint a = fingerprint(kWire);
    CHECK(decode_sketch(encode_sketch(a.sketch)) == a.sketch);
    CHECK(schema::decode_simhash(schema::encode_simhash(a.simhash)) == a.simhash);
    CHECK_FALSE(schema::decode_simhash("xyz").has_value());
}

TEST_CASE("the writer folds copies into the first article's story") {
    TempDir dir;
    {
        IndexWriter writer(dir.db(), 100);  // one batch: copies found uncommitted
        writer.write(article("https://wire.example/strike", "Wire", kWire));
        writer.write(article("https://herald.example/strike", "Herald", syndicated(kWire)));
        writer.write(article("https://bank.example/rates", "Bank", kOther));
        writer.commit();
        // A later batch: the committed copies are found too.
        writer.write(article("https://courier.example/strike", "Courier", kWire + "\n\nAd."));
        writer.commit();
    }
    Xapian::Database db(dir.db());
    const std::string story = story_of(db, "https://wire.example/strike");
    CHECK(story.size() == 16);
    CHECK(story_of(db, "https://herald.example/strike") == story);
    CHECK(story_of(db, "https://courier.example/strike") == story);
    CHECK(story_of(db, "https://bank.example/rates") != story);
    CHECK(db.get_termfreq(schema::story_term(story)) == 3);
}

TEST_CASE("a re-indexed article keeps its story") {
    TempDir dir;
    std::string before;
    {
        IndexWriter writer(dir.db(), 1);
        writer.write(article("https://wire.example/strike", "Wire", kWire));
        writer.write(article("https://herald.example/strike", "Herald", syndicated(kWire)));
    }
    {
        Xapian::Database db(dir.db());
        before = story_of(db, "https://herald.example/strike");
    }
    {
        IndexWriter writer(dir.db(), 1);
        writer.write(article("https://herald.example/strike", "Herald", syndicated(kWire)));
        writer.write(article("https://wire.example/strike", "Wire", kWire));
    }
    Xapian::Database db(dir.db());
    CHECK(db.get_doccount() == 2);
    CHECK(story_of(db, "https://herald.example/strike") == before);
    CHECK(story_of(db, "https://wire.example/strike") == before);
}

TEST_CASE("the writer keeps short unrelated texts apart and joins exact short copies") {
    TempDir dir;
    {
        IndexWriter writer(dir.db(), 100);
        writer.write(article("https://a.example/1", "A", "Markets closed higher on Friday."));
        writer.write(article("https://b.example/1", "B", "Markets closed lower on Friday."));
        writer.write(article("https://c.example/1", "C", "Markets closed higher on Friday!"));
    }
    Xapian::Database db(dir.db());
    CHECK(story_of(db, "https://a.example/1") != story_of(db, "https://b.example/1"));
    CHECK(story_of(db, "https://a.example/1") == story_of(db, "https://c.example/1"));
}
