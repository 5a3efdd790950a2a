//! The lead: an agency prefix (the source) and a dateline (the place) cut from the
//! first sentence so it reads as a sentence (rule 8).

use communique_core::RemovedText;

use super::header::{known_agency, outlet_like};
use super::{Cleaned, Line};
use crate::dates;

/// A prefix removed from the first body line: how many bytes, and its record.
pub(super) struct Lead {
    pub(super) cut: usize,
    pub(super) removed: Vec<RemovedText>,
}

/// Cuts agency prefixes and datelines from the first kept body line.
pub(super) fn strip_lead(body: &[Line], out: &mut Cleaned) -> Option<Lead> {
    let at = body.iter().position(|l| l.kept())?;
    let text = body[at].text.as_str();
    let mut cut = 0;
    let mut removed = Vec::new();
    // A lead may stack them: `SPACE.com - TORONTO, Canada -- A second team…`.
    for _ in 0..3 {
        let Some(prefix) = lead_prefix(&text[cut..]).or_else(|| dated_dateline(&text[cut..]))
        else {
            break;
        };
        let piece = text[cut..cut + prefix.len].trim();
        if let Some(agency) = prefix.agency {
            out.source.get_or_insert(agency);
            removed.push(RemovedText {
                text: piece.to_owned(),
                reason: "agency prefix".into(),
            });
        }
        if let Some(place) = prefix.dateline {
            out.dateline.get_or_insert(place);
            if removed.last().is_none_or(|r| r.text != piece) {
                removed.push(RemovedText {
                    text: piece.to_owned(),
                    reason: "dateline".into(),
                });
            }
        }
        cut += prefix.len;
    }
    // Bytes of the normalised line; `assemble` slices the same string.
    (cut > 0).then_some(Lead { cut, removed })
}

/// A wire dateline without a dash, as Indian agencies write it once their
/// credit is gone: `Ahmedabad, Sep 18 Chinese President …` (a place of one to
/// three capitalised words, a comma, a month and a day).
fn dated_dateline(text: &str) -> Option<LeadPrefix> {
    let (place, rest) = text.split_once(", ")?;
    let words: Vec<&str> = place.split(' ').collect();
    // "Port of Spain", "Dar es Salaam": short lower-case words inside, never at either end.
    let inner = |i: usize, w: &str| {
        i > 0 && i + 1 < words.len() && matches!(w, "of" | "es" | "de" | "del" | "la" | "el")
    };
    if words.is_empty()
        || words.len() > 4
        || !words.iter().enumerate().all(|(i, w)| {
            inner(i, w) || (w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        })
    {
        return None;
    }
    let mut parts = rest.splitn(3, ' ');
    let month = parts.next()?;
    let day = parts.next()?;
    let after = parts.next()?.trim_start();
    // "ISLAMABAD, Dec 26 (APP):Foreign Minister …": an agency after the date, glued or not.
    let (agency, after) = match after.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((agency, rest)) if !agency.is_empty() && agency.len() <= 30 => (
            Some(agency.trim().to_string()),
            rest.trim_start_matches([':', '-', '–', '—', ' ']),
        ),
        _ => (None, after),
    };
    let day_ok = !day.is_empty() && day.len() <= 2 && day.chars().all(|c| c.is_ascii_digit());
    if dates::month_number(month.trim_end_matches('.')).is_none()
        || !day_ok
        || !after.starts_with(char::is_uppercase)
        || after.len() < 20
    {
        return None;
    }
    Some(LeadPrefix {
        len: text.len() - after.len(),
        agency,
        dateline: Some(dateline_place(place)),
    })
}

/// An agency prefix or dateline at the start of a line.
struct LeadPrefix {
    /// Bytes taken, including the dash and following space.
    len: usize,
    agency: Option<String>,
    dateline: Option<String>,
}

