//! Boilerplate in the body: the phrase lexicon (comment forms, related lists, share
//! buttons, footers), page IDs and credit lines, a footer in another script, a closing
//! date line and inserted headlines (rules 3 to 7).

use super::{Cleaned, Fate, Line};
use crate::dates;

/// What to do with the lines after a boilerplate line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum After {
    /// Only this line goes.
    Nothing,
    /// The short lines that follow belong to it (a list of links).
    ShortLines,
    /// The article is over (comment form, footer), when late enough.
    Everything,
}

/// The reason a line is boilerplate, and what it says about the lines after it.
pub(super) fn boilerplate(text: &str) -> Option<(&'static str, After)> {
    // Every phrase is short; a paragraph of prose need not be folded and compared.
    if text.len() > 200 {
        return None;
    }
    let key: String = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if is_captcha(text) {
        return Some(("comment form (captcha)", After::Everything));
    }
    if is_copyright(text) {
        return Some(("site footer", After::Everything));
    }
    if is_comment_count(&key) {
        return Some(("comment form", After::Everything));
    }
    for (phrases, prefix_ok, reason, after) in LEXICON {
        let hit = phrases.iter().any(|p| {
            let prefix = *prefix_ok
                && key.len() < p.len() + 80
                && key.starts_with(p)
                && !key[p.len()..].starts_with(char::is_alphanumeric);
            key == *p || prefix
        });
        if hit {
            return Some((reason, *after));
        }
    }
    None
}

/// Phrase lists: (phrases, whether a line may merely start with one, reason, what follows).
const LEXICON: &[(&[&str], bool, &str, After)] = &[
    (
        &[
            "leave a comment",
            "leave a reply",
            "your comment",
            "post a comment",
            "add a comment",
            "add comment",
            "write a comment",
            "comments",
            "want to join the discussion",
            "feel free to contribute",
            "cancel reply",
            "post comment",
            "submit comment",
            "no comments yet",
            "be the first to comment",
            "comments are closed",
            "show comments",
        ],
        false,
        "comment form",
        After::Everything,
    ),
    (
        &[
            "your email address will not be published",
            "you must be logged in to post",
            "notify me of",
            "save my name, email",
            "required fields are marked",
            "comments are closed",
        ],
        true,
        "comment form",
        After::Everything,
    ),
    (
        &[
            "related posts",
            "related news",
            "related articles",
            "related stories",
            "related",
            "related content",
            "latest news",
            "latest",
            "latest stories",
            "most read",
            "most popular",
            "most viewed",
            "you may also like",
            "you might also like",
            "read more",
            "also read",
            "see also",
            "more news",
            "more stories",
            "recommended",
            "trending",
            "top stories",
            "other news",
            "more from this section",
            "popular posts",
            "recent posts",
        ],
        false,
        "related and latest links",
        After::ShortLines,
    ),
    (
        // A single link line: `Read more: Iran urges US to remove obstacles`.
        &[
            "read more:",
            "also read:",
            "see also:",
            "related:",
            "related news:",
            "related article:",
            "related story:",
            "watch:",
        ],
        true,
        "related and latest links",
        After::Nothing,
    ),
    (
        &[
            "share",
            "share this",
            "share this article",
            "share on facebook",
            "share on twitter",
            "tweet",
            "print",
            "email",
            "email this",
            "print this page",
            "send to a friend",
            "print version",
            "print this article",
            "print friendly",
            "whatsapp",
            "telegram",
            "like this",
            "like loading",
        ],
        false,
        "share buttons",
        After::Nothing,
    ),
    (
        // A page's navigation aids and banners, scraped as lines of their own.
        &[
            "accessibility links",
            "skip to content",
            "skip to main content",
            "skip to navigation",
            "breaking news",
            "advertisement",
        ],
        false,
        "navigation",
        After::Nothing,
    ),
    (
        &[
            "all rights reserved",
            "subscribe to our newsletter",
            "follow us on",
            "click here to",
        ],
        true,
        "site footer",
        After::Everything,
    ),
    (
        &["advertisement", "sponsored content", "tags"],
        true,
        "advertising and tags",
        After::Nothing,
    ),
];

/// `9 + 7 =`, `3 x 4 = ?`: a spam check under a comment form.
fn is_captcha(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = compact
        .strip_suffix('=')
        .or_else(|| compact.strip_suffix("=?"))
    else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['+', '-', 'x', '×', '*']).collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// `© 2016 Press TV`, `Copyright 2016 …`, `… All rights reserved.`: a short
/// copyright notice (a sentence about copyright law has no year or sign).
fn is_copyright(text: &str) -> bool {
    let lower = text.to_lowercase();
    let notice = lower.starts_with('©')
        || (lower.starts_with("copyright")
            && (lower.contains('©')
                || lower
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|n| n.len() == 4)))
        || lower.contains("all rights reserved");
    notice && text.len() < 200
}

