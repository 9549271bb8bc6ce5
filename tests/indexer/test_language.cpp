// Tests for indexer/extract/language: declared tags, cld2's reading of a text, and which of the
// two a document gets.
#include <doctest/doctest.h>

#include <string>

#include "extract/language.hpp"

namespace {

const std::string kEnglish =
    "The harbour at Porto Seguro reopened on Monday after three days of closure, officials "
    "said. Fishing boats returned to their moorings by noon, and the ferry service resumed at "
    "three. Repairs to the eastern breakwater, damaged by the storm, will take two weeks.";
const std::string kGerman =
    "Der Hafen von Porto Seguro wurde am Montag nach drei Tagen wieder geöffnet, teilten die "
    "Behörden mit. Die Fischerboote kehrten bis zum Mittag an ihre Liegeplätze zurück, und die "
    "Fähre fuhr ab drei Uhr wieder. Die Reparatur der östlichen Mole dauert noch zwei Wochen.";
const std::string kFrench =
    "Le port de Porto Seguro a rouvert lundi après trois jours de fermeture, ont indiqué les "
    "autorités. Les bateaux de pêche ont regagné leurs mouillages avant midi et le service de "
    "ferry a repris à quinze heures. La réparation de la digue prendra encore deux semaines.";
const std::string kSpanish =
    "El puerto de Porto Seguro reabrió el lunes tras tres días de cierre, informaron las "
    "autoridades. Los barcos de pesca regresaron a sus amarres al mediodía y el servicio de "
    "transbordador se reanudó a las tres. La reparación del rompeolas tardará dos semanas más.";
const std::string kRussian =
    "Порт Порту-Сегуру вновь открылся в понедельник после трёх дней закрытия, сообщили власти. "
    "Рыболовные суда вернулись к своим причалам к полудню, а паромное сообщение возобновилось "
    "в три часа. Ремонт восточного волнореза займёт ещё две недели.";
const std::string kChinese =
    "塞古罗港在关闭三天后于周一重新开放，官员表示。渔船在中午前返回泊位，渡轮服务在三点恢复。"
    "东侧防波堤的修复工作还需要两周时间。";
const std::string kJapanese =
    "ポルト・セグーロの港は三日間の閉鎖の後、月曜日に再開したと当局が発表した。漁船は正午までに"
    "係留地に戻り、フェリーは三時に運航を再開した。防波堤の修理にはさらに二週間かかる。";

}  // namespace

TEST_CASE("normalise_language_tag reads the primary subtag of declared tags") {
    struct Case {
        std::string tag;
        std::string code;
    };
    const Case cases[] = {
        {"en", "en"},      {"en-GB", "en"},      {"EN-us", "en"},   {"de_DE", "de"},
        {"pt-BR", "pt"},   {"zh-Hant-TW", "zh"}, {"nb-NO", "no"},   {"nn", "no"},
        {"iw", "he"},      {"ger", "de"},        {"eng", "en"},     {"de, en", "de"},
        {" \"fr\"", "fr"}, {"und", ""},          {"x-default", ""}, {"*", ""},
        {"", ""},          {"english", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.tag);
        CHECK(news::normalise_language_tag(c.tag) == c.code);
    }
}

TEST_CASE("detect_language names the language of a paragraph of text") {
    struct Case {
        const std::string* text;
        std::string code;
    };
    const Case cases[] = {
        {&kEnglish, "en"}, {&kGerman, "de"},  {&kFrench, "fr"},   {&kSpanish, "es"},
        {&kRussian, "ru"}, {&kChinese, "zh"}, {&kJapanese, "ja"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.code);
        const news::LanguageGuess guess = news::detect_language(*c.text);
        CHECK(guess.code == c.code);
        CHECK(guess.reliable);
    }
}

TEST_CASE("detect_language tells nothing for text without words") {
    for (std::string text : {"", "   ", "12345 67 890", "!!! ??? ..."}) {
        CAPTURE(text);
        CHECK(news::detect_language(text).code.empty());
    }
}

TEST_CASE("detect_language reads only the start of a long text") {
    // German for the first sample's worth of bytes, then English: the start decides.
    std::string text;
    while (text.size() < news::kLanguageSampleBytes)
        text += kGerman + " ";
    for (int i = 0; i < 50; ++i)
        text += kEnglish + " ";
    CHECK(news::detect_language(text).code == "de");
}

TEST_CASE("document_language keeps the declared language unless cld2 is sure of another") {
    struct Case {
        std::string what;
        std::string text;
        std::string declared;
        std::string language;
    };
    const Case cases[] = {
        {"declared and detected agree", kGerman, "de-DE", "de"},
        {"template declares English on a German article", kGerman, "en", "de"},
        {"template declares German on an English article", kEnglish, "de", "en"},
        {"nothing declared: detected", kFrench, "", "fr"},
        {"too short to be sure: declared kept", "Tor!", "de", "de"},
        {"no words: declared kept", "2024 — 12:30", "fr", "fr"},
        {"nothing declared, nothing detected", "12345", "", ""},
        {"declared Norwegian Bokmål is Norwegian",
         "Regjeringen la fram statsbudsjettet for neste "
         "år i dag, og finansministeren sa at økonomien er sterk og at ledigheten er lav.",
         "nb", "no"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK(news::document_language(c.text, c.declared) == c.language);
    }
}
