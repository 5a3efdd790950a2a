//! The header: page IDs, date lines, bylines, breadcrumbs and section labels above the
//! body, and the headline without its site suffix (rule 2); what an outlet's name looks like.

use super::boilerplate::{boilerplate, ends_sentence, is_page_id};
use super::{Cleaned, Fate, Line};
use crate::dates;

/// Reads the header lines (IDs, dates, headline) and returns where the body starts.
pub(super) fn read_header(lines: &mut [Line], known_titles: &[&str], out: &mut Cleaned) -> usize {
    let mut seen = 0;
    let mut title_found = false;
    for at in 0..lines.len() {
        if lines[at].text.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 8 {
            return at;
        }
        let next = lines[at + 1..].iter().find(|l| !l.text.is_empty());
        let headline_follows = next.is_some_and(|n| {
            let words = n.text.split(' ').count();
            words >= 3
                && headline_shaped(&n.text)
                && !is_byline(&n.text)
                && dates::header_date(&n.text).is_none()
        });
        let line = &mut lines[at];
        let text = line.text.as_str();
        let known = known_titles.iter().any(|known| same_title(text, known));
        line.fate = if is_page_id(text) {
            Fate::Removed("page ID")
        } else if let Some(found) = dates::header_date(text) {
            if out.date.is_none() {
                out.date = Some(found.date);
                out.time = found.time;
            }
            Fate::Removed("publication date line")
        } else if let Some((reason, _)) = boilerplate(text) {
            Fate::Removed(reason)
        } else if title_found && is_byline(text) {
            Fate::Removed("byline")
        } else if !known && is_navigation(text) {
            Fate::Removed("navigation")
        } else if !known && is_glued_tags(text) {
            Fate::Removed("tags")
        } else if title_found && same_title(text, &out.title) {
            Fate::Removed("headline repeated")
        } else if !title_found && !known && is_label(text) && headline_follows {
            // `World` or `POLITICS` above the real headline.
            Fate::Removed("section label")
        } else if !title_found && (headline_shaped(text) || known) {
            out.title = strip_site_suffix(text).to_owned();
            title_found = true;
            Fate::Removed("headline")
        } else {
            return at;
        };
    }
    lines.len()
}

/// A section label: one word (`World`) or two in capitals (`MIDDLE EAST`).
fn is_label(text: &str) -> bool {
    let words = text.split(' ').count();
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    headline_shaped(text) && (words == 1 || (words == 2 && shouting))
}

/// A breadcrumb trail (`Home | World | Middle East`, `News > Politics > Iran`):
/// three or more short parts between separators.
fn is_navigation(text: &str) -> bool {
    [" | ", " > ", " » ", " › "].iter().any(|sep| {
        let parts: Vec<&str> = text.split(sep).collect();
        parts.len() >= 3
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.split(' ').count()) && !p.trim().is_empty())
    })
}

/// A page's topic tags run together when scraped without their separators
/// (`ASEANAsiaChinaEastern AsiaIndiaSouthern Asia`): no sentence end, and a word of three
/// or more small letters glued to a capitalised one (`...inaEa...`) at least twice and
/// about once a space, where a headline's brand names (`YouTube`, `McAfee`, `PlayStation`)
/// give such a seam now and then.
fn is_glued_tags(text: &str) -> bool {
    let glued = text
        .as_bytes()
        .windows(5)
        .filter(|w| {
            w[..3].iter().all(u8::is_ascii_lowercase)
                && w[3].is_ascii_uppercase()
                && w[4].is_ascii_lowercase()
        })
        .count();
    let words = text.split(' ').count();
    glued >= 2 && glued + 1 >= words && !ends_sentence(text)
}

/// `By Jane Doe`, `Written by Jane Doe, Moscow`, `Author: Jane Doe`: a short credit line under the headline.
fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let name = ["by ", "written by ", "reported by ", "author: ", "author "]
        .iter()
        .find_map(|label| lower.strip_prefix(label));
    name.is_some_and(|name| {
        let words = name.split(' ').count();
        (1..=8).contains(&words) && !ends_sentence(text) && text.len() <= 100
    })
}