/// `0 replies`, `12 comments`, `1 response`.
fn is_comment_count(key: &str) -> bool {
    let Some((number, word)) = key.split_once(' ') else {
        return false;
    };
    number.chars().all(|c| c.is_ascii_digit())
        && [
            "replies",
            "reply",
            "comments",
            "comment",
            "responses",
            "response",
            "thoughts on",
        ]
        .contains(&word)
}

/// `*Photo Credit: Press TV`, `Source: Tasnim`: the credited name.
fn credit_line(text: &str) -> Option<&str> {
    if text.len() > 100 {
        return None;
    }
    let body = text
        .trim_start_matches(['*', '(', '[', ' '])
        .trim_end_matches([')', ']', ' ', '.']);
    let (label, name) = body.split_once([':', '-', '–'])?;
    let label = label.trim().to_lowercase();
    let labels = [
        "photo credit",
        "photo credits",
        "image credit",
        "picture credit",
        "photo",
        "source",
        "credit",
        "courtesy",
        "photo courtesy",
        "image courtesy",
    ];
    let name = name.trim();
    let short = (1..=6).contains(&name.split(' ').count()) && name.len() <= 60;
    (labels.contains(&label.as_str()) && short && !name.is_empty()).then_some(name)
}

/// The lexicon, page-ID and credit-line rules over the body; returns the first credited name.
pub(super) fn remove_boilerplate(body: &mut [Line]) -> Option<String> {
    let mut credit = None;
    let total: usize = body.iter().map(|l| l.text.len()).sum();
    let mut before = 0;
    let mut section: Option<(&'static str, After)> = None;
    for line in body.iter_mut() {
        before += line.text.len();
        if line.text.is_empty() {
            continue;
        }
        let text = line.text.as_str();
        if let Some((reason, after)) = boilerplate(text) {
            // A comment form in the first half is a stray widget, not the end of the article.
            let after = match after {
                After::Everything if before * 2 < total => After::ShortLines,
                other => other,
            };
            line.fate = Fate::Removed(reason);
            if after != After::Nothing && section.is_none_or(|(_, a)| a != After::Everything) {
                section = Some((reason, after));
            }
        } else if is_page_id(text) {
            line.fate = Fate::Removed("page ID");
        } else if let Some(name) = credit_line(text) {
            credit.get_or_insert_with(|| name.to_owned());
            line.fate = Fate::Removed("credit line");
        } else if let Some((reason, after)) = section {
            let short = text.split(' ').count() <= 20 && !ends_sentence(text);
            if after == After::Everything || short {
                line.fate = Fate::Removed(reason);
            } else {
                section = None;
            }
        }
    }
    credit
}

/// Whether a line ends like a sentence (so it is prose, not a link or label).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// `Code 134776`, `ID: 13749`, `News ID: 4471`, `Story Code : 12`.
pub(super) fn is_page_id(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    let label_end = lower
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(lower.len());
    let (label, number) = lower.split_at(label_end);
    let label = label.trim_end_matches([' ', ':', '#', '.']).trim();
    let labels = [
        "code",
        "id",
        "news id",
        "news code",
        "story code",
        "story id",
        "article id",
        "post id",
    ];
    labels.contains(&label) && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
}

/// Writing systems, coarsely: enough to tell a footer in another script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Cyrillic,
    Greek,
    Hebrew,
    Cjk,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x3040..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => Script::Cjk,
        _ => Script::Other,
    })
}

/// The script most of the letters of `texts` are written in.
fn main_script<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in texts.flat_map(str::chars).filter_map(script_of) {
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}

/// Trailing lines written in another script than the article.
pub(super) fn remove_other_script_footer(body: &mut [Line]) {
    let Some(article) = main_script(body.iter().filter(|l| l.kept()).map(|l| l.text.as_str()))
    else {
        return;
    };
    for line in body.iter_mut().rev() {
        if line.text.is_empty() || !line.kept() {
            continue;
        }
        match main_script(std::iter::once(line.text.as_str())) {
            Some(script) if script != article => {
                line.fate = Fate::Removed("site footer (other script)")
            }
            _ => break,
        }
    }
}

/// A date line closing the article (`Published: 14 September 2016`): some
/// sites print the date under the text. Like a header date line it holds
/// nothing but the date and labels; a date inside a sentence never counts.
pub(super) fn take_closing_date(body: &mut [Line], out: &mut Cleaned) {
    let Some(last) = body.iter_mut().rev().find(|l| l.kept()) else {
        return;
    };
    if let Some(found) = dates::header_date(&last.text) {
        if out.date.is_none() {
            out.date = Some(found.date);
            out.time = found.time;
        }
        last.fate = Fate::Removed("publication date line");
    }
}