/// Reads `NAME (EXPANSION) – ` or `(AGENCY) - ` at the start of `text`.
fn lead_prefix(text: &str) -> Option<LeadPrefix> {
    let limit = (0..=text.len().min(120))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    let window = &text[..limit];
    let (head, dash_end, glued) = find_lead_dash(window)?;
    let rest = text[dash_end..].trim_start();
    if rest.len() < 20
        || !rest
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
    {
        return None;
    }
    let len = text.len() - rest.len();
    let head = head.trim().trim_end_matches(':');
    // Split off a parenthesis: `SHAFAQNA (Shia …)` or `LOS ANGELES (Reuters)`.
    let (name, paren) = match head.split_once('(') {
        Some((name, paren)) if head.ends_with(')') => {
            (name.trim(), Some(paren.trim_end_matches(')').trim()))
        }
        Some(_) => return None,
        None => (head, None),
    };
    // A sentence's end inside the name (`The News sports editor. HOUSTON`) means it is prose.
    let sentence_end = name
        .split(' ')
        .any(|w| w.len() > 3 && w.ends_with('.') && w.starts_with(char::is_lowercase));
    // Stops are fine in an outlet's name (`SPACE.com`) or a region after the
    // place (`LOS ANGELES, Calif.`), not in a place or plain name.
    let place = name.split(',').next().unwrap_or("").trim();
    if name.split(' ').count() > 5
        || sentence_end
        || (place.contains(['.', '!', '?']) && !outlet_like(name))
    {
        return None;
    }
    let shouting = |s: &str| {
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let prefix = match paren {
        // `(Reuters) - ` with no place before it.
        Some(agency) if name.is_empty() && outlet_like(agency) => LeadPrefix {
            len,
            agency: Some(agency.to_owned()),
            dateline: None,
        },
        // `SHAFAQNA (Shia International News Association)- `: an acronym and
        // its expansion, the dash glued to it. Wire datelines (`PHILADELPHIA
        // (Sports Network) - `) put spaces around the dash.
        Some(expansion)
            if shouting(name)
                && glued
                && !known_agency(expansion)
                && expansion.split(' ').count() >= 2
                && !shouting(expansion) =>
        {
            LeadPrefix {
                len,
                agency: Some(name.to_owned()),
                dateline: None,
            }
        }
        // `LOS ANGELES (Reuters) - `.
        Some(agency) if shouting(place) && outlet_like(agency) => LeadPrefix {
            len,
            agency: Some(agency.to_owned()),
            dateline: Some(dateline_place(name)),
        },
        Some(_) => return None,
        None if outlet_like(name) || (glued && shouting(name)) => LeadPrefix {
            len,
            agency: Some(name.to_owned()),
            dateline: None,
        },
        None if shouting(place) => LeadPrefix {
            len,
            agency: None,
            dateline: Some(dateline_place(name)),
        },
        None => return None,
    };
    Some(prefix)
}

/// The first lead dash: returns the text before it, where the text after it
/// starts, and whether the dash is glued to the word before (`AVA- `).
fn find_lead_dash(window: &str) -> Option<(&str, usize, bool)> {
    for (at, ch) in window.char_indices() {
        if !matches!(ch, '-' | '–' | '—') {
            continue;
        }
        let before = &window[..at];
        let mut end = at + ch.len_utf8();
        // `--` counts as one dash.
        while let Some(next) = window[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '–' | '—'))
        {
            end += next.len_utf8();
        }
        let spaced_after = window[end..].starts_with(' ');
        let spaced_before = before.ends_with(' ');
        if spaced_after && !before.trim().is_empty() {
            return Some((before, end, !spaced_before));
        }
        if !spaced_before {
            // A hyphen inside a word (`Iran-Russia`): not a lead dash, keep looking.
            continue;
        }
        return None;
    }
    None
}