/// A line shaped like a headline: short, capitalised, not ending like a sentence.
fn headline_shaped(text: &str) -> bool {
    let words = text.split(' ').count();
    let starts_well =
        text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_well && words <= 25 && text.len() <= 220 && !text.ends_with(['.', ',', ';', ':'])
}

/// Whether a line is the metadata title, ignoring case, spacing and a site suffix.
fn same_title(line: &str, known: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let known = fold(known);
    !known.is_empty() && (fold(line) == known || fold(strip_site_suffix(line)) == known)
}

/// The headline without the site's name: the longest ` | `-separated part, or
/// without a short outlet-like tail after ` - ` / ` – ` / ` — `.
fn strip_site_suffix(title: &str) -> &str {
    let title = title.trim();
    if title.contains(" | ") {
        return title
            .split(" | ")
            .max_by_key(|part| part.len())
            .map(str::trim)
            .unwrap_or(title);
    }
    for dash in [" - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(dash) {
            if tail.split(' ').count() <= 4 && outlet_like(tail) && head.split(' ').count() >= 3 {
                return head.trim();
            }
        }
    }
    title
}

/// Words that mark a name as a news outlet.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "tv",
    "agency",
    "press",
    "daily",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "online",
    "network",
    "radio",
    "telegraph",
    "guardian",
    "review",
    "weekly",
    "today",
    "media",
    "wire",
    "chronicle",
    "observer",
    "reporter",
    "broadcasting",
];

/// News agencies commonly credited at the start of a wire story.
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "upi",
    "ians",
    "pti",
    "ani",
    "dpa",
    "efe",
    "ansa",
    "xinhua",
    "tass",
    "itar-tass",
    "ria",
    "interfax",
    "sputnik",
    "kyodo",
    "yonhap",
    "bernama",
    "anadolu",
    "irna",
    "isna",
    "ilna",
    "mehr",
    "fars",
    "tasnim",
    "wana",
    "sana",
    "spa",
    "kuna",
    "wam",
    "mena",
    "bloomberg",
    "cnn",
    "bbc",
    "aap",
    "apa",
    "cna",
    "ptv",
];

/// Whether a name starts with a known agency's name (`Xinhua News Agency`).
pub(super) fn known_agency(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("").to_lowercase();
    AGENCIES.contains(&first.as_str())
}