/// Short headline-shaped lines between two prose paragraphs (links to other
/// articles), whether blank lines separate the paragraphs or not. A run of
/// such lines is a list in the article (fixtures, nominees) and stays; so does
/// a fragment the next line continues in lower case, or a line of a
/// hard-wrapped paragraph (its neighbours do not end or start sentences).
pub(super) fn remove_inserted_headlines(body: &mut [Line]) {
    let shaped = |line: &Line| {
        let text = &line.text;
        let words = text.split(' ').count();
        line.kept()
            && (3..=20).contains(&words)
            && text.len() <= 150
            && text.starts_with(char::is_uppercase)
            && !text.ends_with([',', ';', ':', '-', '–'])
            && !ends_sentence(text)
            // A photo caption with its credit ("… in Sydney on Friday. Credit: Jane Doe")
            // holds a whole sentence, which no headline does.
            && !text.contains(". ")
            // A line in capitals is the article's own subheading.
            && text.chars().any(char::is_lowercase)
    };
    let prose = |line: Option<&Line>| {
        line.is_some_and(|l| {
            l.kept()
                && ends_sentence(&l.text)
                && l.text.starts_with(|c: char| !c.is_lowercase())
                && !shaped(l)
        })
    };
    let candidates: Vec<usize> = (0..body.len())
        .filter(|&at| {
            let before = body[..at].iter().rev().find(|l| l.kept());
            let after = body[at + 1..].iter().find(|l| l.kept());
            shaped(&body[at]) && prose(before) && prose(after)
        })
        .collect();
    for at in candidates {
        body[at].fate = Fate::Removed("inserted headline");
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn agency_with_expansion_credit_line_and_other_script_footer() {
        check(
            "Development of partnership\n\nSHAFAQNA (Shia International News Association)- In a conference held in Moscow, officials met.\n\n*Photo Credit: Press TV\n\nطراحی و توسعه",
            &[],
            r#"
title: Development of partnership
date: - -
source: SHAFAQNA
dateline: -
| In a conference held in Moscow, officials met.
- agency prefix: SHAFAQNA (Shia International News Association)-
- credit line: *Photo Credit: Press TV
- site footer (other script): طراحی و توسعه"#,
        );
    }

    #[test]
    fn inserted_headlines_go_between_single_line_paragraphs_too() {
        check(
            "Title here\nFirst paragraph ends here.\nEnvoys meet again in Geneva next week\nSecond paragraph ends here.\nEverton v Chelsea\nLiverpool v Arsenal\nThird paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| Second paragraph ends here.
| Everton v Chelsea
| Liverpool v Arsenal
| Third paragraph ends here.
- inserted headline: Envoys meet again in Geneva next week"#,
        );
    }

    #[test]
    fn a_closing_date_line_dates_the_article() {
        check(
            "Title here\n\nThe talks ended on 3 May 2016 in Vienna.\n\nPublished: 4 May 2016 - 09:30\n\nLeave a Reply",
            &[],
            r#"
title: Title here
date: 2016-05-04 09:30
source: -
dateline: -
| The talks ended on 3 May 2016 in Vienna.
- publication date line: Published: 4 May 2016 - 09:30
- comment form: Leave a Reply"#,
        );
    }

    #[test]
    fn subheadings_in_capitals_stay() {
        check(
            "Title here\n\nFirst paragraph ends here.\n\nFATAL FORCE (MACROSPACE)\n\nSecond paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| FATAL FORCE (MACROSPACE)
| Second paragraph ends here."#,
        );
    }

    #[test]
    fn comment_tail_and_related_lists_go() {
        check(
            "Title here\n\nBody sentence one is here.\n\n0 replies\n\nLeave a Reply\n\nWant to join the discussion?\nFeel free to contribute!\n\nYour email address will not be published. Required fields are marked *",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| Body sentence one is here.
- comment form: 0 replies
- comment form: Leave a Reply
- comment form: Want to join the discussion?
- comment form: Feel free to contribute!
- comment form: Your email address will not be published. Required fields are marked *"#,
        );
        check(
            "Title here\n\nBody sentence one is here.\n\nRelated posts\n\nSome other story about things\nAnother story about stuff\n\nA real paragraph follows this list, and it is long enough to be prose.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| Body sentence one is here.
| A real paragraph follows this list, and it is long enough to be prose.
- related and latest links: Related posts
- related and latest links: Some other story about things
- related and latest links: Another story about stuff"#,
        );
    }

    #[test]
    fn single_link_lines_go() {
        check(
            "Title here\n\nFirst paragraph ends here.\n\nRead more: Iran urges US to remove obstacles\n\nSecond paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| Second paragraph ends here.
- related and latest links: Read more: Iran urges US to remove obstacles"#,
        );
    }

    #[test]
    fn navigation_aids_and_banners_go_and_the_headline_repeated_below_them() {
        check(
            "Ministers gather in Oslo\n\nAccessibility links\n\nBreaking News\n\nMinisters gather in Oslo\n\nThe envoys met on Tuesday.\n\nAdvertisement\n\nThey will meet again.",
            &[],
            r#"
title: Ministers gather in Oslo
date: - -
source: -
dateline: -
| The envoys met on Tuesday.
| They will meet again.
- navigation: Accessibility links
- navigation: Breaking News
- headline repeated: Ministers gather in Oslo
- navigation: Advertisement"#,
        );
    }
}