/// The place of a dateline in title case, without a date written after it:
/// `MOSCOW, September 14` → `Moscow`, `LOS ANGELES, Calif.` → `Los Angeles, Calif.`
fn dateline_place(name: &str) -> String {
    let parts: Vec<&str> = name
        .split(',')
        .map(str::trim)
        .filter(|part| {
            let first = part.split(' ').next().unwrap_or("");
            !part.is_empty()
                && dates::month_number(first).is_none()
                && !first.starts_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    title_case(&parts.join(", "))
}

/// `LOS ANGELES, Calif.` → `Los Angeles, Calif.`
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first)
                    if word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase) =>
                {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn dateline_and_comment_form_with_captcha() {
        check(
            "Iran-Russia co-op bearing fruit, official says\n\nSeptember 14, 2016 - 15:34\n\nTEHRAN \u{2013} Iranian Deputy Foreign Minister said on Wednesday that ties grow.\n\nHe said more.\u{a0}\n\n\nLeave a Comment\n\n9 + 7 =",
            &[],
            r#"
title: Iran-Russia co-op bearing fruit, official says
date: 2016-09-14 15:34
source: -
dateline: Tehran
| Iranian Deputy Foreign Minister said on Wednesday that ties grow.
| He said more.
- publication date line: September 14, 2016 - 15:34
- dateline: TEHRAN –
- comment form: Leave a Comment
- comment form (captcha): 9 + 7 ="#,
        );
    }

    #[test]
    fn dateline_with_month_and_day_and_no_dash() {
        check(
            "Modi and Xi meet\n\nAhmedabad, Sep 18  Chinese President Xi Jinping was given a grand welcome on his arrival here.",
            &[],
            r#"
title: Modi and Xi meet
date: - -
source: -
dateline: Ahmedabad
| Chinese President Xi Jinping was given a grand welcome on his arrival here.
- dateline: Ahmedabad, Sep 18"#,
        );
    }

    #[test]
    fn dateline_with_month_and_day_and_a_glued_agency() {
        check(
            "Saudi FM arrives\n\nISLAMABAD, Dec 26 (APP):Foreign Minister Faisal bin Farhan arrived here on Thursday.",
            &[],
            r#"
title: Saudi FM arrives
date: - -
source: APP
dateline: Islamabad
| Foreign Minister Faisal bin Farhan arrived here on Thursday.
- agency prefix: ISLAMABAD, Dec 26 (APP):"#,
        );
    }

    #[test]
    fn dateline_of_a_place_with_a_lower_case_word() {
        check(
            "Summit opens\n\nPort of Spain, July 3 (RHC)-- The meeting of heads of state began this Monday.",
            &[],
            r#"
title: Summit opens
date: - -
source: RHC
dateline: Port of Spain
| The meeting of heads of state began this Monday.
- agency prefix: Port of Spain, July 3 (RHC)--"#,
        );
    }

    #[test]
    fn datelines_lose_their_date_and_agencies_stand_alone() {
        check(
            "Talks in Moscow\n\nMOSCOW, September 14 (IRNA) – Iranian and Russian officials met on Wednesday.",
            &[],
            r#"
title: Talks in Moscow
date: - -
source: IRNA
dateline: Moscow
| Iranian and Russian officials met on Wednesday.
- agency prefix: MOSCOW, September 14 (IRNA) –"#,
        );
        check(
            "Talks in Moscow\n\n(IRNA) - Iranian and Russian officials met on Wednesday.",
            &[],
            r#"
title: Talks in Moscow
date: - -
source: IRNA
dateline: -
| Iranian and Russian officials met on Wednesday.
- agency prefix: (IRNA) -"#,
        );
    }

    #[test]
    fn wire_leads_and_known_titles() {
        check(
            "Apple Launches Graphics Software\n LOS ANGELES (Reuters) - Apple Computer Inc. on Tuesday began shipping software.",
            &["Apple Launches Graphics Software"],
            r#"
title: Apple Launches Graphics Software
date: - -
source: Reuters
dateline: Los Angeles
| Apple Computer Inc. on Tuesday began shipping software.
- agency prefix: LOS ANGELES (Reuters) -"#,
        );
        check(
            "GERMANTOWN, Md. - A Maryland-based private lab has fired an analyst.",
            &[],
            r#"
title: A Maryland-based private lab has fired an analyst.
date: - -
source: -
dateline: Germantown, Md.
| A Maryland-based private lab has fired an analyst.
- dateline: GERMANTOWN, Md. -
! no headline found; title taken from the first sentence"#,
        );
        check(
            "SPACE.com - TORONTO, Canada -- A second team of rocketeers competing for the prize.",
            &[],
            r#"
title: A second team of rocketeers competing for the prize.
date: - -
source: SPACE.com
dateline: Toronto, Canada
| A second team of rocketeers competing for the prize.
- agency prefix: SPACE.com -
- dateline: TORONTO, Canada --
! no headline found; title taken from the first sentence"#,
        );
    }
}