/// Whether a name looks like a news outlet: a known agency, a web address or an outlet word.
pub(super) fn outlet_like(name: &str) -> bool {
    let lower = name.to_lowercase();
    let web = [".com", ".net", ".org", ".ir", ".ru", ".co."]
        .iter()
        .any(|tld| lower.contains(tld));
    web || AGENCIES.contains(&lower.as_str())
        || lower
            .split([' ', '-', '/'])
            .any(|word| OUTLET_WORDS.contains(&word) || AGENCIES.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::super::clean;
    use super::super::tests::check;

    #[test]
    fn navigation_and_section_labels_above_the_headline_go() {
        check(
            "Home | World | Middle East\nPOLITICS\n\nEnvoys meet in Vienna\n\nThe envoys met.",
            &[],
            r#"
title: Envoys meet in Vienna
date: - -
source: -
dateline: -
| The envoys met.
- navigation: Home | World | Middle East
- section label: POLITICS"#,
        );
        // A short headline with a body below it is still the headline.
        check(
            "Mutu sacked\n\nChelsea have sacked Adrian Mutu.",
            &[],
            r#"
title: Mutu sacked
date: - -
source: -
dateline: -
| Chelsea have sacked Adrian Mutu."#,
        );
    }

    #[test]
    fn glued_topic_tags_and_a_repeated_headline_above_the_body_go() {
        check(
            "Envoys meet in Vienna\n\nAsiaChinaEastern AsiaIndia\n\nEnvoys meet in Vienna\n\nVienna, Sep 18 The envoys met on Monday in the old city hall.",
            &[],
            r#"
title: Envoys meet in Vienna
date: - -
source: -
dateline: Vienna
| The envoys met on Monday in the old city hall.
- tags: AsiaChinaEastern AsiaIndia
- headline repeated: Envoys meet in Vienna
- dateline: Vienna, Sep 18"#,
        );
        // Brand names glued by design are no tag list.
        check(
            "YouTube bans McAfee ads\n\nThe envoys met.",
            &[],
            r#"
title: YouTube bans McAfee ads
date: - -
source: -
dateline: -
| The envoys met."#,
        );
        assert!(!super::is_glued_tags("PlayStation maker beats WhatsApp"));
    }

    #[test]
    fn site_suffixes_leave_the_title() {
        for (line, title) in [
            (
                "Iran and Russia strengthen cooperation | News",
                "Iran and Russia strengthen cooperation",
            ),
            (
                "World | Envoys meet in Vienna to resume talks",
                "Envoys meet in Vienna to resume talks",
            ),
            ("Envoys meet in Vienna - BBC News", "Envoys meet in Vienna"),
            (
                "Envoys meet in Vienna – Tehran Times",
                "Envoys meet in Vienna",
            ),
            ("Envoys meet in Vienna - Reuters", "Envoys meet in Vienna"),
            // A dash inside a headline is not a site suffix.
            (
                "Iran-Russia co-op bearing fruit, official says",
                "Iran-Russia co-op bearing fruit, official says",
            ),
            (
                "Talks resume - but no deal in sight",
                "Talks resume - but no deal in sight",
            ),
        ] {
            let got = clean(&format!("{line}\n\nBody text here."), &[]);
            assert_eq!(got.title, title, "{line}");
        }
    }

    #[test]
    fn bylines_under_the_headline_go() {
        check(
            "Talks resume\nBy Jane Doe, Moscow\n\nThe talks resumed.",
            &[],
            r#"
title: Talks resume
date: - -
source: -
dateline: -
| The talks resumed.
- byline: By Jane Doe, Moscow"#,
        );
        check(
            "Talks resume\n\nBy the end of the day the talks had resumed.",
            &[],
            r#"
title: Talks resume
date: - -
source: -
dateline: -
| By the end of the day the talks had resumed."#,
        );
    }

    #[test]
    fn header_gives_title_date_and_page_ids() {
        check(
            "Code 134776\nPublishDate: Monday, January 28, 201920:43\n\nSpokesman: Iran to Continue\n\nAVA- \"We are partners,\" Tavakoli told reporters in Tehran on Monday.\n",
            &[],
            r#"
title: Spokesman: Iran to Continue
date: 2019-01-28 20:43
source: AVA
dateline: -
| "We are partners," Tavakoli told reporters in Tehran on Monday.
- page ID: Code 134776
- publication date line: PublishDate: Monday, January 28, 201920:43
- agency prefix: AVA-"#,
        );
    }

    #[test]
    fn title_loses_site_suffix_and_inserted_headlines_go() {
        check(
            "Iran and Russia strengthen cooperation | News\n\n\nThe presidents agreed on Wednesday to strengthen ties.\n\n\nIran urges US to remove obstacles in negotiations in Vienna\n\nThe Russian president highlighted projects.\n\nComments are closed.",
            &[],
            r#"
title: Iran and Russia strengthen cooperation
date: - -
source: -
dateline: -
| The presidents agreed on Wednesday to strengthen ties.
| The Russian president highlighted projects.
- headline: Iran and Russia strengthen cooperation | News
- inserted headline: Iran urges US to remove obstacles in negotiations in Vienna
- comment form: Comments are closed."#,
        );
        // A photo caption with its credit holds a sentence: text, not an inserted headline.
        check(
            "Envoys meet\n\nThe envoys met on Monday.\n\nEnvoys meet in Vienna on Friday. Credit:Jane Doe\n\nThe talks went on.",
            &[],
            r#"
title: Envoys meet
date: - -
source: -
dateline: -
| The envoys met on Monday.
| Envoys meet in Vienna on Friday. Credit:Jane Doe
| The talks went on."#,
        );
    }
}
