//! Checks the word segmenter (`text::words`) against the `unicode-segmentation`
//! crate, the reference implementation of UAX #29 that the segmenter replaces
//! in the WebAssembly: the default corpus, sentences in many scripts and
//! random strings of the characters the rules treat specially must be cut the
//! same way, and the few deliberate differences are spelt out below.

use std::path::Path;

use communique_core::text::words;
use unicode_segmentation::UnicodeSegmentation;

/// `surface@start` of every word, by our segmenter.
fn ours(text: &str) -> Vec<String> {
    words(text)
        .map(|w| format!("{}@{}", w.text, w.span.start))
        .collect()
}

/// `surface@start` of every word, by `unicode-segmentation`.
fn reference(text: &str) -> Vec<String> {
    text.unicode_word_indices()
        .map(|(start, word)| format!("{word}@{start}"))
        .collect()
}

fn assert_same(text: &str) {
    assert_eq!(ours(text), reference(text), "{text:?}");
}

#[test]
fn the_default_corpus_is_cut_as_uax29_cuts_it() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).expect("the default corpus is in the repository") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            assert_same(&std::fs::read_to_string(&path).unwrap());
            files += 1;
        }
    }
    assert_eq!(files, 5);
}

#[test]
fn scripts_and_punctuation_are_cut_as_uax29_cuts_them() {
    for text in [
        "TEHRAN – Iran’s Deputy Foreign Minister met Russia's envoy on 10,000 U.S. dollars (3.5%).",
        "Rōhānī said: “we’ll see” — co-operation; e-mail: a.b@c.de, 12:30, 1.000.000,5 €",
        "Ro\u{301}ha\u{301}ni\u{301} and Teh\u{AD}ran, zero\u{200B}width, join\u{200D}er, l\u{200E}rm",
        "Президент России Владимир Путин прибыл в Тегеран 19 июля 2016 года.",
        "سفر رئیس‌جمهور روسیه به تهران در ۱۳۹۵؛ وزیر امور خارجه گفت",
        "وصل الرئيس الروسي إلى طهران، وقال: ١٢٣٬٤٥٦",
        "Ο υπουργός Εξωτερικών επισκέφθηκε την Αθήνα· είπε «ναι».",
        "प्रधानमंत्री मोदी ने तेहरान की यात्रा की।",
        "普京总统访问德黑兰。とうきょう、カタカナ 한국어 대통령",
        "ประธานาธิบดีปูตินเยือนเตหะราน ລາວ ខ្មែរ မြန်မာ",
        "צה\"ל הודיע; ג'ירפה ו-ABC שלום'",
        "snake_case __init__ _x x_ ___ a_1 ‿ 1_000",
        "a.b. a..b 1..2 1.a a.1 a:1 1:2 a;b 1;2 a,b 1,2 'a' .5 5. ‘x’y",
        "",
        " \n\t ",
        "… — – ! ? ( ) [ ] { } # * & %",
    ] {
        assert_same(text);
    }
}

#[test]
fn random_strings_are_cut_as_uax29_cuts_them() {
    // Letters and digits of several scripts, every kind of in-word
    // punctuation, marks, format characters and ordinary separators.
    const ALPHABET: &[char] = &[
        'a', 'Z', 'é', '3', '0', 'ж', 'ب', '٣', 'א', 'ש', '中', 'の', 'ก', 'ำ', 'ﾊ', '한', ' ',
        '\n', '.', ',', ';', ':', '\'', '’', '‘', '"', '-', '_', '·', '!', '(', '/', '\u{301}',
        '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{FEFF}', '\u{2060}',
        '\u{94D}', 'क', 'ﾊ', 'カ', 'ー',
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: a fixed sequence, so a failure always reproduces.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for _ in 0..50_000 {
        let len = (next() % 10) as usize;
        let text: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        assert_same(&text);
    }
}

#[test]
fn known_differences_from_uax29() {
    // A mark after a space or punctuation starts no word; the crate makes a
    // "word" of the punctuation and the mark when the mark counts as a letter.
    let text = "! \u{E31}x";
    assert_eq!(ours(text), ["x@5"]);
    assert_eq!(reference(text), [" \u{E31}@1", "x@5"]);
    // Superscripts and fractions are numbers inside a word; UAX #29 cuts there.
    let text = "km² 10½";
    assert_eq!(ours(text), ["km²@0", "10½@5"]);
    assert_eq!(reference(text), ["km@0", "²@2", "10@5", "½@7"]);
}
